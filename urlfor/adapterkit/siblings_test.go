package adapterkit_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

type tk = adapterkit.Token

var (
	lit  = adapterkit.Lit
	p    = adapterkit.P
	re   = adapterkit.Re
	wild = adapterkit.Wild
)

// Siblings finds, from the patterns alone, the values a sibling route may
// take from a parameter: the cases of its doc table, then the ones it must
// leave alone.
func TestSiblings(t *testing.T) {
	for _, c := range []struct {
		name    string
		route   []tk
		i       int
		sibling []tk
		fold    bool
		want    string // "kind value sample", or "" for none
	}{
		{"static beside param", []tk{lit("/posts/"), p("id")}, 1, []tk{lit("/posts/new")}, false, "exact new new"},
		{"static in segment", []tk{lit("/e/"), p("id"), lit(".json")}, 1, []tk{lit("/e/new.json")}, false, "exact new new"},
		{"prefix family", []tk{lit("/items/"), p("id")}, 1, []tk{lit("/items/draft-"), p("n")}, false, "prefix draft- draft-x"},
		{"prefix family, constrained", []tk{lit("/items/"), p("id")}, 1, []tk{lit("/items/draft-"), re("n", "[0-9]+")}, false, "prefix draft- draft-0"},
		{"constrained beside plain", []tk{lit("/r/"), p("id")}, 1, []tk{lit("/r/"), re("y", "[0-9]+")}, false, "matching [0-9]+ 0"},
		{"static beside wildcard", []tk{lit("/f/"), wild("rest")}, 1, []tk{lit("/f/readme")}, false, "exact readme readme"},
		{"param beside wildcard", []tk{lit("/f/"), wild("rest")}, 1, []tk{lit("/f/"), p("id")}, false, "matching [^/]+ a"},
		{"deeper static beside wildcard", []tk{lit("/f/"), wild("rest")}, 1, []tk{lit("/f/docs/"), p("id")}, false, "prefix docs/ docs/x"},
		{"sibling ends where the wildcard starts", []tk{lit("/f/"), wild("rest")}, 1, []tk{lit("/f/")}, false, "exact  "},
		{"folded", []tk{lit("/c/"), p("id")}, 1, []tk{lit("/C/NEW")}, true, "exact NEW NEW"},
		{"not folded", []tk{lit("/c/"), p("id")}, 1, []tk{lit("/C/NEW")}, false, ""},
		{"deeper static, dead end", []tk{lit("/posts/"), p("id")}, 1, []tk{lit("/posts/new/edit")}, false, ""},
		{"deeper static, same rest", []tk{lit("/p/"), p("id"), lit("/edit")}, 1, []tk{lit("/p/new/edit")}, false, "exact new new"},
		{"another parent", []tk{lit("/posts/"), p("id")}, 1, []tk{lit("/pages/new")}, false, ""},
		{"same plain param", []tk{lit("/posts/"), p("id")}, 1, []tk{lit("/posts/"), p("slug"), lit("/x")}, false, ""},
		{"same constraint", []tk{lit("/r/"), re("id", "[0-9]+")}, 1, []tk{lit("/r/"), re("y", "[0-9]+")}, false, ""},
		{"constrained, other rest", []tk{lit("/r/"), p("id")}, 1, []tk{lit("/r/"), re("y", "[0-9]+"), lit("/x")}, false, ""},
		{"earlier param differs", []tk{lit("/a/"), p("x"), lit("/"), p("id")}, 3, []tk{lit("/b/"), p("x"), lit("/new")}, false, ""},
		{"earlier param same", []tk{lit("/a/"), p("x"), lit("/"), p("id")}, 3, []tk{lit("/a/"), p("y"), lit("/new")}, false, "exact new new"},
		{"literal token", []tk{lit("/posts/"), p("id")}, 0, []tk{lit("/posts/new")}, false, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			routes := []adapterkit.Shape{{By: "GET route", Tokens: c.route}, {By: "GET sibling", Tokens: c.sibling}}
			got := adapterkit.Siblings(routes, 0, c.i, c.fold)
			var desc []string
			for _, g := range got {
				kind := [...]string{"exact", "prefix", "matching"}[g.Kind]
				desc = append(desc, kind+" "+g.Value+" "+g.Sample)
				if g.By != "GET sibling" {
					t.Errorf("By = %q", g.By)
				}
				if g.Fold != (c.fold && g.Kind != adapterkit.Matching) {
					t.Errorf("Fold = %v", g.Fold)
				}
			}
			if strings.Join(desc, "; ") != c.want {
				t.Errorf("Siblings = %q, want %q", strings.Join(desc, "; "), c.want)
			}
		})
	}
}

