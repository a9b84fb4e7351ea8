package partyecho

import (
	"net/url"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/partyline-go/partyline/urlfor"
)

// Shadowed values.
//
// echo's router prefers, at every node of its tree, a static child to the
// parameter child, and the parameter child to the wildcard, and it
// backtracks only when a branch dead-ends. So with "/posts/new" and
// "/posts/:id" registered for GET, the URL built for id "new" reaches
// "/posts/new", not "/posts/:id", and the round-trip law would break; with
// "/files/readme" beside "/files/*", the wildcard loses "readme". For every
// parameter and wildcard of a route we collect the values that another
// route of the same host router and method takes (or a RouteNotFound
// route, which answers for every method), and refuse them with a regexp
// constraint. The analysis over-approximates: when unsure whether the rest
// of a competing route could match, the value is refused.
//
// A competitor counts at a parameter or wildcard when it shares the route's
// tree path up to that node (the same literal text and parameters in the
// same places) and then goes on with static text t:
//
//   - t without "/" and nothing after it: the value t is taken, for a
//     parameter that ends the route; for a wildcard, too;
//   - t without "/" and then a parameter or wildcard: every value that
//     starts with t;
//   - t with "/" (a parameter's value never holds a raw "/"): the value up
//     to the first "/", if the rest could match.
//
// echo compares its static text with the raw path when the request has a
// RawPath and with the decoded path otherwise, so a competitor's text with
// "%" escapes takes its decoded value too. A route with a parameter where
// a wildcard sits (same tree path) takes every non-empty value of the
// wildcard (the parameter child is tried first, and a last parameter
// matches the rest of the path): the wildcard then builds only "".

// echoRoute is one route of one echo router, for the analysis.
type echoRoute struct {
	host, method, path string
	toks               []token
}

// shadowIndex finds, for a route and a token index, the routes that share
// its tree path up to the literal before that token.
type shadowIndex struct {
	routes []echoRoute
	at     map[string][]litRoute // host + structure of toks[:i] -> routes with a literal at i, sorted by that literal
}

type litRoute struct {
	lit string
	ri  int
}

func newShadowIndex(routes []echoRoute) *shadowIndex {
	x := &shadowIndex{routes: routes, at: map[string][]litRoute{}}
	for ri, r := range routes {
		var key strings.Builder
		key.WriteString(r.host)
		key.WriteByte(0)
		for _, tk := range r.toks {
			if tk.kind == tokLiteral {
				x.at[key.String()] = append(x.at[key.String()], litRoute{tk.text, ri})
			}
			writeStructure(&key, tk)
		}
	}
	for _, b := range x.at {
		slices.SortStableFunc(b, func(a, b litRoute) int { return strings.Compare(a.lit, b.lit) })
	}
	return x
}

// writeStructure appends what makes two routes share a node of echo's
// tree: literal text, or the kind of a parameter (one parameter child per
// node, whatever its name).
func writeStructure(b *strings.Builder, tk token) {
	switch tk.kind {
	case tokLiteral:
		b.WriteByte('L')
		b.WriteString(tk.text)
	case tokParam:
		b.WriteByte('P')
	case tokAny:
		b.WriteByte('*')
	}
	b.WriteByte(0)
}

// constraints returns the regexp constraint of every parameter and
// wildcard of r whose values other routes take, by token index, and who
// takes them (for [ShadowedError]). methods are the methods of r's
// endpoint: a value taken for one of them is refused.
func (x *shadowIndex) constraints(r echoRoute, methods []string) (map[int]string, map[int]*exclusions) {
	var cons map[int]string
	var exs map[int]*exclusions
	var key strings.Builder
	key.WriteString(r.host)
	key.WriteByte(0)
	before := key.String() // the structure of r.toks[:i-1]
	for i, tk := range r.toks {
		if tk.kind != tokLiteral && i > 0 { // toks[i-1] is a literal: a parameter or wildcard always follows one
			ex := &exclusions{}
			// compete needs c's literal to start with r's: those are a
			// run of the sorted bucket.
			lit := r.toks[i-1].text
			b := x.at[before]
			lo, _ := slices.BinarySearchFunc(b, lit, func(e litRoute, t string) int { return strings.Compare(e.lit, t) })
			for _, e := range b[lo:] {
				if !strings.HasPrefix(e.lit, lit) {
					break
				}
				c := x.routes[e.ri]
				if c.path == r.path || c.method != echo.RouteNotFound && !slices.Contains(methods, c.method) {
					continue
				}
				compete(ex, r, i, c)
			}
			if len(ex.by) > 0 {
				if cons == nil {
					cons, exs = map[int]string{}, map[int]*exclusions{}
				}
				cons[i], exs[i] = ex.constraint(), ex
			}
		}
		before = key.String()
		writeStructure(&key, tk)
	}
	return cons, exs
}

