package partychi

import (
	"fmt"
	"slices"
	"strings"

	"github.com/partyline-go/partyline/urlfor"
)

// Shadowed values.
//
// chi's tree (tree.go findRoute) tries, at every node, the static child
// first, then regexp parameters, then plain parameters, then the
// catch-all, and it backtracks: when a branch has no route further down,
// or its route has no handler for the request's method, the next kind is
// tried. Found by requests through a real chi v5.5.0 router
// (shadow_test.go, one test per row):
//
//	registered                          request            reaches
//	/posts/{id}, /posts/new (GET both)  GET /posts/new     /posts/new   static beats param
//	/p/{id}/edit, /p/new                GET /p/new/edit    /p/{id}/edit backtracks when static dead-ends
//	/q/{id} (GET), /q/new (POST)        GET /q/new         /q/{id}      backtracks on another method
//	/e/{id}.json, /e/new.json           GET /e/new.json    /e/new.json  static beats param inside a segment
//	/x/{id}, /x/new-{y}                 GET /x/new-a       /x/new-{y}   a longer static prefix takes values
//	/f/*, /f/readme                     GET /f/readme      /f/readme    static beats the wildcard
//	/f/*, /f/{id}                       GET /f/a           /f/{id}      param beats the wildcard
//	/{id}/x, Mount("/api", sub)         GET /api/x         sub          a mount takes its whole prefix, every method, no fallback
//	/c/{id}, /c/NEW                     GET /c/new         /c/{id}      case-sensitive
//	registration order                  -                  -            irrelevant (a tree, not a list)
//
// So for every parameter and wildcard of a route we collect the values that
// make its URL reach another route registered for one of its methods (or a
// mount, which takes every method): the exact values go into
// [urlfor.Part.Except]; values taken by prefix ("new-" above) and a
// wildcard's non-empty values (taken by a parameter sibling) become a
// [urlfor.Part.Matching] constraint that complements them. The analysis
// over-approximates: when unsure whether the rest of a competing route
// could match, the value is refused.
//
// Not covered: a regexp parameter beats a plain one at the same node
// ("/r/{y:[0-9]+}" takes "12" from "/r/{id}"), and neither Except nor an RE2
// constraint can express "not matching that regexp"; prefix-taken values of
// a parameter that has its own regexp constraint (RE2 cannot intersect two
// regexps) are left to it; core's guard of the invite path in other letter
// cases ("/{page}" with "__INVITE__").

// tokKind is the kind of a piece of a chi pattern, for the analysis.
type tokKind uint8

const (
	tokLiteral tokKind = iota
	tokParam
	tokWild
)

type token struct {
	kind tokKind
	text string // literal text, or the parameter's key
}

// tokens flattens the segments of splitPattern.
func tokens(segs []chiSegment) []token {
	toks := make([]token, 0, 2*len(segs))
	for _, s := range segs {
		if s.literal != "" {
			toks = append(toks, token{tokLiteral, s.literal})
		}
		switch {
		case s.wildcard:
			toks = append(toks, token{tokWild, s.key})
		case s.param:
			toks = append(toks, token{tokParam, s.key})
		}
	}
	return toks
}

// anyMethod is the method of a mount: it takes every method.
const anyMethod = "*"

// chiRoute is one registered route (or mount) and one of its methods.
type chiRoute struct {
	method, pattern string
	toks            []token
}

// shadowIndex finds, for a route and a token index, the routes of the
// same method that share its tree path up to the literal before it.
type shadowIndex struct {
	routes []chiRoute
	at     map[string][]litRoute // method + structure of toks[:i] -> routes with a literal at i, sorted by it
}

type litRoute struct {
	lit string
	ri  int
}

func newShadowIndex(routes []chiRoute) *shadowIndex {
	x := &shadowIndex{routes: routes, at: map[string][]litRoute{}}
	var key strings.Builder
	for ri, r := range routes {
		key.Reset()
		key.WriteString(r.method)
		key.WriteByte(0)
		for _, tk := range r.toks {
			if tk.kind == tokLiteral {
				k := key.String()
				x.at[k] = append(x.at[k], litRoute{tk.text, ri})
			}
			writeStructure(&key, tk)
		}
	}
	for _, b := range x.at {
		slices.SortFunc(b, func(a, b litRoute) int { return strings.Compare(a.lit, b.lit) })
	}
	return x
}

