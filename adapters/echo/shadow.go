package partyecho

import (
	"cmp"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Values another route takes. echo prefers, at every node of its tree, a
// static child to the parameter child and that to the wildcard, and
// backtracks when a branch dead-ends (not past a wildcard: a method it
// lacks is then a 405). adapterkit.Siblings finds the values other routes
// of the host router may take, and echo's Router.Find, asked about a path
// of both routes (witness) for the endpoint's methods, decides. An echo
// parameter matches nothing in the middle of a route, and the rest of the
// path at the end of one without children (isLeaf in router.go), which
// Siblings' parameters cannot say: for it, a sibling's are wildcards.

// shadows answers for the routes of one echo router.
type shadows struct {
	router *echo.Router
	c      echo.Context          // scratch context for Router.Find
	routes []shape               // one per distinct path
	byPath map[string]int        // path -> index in routes
	at     map[string][]litRoute // tree path before a literal -> routes with a literal there, by literal
	has    map[string][]string   // path -> its methods
	ea, eb []el                  // buffers of probes, reused
	seen   []bool
	out    []byte
}

// shape is one path of the router.
type shape struct {
	path string
	toks []token
	keys []string // keys[k]: the tree path of toks[:k]
	leaf bool     // the last token is a parameter that matches the rest of the path
}

type litRoute struct {
	lit string
	ri  int
}

// fill is a byte of a probe that no literal decides: no route holds it,
// so it never takes a static branch of echo's tree.
const fill = 0

func newShadows(e *echo.Echo, router *echo.Router, routes []*echo.Route) *shadows {
	n := len(routes)
	x := &shadows{router: router, c: e.NewContext(nil, nil), byPath: make(map[string]int, n), at: map[string][]litRoute{}, has: make(map[string][]string, n)}
	inner := map[string]bool{} // tree paths of parameters that routes go on from
	for _, r := range routes {
		x.has[r.Path] = append(x.has[r.Path], r.Method)
		if _, ok := x.byPath[r.Path]; ok {
			continue
		}
		x.byPath[r.Path] = len(x.routes)
		sh := shape{path: r.Path}
		sh.toks, _ = tokenize(r.Path)
		var key strings.Builder // what makes two routes share a node: literal text, or a parameter's kind
		for k, tk := range sh.toks {
			sh.keys = append(sh.keys, key.String())
			if tk.kind == tokLiteral {
				x.at[key.String()] = append(x.at[key.String()], litRoute{tk.text, len(x.routes)})
			}
			key.WriteByte("LP*"[tk.kind])
			key.WriteString(cmpOr(tk.kind == tokLiteral, tk.text, ""))
			key.WriteByte(0)
			if tk.kind == tokParam && k < len(sh.toks)-1 {
				inner[key.String()] = true
			}
		}
		sh.keys = append(sh.keys, key.String())
		x.routes = append(x.routes, sh)
	}
	for i := range x.routes {
		r := &x.routes[i]
		r.leaf = r.toks[len(r.toks)-1].kind == tokParam && !inner[r.keys[len(r.toks)]]
	}
	for _, b := range x.at {
		slices.SortFunc(b, func(a, b litRoute) int { return cmp.Or(strings.Compare(a.lit, b.lit), a.ri-b.ri) })
	}
	return x
}

// takens returns, by token index, the values other routes take from the
// parameters and wildcard of the route at path, an endpoint with methods.
func (x *shadows) takens(path string, methods []string) map[int][]urlfor.Taken {
	ri, out := x.byPath[path], map[int][]urlfor.Taken{}
	for i, tk := range x.routes[ri].toks {
		if tk.kind != tokLiteral && i > 0 { // echo puts a literal before every parameter
			if t := x.taken(ri, i, methods); len(t) > 0 {
				out[i] = t
			}
		}
	}
	return out
}

// taken asks about the siblings of route ri at token i: those that share
// its tree path before i-1 and whose literal at i-1 starts with ri's.
func (x *shadows) taken(ri, i int, methods []string) []urlfor.Taken {
	lit, star := x.routes[ri].toks[i-1].text, x.routes[ri].toks[i].kind == tokAny
	b := x.at[x.routes[ri].keys[i-1]]
	lo, _ := slices.BinarySearchFunc(b, lit, func(e litRoute, t string) int { return strings.Compare(e.lit, t) })
	pair := []adapterkit.Shape{x.shape(ri, -1, false), {}} // ri and a sibling
	var cands []adapterkit.Candidate
	for _, e := range b[lo:] {
		if !strings.HasPrefix(e.lit, lit) {
			break
		}
		if e.ri == ri {
			continue
		}
		pair[1] = x.shape(e.ri, i, e.lit == lit)
		by, has := x.name(e.ri, methods)
		// A witness that reaches the sibling, or a third route echo prefers
		// to a sibling that has the method (the safe side), confirms.
		confirm := func(c *adapterkit.Candidate) bool {
			p := x.probe(ri, i, c, e.ri, methods)
			return p == x.routes[e.ri].path || p != "" && has
		}
		sib := adapterkit.Siblings(pair, 0, i, false) // one candidate at most: one sibling
		found := adapterkit.Confirm(sib, func(string) bool { return confirm(&sib[0]) })
		if empty := (adapterkit.Candidate{}); star && len(sib) == 0 && len(x.routes[e.ri].toks) == i && confirm(&empty) {
			found = append(found, empty) // "/f" beside "/f*" takes "", which Siblings misses
		}
		for _, c := range found {
			c.By = by
			if star && c.Kind != adapterkit.Exact { // the values that go on as the sibling does
				c.Kind, c.Value = adapterkit.Matching, regexp.QuoteMeta(e.lit[len(lit):])+toRE(x.elems(nil, e.ri, i, -1, nil, 0))
			}
			cands = append(cands, c)
			// echo compares static text with the raw path when the request
			// has a RawPath, and with the decoded path otherwise.
			if d, err := url.PathUnescape(c.Value); err == nil && d != c.Value && c.Kind != adapterkit.Matching {
				c.Value = d
				cands = append(cands, c)
			}
		}
	}
	return adapterkit.Takens(cands)
}

// shape is route ri for adapterkit.Siblings; as a sibling at token from,
// with its parameters from there on as wildcards (see the top of this
// file), but the one at the same node, which beats a wildcard there.
func (x *shadows) shape(ri, from int, sameNode bool) adapterkit.Shape {
	toks := make([]adapterkit.Token, len(x.routes[ri].toks))
	for k, tk := range x.routes[ri].toks {
		switch {
		case tk.kind == tokLiteral:
			toks[k] = adapterkit.Lit(tk.text)
		case tk.kind == tokAny || from >= 0 && k >= from && !(k == from && sameNode):
			toks[k] = adapterkit.Wild(tk.text)
		default:
			toks[k] = adapterkit.P(tk.text)
		}
	}
	return adapterkit.Shape{By: x.routes[ri].path, Tokens: toks}
}

// probe asks echo about a path of both route ri, with a value of c's set
// at token i, and route si: it returns the path of the route it reaches
// instead of ri ("\x00" for none), or "" when it reaches ri or no path
// matches both.
func (x *shadows) probe(ri, i int, c *adapterkit.Candidate, si int, methods []string) string {
	r := x.routes[ri]
	x.eb = x.elems(x.eb[:0], si, 0, -1, nil, 0)
	for wild := range cmpOr(r.toks[len(r.toks)-1].kind == tokAny && i < len(r.toks)-1, 3, 1) {
		x.ea = x.elems(x.ea[:0], ri, 0, i, c, wild)
		path, ok := x.witness(x.ea, x.eb)
		for _, m := range methods[:cmpOr(ok, len(methods), 0)] {
			x.c.SetPath("")
			if x.router.Find(m, path, x.c); x.c.Path() != r.path {
				return cmpOr(x.c.Path() == "", "\x00", x.c.Path())
			}
		}
	}
	return ""
}

// name names route ri as a route that takes values from an endpoint of
// methods: "GET /posts/new", "RouteNotFound /admin" (every method); has is
// false when it has none of the methods (it may still take values: a 405).
func (x *shadows) name(ri int, methods []string) (by string, has bool) {
	p := x.routes[ri].path
	for _, m := range x.has[p] {
		if m == echo.RouteNotFound || slices.Contains(methods, m) {
			return strings.Replace(m, echo.RouteNotFound, "RouteNotFound", 1) + " " + p, true
		}
	}
	return p, false
}

// el matches one byte of a path, or with star any number of them: b, any
// byte but "/" (notSlash), or any byte (anyByte).
type el struct {
	b                 byte
	notSlash, anyByte bool
	star              bool
}

var (
	elParam = []el{{notSlash: true}, {notSlash: true, star: true}} // one byte or more, up to "/"
	elMid   = []el{{notSlash: true, star: true}}                   // echo's parameter in the middle
	elLeaf  = []el{{anyByte: true}, {anyByte: true, star: true}}   // echo's leaf parameter
	elAny   = []el{{anyByte: true, star: true}}
	elWild  = [][]el{{{notSlash: true}, {anyByte: true, star: true}, {notSlash: true}}, {{notSlash: true}}, nil}
)

// elems appends to out route ri from token k on as echo matches a path (see the top
// of this file). With c, it is the route a URL is built for instead: its
// parameters are not empty and hold no raw "/", its wildcard neither
// starts nor ends with "/" (wild 0: two bytes or more, 1: one, 2: none),
// and token at holds a value of c's set.
func (x *shadows) elems(out []el, ri, k, at int, c *adapterkit.Candidate, wild int) []el {
	r := x.routes[ri]
	for ; k < len(r.toks); k++ {
		tk := r.toks[k]
		if k == at && c.Kind != adapterkit.Matching {
			tk.text = c.Value
		}
		if tk.kind == tokLiteral || k == at {
			for j := 0; j < len(tk.text); j++ {
				out = append(out, el{b: tk.text[j]})
			}
		}
		switch last := k == len(r.toks)-1; {
		case tk.kind == tokLiteral || k == at && c.Kind == adapterkit.Exact:
		case k == at && tk.kind == tokParam:
			out = append(out, elMid...)
		case tk.kind == tokAny && (c == nil || k == at):
			out = append(out, elAny...)
		case tk.kind == tokAny:
			out = append(out, elWild[wild]...)
		case c != nil:
			out = append(out, elParam...)
		case !last:
			out = append(out, elMid...)
		case r.leaf:
			out = append(out, elLeaf...)
		default:
			out = append(out, elParam...)
		}
	}
	return out
}

// toRE is a regexp (RE2) of what els match.
func toRE(els []el) string {
	var b strings.Builder
	for _, e := range els {
		b.WriteString(cmpOr(e.anyByte, ".", cmpOr(e.notSlash, "[^/]", regexp.QuoteMeta(string(e.b)))))
		b.WriteString(cmpOr(e.star, "*", ""))
	}
	return b.String()
}

// witness returns a path that both a and b match. Where neither decides a
// byte, it prefers a fill byte to nothing, so that the path stays off
// static branches that neither route has.
func (x *shadows) witness(a, b []el) (string, bool) {
	n := 2 * (len(a) + 1) * (len(b) + 1) // states (i, j, filled)
	seen := slices.Grow(x.seen[:0], n)[:n]
	clear(seen)
	x.seen, x.out = seen, x.out[:0]
	var walk func(i, j, filled int) bool
	walk = func(i, j, filled int) bool {
		if i == len(a) && j == len(b) {
			return true
		}
		if k := (i*(len(b)+1)+j)*2 + filled; seen[k] {
			return false
		} else {
			seen[k] = true
		}
		if i < len(a) && j < len(b) {
			ni, nj := i+cmpOr(a[i].star, 0, 1), j+cmpOr(b[j].star, 0, 1)
			if c, ok := meet(a[i], b[j]); ok && (ni != i || nj != j || filled == 0) {
				x.out = append(x.out, c)
				if walk(ni, nj, cmpOr(ni == i && nj == j, 1, 0)) {
					return true
				}
				x.out = x.out[:len(x.out)-1]
			}
		}
		return i < len(a) && a[i].star && walk(i+1, j, 0) || j < len(b) && b[j].star && walk(i, j+1, 0)
	}
	ok := walk(0, 0, 0)
	return string(x.out), ok
}

// meet is a byte both x and y match.
func meet(x, y el) (byte, bool) {
	xb, yb := !x.notSlash && !x.anyByte, !y.notSlash && !y.anyByte
	switch {
	case xb && yb:
		return x.b, x.b == y.b
	case xb:
		return x.b, y.anyByte || x.b != '/'
	case yb:
		return y.b, x.anyByte || y.b != '/'
	}
	return fill, true
}

// cmpOr is a if c, else b.
func cmpOr[T any](c bool, a, b T) T {
	if c {
		return a
	}
	return b
}
