package partychi

import (
	"cmp"
	"net/url"
	"slices"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Values other routes take.
//
// chi's tree (tree.go findRoute) tries, at every node, the static child
// first, then regexp parameters, then plain parameters, then the
// catch-all, and it backtracks when a branch has no route further down or
// no handler for the request's method; a mount takes its whole prefix, for
// every method, with no fallback. So a URL built for one route may reach
// another (shadow_test.go has one row per case, through a real router):
// "/posts/new" beside "/posts/{id}", "/x/new-{y}" beside "/x/{id}",
// "/r/{y:[0-9]+}" beside "/r/{id}", "/f/readme" or "/f/{id}" beside
// "/f/*", Mount("/api", sub) beside "/{id}/x".
//
// The adapter does not model that precedence: [adapterkit.Siblings] finds
// the candidates in the patterns, and chi itself is asked
// ([adapterkit.Confirm] with Mux.Find, which runs no handler) whether a URL
// of the route with a candidate's sample value reaches another route, for
// each method of the endpoint. One question decides when nothing after the
// parameter is another parameter and the parameters before it are
// constrained alike in both routes (the probe's other values then fit the
// sibling as well as the route); otherwise the candidate is kept when the
// sibling takes one of the endpoint's methods (the safe side). What is
// kept is refused with [urlfor.Part.TakenBy], naming the sibling.
//
// The refusals err on the safe side where a set of values cannot say it
// (TestDifferential lists each case): a prefix is taken whole though the
// sibling needs a non-empty or constrained rest ("new-" beside
// "/x/new-{y}"), and a competition that needs two parameters at once
// ("/t/{b:[0-9]+}/new" beside "/t/{a}/{id}") refuses the values of each.

// table is every route and mount of the router, in a stable order, with
// an index of their siblings (adapterkit.SiblingIndex).
type table struct {
	routes []*chiRoute
	at     map[*chiRoute]int // index in routes
	sibs   *adapterkit.SiblingIndex
	byName map[string]*chiRoute
}

func newTable(routes map[string]*chiRoute) *table {
	t := &table{byName: map[string]*chiRoute{}, at: map[*chiRoute]int{}}
	for _, r := range routes {
		if len(r.tokens) > 0 {
			t.routes = append(t.routes, r)
		}
	}
	slices.SortFunc(t.routes, func(a, b *chiRoute) int {
		if c := strings.Compare(a.tokens[0].Literal, b.tokens[0].Literal); c != 0 {
			return c
		}
		return strings.Compare(a.pattern, b.pattern)
	})
	shapes := make([]adapterkit.Shape, len(t.routes))
	for k, r := range t.routes {
		shapes[k], t.at[r] = adapterkit.Shape{By: r.by(), Tokens: r.tokens}, k
		t.byName[r.by()] = r
	}
	t.sibs = adapterkit.NewSiblingIndex(shapes, false)
	return t
}

// taken returns, by parameter key, the values other routes take from the
// endpoint e, whose template without them is base; nil when none.
func (t *table) taken(router chi.Routes, e *endpoint, base *urlfor.Template) map[string][]urlfor.Taken {
	toks := e.route.tokens
	self, ok := t.at[e.route]
	if !ok {
		return nil
	}
	var out map[string][]urlfor.Taken
	for i, tok := range toks {
		var kept []adapterkit.Candidate
		for _, c := range t.sibs.Siblings(self, i) {
			sib := t.byName[c.By]
			switch {
			case decides(toks, i, sib.tokens):
				kept = append(kept, adapterkit.Confirm([]adapterkit.Candidate{c}, func(v string) bool {
					return reaches(router, e, base, i, v)
				})...)
			case sib.mount || slices.ContainsFunc(sib.methods, func(m string) bool { return slices.Contains(e.methods, m) }):
				kept = append(kept, c)
			}
		}
		if len(kept) > 0 {
			if out == nil {
				out = map[string][]urlfor.Taken{}
			}
			out[tok.Param] = adapterkit.Takens(kept)
		}
	}
	return out
}

// decides reports whether one probe of token i decides for every value of
// the other parameters: none after i, and those before i (at the same
// places in the sibling, Siblings checked) constrained alike.
func decides(toks []adapterkit.Token, i int, sib []adapterkit.Token) bool {
	for _, tk := range toks[i+1:] {
		if tk.Literal == "" {
			return false
		}
	}
	for k := range i - 1 {
		if toks[k].Constraint != sib[k].Constraint {
			return false
		}
	}
	return true
}

// reaches asks chi whether the URL of e with v for token i (and a sample
// value for every other parameter), as chi routes it (RawPath when Go sets
// one, else the decoded path), reaches anything but e's route for one of
// e's methods. A URL the template refuses cannot be asked: it reaches
// elsewhere, the safe side.
func reaches(router chi.Routes, e *endpoint, base *urlfor.Template, i int, v string) bool {
	var pairs []string
	for k, tk := range e.route.tokens {
		switch {
		case k == i:
			pairs = append(pairs, tk.Param, v)
		case tk.Constraint != "":
			pairs = append(pairs, tk.Param, adapterkit.Sample(tk.Constraint))
		case tk.Literal == "":
			pairs = append(pairs, tk.Param, "x")
		}
	}
	built, err := base.Build(pairs...)
	if err != nil {
		return true
	}
	u, err := url.Parse(built)
	if err != nil {
		return true
	}
	path := cmp.Or(u.RawPath, u.Path)
	for _, m := range e.methods {
		if router.Find(chi.NewRouteContext(), m, path) != e.route.pattern {
			return true
		}
	}
	return false
}
