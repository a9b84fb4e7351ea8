package urlfor_test

import (
	"regexp"
	"testing"

	"github.com/partyline-go/partyline/urlfor"
)

// ExceptRE's regexp, anchored as urlfor anchors constraints, refuses
// exactly the listed values and everything under the listed prefixes.
func TestExceptRE(t *testing.T) {
	for _, c := range []struct {
		exact, prefixes []string
		fold            bool
		refused, kept   []string
	}{
		{[]string{"new", "latest"}, nil, false, []string{"new", "latest"}, []string{"", "ne", "news", "NEW", "lates", "a\nnew", "é"}},
		{nil, []string{"new-"}, false, []string{"new-", "new-a", "new-/x"}, []string{"new", "new_", "NEW-a", "x"}},
		{[]string{"a.b"}, []string{"é"}, false, []string{"a.b", "é", "éx"}, []string{"a-b", "axb", "e"}},
		{[]string{"new"}, nil, true, []string{"new", "NEW", "NeW"}, []string{"news", "ne"}},
		{nil, []string{""}, false, []string{"", "anything"}, nil},
		{nil, nil, false, nil, []string{"", "x", "\n"}},
	} {
		re := regexp.MustCompile(`^(?:` + urlfor.ExceptRE(c.exact, c.prefixes, c.fold) + `)$`)
		for _, v := range c.refused {
			if re.MatchString(v) {
				t.Errorf("ExceptRE(%q, %q, %v) = %s matches %q", c.exact, c.prefixes, c.fold, re, v)
			}
		}
		for _, v := range c.kept {
			if !re.MatchString(v) {
				t.Errorf("ExceptRE(%q, %q, %v) = %s refuses %q", c.exact, c.prefixes, c.fold, re, v)
			}
		}
	}
}
