package urlfor_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/urlfor"
)

// Every kind of Taken set refuses what it says and nothing else, names the
// route in ParamError.TakenBy, and on a wildcard compares the whole value.
func TestTakenBy(t *testing.T) {
	many := make([]string, 0, 20)
	for _, c := range "abcdefghijklmnopqrst" {
		many = append(many, "s-"+string(c))
	}
	param := func(sets ...urlfor.Taken) *urlfor.Template {
		t.Helper()
		tm, err := urlfor.NewTemplate("/x/{id}", []urlfor.Part{urlfor.Literal("/x/"), urlfor.Param("id").TakenBy(sets...)})
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	wild := func(slashed bool, sets ...urlfor.Taken) *urlfor.Template {
		t.Helper()
		w := urlfor.Wildcard("rest").TakenBy(sets...)
		if slashed {
			w = w.SlashPrefixed()
		}
		tm, err := urlfor.NewTemplate("/f/{rest...}", []urlfor.Part{urlfor.Literal("/f/"), w})
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	exact := param(urlfor.Taken{By: "GET /x/new", Values: []string{"new", "drafts"}})
	big := param(urlfor.Taken{By: "GET /x/s-*", Values: many})
	fold := param(urlfor.Taken{By: "GET /x/NEW", Values: []string{"new"}, Fold: true})
	prefix := param(urlfor.Taken{By: "GET /x/draft-{n}", Prefixes: []string{"draft-"}})
	prefixFold := param(urlfor.Taken{By: "GET /x/draft-:n", Prefixes: []string{"draft-"}, Fold: true})
	proper := param(urlfor.Taken{By: "GET /x/draft-:n", Prefixes: []string{"draft-"}, Proper: true})
	match := param(urlfor.Taken{By: "GET /x/{y:[0-9]+}", Matching: "[0-9]+"})
	wildExact := wild(false, urlfor.Taken{By: "GET /f/readme", Values: []string{"readme"}})
	wildSlash := wild(true, urlfor.Taken{By: "GET /f/readme", Values: []string{"readme"}})
	wildNonEmpty := wild(false, urlfor.Taken{By: "GET /f/{id}", NonEmpty: true})
	wildPrefix := wild(false, urlfor.Taken{By: "GET /f/docs/{rest...}", Prefixes: []string{"docs/"}})
	for _, c := range []struct {
		tm    *urlfor.Template
		key   string
		value string
		by    string // "" when the build succeeds
		why   string // part of the reason
	}{
		{exact, "id", "new", "GET /x/new", `reaches "GET /x/new" instead`},
		{exact, "id", "drafts", "GET /x/new", ""},
		{exact, "id", "NEW", "", ""},
		{exact, "id", "new2", "", ""},
		{big, "id", "s-q", "GET /x/s-*", ""},
		{big, "id", "s-z", "", ""},
		{big, "id", "s-", "", ""},
		{fold, "id", "nEw", "GET /x/NEW", ""},
		{fold, "id", "news", "", ""},
		{prefix, "id", "draft-1", "GET /x/draft-{n}", `starts with "draft-"`},
		{prefix, "id", "draft-", "GET /x/draft-{n}", ""},
		{prefix, "id", "Draft-1", "", ""},
		{prefix, "id", "draft", "", ""},
		{prefixFold, "id", "DRAFT-x", "GET /x/draft-:n", ""},
		{proper, "id", "draft-1", "GET /x/draft-:n", ""},
		{proper, "id", "draft-", "", ""},
		{match, "id", "2024", "GET /x/{y:[0-9]+}", `matches "[0-9]+"`},
		{match, "id", "2024a", "", ""},
		{wildExact, "rest", "readme", "GET /f/readme", ""},
		{wildExact, "rest", "readme/x", "", ""},
		{wildExact, "rest", "/readme", "", `starts with "/"`},
		{wildSlash, "rest", "/readme", "GET /f/readme", ""},
		{wildNonEmpty, "rest", "", "", ""},
		{wildNonEmpty, "rest", "a/b", "GET /f/{id}", "is not empty"},
		{wildPrefix, "rest", "docs/a", "GET /f/docs/{rest...}", ""},
		{wildPrefix, "rest", "doc", "", ""},
	} {
		u, err := c.tm.Build(c.key, c.value)
		var pe *urlfor.ParamError
		switch {
		case c.by == "" && c.why == "":
			if err != nil {
				t.Errorf("%s %q: %v, want a URL", c.tm.Pattern(), c.value, err)
			}
		case !errors.As(err, &pe) || !errors.Is(err, urlfor.ErrInvalidParam):
			t.Errorf("%s %q: %q, %v; want a ParamError", c.tm.Pattern(), c.value, u, err)
		case pe.TakenBy != c.by:
			t.Errorf("%s %q: TakenBy %q, want %q (%v)", c.tm.Pattern(), c.value, pe.TakenBy, c.by, err)
		case !strings.Contains(pe.Reason, c.why):
			t.Errorf("%s %q: reason %q, want it to say %q", c.tm.Pattern(), c.value, pe.Reason, c.why)
		}
	}
}

// A Matching that does not compile is the template's error.
func TestTakenByBadRegexp(t *testing.T) {
	_, err := urlfor.NewTemplate("/x/{id}", []urlfor.Part{urlfor.Literal("/x/"), urlfor.Param("id").TakenBy(urlfor.Taken{By: "R", Matching: "("})})
	if !errors.Is(err, urlfor.ErrInvalidTemplate) || !strings.Contains(err.Error(), `"R"`) {
		t.Fatalf("err = %v, want ErrInvalidTemplate naming the route", err)
	}
}

// TakenBy adds up and does not change the Part it was called on.
func TestTakenByAddsUp(t *testing.T) {
	base := urlfor.Param("id").TakenBy(urlfor.Taken{By: "A", Values: []string{"a"}})
	both := base.TakenBy(urlfor.Taken{By: "B", Values: []string{"b"}})
	for _, c := range []struct {
		p       urlfor.Part
		value   string
		refused bool
	}{{base, "a", true}, {base, "b", false}, {both, "a", true}, {both, "b", true}} {
		tm, err := urlfor.NewTemplate("/x/{id}", []urlfor.Part{urlfor.Literal("/x/"), c.p})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tm.Build("id", c.value); (err != nil) != c.refused {
			t.Errorf("%q: err = %v, refused want %v", c.value, err, c.refused)
		}
	}
}

// BenchmarkTaken builds one parameter with no Taken set, and beside static
// siblings (a few exact values, then hundreds, a prefix, a fold), so that
// the cost of the check shows next to a plain build (issue 11's goal: a
// build beside siblings within 1.2x of one without).
func BenchmarkTaken(b *testing.B) {
	many := make([]string, 500)
	for i := range many {
		many[i] = "static-" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + string(rune('a'+i/26%26))
	}
	for _, c := range []struct {
		name string
		part urlfor.Part
	}{
		{"none", urlfor.Param("id")},
		{"exact3", urlfor.Param("id").TakenBy(urlfor.Taken{By: "GET /x/new", Values: []string{"new", "edit", "drafts"}})},
		{"exact500", urlfor.Param("id").TakenBy(urlfor.Taken{By: "GET /x/static", Values: many})},
		{"fold3", urlfor.Param("id").TakenBy(urlfor.Taken{By: "GET /x/NEW", Values: []string{"new", "edit", "drafts"}, Fold: true})},
		{"prefix", urlfor.Param("id").TakenBy(urlfor.Taken{By: "GET /x/draft-{n}", Prefixes: []string{"draft-"}})},
	} {
		tm, err := urlfor.NewTemplate("/x/{id}", []urlfor.Part{urlfor.Literal("/x/"), c.part})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := tm.Build("id", "hello-world"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
