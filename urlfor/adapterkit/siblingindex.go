package adapterkit

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SiblingIndex answers [Siblings] for every route and token of one route
// table without scanning the table each time: routes are indexed by the
// tokens before each of their literals and by that literal, so that the
// siblings of route r at token i are a binary search away, O(log n + k)
// for k siblings, where Siblings over all routes is O(n), and asking for
// every route O(n²) at start-up. Make it with [NewSiblingIndex]; it is
// read-only once made, so safe for concurrent use.
type SiblingIndex struct {
	routes []Shape
	fold   bool
	at     map[string][]indexed // key of the tokens before a literal -> routes with a literal there, by literal
	keys   [][]string           // keys[r][p]: the key of routes[r].Tokens[:p]
}

type indexed struct {
	lit   string // folded with fold
	route int
}

// NewSiblingIndex indexes routes, for [SiblingIndex.Siblings] with fold as
// [Siblings] has it. It keeps routes: do not change them afterwards.
func NewSiblingIndex(routes []Shape, fold bool) *SiblingIndex {
	x := &SiblingIndex{routes: routes, fold: fold, at: map[string][]indexed{}, keys: make([][]string, len(routes))}
	var key strings.Builder
	for r, sh := range routes {
		key.Reset()
		x.keys[r] = make([]string, len(sh.Tokens)+1)
		for p, t := range sh.Tokens {
			k := key.String()
			x.keys[r][p] = k
			switch {
			case t.isLiteral():
				lit := x.folded(t.Literal)
				x.at[k] = append(x.at[k], indexed{lit, r})
				key.WriteString("L" + strconv.Itoa(len(lit)) + ":" + lit)
			case t.Wildcard:
				key.WriteString("W")
			default:
				key.WriteString("P")
			}
		}
		x.keys[r][len(sh.Tokens)] = key.String()
	}
	for _, list := range x.at {
		slices.SortFunc(list, func(a, b indexed) int { return strings.Compare(a.lit, b.lit) })
	}
	return x
}

// Siblings is [Siblings](routes, r, i, fold) for the routes of the index:
// the same candidates, in the same order.
func (x *SiblingIndex) Siblings(r, i int) []Candidate {
	var out []Candidate
	for _, c := range x.Near(r, i) {
		out = appendSibling(out, x.routes[r].Tokens, i, x.routes[c], x.fold)
	}
	return out
}

// Near returns, in increasing order, the indexes of the routes that
// [Siblings] compares with token i of route r: the routes other than r
// with the same tokens before i-1 (literal text, where parameters and
// wildcards stand) and a literal at i-1 that starts with r's; nil when
// token i is not a parameter or wildcard after a literal. An adapter that
// shapes each sibling its own way (its router's matching rules from token
// i on) calls Siblings on the pair itself.
func (x *SiblingIndex) Near(r, i int) []int {
	rt := x.routes[r].Tokens
	if !competing(rt, i) {
		return nil
	}
	lit := x.folded(rt[i-1].Literal)
	if x.fold && strings.ContainsRune(lit, utf8.RuneError) {
		// A folded prefix may end inside a rune of a sibling's literal:
		// the index cannot say, scan.
		var out []int
		for c := range x.routes {
			if c != r && near(rt, i, x.routes[c].Tokens, true) {
				out = append(out, c)
			}
		}
		return out
	}
	list := x.at[x.keys[r][i-1]]
	k, _ := slices.BinarySearchFunc(list, lit, func(e indexed, lit string) int { return strings.Compare(e.lit, lit) })
	var out []int
	for ; k < len(list) && strings.HasPrefix(list[k].lit, lit); k++ {
		if c := list[k].route; c != r && near(rt, i, x.routes[c].Tokens, x.fold) {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}

// folded is s with every rune replaced by the least of its case-folding
// orbit (invalid bytes by utf8.RuneError), when the index folds: two
// texts are equal folded exactly when strings.EqualFold says so.
func (x *SiblingIndex) folded(s string) string {
	if !x.fold {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		b.WriteRune(least)
	}
	return b.String()
}
