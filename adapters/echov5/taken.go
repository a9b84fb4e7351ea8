package partyechov5

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/labstack/echo/v5"
	"github.com/partyline-go/partyline/internal/echodialect"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Values another route takes. echo prefers, at every node of its tree, a
// static child to the parameter child and that to the wildcard, and
// backtracks on a dead end but not past a wildcard (router.go's Route).
// adapterkit.Siblings finds the routes that may take values of a
// parameter; echo's own Router.Route, asked about a path both routes match
// (witness), decides. echo's parameter matches [^/]* mid-route, [^/]+
// before an inline verb, and the rest of the path at the end of a route
// when its node has no static child but an inline verb (isLeaf,
// inlineVerbSplit); so, for Siblings, a sibling's parameters from the
// competing token on are wildcards.

// table is one read of an echo router, one shape per path.
type table struct {
	e      *echo.Echo
	shapes []shape
	at     map[string]int // path -> index in shapes
	sibs   *adapterkit.SiblingIndex
	next   map[string]string // tree path of a parameter -> first bytes of the literals after it
	c      *echo.Context     // find's, reused
	ea, eb []adapterkit.Elem // buffers of probe
	w      adapterkit.Witnesser
}

type shape struct {
	path    string // normalized, as the router has it
	toks    []adapterkit.Token
	problem string   // tokenize's
	methods []string // of the routes at path
	keys    []string // keys[k]: the tree path of toks[:k]
	// plain: net/url writes its static text as it is, so that a RawPath
	// may hold it; inRaw: a path net/url wrote may (rawpath.go)
	plain, inRaw bool
}

func newTable(e *echo.Echo, infos echo.Routes) *table {
	t := &table{e: e, at: map[string]int{}, next: map[string]string{}}
	for _, ri := range infos {
		sh := shape{path: normalize(ri.Path), methods: []string{ri.Method}}
		if at, ok := t.at[sh.path]; ok {
			t.shapes[at].methods = append(t.shapes[at].methods, ri.Method)
			continue
		}
		sh.toks, sh.problem = tokenize(ri)
		sh.plain, sh.inRaw = true, true
		var key strings.Builder
		for k, tk := range sh.toks {
			if tk.Literal != "" {
				sh.plain, sh.inRaw = sh.plain && echodialect.Plain(tk.Literal), sh.inRaw && echodialect.InNetURL(tk.Literal)
			}
			sh.keys = append(sh.keys, key.String())
			if tk.Literal != "" && k > 0 && !strings.Contains(t.next[key.String()], tk.Literal[:1]) {
				t.next[key.String()] += tk.Literal[:1]
			}
			key.WriteString(cmpOr(tk.Literal == "", cmpOr(tk.Wildcard, "\x00*", "\x00:"), tk.Literal))
		}
		t.at[sh.path], sh.keys = len(t.shapes), append(sh.keys, key.String())
		t.shapes = append(t.shapes, sh)
	}
	shapes := make([]adapterkit.Shape, len(t.shapes))
	for k, sh := range t.shapes {
		shapes[k].Tokens = sh.toks
	}
	t.sibs = adapterkit.NewSiblingIndex(shapes, false)
	return t
}

// takens returns, by token index, the values other routes take from the
// parameters of route ri, an endpoint of methods: those of the siblings
// whose literal before the parameter starts with ri's, at the same tree
// path, as echo confirms them. On a wildcard, a set is the values that go
// on as the sibling does. echo compares static text with the decoded path,
// or with the RawPath when the request has one and the router's mode m
// reads it: the candidates count in both forms (rawpath.go).
func (t *table) takens(ri int, methods []string, m mode) map[int][]urlfor.Taken {
	r, out := &t.shapes[ri], map[int][]urlfor.Taken(nil)
	for i := 1; i < len(r.toks) && r.problem == ""; i++ {
		pre := r.toks[i-1].Literal
		if r.toks[i].Literal != "" || pre == "" {
			continue
		}
		var cands []adapterkit.Candidate
		for _, si := range t.sibs.Near(ri, i) {
			sh := &t.shapes[si]
			if sh.problem != "" {
				continue
			}
			text := sh.toks[i-1].Literal
			sib := slices.Clone(sh.toks)
			for k := i; k < len(sib); k++ {
				sib[k].Wildcard = sib[k].Wildcard || sib[k].Literal == "" && !(k == i && text == pre)
			}
			for _, c := range adapterkit.Siblings([]adapterkit.Shape{{Tokens: r.toks}, {Tokens: sib}}, 0, i, false) {
				var ok bool
				if c.By, ok = t.probe(ri, i, &c, si, methods); !ok {
					continue
				}
				if r.toks[i].Wildcard && c.Kind != adapterkit.Exact {
					c.Kind, c.Value = adapterkit.Matching, regexp.QuoteMeta(text[len(pre):])+adapterkit.ElemsRE(t.elems(nil, si, i, -1, nil, 0))
				}
				// A RawPath never reaches a route whose static text it cannot
				// hold (unless a third route took the value: the safe side),
				// nor is there one in decodedPath mode or for a route that is
				// not plain, which refuses "/" (compile).
				star, decoded := r.toks[i].Wildcard, m == decodedPath || !r.plain
				meetsRaw := sh.inRaw || c.By != sh.path && !strings.HasSuffix(c.By, " "+sh.path)
				cands = append(cands, echodialect.DecodedForm(c, star, decoded, meetsRaw))
				if rc, ok := echodialect.RawForm(c, star); ok && !decoded && meetsRaw {
					cands = append(cands, rc)
				}
			}
		}
		if ts := adapterkit.Takens(cands); len(ts) > 0 {
			out = cmpOr(out == nil, map[int][]urlfor.Taken{}, out)
			out[i] = ts
		}
	}
	return out
}