// A route is not its own sibling, and every other route is looked at.
func TestSiblingsSkipsItself(t *testing.T) {
	routes := []adapterkit.Shape{
		{By: "a", Tokens: []tk{lit("/posts/"), p("id")}},
		{By: "b", Tokens: []tk{lit("/posts/new")}},
		{By: "c", Tokens: []tk{lit("/posts/edit")}},
		{By: "d", Tokens: []tk{lit("/posts/"), p("id")}},
	}
	got := adapterkit.Takens(adapterkit.Siblings(routes, 0, 1, false))
	want := []urlfor.Taken{{By: "b", Values: []string{"new"}}, {By: "c", Values: []string{"edit"}}}
	if !equalTakens(got, want) {
		t.Errorf("Takens = %+v, want %+v", got, want)
	}
}

// Confirm keeps what the router confirms, and what it cannot ask about.
func TestConfirm(t *testing.T) {
	cands := []adapterkit.Candidate{
		{Kind: adapterkit.Exact, Value: "new", Sample: "new", By: "x"},
		{Kind: adapterkit.Exact, Value: "edit", Sample: "edit", By: "y"},
		{Kind: adapterkit.Matching, Value: `\b`, By: "z"},
	}
	var asked []string
	got := adapterkit.Confirm(cands, func(v string) bool { asked = append(asked, v); return v == "new" })
	if len(got) != 2 || got[0].Value != "new" || got[1].By != "z" {
		t.Errorf("Confirm = %+v", got)
	}
	if !slices.Equal(asked, []string{"new", "edit"}) {
		t.Errorf("asked %q", asked)
	}
	if len(cands) != 3 || cands[1].Value != "edit" {
		t.Errorf("Confirm changed its input: %+v", cands)
	}
}

// Takens makes one set per route and fold, and a second set for a second
// pattern of the same route.
func TestTakens(t *testing.T) {
	got := adapterkit.Takens([]adapterkit.Candidate{
		{Kind: adapterkit.Exact, Value: "new", By: "a"},
		{Kind: adapterkit.Prefix, Value: "draft-", By: "a"},
		{Kind: adapterkit.Exact, Value: "NEW", By: "a", Fold: true},
		{Kind: adapterkit.Prefix, Value: "x-", By: "a", Proper: true},
		{Kind: adapterkit.Matching, Value: "[0-9]+", By: "b"},
		{Kind: adapterkit.Matching, Value: "[a-z]+", By: "b"},
	})
	want := []urlfor.Taken{
		{By: "a", Values: []string{"new"}, Prefixes: []string{"draft-"}},
		{By: "a", Values: []string{"NEW"}, Fold: true},
		{By: "a", Prefixes: []string{"x-"}, Proper: true},
		{By: "b", Matching: "[0-9]+"},
		{By: "b", Matching: "[a-z]+"},
	}
	if !equalTakens(got, want) {
		t.Errorf("Takens = %+v\nwant %+v", got, want)
	}
}

func equalTakens(a, b []urlfor.Taken) bool {
	return slices.EqualFunc(a, b, func(x, y urlfor.Taken) bool {
		return x.By == y.By && x.Fold == y.Fold && x.Matching == y.Matching && x.NonEmpty == y.NonEmpty &&
			slices.Equal(x.Values, y.Values) && slices.Equal(x.Prefixes, y.Prefixes)
	})
}

// The candidates Siblings finds, turned into Taken sets, refuse exactly the
// values that reach the sibling in a template built from the route.
func TestSiblingsIntoTemplate(t *testing.T) {
	routes := []adapterkit.Shape{
		{By: "GET /items/{id}", Tokens: []tk{lit("/items/"), p("id")}},
		{By: "GET /items/new", Tokens: []tk{lit("/items/new")}},
		{By: "GET /items/draft-{n}", Tokens: []tk{lit("/items/draft-"), p("n")}},
		{By: "GET /items/{y:[0-9]+}", Tokens: []tk{lit("/items/"), re("y", "[0-9]+")}},
	}
	tm, err := urlfor.NewTemplate("/items/{id}", []urlfor.Part{
		urlfor.Literal("/items/"), urlfor.Param("id").TakenBy(adapterkit.Takens(adapterkit.Siblings(routes, 0, 1, false))...),
	})
	if err != nil {
		t.Fatal(err)
	}
	for v, by := range map[string]string{"new": "GET /items/new", "draft-1": "GET /items/draft-{n}", "2024": "GET /items/{y:[0-9]+}", "news": "", "x2024": ""} {
		_, err := tm.Build("id", v)
		var pe *urlfor.ParamError
		switch {
		case by == "" && err != nil:
			t.Errorf("%q: %v", v, err)
		case by != "" && (!errorsAs(err, &pe) || pe.TakenBy != by):
			t.Errorf("%q: %v, want it taken by %q", v, err, by)
		}
	}
}
