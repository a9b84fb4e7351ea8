package adapterkit_test

import (
	"testing"

	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

func TestCompatible(t *testing.T) {
	for _, c := range []struct {
		a, b []tk
		fold bool
		want bool
	}{
		{[]tk{lit("/posts/"), p("id")}, []tk{lit("/posts/new")}, false, true},
		{[]tk{lit("/posts/"), p("id")}, []tk{lit("/posts/new/x")}, false, false},
		{[]tk{lit("/posts/"), wild("r")}, []tk{lit("/posts/new/x")}, false, true},
		{[]tk{lit("/Posts/"), p("id")}, []tk{lit("/posts/new")}, false, false},
		{[]tk{lit("/Posts/"), p("id")}, []tk{lit("/posts/new")}, true, true},
		{[]tk{lit("/e/"), p("id"), lit(".json")}, []tk{lit("/e/"), p("x")}, false, true},
		{[]tk{lit("/e/"), p("id")}, []tk{lit("/e/")}, false, false},
	} {
		if got := adapterkit.Compatible(c.a, c.b, c.fold); got != c.want {
			t.Errorf("Compatible(%v, %v, %v) = %v", c.a, c.b, c.fold, got)
		}
	}
}

func TestCanStart(t *testing.T) {
	for _, c := range []struct {
		re, prefix string
		want       bool
	}{
		{`[0-9]+`, "12", true},
		{`[0-9]+`, "1a", false},
		{`draft-[0-9]+`, "draft", true},
		{`draft-[0-9]+`, "drafts", false},
		{`(?i)new`, "NE", true},
		{`a|bc`, "b", true},
		{`a|bc`, "c", false},
		{`\bx`, "x", true},
		{`(`, "anything", true},
		{`.*`, "a\nb", false},
		{`(?s).*`, "a\nb", true},
	} {
		if got := adapterkit.CanStart(c.re, c.prefix); got != c.want {
			t.Errorf("CanStart(%q, %q) = %v, want %v", c.re, c.prefix, got, c.want)
		}
	}
}
