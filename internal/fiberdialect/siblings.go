package fiberdialect

import (
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Values that routes registered before take. fiber tries a method's routes
// in registration order and cannot be asked which one a path reaches
// without running handlers: this is a model of it, tested over real HTTP
// (the adapters' differential_test.go, siblings_test.go, adaptertest).
// fiber v2.52 and v3.1 try routes alike (router.go next):
//
//	routes, in order                       | request         | reaches
//	---------------------------------------+-----------------+------------------------------
//	GET /posts/new, GET /posts/:id         | /posts/NEW      | /posts/new (folded unless CaseSensitive)
//	GET /posts/:id, GET /posts/new         | /posts/new      | /posts/:id (new is unreachable)
//	GET /posts/new, POST /posts/:id        | POST /posts/new | /posts/:id (a stack per method)
//	GET /posts/new/, GET /posts/:id        | /posts/new      | /posts/new/ (unless StrictRouting)
//	GET /items/draft-:n, GET /items/:id    | /items/Draft-1  | /items/draft-:n (a prefix family)
//	GET /r/:y<int>, GET /r/:id             | /r/007          | /r/:y<int> (strconv.Atoi reads it)
//	GET /f/*, GET /f/:id                   | /f/x            | /f/* (:id is unreachable)
//
// adapterkit.Siblings finds the candidates among the earlier routes of each
// of a route's methods, and sameNode adds what an order-based router does
// beyond a radix tree; constraints compete with what fiber takes
// (takesRegexp); values are unescaped unless UnescapePath. Not modelled: an
// earlier route that diverges in an earlier segment ("/:section/new" beside
// "/posts/:id"). For a route without parameters, fiber.RoutePatternMatch
// says whether an earlier route takes its path.

// stack is one method's routes in fiber's order, read for the model.
type stack struct {
	src    *Source
	routes []*Route
	first  []string         // each route's first literal, folded as fiber does
	bucket map[string][]int // positions by the first 3 bytes of first ("" when shorter), as fiber files them
}

// prepare reads the first literal of each route, once.
func (st *stack) prepare() {
	if st.bucket != nil {
		return
	}
	st.first, st.bucket = make([]string, len(st.routes)), map[string][]int{}
	for i, r := range st.routes {
		p := trimmed(r.Path, st.src.d.Mode)
		if end := st.src.d.ParamStart(p); end >= 0 {
			p = p[:end]
		}
		st.first[i] = st.src.d.Mode.fold(st.src.d.RemoveEscapeChar(p))
		st.bucket[bucketOf(st.first[i])] = append(st.bucket[bucketOf(st.first[i])], i)
	}
}

// shape is the route at position j as adapterkit.Siblings reads it.
func (st *stack) shape(j int) adapterkit.Shape {
	return adapterkit.Shape{By: st.routes[j].Method + " " + st.routes[j].Path, Tokens: st.src.tokens(st.routes[j].Path)}
}

// bucketOf is where fiber files a path: its first 3 bytes, or "" (all).
func bucketOf(path string) string {
	if len(path) < 3 {
		return ""
	}
	return path[:3]
}

// earlier returns the positions before at whose first literal starts with
// key or begins it: the routes fiber may try first for a path that starts
// with key (from its buckets, unless key is shorter than they are).
func (st *stack) earlier(at int, key string) []int {
	var out []int
	add := func(j int) {
		if strings.HasPrefix(st.first[j], key) || strings.HasPrefix(key, st.first[j]) {
			out = append(out, j)
		}
	}
	if len(key) < 3 {
		for j := range at {
			add(j)
		}
		return out
	}
	for _, b := range [...]string{key[:3], ""} {
		for _, j := range st.bucket[b] {
			if j >= at {
				break
			}
			add(j)
		}
	}
	slices.Sort(out)
	return out
}

// taken returns, by token index, what the routes before position at take
// from the parameters of the route there.
func (st *stack) taken(at int, m Mode) map[int][]urlfor.Taken {
	var shapes []adapterkit.Shape
	for _, j := range st.earlier(at, st.first[at]) {
		shapes = append(shapes, st.shape(j))
	}
	if len(shapes) == 0 {
		return nil
	}
	shapes = append(shapes, st.shape(at))
	out := map[int][]urlfor.Taken{}
	for i, tk := range shapes[len(shapes)-1].Tokens {
		var cands []adapterkit.Candidate
		for _, c := range adapterkit.Siblings(shapes, len(shapes)-1, i, !m.CaseSensitive) {
			// A parameter route's text beside a wildcard is sameNode's.
			if (c.Kind != adapterkit.Matching || !tk.Wildcard) && m.valueOf(&c) {
				cands = append(cands, c)
			}
		}
		if t := append(adapterkit.Takens(cands), sameNode(shapes, i, m)...); len(t) > 0 {
			out[i] = t
		}
	}
	return out
}

// sameNode is what an order-based router adds to adapterkit.Siblings: the
// routes before ours (the last of shapes) with our tokens before i, whose
// literal before i begins ours (their parameter at i reads the rest, t),
// with a parameter or wildcard at i, that may take some URL of ours. What
// they take is said as precisely as the model can, else every value.
func sameNode(shapes []adapterkit.Shape, i int, m Mode) []urlfor.Taken {
	ours := shapes[len(shapes)-1].Tokens
	if isLit(ours[i]) || !isLit(ours[i-1]) {
		return nil
	}
	last, wild := i == len(ours)-1, ours[i].Wildcard
	var out []urlfor.Taken
	for _, e := range shapes[:len(shapes)-1] {
		et := e.Tokens
		if len(et) <= i || isLit(et[i]) || !isLit(et[i-1]) || !sameTokens(et[:i-1], ours[:i-1], m) {
			continue
		}
		t, ok := strings.CutPrefix(m.fold(ours[i-1].Literal), m.fold(et[i-1].Literal))
		if !ok || t != "" && !et[i].Wildcard && strings.Contains(t, "/") || !adapterkit.Compatible(et, ours, !m.CaseSensitive) {
			continue
		}
		plain, taken := et[i].Constraint == "", urlfor.Taken{By: e.By, NonEmpty: true}
		switch {
		case et[i].Wildcard:
		case !plain && t == "" && et[i].Constraint == ours[i].Constraint && sameTokens(et[i+1:], ours[i+1:], m):
		case !plain && t == "" && len(et) == i+1 && !wild:
			continue // Siblings: its constraint
		case last && t == "":
			taken = urlfor.Taken{By: e.By, Matching: m.spelling(et[i:], wild)}
		case last && plain && !touches(t, et[i+1:], m):
			taken = urlfor.Taken{By: e.By, Matching: `(?s:.*)` + m.spelling(et[i+1:], wild)}
		case !plain && t != "" && !adapterkit.CanStart(et[i].Constraint, m.unescaped(ours[i-1].Literal[len(et[i-1].Literal):])):
			continue // its constraint refuses our literal
		case !plain && t == "" && isLit(et[i+1]) && m.fold(et[i+1].Literal)[0] == m.fold(ours[i+1].Literal)[0]:
			continue // Siblings: its parameter ends where ours does
		}
		out = append(out, taken)
	}
	return out
}

// touches reports whether the literal after a parameter (toks[0]), which
// ends it, may begin inside t, the text the parameter reads first.
func touches(t string, toks []adapterkit.Token, m Mode) bool {
	if len(toks) == 0 || !isLit(toks[0]) {
		return len(toks) > 0
	}
	for p := range len(t) {
		if l := m.fold(toks[0].Literal); strings.HasPrefix(l, t[p:]) || strings.HasPrefix(t[p:], l) {
			return true
		}
	}
	return false
}

func isLit(t adapterkit.Token) bool { return t.Param == "" && !t.Wildcard }

// sameTokens reports whether a and b match the same paths token by token.
func sameTokens(a, b []adapterkit.Token, m Mode) bool {
	return slices.EqualFunc(a, b, func(x, y adapterkit.Token) bool {
		return x.Wildcard == y.Wildcard && (x.Param == "") == (y.Param == "") && x.Constraint == y.Constraint &&
			m.fold(x.Literal) == m.fold(y.Literal)
	})
}

// spelling is a regexp (a superset) of the values of a parameter (wild: a
// wildcard) whose text matches toks. fiber folds literals, not constraints.
func (m Mode) spelling(toks []adapterkit.Token, wild bool) string {
	var b strings.Builder
	for _, t := range toks {
		switch {
		case t.Wildcard:
			b.WriteString(`(?s:.*)`)
		case t.Param == "":
			b.WriteString(m.foldRE(regexp.QuoteMeta(m.unescaped(t.Literal))))
		case t.Constraint != "":
			b.WriteString(`(?:` + t.Constraint + `)`)
		case wild:
			b.WriteString(`[^/]+`)
		default:
			b.WriteString(`(?s:.+)`)
		}
	}
	return b.String()
}

// valueOf turns a candidate found in the path text into values as urlfor
// receives them (a constraint is fiber's already); false when none.
func (m Mode) valueOf(c *adapterkit.Candidate) bool {
	switch {
	case c.Kind == adapterkit.Matching, m.Unescape:
	case c.Kind == adapterkit.Exact:
		v, err := url.PathUnescape(c.Value)
		c.Value = v
		return err == nil
	default: // a prefix cut inside an escape takes more: cut before it
		c.Value = m.unescaped(c.Value)
	}
	return true
}

// unescaped is the value whose escaped text is the raw path text s, or the
// longest such prefix of s.
func (m Mode) unescaped(s string) string {
	for !m.Unescape {
		if v, err := url.PathUnescape(s); err == nil {
			return v
		}
		s = s[:strings.LastIndexByte(s, '%')]
	}
	return s
}

func (m Mode) fold(s string) string {
	if m.CaseSensitive {
		return s
	}
	return lowerASCII(s)
}

func (m Mode) foldRE(re string) string {
	if m.CaseSensitive {
		return re
	}
	return `(?i:` + re + `)`
}

// shadowedBy names the route before position at (a route without
// parameters) that takes its path, as fiber.RoutePatternMatch says; "" when
// none does.
func (st *stack) shadowedBy(at int) string {
	d := &st.src.d
	path := trimmed(d.RemoveEscapeChar(st.routes[at].Path), d.Mode)
	for _, j := range st.earlier(at, d.Mode.fold(path)) {
		if d.RoutePatternMatch(path, st.routes[j].Path) {
			return st.shape(j).By
		}
	}
	return ""
}
