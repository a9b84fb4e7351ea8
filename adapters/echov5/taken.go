package partyechov5

import (
	"cmp"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/labstack/echo/v5"
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
	at     map[string]int    // path -> index in shapes
	lits   map[string][]lit  // tree path before a literal -> the shapes with one there, by literal
	next   map[string]string // tree path of a parameter -> first bytes of the literals after it
	c      *echo.Context     // find's, reused
	ea, eb []el              // buffers of probe
	seen   []bool
	out    []byte
}

type shape struct {
	path    string // normalized, as the router has it
	toks    []adapterkit.Token
	problem string   // tokenize's
	methods []string // of the routes at path
	keys    []string // keys[k]: the tree path of toks[:k]
}

type lit struct {
	text string
	si   int
}

func newTable(e *echo.Echo, infos echo.Routes) *table {
	t := &table{e: e, at: map[string]int{}, lits: map[string][]lit{}, next: map[string]string{}}
	for _, ri := range infos {
		sh := shape{path: normalize(ri.Path), methods: []string{ri.Method}}
		if at, ok := t.at[sh.path]; ok {
			t.shapes[at].methods = append(t.shapes[at].methods, ri.Method)
			continue
		}
		sh.toks, sh.problem = tokenize(ri)
		var key strings.Builder
		for k, tk := range sh.toks {
			sh.keys = append(sh.keys, key.String())
			if tk.Literal != "" {
				t.lits[key.String()] = append(t.lits[key.String()], lit{tk.Literal, len(t.shapes)})
				if k > 0 && !strings.Contains(t.next[key.String()], tk.Literal[:1]) {
					t.next[key.String()] += tk.Literal[:1]
				}
			}
			key.WriteString(cmpOr(tk.Literal == "", cmpOr(tk.Wildcard, "\x00*", "\x00:"), tk.Literal))
		}
		t.at[sh.path], sh.keys = len(t.shapes), append(sh.keys, key.String())
		t.shapes = append(t.shapes, sh)
	}
	for _, b := range t.lits {
		slices.SortFunc(b, func(x, y lit) int { return cmp.Or(strings.Compare(x.text, y.text), x.si-y.si) })
	}
	return t
}