// probe asks echo about a path that both route ri, with a value of c at
// token i, and route si match: ok when, for one of methods, it reaches si
// or, where si has the method, another route than ri (one echo prefers to
// si: the safe side) or none (404, 405). by names the route reached,
// "GET /posts/new", or si.
func (t *table) probe(ri, i int, c *adapterkit.Candidate, si int, methods []string) (by string, ok bool) {
	r, s := t.shapes[ri], t.shapes[si]
	for wild := range cmpOr(r.toks[len(r.toks)-1].Wildcard && i < len(r.toks)-1, 3, 1) {
		t.ea, t.eb = t.elems(t.ea[:0], ri, 0, i, c, wild), t.elems(t.eb[:0], si, 0, -1, nil, 0)
		path, found := t.w.Witness(t.ea, t.eb)
		for _, m := range methods[:cmpOr(found, len(methods), 0)] {
			ctx := t.find(m, &url.URL{Path: path})
			info, has := ctx.RouteInfo(), slices.Contains(s.methods, m) || slices.Contains(s.methods, echo.RouteAny) || slices.Contains(s.methods, echo.RouteNotFound)
			failed := info.Name == echo.NotFoundRouteName || info.Name == echo.MethodNotAllowedRouteName
			switch {
			case failed && (has || ctx.Path() == s.path):
				return s.path, true
			case !failed && (ctx.Path() == s.path || has && ctx.Path() != r.path):
				return methodNames.Replace(info.Method) + " " + ctx.Path(), true
			}
		}
	}
	return "", false
}

// methodNames names echo's pseudo-methods in messages.
var methodNames = strings.NewReplacer(echo.RouteNotFound, "RouteNotFound", echo.RouteAny, "Any")

// find asks e's router where a request of method for u goes, without
// running a handler: c.Path() is the route's path, c.RouteInfo().Name
// says 404 or 405. echo.RouteAny asks as a GET.
func (t *table) find(method string, u *url.URL) *echo.Context {
	if t.c == nil {
		t.c = t.e.NewContext(nil, nil)
	}
	t.c.Reset(&http.Request{Method: cmpOr(method == echo.RouteAny, http.MethodGet, method), URL: u}, nil)
	t.e.Router().Route(t.c)
	return t.c
}

var (
	notSlash = adapterkit.Elem{Class: adapterkit.NotSlash}
	anyBytes = adapterkit.Elem{Class: adapterkit.AnyByte, Star: true}
)

// elems appends to out route si from token from on, as echo matches a
// path; with c it is the route a URL is built for, with a value of c at
// token at: its parameters are one byte or more but "/", which a value
// holds as "%2F", and its wildcard neither starts nor ends with "/" (wild
// 0: two bytes or more, 1: one, 2: none), as urlfor builds them.
func (t *table) elems(out []adapterkit.Elem, si, from, at int, c *adapterkit.Candidate, wild int) []adapterkit.Elem {
	sh := &t.shapes[si]
	for k := from; k < len(sh.toks); k++ {
		tk, last := sh.toks[k], k == len(sh.toks)-1
		if k == at && c.Kind != adapterkit.Matching {
			tk.Literal = cmpOr(tk.Wildcard, c.Value, strings.ReplaceAll(c.Value, "/", "%2F"))
		}
		out = adapterkit.AppendLiteral(out, tk.Literal)
		switch {
		case tk.Literal != "" && k != at, k == at && c.Kind == adapterkit.Exact:
		case tk.Wildcard && (c == nil || k == at):
			out = append(out, anyBytes)
		case tk.Wildcard:
			out = append(out, [][]adapterkit.Elem{{notSlash, anyBytes, notSlash}, {notSlash}, nil}[wild]...)
		case c == nil && !last && sh.toks[k+1].Literal[0] != ':':
			out = append(out, adapterkit.Elem{Class: adapterkit.NotSlash, Star: true})
		default:
			cls := cmpOr(c == nil && last && strings.Trim(t.next[sh.keys[len(sh.toks)]], ":") == "", adapterkit.AnyByte, adapterkit.NotSlash)
			out = append(out, adapterkit.Elem{Class: cls}, adapterkit.Elem{Class: cls, Star: true})
		}
	}
	return out
}
