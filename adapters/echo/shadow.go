package partyecho

import (
	"regexp"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/partyline-go/partyline/internal/echodialect"
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
	c      echo.Context   // scratch context for Router.Find
	routes []shape        // one per distinct path
	byPath map[string]int // path -> index in routes
	sibs   *adapterkit.SiblingIndex
	has    map[string][]string // path -> its methods
	ea, eb []adapterkit.Elem   // buffers of probes, reused
	w      adapterkit.Witnesser
}

// shape is one path of the router.
type shape struct {
	path string
	toks []token
	key  string // the tree path of toks
	leaf bool   // the last token is a parameter that matches the rest of the path
	// decoded: its static text is not as net/url writes it ("/café"), so
	// that echo matches it on the decoded path only (see compile)
	decoded bool
	// inRaw: each of its static texts can stand in a path that net/url
	// wrote, so that a request with a RawPath may meet it
	inRaw bool
}

func newShadows(e *echo.Echo, router *echo.Router, routes []*echo.Route) *shadows {
	n := len(routes)
	x := &shadows{router: router, c: e.NewContext(nil, nil), byPath: make(map[string]int, n), has: make(map[string][]string, n)}
	inner := map[string]bool{} // tree paths of parameters that routes go on from
	for _, r := range routes {
		x.has[r.Path] = append(x.has[r.Path], r.Method)
		if _, ok := x.byPath[r.Path]; ok {
			continue
		}
		x.byPath[r.Path] = len(x.routes)
		sh := shape{path: r.Path, inRaw: true}
		sh.toks, _ = tokenize(r.Path)
		var key strings.Builder // what makes two routes share a node: literal text, or a parameter's kind
		for k, tk := range sh.toks {
			if tk.kind == tokLiteral {
				sh.decoded, sh.inRaw = sh.decoded || !echodialect.Plain(tk.text), sh.inRaw && echodialect.InNetURL(tk.text)
			}
			key.WriteByte("LP*"[tk.kind])
			key.WriteString(cmpOr(tk.kind == tokLiteral, tk.text, ""))
			key.WriteByte(0)
			if tk.kind == tokParam && k < len(sh.toks)-1 {
				inner[key.String()] = true
			}
		}
		sh.key = key.String()
		x.routes = append(x.routes, sh)
	}
	for i := range x.routes {
		r := &x.routes[i]
		r.leaf = r.toks[len(r.toks)-1].kind == tokParam && !inner[r.key]
	}
	shapes := make([]adapterkit.Shape, len(x.routes))
	for k := range shapes {
		shapes[k] = x.shape(k, -1, false)
	}
	x.sibs = adapterkit.NewSiblingIndex(shapes, false)
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
	lit, star, decoded := x.routes[ri].toks[i-1].text, x.routes[ri].toks[i].kind == tokAny, x.routes[ri].decoded
	pair := []adapterkit.Shape{x.shape(ri, -1, false), {}} // ri and a sibling
	var cands []adapterkit.Candidate
	for _, si := range x.sibs.Near(ri, i) {
		sibLit := x.routes[si].toks[i-1].text
		pair[1] = x.shape(si, i, sibLit == lit)
		by, has := x.name(si, methods)
		// A witness that reaches the sibling, or a third route echo prefers
		// to a sibling that has the method (the safe side), confirms.
		third := false
		confirm := func(c *adapterkit.Candidate) bool {
			p := x.probe(ri, i, c, si, methods)
			third = third || p != "" && p != x.routes[si].path
			return p == x.routes[si].path || p != "" && has
		}
		sib := adapterkit.Siblings(pair, 0, i, false) // one candidate at most: one sibling
		found := adapterkit.Confirm(sib, func(string) bool { return confirm(&sib[0]) })
		if empty := (adapterkit.Candidate{}); star && len(sib) == 0 && len(x.routes[si].toks) == i && confirm(&empty) {
			found = append(found, empty) // "/f" beside "/f*" takes "", which Siblings misses
		}
		for _, c := range found {
			c.By = by
			if star && c.Kind != adapterkit.Exact { // the values that go on as the sibling does
				c.Kind, c.Value = adapterkit.Matching, regexp.QuoteMeta(sibLit[len(lit):])+adapterkit.ElemsRE(x.elems(nil, si, i, -1, nil, 0))
			}
			// The sibling's static text may stand in a RawPath (or a third
			// route takes the value: the safe side).
			meetsRaw := x.routes[si].inRaw || third
			cands = append(cands, echodialect.DecodedForm(c, star, decoded, meetsRaw))
			if r, ok := echodialect.RawForm(c, star); ok && !decoded && meetsRaw {
				cands = append(cands, r)
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
		path, ok := x.w.Witness(x.ea, x.eb)
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

var (
	elParam = []adapterkit.Elem{{Class: adapterkit.NotSlash}, {Class: adapterkit.NotSlash, Star: true}} // one byte or more, up to "/"
	elMid   = []adapterkit.Elem{{Class: adapterkit.NotSlash, Star: true}}                               // echo's parameter in the middle
	elLeaf  = []adapterkit.Elem{{Class: adapterkit.AnyByte}, {Class: adapterkit.AnyByte, Star: true}}   // echo's leaf parameter
	elAny   = []adapterkit.Elem{{Class: adapterkit.AnyByte, Star: true}}
	elWild  = [][]adapterkit.Elem{{elParam[0], elAny[0], elParam[0]}, {elParam[0]}, nil}
)

// elems appends to out route ri from token k on as echo matches a path (see the top
// of this file). With c, it is the route a URL is built for instead: its
// parameters are not empty and hold no raw "/", its wildcard neither
// starts nor ends with "/" (wild 0: two bytes or more, 1: one, 2: none),
// and token at holds a value of c's set.
func (x *shadows) elems(out []adapterkit.Elem, ri, k, at int, c *adapterkit.Candidate, wild int) []adapterkit.Elem {
	r := x.routes[ri]
	for ; k < len(r.toks); k++ {
		tk := r.toks[k]
		if k == at && c.Kind != adapterkit.Matching {
			tk.text = c.Value
		}
		if tk.kind == tokLiteral || k == at {
			out = adapterkit.AppendLiteral(out, tk.text)
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

// cmpOr is a if c, else b.
func cmpOr[T any](c bool, a, b T) T {
	if c {
		return a
	}
	return b
}