// writeStructure appends what makes two routes share a node: literal text,
// or a parameter or wildcard whatever its name (regexp parameters are
// separate nodes in chi, which only makes this an over-approximation).
func writeStructure(b *strings.Builder, tk token) {
	switch tk.kind {
	case tokLiteral:
		b.WriteByte('L')
		b.WriteString(tk.text)
	case tokParam:
		b.WriteByte('P')
	case tokWild:
		b.WriteByte('*')
	}
	b.WriteByte(0)
}

// exclusionsOf returns the values taken from each parameter and wildcard
// of the route with tokens toks and pattern, by key; methods are those of
// its endpoint. nil when none is taken.
func (x *shadowIndex) exclusionsOf(pattern string, toks []token, methods []string) map[string]*exclusions {
	var out map[string]*exclusions
	var key strings.Builder
	for _, m := range append(slices.Clone(methods), anyMethod) {
		key.Reset()
		key.WriteString(m)
		key.WriteByte(0)
		before := key.String() // the structure of toks[:i-1]
		for i, tk := range toks {
			if tk.kind != tokLiteral && i > 0 && toks[i-1].kind == tokLiteral {
				lit := toks[i-1].text
				b := x.at[before]
				lo, _ := slices.BinarySearchFunc(b, lit, func(e litRoute, t string) int { return strings.Compare(e.lit, t) })
				for _, e := range b[lo:] {
					if !strings.HasPrefix(e.lit, lit) {
						break
					}
					c := x.routes[e.ri]
					if c.pattern == pattern {
						continue
					}
					ex := out[tk.text]
					if ex == nil {
						ex = &exclusions{}
					}
					if compete(ex, toks, i, c) {
						if out == nil {
							out = map[string]*exclusions{}
						}
						out[tk.text] = ex
					}
				}
			}
			before = key.String()
			writeStructure(&key, tk)
		}
	}
	return out
}

// compete records the values of token i of r (a parameter or wildcard)
// that the route c takes, and reports whether it took any. c shares r's
// structure before i-1, and its literal at i-1 starts with r's.
func compete(ex *exclusions, r []token, i int, c chiRoute) bool {
	lit, clit := r[i-1].text, c.toks[i-1].text
	by := c.method + " " + c.pattern
	if c.method == anyMethod {
		by = "the router mounted at " + c.pattern
	}
	rrest, crest := r[i+1:], c.toks[i:]
	if clit == lit {
		// The same node: only a parameter of c beats r's wildcard.
		if r[i].kind == tokWild && len(crest) > 0 && crest[0].kind == tokParam {
			ex.onlyEmpty = true
			ex.by = append(ex.by, taker{kind: takesNonEmpty, route: by})
			return true
		}
		return false
	}
	t := clit[len(lit):]
	if r[i].kind == tokWild {
		if len(crest) == 0 {
			ex.add(t, takesExact, by)
		} else {
			ex.add(t, takesPrefix, by)
		}
		return true
	}
	// A parameter's value ends at its tail byte: the first byte of the
	// literal after it, or "/".
	stop := byte('/')
	if len(rrest) > 0 {
		stop = rrest[0].text[0]
	}
	if j := strings.IndexByte(t, stop); j >= 0 {
		v := t[:j]
		rest := append([]token{{tokLiteral, t[j:]}}, crest...)
		if v != "" && !strings.Contains(v, "/") && compatible(rrest, rest) {
			ex.add(v, takesExact, by)
			return true
		}
		return false
	}
	switch {
	case len(crest) == 0:
		if len(rrest) == 0 {
			ex.add(t, takesExact, by)
			return true
		}
	case compatible(append([]token{{tokParam, ""}}, rrest...), crest):
		// c's parameter or wildcard takes the rest of the value, and
		// perhaps more.
		ex.add(t, takesPrefix, by)
		return true
	}
	return false
}