// compete records the values of r's token i (a parameter or the
// wildcard) that the route c takes. c shares r's structure before i-1 and
// has a literal at i-1.
func compete(ex *exclusions, r echoRoute, i int, c echoRoute) {
	lit, clit := r.toks[i-1].text, c.toks[i-1].text
	if !strings.HasPrefix(clit, lit) {
		return
	}
	by := c.method + " " + c.path
	if c.method == echo.RouteNotFound {
		by = "RouteNotFound " + c.path
	}
	if clit == lit {
		// The same node: c goes on with a parameter, the wildcard, or
		// nothing. Only a parameter beats r's wildcard.
		if r.toks[i].kind == tokAny && i < len(c.toks) && c.toks[i].kind == tokParam {
			ex.onlyEmpty = true
			ex.by = append(ex.by, taker{kind: takesNonEmpty, route: by})
		}
		return
	}
	t := clit[len(lit):]
	crest, rrest := c.toks[i:], r.toks[i+1:]
	if r.toks[i].kind == tokAny {
		if len(crest) == 0 {
			ex.exact1(t, by)
		} else {
			ex.prefix1(t, by)
		}
		return
	}
	if s, t2, ok := strings.Cut(t, "/"); ok {
		rest := append([]token{{tokLiteral, "/" + t2}}, crest...)
		if s != "" && compatible(rrest, rest) {
			ex.exact1(s, by)
		}
		return
	}
	switch {
	case len(crest) == 0:
		if len(rrest) == 0 {
			ex.exact1(t, by)
		}
	case crest[0].kind == tokAny, len(crest) == 1, compatible(rrest, crest[1:]):
		// A wildcard takes the rest; a last parameter too; a parameter
		// may match the rest of the segment, then the rest must fit.
		ex.prefix1(t, by)
	}
}

// compatible reports whether some URL matched by the tokens r could also
// be matched by the tokens c: an over-approximation, true when unsure.
func compatible(r, c []token) bool {
	for {
		switch {
		case len(r) == 0 && len(c) == 0:
			return true
		case len(c) > 0 && c[0].kind == tokAny, len(r) > 0 && r[0].kind == tokAny:
			return true
		case len(r) == 0:
			return c[0].kind != tokLiteral
		case len(c) == 0:
			return false
		}
		a, b := r[0], c[0]
		switch {
		case a.kind == tokLiteral && b.kind == tokLiteral:
			switch {
			case a.text == b.text:
				r, c = r[1:], c[1:]
			case strings.HasPrefix(a.text, b.text):
				r, c = append([]token{{tokLiteral, a.text[len(b.text):]}}, r[1:]...), c[1:]
			case strings.HasPrefix(b.text, a.text):
				r, c = r[1:], append([]token{{tokLiteral, b.text[len(a.text):]}}, c[1:]...)
			default:
				return false
			}
		case a.kind == tokLiteral: // c's parameter takes r's text up to "/"
			j := strings.IndexByte(a.text, '/')
			if j < 0 {
				return true
			}
			r, c = append([]token{{tokLiteral, a.text[j:]}}, r[1:]...), c[1:]
		case b.kind == tokLiteral: // r's parameter takes c's text up to "/"
			j := strings.IndexByte(b.text, '/')
			if j < 0 {
				return true
			}
			r, c = r[1:], append([]token{{tokLiteral, b.text[j:]}}, c[1:]...)
		default: // two parameters, one segment each
			r, c = r[1:], c[1:]
		}
	}
}

// exclusions gathers the values taken from one parameter or wildcard.
type exclusions struct {
	exact     []string // values taken exactly
	prefixes  []string // values that start with one of these are taken
	onlyEmpty bool     // every value but "" is taken
	by        []taker
}

type takeKind uint8

const (
	takesExact takeKind = iota
	takesPrefix
	takesNonEmpty
)

// taker is one route that takes values, for messages.
type taker struct {
	value string
	kind  takeKind
	route string // "GET /posts/new"
}

// exact1 records that v is taken, and its decoded form when v holds
// escapes (echo compares the raw path when the request has a RawPath).
func (e *exclusions) exact1(v, by string) {
	for _, w := range withDecoded(v) {
		e.exact = append(e.exact, w)
		e.by = append(e.by, taker{w, takesExact, by})
	}
}

// prefix1 records that values starting with p are taken (p itself too),
// and with its decoded form.
func (e *exclusions) prefix1(p, by string) {
	for _, w := range withDecoded(p) {
		e.prefixes = append(e.prefixes, w)
		e.by = append(e.by, taker{w, takesPrefix, by})
	}
}

func withDecoded(v string) []string {
	if strings.IndexByte(v, '%') >= 0 {
		if d, err := url.PathUnescape(v); err == nil && d != v {
			return []string{v, d}
		}
	}
	return []string{v}
}

// constraint returns a regexp (RE2, which urlfor anchors) that matches
// every value except the taken ones. Go's regexp has no negative
// lookahead, so it is the complement of a trie of the taken values.
func (e *exclusions) constraint() string {
	if e.onlyEmpty {
		return `(?:)` // only "" (an empty constraint would mean none)
	}
	return urlfor.ExceptRE(e.exact, e.prefixes, false)
}

// takers says which routes take the value v, for messages; "" when none.
func (e *exclusions) takers(v string) string {
	var by []string
	for _, t := range e.by {
		switch {
		case t.kind == takesExact && v == t.value,
			t.kind == takesPrefix && strings.HasPrefix(v, t.value),
			t.kind == takesNonEmpty && v != "":
			by = append(by, t.route)
		}
	}
	slices.Sort(by)
	return strings.Join(slices.Compact(by), ", ")
}
