package adapterkit_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// On random route tables, the index gives what Siblings over all routes
// gives, for every route and token, with and without case folding.
func TestSiblingIndex(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	lits := []string{"/", "/a", "/A", "/a/", "/ab", "/a-", "/b", "-", ".json", "/Жx", "/жx", "/k", "/\u212a", "\xff"}
	gen := func(n int) []adapterkit.Shape {
		routes := make([]adapterkit.Shape, n)
		for r := range routes {
			var toks []adapterkit.Token
			for k := range 1 + rng.IntN(6) {
				switch {
				case k%2 == 0:
					toks = append(toks, adapterkit.Lit(lits[rng.IntN(len(lits))]))
				case rng.IntN(6) == 0:
					toks = append(toks, adapterkit.Re("y", "[0-9]+"))
				case rng.IntN(5) == 0:
					toks = append(toks, adapterkit.Wild("rest"))
				default:
					toks = append(toks, adapterkit.P(fmt.Sprint("p", k)))
				}
				if toks[len(toks)-1].Wildcard {
					break
				}
			}
			routes[r] = adapterkit.Shape{By: fmt.Sprint("r", r), Tokens: toks}
		}
		return routes
	}
	checked := 0
	for round := range 300 {
		routes := gen(1 + rng.IntN(40))
		for _, fold := range []bool{false, true} {
			x := adapterkit.NewSiblingIndex(routes, fold)
			for r := range routes {
				for i := range len(routes[r].Tokens) + 1 {
					want := adapterkit.Siblings(routes, r, i, fold)
					if got := x.Siblings(r, i); !reflect.DeepEqual(got, want) {
						t.Fatalf("round %d, fold %v, route %d %v, token %d: index %+v, Siblings %+v", round, fold, r, routes[r].Tokens, i, got, want)
					}
					checked += len(want)
				}
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d candidates compared: the generator is too sparse", checked)
	}
}

// Near lists the routes at the node of a parameter, for adapters that
// shape each sibling their own way.
func TestSiblingIndexNear(t *testing.T) {
	routes := []adapterkit.Shape{
		{By: "post", Tokens: []adapterkit.Token{adapterkit.Lit("/posts/"), adapterkit.P("id")}},
		{By: "new", Tokens: []adapterkit.Token{adapterkit.Lit("/posts/new")}},
		{By: "draft", Tokens: []adapterkit.Token{adapterkit.Lit("/posts/draft-"), adapterkit.P("n")}},
		{By: "user", Tokens: []adapterkit.Token{adapterkit.Lit("/users/"), adapterkit.P("id")}},
		{By: "POSTS", Tokens: []adapterkit.Token{adapterkit.Lit("/POSTS/x")}},
	}
	if got := adapterkit.NewSiblingIndex(routes, false).Near(0, 1); !reflect.DeepEqual(got, []int{1, 2}) {
		t.Errorf("Near = %v", got)
	}
	if got := adapterkit.NewSiblingIndex(routes, true).Near(0, 1); !reflect.DeepEqual(got, []int{1, 2, 4}) {
		t.Errorf("Near, folding = %v", got)
	}
	if got := adapterkit.NewSiblingIndex(routes, false).Near(1, 0); got != nil {
		t.Errorf("Near of a literal = %v", got)
	}
}

func BenchmarkSiblingIndex(b *testing.B) {
	routes := make([]adapterkit.Shape, 2000)
	for r := range routes {
		routes[r] = adapterkit.Shape{By: fmt.Sprint(r), Tokens: []adapterkit.Token{adapterkit.Lit(fmt.Sprintf("/r%d/", r)), adapterkit.P("id")}}
	}
	for b.Loop() {
		x := adapterkit.NewSiblingIndex(routes, false)
		for r := range routes {
			x.Siblings(r, 1)
		}
	}
}