// compatible reports whether some path matches both token lists, a
// parameter matching one or more bytes but "/" and a wildcard any bytes.
// It ignores that a parameter also stops at its tail byte: an
// over-approximation, the safe side.
func compatible(a, b []token) bool {
	ea, eb := elems(a), elems(b)
	seen := map[[2]int]bool{}
	var walk func(i, j int) bool
	walk = func(i, j int) bool {
		if seen[[2]int{i, j}] {
			return false
		}
		seen[[2]int{i, j}] = true
		if i == len(ea) && j == len(eb) {
			return true
		}
		if i < len(ea) && ea[i].star && walk(i+1, j) {
			return true
		}
		if j < len(eb) && eb[j].star && walk(i, j+1) {
			return true
		}
		if i == len(ea) || j == len(eb) || !ea[i].meets(eb[j]) {
			return false
		}
		ni, nj := i+1, j+1
		if ea[i].star {
			ni = i
		}
		if eb[j].star {
			nj = j
		}
		return walk(ni, nj)
	}
	return walk(0, 0)
}

// elem matches one byte (star: any number of them): b, or any byte but
// "/" (notSlash), or any byte (any).
type elem struct {
	b             byte
	notSlash, any bool
	star          bool
}

func (e elem) meets(o elem) bool {
	switch {
	case e.any || o.any:
		return true
	case e.notSlash && o.notSlash:
		return true
	case e.notSlash:
		return o.b != '/'
	case o.notSlash:
		return e.b != '/'
	}
	return e.b == o.b
}

func elems(toks []token) []elem {
	var out []elem
	for _, tk := range toks {
		switch tk.kind {
		case tokLiteral:
			for k := 0; k < len(tk.text); k++ {
				out = append(out, elem{b: tk.text[k]})
			}
		case tokParam:
			out = append(out, elem{notSlash: true}, elem{notSlash: true, star: true})
		case tokWild:
			out = append(out, elem{any: true, star: true})
		}
	}
	return out
}

// exclusions gathers the values taken from one parameter or wildcard.
type exclusions struct {
	exact     []string // values taken exactly
	prefixes  []string // values starting with one of these are taken
	onlyEmpty bool     // every value but "" is taken (a wildcard)
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

func (e *exclusions) add(v string, kind takeKind, by string) {
	if kind == takesExact {
		e.exact = append(e.exact, v)
	} else {
		e.prefixes = append(e.prefixes, v)
	}
	e.by = append(e.by, taker{v, kind, by})
}

// why is the end of the error message for a refused exact value: the
// route that takes it, or, when several routes take values, each value
// with its route (urlfor has one message per parameter).
func (e *exclusions) why() string {
	var by, pairs []string
	for _, t := range e.by {
		if t.kind == takesExact {
			by = append(by, fmt.Sprintf("%q", t.route))
			pairs = append(pairs, fmt.Sprintf("%q by %q", t.value, t.route))
		}
	}
	slices.Sort(by)
	if by = slices.Compact(by); len(by) == 1 {
		return "reaches " + by[0] + " instead"
	}
	slices.Sort(pairs)
	return "reaches another route instead (" + strings.Join(slices.Compact(pairs), ", ") + ")"
}

// signature identifies the exclusions, for the template cache.
func (e *exclusions) signature() string {
	parts := make([]string, 0, len(e.by))
	for _, t := range e.by {
		parts = append(parts, fmt.Sprintf("%d%q%q", t.kind, t.value, t.route))
	}
	slices.Sort(parts)
	return strings.Join(parts, ",")
}

// constraint returns a regexp (RE2, which urlfor anchors) that matches
// every value except those taken by prefix (or every non-empty one), and
// the exact ones too with withExact (wildcards, which have no Except);
// false when nothing is to be refused. Go's regexp has no negative
// lookahead, so it is the complement of a trie of the taken values.
func (e *exclusions) constraint(withExact bool) (string, bool) {
	switch {
	case e.onlyEmpty:
		return `(?:)`, true // only "" (an empty constraint would mean none)
	case len(e.prefixes) == 0 && (!withExact || len(e.exact) == 0):
		return "", false
	}
	var exact []string
	if withExact {
		exact = e.exact
	}
	return urlfor.ExceptRE(exact, e.prefixes, false), true
}
