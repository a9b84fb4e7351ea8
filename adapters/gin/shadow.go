package partygin

import (
	"fmt"
	"slices"
	"strings"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Values other routes take. gin's trees have no public lookup, so this is
// a model of gin's (tree.go getValue), tested against gin itself
// (shadow_diff_test.go). One tree per method; at every node the static
// child is tried before the parameter, and gin backtracks to the parameter
// when the static branch fails further down ("/posts/new/edit" takes
// nothing from "/posts/:id"), but not always. A value is taken when its
// URL matches ([adapterkit.Siblings]):
//
//   - a sibling ("/users/me" takes "me" from "/users/:id"; "/user_:name"
//     takes every page longer than "user_" from "/:page": a parameter that
//     fills its segment is never empty), or that sibling without a
//     parameter that follows text and precedes "/", which gin lets be
//     empty ("/p/x1:n/x" takes "x1" from "/p/:id/x");
//   - a sibling cut where gin, having followed it, stops without
//     backtracking: after a parameter the sibling goes on from (no
//     handler), or past a parameter with nothing below it ("/p/new:n"
//     takes "new1" from "/p/:id/edit");
//   - a sibling but for a trailing "/": gin recommends a redirect instead
//     ("/posts/new/" takes "new" from "/posts/:id");
//   - for a URL that ends with "/", a sibling cut where a node of gin's
//     tree ends, with that "/": gin does not backtrack from a lone "/"
//     ("/p/abc" and "/p/abd" take "ab" from "/p/:id/").
//
// Registration order does not matter, nor letter case (RedirectFixedPath
// acts only on a path that matched nothing). Invite paths, which the party
// answers 404, are refused by urlfor itself.

// siblingIndex finds the routes of one method that may compete for a
// parameter of another (adapterkit.SiblingIndex, one per method: one tree
// per method in gin).
type siblingIndex struct {
	shapes []adapterkit.Shape // By is "METHOD pattern"
	index  map[string]*adapterkit.SiblingIndex
	method [][]int // method[s]: the shapes of shapes[s]'s method, as its index has them
	at     []int   // at[s]: where shapes[s] is in method[s]
}

func newSiblingIndex(shapes []adapterkit.Shape) *siblingIndex {
	x := &siblingIndex{shapes: shapes, index: map[string]*adapterkit.SiblingIndex{}, method: make([][]int, len(shapes)), at: make([]int, len(shapes))}
	byMethod := map[string][]int{}
	for s, sh := range shapes {
		m := sh.By[:strings.IndexByte(sh.By, ' ')]
		x.at[s], byMethod[m] = len(byMethod[m]), append(byMethod[m], s)
	}
	for m, list := range byMethod {
		mine := make([]adapterkit.Shape, len(list))
		for k, s := range list {
			mine[k], x.method[s] = shapes[s], list
		}
		x.index[m] = adapterkit.NewSiblingIndex(mine, false)
	}
	return x
}

// taken returns the values of token i (a parameter or catch-all) of shape
// s that other routes of its method take, one set per route.
func (x *siblingIndex) taken(s, i int) []urlfor.Taken {
	near := x.near(s, i)
	if len(near) == 1 {
		return nil
	}
	plain := near // the siblings as registered
	near = append(near, deadEnds(near, i)...)
	near = append(near, emptyParams(near, i)[1:]...)
	cands := adapterkit.Siblings(near, 0, i, false)
	if !near[0].Tokens[i].Wildcard {
		cands = append(cands, trailingSlash(near, i)...)
		cands = append(cands, slashEnd(plain, i)...)
	}
	for c := range cands {
		// The sibling's parameter after the prefix is never empty.
		cands[c].Proper = cands[c].Kind == adapterkit.Prefix
	}
	return adapterkit.Takens(cands)
}

// near returns shape s and the shapes at its node for token i.
func (x *siblingIndex) near(s, i int) []adapterkit.Shape {
	list, sh := x.method[s], x.shapes[s]
	near := []adapterkit.Shape{sh}
	for _, k := range x.index[sh.By[:strings.IndexByte(sh.By, ' ')]].Near(x.at[s], i) {
		near = append(near, x.shapes[list[k]])
	}
	return near
}

// emptyParams returns near[0] and the siblings of near[1:] in which gin
// lets parameters be empty, with those parameters dropped (every subset):
// one that follows literal text in its segment and is followed by "/"
// ("/p/x1:n/x" serves "/p/x1/x"; a URL never has an empty segment for a
// parameter that fills one).
func emptyParams(near []adapterkit.Shape, i int) []adapterkit.Shape {
	out := near[:1:1]
	for _, c := range near[1:] {
		variants := [][]adapterkit.Token{c.Tokens}
		for k := len(c.Tokens) - 2; k >= i; k-- { // right to left: k stays valid in every variant
			before, p, after := c.Tokens[k-1], c.Tokens[k], c.Tokens[k+1]
			if p.Param == "" || p.Wildcard || strings.HasSuffix(before.Literal, "/") || !strings.HasPrefix(after.Literal, "/") {
				continue
			}
			for _, v := range variants {
				variants = append(variants, slices.Concat(v[:k-1], []adapterkit.Token{adapterkit.Lit(before.Literal + v[k+1].Literal)}, v[k+2:]))
			}
		}
		for _, v := range variants[1:] {
			out = append(out, adapterkit.Shape{By: c.By, Tokens: v})
		}
	}
	return out
}

// trailingSlash returns the values of token i of near[0] whose URL differs
// from a sibling's only by a trailing "/": gin then recommends a redirect
// and does not backtrack. Where the URL lacks the "/", it must end right
// before the sibling's final "/" on one node of gin's tree: another
// sibling that parts from it there ends the node, and gin backtracks.
func trailingSlash(near []adapterkit.Shape, i int) []adapterkit.Candidate {
	r := slices.Clone(near[0].Tokens)
	last := &r[len(r)-1]
	slash := strings.HasSuffix(last.Literal, "/")
	switch {
	case last.Param != "":
		r = append(r, adapterkit.Lit("/"))
	case slash && last.Literal == "/":
		r = r[:len(r)-1] // r has a parameter before it
	case slash:
		last.Literal = last.Literal[:len(last.Literal)-1]
	default:
		last.Literal += "/"
	}
	cands := adapterkit.Siblings(append([]adapterkit.Shape{{By: near[0].By, Tokens: r}}, near[1:]...), 0, i, false)
	if slash {
		return cands // the URL has the "/", the sibling not: gin never backtracks from "/"
	}
	lit := near[0].Tokens[i-1].Literal
	return slices.DeleteFunc(cands, func(c adapterkit.Candidate) bool {
		k := slices.IndexFunc(near, func(s adapterkit.Shape) bool { return s.By == c.By })
		toks := near[k].Tokens
		if end := toks[len(toks)-1]; end.Param != "" || !strings.HasSuffix(end.Literal, "/") {
			return true // the sibling's "/" is not static text: no redirect
		}
		if c.Kind != adapterkit.Exact || len(near[0].Tokens) > i+1 {
			return false
		}
		v := lit + c.Value
		return slices.ContainsFunc(near[1:], func(o adapterkit.Shape) bool {
			l := o.Tokens[i-1].Literal
			return strings.HasPrefix(l, v) && (len(l) == len(v) || l[len(v)] != '/')
		})
	})
}

// slashEnd returns, for a route whose URL ends with "/", the values of
// token i of near[0] that leave gin with that "/" at the start of a node
// of a sibling: after the sibling's parameter, or where the sibling's
// literal ends a node (at its end, or where another sibling parts from
// it). gin does not backtrack from there. The siblings are cut there, a
// "/" added, and matched against the whole URL.
func slashEnd(near []adapterkit.Shape, i int) []adapterkit.Candidate {
	r := near[0].Tokens
	if last := r[len(r)-1]; last.Param != "" || !strings.HasSuffix(last.Literal, "/") || len(r) == i+1 {
		return nil
	}
	cut := near[:1:1]
	add := func(c adapterkit.Shape, k int, lit string) {
		cut = append(cut, adapterkit.Shape{By: c.By, Tokens: slices.Concat(c.Tokens[:k], []adapterkit.Token{adapterkit.Lit(lit)})})
	}
	for _, c := range near[1:] {
		for k := i; k < len(c.Tokens); k++ {
			if strings.HasPrefix(c.Tokens[k].Literal, "/") {
				add(c, k, "/")
			}
		}
		l := c.Tokens[i-1].Literal
		for m := len(r[i-1].Literal) + 1; m <= len(l); m++ {
			if m == len(l) || slices.ContainsFunc(near[1:], func(o adapterkit.Shape) bool {
				ol := o.Tokens[i-1].Literal
				return strings.HasPrefix(ol, l[:m]) && (len(ol) == m || ol[m] != l[m])
			}) {
				add(c, i-1, l[:m]+"/")
			}
		}
	}
	return adapterkit.Siblings(append(cut, emptyParams(cut, i)[1:]...), 0, i, false)
}

// deadEnds returns the siblings of near[1:] cut where gin stops without
// backtracking once it has followed them into a parameter: right after a
// parameter that the sibling goes on from (its node has no handler for a
// URL that ends there), and past a parameter whose node has no children,
// when the URL goes on ("/p/new:n" stops "/p/new1/edit").
func deadEnds(near []adapterkit.Shape, i int) []adapterkit.Shape {
	var out []adapterkit.Shape
	for _, c := range near[1:] {
		for k := i; k+1 < len(c.Tokens); k++ {
			if c.Tokens[k].Param != "" && !c.Tokens[k].Wildcard {
				out = append(out, adapterkit.Shape{By: c.By, Tokens: c.Tokens[:k+1]})
			}
		}
		if end := c.Tokens[len(c.Tokens)-1]; end.Param == "" || end.Wildcard {
			continue
		}
		leaf := !slices.ContainsFunc(near[1:], func(o adapterkit.Shape) bool {
			return len(o.Tokens) > len(c.Tokens) && above(o, len(c.Tokens)) == above(c, len(c.Tokens))
		})
		if leaf {
			out = append(out, adapterkit.Shape{By: c.By, Tokens: slices.Concat(c.Tokens, []adapterkit.Token{adapterkit.Lit("/"), adapterkit.Wild("")})})
		}
	}
	return out
}

// above is the method of sh and the structure of its tokens before token p
// as far as a sibling must share it: literal text, and where parameters
// and catch-alls stand (their names do not matter: gin gives a node one).
func above(sh adapterkit.Shape, p int) string {
	var b strings.Builder
	b.WriteString(sh.By[:strings.IndexByte(sh.By, ' ')])
	for _, t := range sh.Tokens[:p] {
		fmt.Fprintf(&b, " %q%t", t.Literal, t.Wildcard)
	}
	return b.String()
}