// takens returns, by token index, the values other routes take from the
// parameters of route ri, an endpoint of methods: those of the siblings
// whose literal before the parameter starts with ri's, at the same tree
// path, as echo confirms them. On a wildcard, a set is the values that go
// on as the sibling does; an exact value or prefix also counts decoded,
// since echo compares static text with the decoded path when the request
// has no RawPath.
func (t *table) takens(ri int, methods []string) map[int][]urlfor.Taken {
	r, out := &t.shapes[ri], map[int][]urlfor.Taken(nil)
	for i := 1; i < len(r.toks) && r.problem == ""; i++ {
		pre := r.toks[i-1].Literal
		if r.toks[i].Literal != "" || pre == "" {
			continue
		}
		b := t.lits[r.keys[i-1]]
		lo, _ := slices.BinarySearchFunc(b, pre, func(x lit, s string) int { return strings.Compare(x.text, s) })
		var cands []adapterkit.Candidate
		for _, s := range b[lo:] {
			if !strings.HasPrefix(s.text, pre) {
				break
			}
			sh := &t.shapes[s.si]
			if s.si == ri || sh.problem != "" {
				continue
			}
			sib := slices.Clone(sh.toks)
			for k := i; k < len(sib); k++ {
				sib[k].Wildcard = sib[k].Wildcard || sib[k].Literal == "" && !(k == i && s.text == pre)
			}
			for _, c := range adapterkit.Siblings([]adapterkit.Shape{{Tokens: r.toks}, {Tokens: sib}}, 0, i, false) {
				var ok bool
				if c.By, ok = t.probe(ri, i, &c, s.si, methods); !ok {
					continue
				}
				if r.toks[i].Wildcard && c.Kind != adapterkit.Exact {
					c.Kind, c.Value = adapterkit.Matching, regexp.QuoteMeta(s.text[len(pre):])+elemsRE(t.elems(nil, s.si, i, -1, nil, 0))
				}
				cands = append(cands, c)
				if d, err := url.PathUnescape(c.Value); err == nil && d != c.Value && c.Kind != adapterkit.Matching {
					c.Value = d
					cands = append(cands, c)
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
		path, found := t.witness(t.ea, t.eb)
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

// el matches one byte of a path, or with star any number of them: the byte
// b (cls 0), any byte but "/" (cls 1), any byte (cls 2).
type el struct {
	b    byte
	cls  uint8
	star bool
}

// elems appends to out route si from token from on, as echo matches a
// path; with c it is the route a URL is built for, with a value of c at
// token at: its parameters are one byte or more but "/", which a value
// holds as "%2F", and its wildcard neither starts nor ends with "/" (wild
// 0: two bytes or more, 1: one, 2: none), as urlfor builds them.
func (t *table) elems(out []el, si, from, at int, c *adapterkit.Candidate, wild int) []el {
	sh := &t.shapes[si]
	for k := from; k < len(sh.toks); k++ {
		tk, last := sh.toks[k], k == len(sh.toks)-1
		if k == at && c.Kind != adapterkit.Matching {
			tk.Literal = cmpOr(tk.Wildcard, c.Value, strings.ReplaceAll(c.Value, "/", "%2F"))
		}
		for j := 0; j < len(tk.Literal); j++ {
			out = append(out, el{b: tk.Literal[j]})
		}
		switch {
		case tk.Literal != "" && k != at, k == at && c.Kind == adapterkit.Exact:
		case tk.Wildcard && (c == nil || k == at):
			out = append(out, el{cls: 2, star: true})
		case tk.Wildcard:
			out = append(out, [][]el{{{cls: 1}, {cls: 2, star: true}, {cls: 1}}, {{cls: 1}}, nil}[wild]...)
		case c == nil && !last && sh.toks[k+1].Literal[0] != ':':
			out = append(out, el{cls: 1, star: true})
		default:
			cls := cmpOr(c == nil && last && strings.Trim(t.next[sh.keys[len(sh.toks)]], ":") == "", uint8(2), 1)
			out = append(out, el{cls: cls}, el{cls: cls, star: true})
		}
	}
	return out
}

// elemsRE is a regexp (RE2) of what els match.
func elemsRE(els []el) string {
	var b strings.Builder
	for _, e := range els {
		b.WriteString([]string{regexp.QuoteMeta(string(e.b)), "[^/]", "(?s:.)"}[e.cls] + cmpOr(e.star, "*", ""))
	}
	return b.String()
}

// witness returns a path that both a and b match. Where neither decides a
// byte it puts a NUL, which no route holds, so that the path stays off
// static branches that neither route has.
func (t *table) witness(a, b []el) (string, bool) {
	n := 2 * (len(a) + 1) * (len(b) + 1) // states (i, j, filled)
	t.seen, t.out = slices.Grow(t.seen[:0], n)[:n], t.out[:0]
	clear(t.seen)
	var walk func(i, j, filled int) bool
	walk = func(i, j, filled int) bool {
		if k := (i*(len(b)+1)+j)*2 + filled; i == len(a) && j == len(b) || t.seen[k] {
			return i == len(a) && j == len(b)
		} else {
			t.seen[k] = true
		}
		if i < len(a) && j < len(b) {
			ni, nj := i+cmpOr(a[i].star, 0, 1), j+cmpOr(b[j].star, 0, 1)
			if c, ok := meet(a[i], b[j]); ok && (ni != i || nj != j || filled == 0) {
				if t.out = append(t.out, c); walk(ni, nj, cmpOr(ni == i && nj == j, 1, 0)) {
					return true
				}
				t.out = t.out[:len(t.out)-1]
			}
		}
		return i < len(a) && a[i].star && walk(i+1, j, 0) || j < len(b) && b[j].star && walk(i, j+1, 0)
	}
	ok := walk(0, 0, 0)
	return string(t.out), ok
}

// meet is a byte that both x and y match.
func meet(x, y el) (byte, bool) {
	switch {
	case x.cls == 0 && y.cls == 0:
		return x.b, x.b == y.b
	case x.cls == 0:
		return x.b, y.cls == 2 || x.b != '/'
	case y.cls == 0:
		return y.b, x.cls == 2 || y.b != '/'
	}
	return 0, true
}
