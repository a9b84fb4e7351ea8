package partygin

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Shadowed values.
//
// gin prefers a static child over a parameter at every node of its tree
// (and backtracks when the static branch fails). So with "/users/:id" and
// "/users/me" registered for one method, a URL built for id "me" reaches
// "/users/me", not "/users/:id": the round-trip law would break. Likewise
// "/:page" loses "user_bob" to "/user_:name". For every parameter we
// collect the values another route of the same method would take and
// refuse them with a constraint: the exact text of a static sibling
// segment, and anything longer than the literal prefix of a sibling
// parameter. A sibling counts only when the rest of its pattern could
// match the rest of ours (segment by segment: equal literals, or a
// parameter whose literal prefix fits), so "/posts/new/edit" does not take
// "new" from "/posts/:id". When it could match only for some values of a
// later parameter, the value is refused for all of them: urlfor constrains
// one parameter at a time, and refusing is the safe side of the law.
// Catch-alls need nothing: gin refuses to register one beside anything else.
//
// The party takes values too: core.Party answers 404 to any request for an
// invite path, with or without its trailing slash and in any letter case
// (core's guard). So with "/:page", the value "__invite__" (or "__INVITE__")
// is refused: the invite route is a competitor whose literals match
// case-insensitively and whose trailing slash is optional.

// routeShape is one gin route, for the analysis: its method and segments.
type routeShape struct {
	method string
	segs   []segment
	fold   bool // literals match in any letter case (the party's guard)
}

// shadowKey names one parameter of one route.
type shadowKey struct {
	method, pattern string
	param           string
}

// exclusions gathers the values taken from one parameter.
type exclusions struct {
	exact    []string // values another route takes exactly
	folded   []string // values taken in any letter case
	prefixes []string // values longer than these, starting with them, are taken
	by       []taker
}

// taker is one route that takes values, for messages.
type taker struct {
	value string
	kind  takeKind
	route string // "GET /users/me"
}

type takeKind uint8

const (
	takesExact takeKind = iota
	takesFolded
	takesLonger
)

// shadows finds the taken values of every parameter of routes, keyed by
// (method, pattern as given, parameter name). patterns[i] is the text of
// routes[i].
func shadows(routes []routeShape, patterns []string) map[shadowKey]*exclusions {
	// index: method, depth, structure of the first depth segments -> the
	// routes that have a segment at that depth.
	type idxKey struct {
		method string
		depth  int
		prefix string
	}
	index := map[idxKey][]int{}
	for i, r := range routes {
		if r.fold {
			continue
		}
		var b strings.Builder
		for d, s := range r.segs {
			k := idxKey{r.method, d, b.String()}
			index[k] = append(index[k], i)
			writeStructure(&b, s)
		}
	}
	var folds []int
	for i, r := range routes {
		if r.fold {
			folds = append(folds, i)
		}
	}
	var out map[shadowKey]*exclusions
	add := func(i, j, d int) {
		r, c := routes[i], routes[j]
		s, cs := r.segs[d], c.segs[d]
		if !compatible(r.segs[d+1:], c.segs[d+1:], c.fold) {
			return
		}
		var exact, prefix string
		switch {
		case cs.kind == segLiteral && len(cs.lit) > len(s.lit) && hasPrefix(cs.lit, s.lit, c.fold):
			exact = cs.lit[len(s.lit):]
		case cs.kind == segParam && len(cs.lit) > len(s.lit) && hasPrefix(cs.lit, s.lit, c.fold):
			prefix = cs.lit[len(s.lit):]
		default:
			return
		}
		if out == nil {
			out = map[shadowKey]*exclusions{}
		}
		k := shadowKey{r.method, patterns[i], s.name}
		ex := out[k]
		if ex == nil {
			ex = &exclusions{}
			out[k] = ex
		}
		route := c.method + " " + patterns[j]
		if c.fold {
			route = "the party's guard of " + patterns[j]
		}
		switch {
		case exact != "" && c.fold:
			ex.folded = append(ex.folded, exact)
			ex.by = append(ex.by, taker{exact, takesFolded, route})
		case exact != "":
			ex.exact = append(ex.exact, exact)
			ex.by = append(ex.by, taker{exact, takesExact, route})
		default:
			ex.prefixes = append(ex.prefixes, prefix)
			ex.by = append(ex.by, taker{prefix, takesLonger, route})
		}
	}
	for i, r := range routes {
		if r.fold {
			continue
		}
		var b strings.Builder
		for d, s := range r.segs {
			if s.kind == segParam {
				for _, j := range index[idxKey{r.method, d, b.String()}] {
					if j != i {
						add(i, j, d)
					}
				}
				// The guard's shapes are few: compare their first d
				// segments directly, in any letter case.
				for _, j := range folds {
					if len(routes[j].segs) > d && compatible(r.segs[:d], routes[j].segs[:d], true) {
						add(i, j, d)
					}
				}
			}
			writeStructure(&b, s)
		}
	}
	return out
}

// guardShapes are the paths core's guard answers 404 for, as competitors:
// the invite route with and without its trailing slash, in any case.
func guardShapes(inviteRoute string) (shapes []routeShape, patterns []string) {
	segs, err := parsePattern(inviteRoute)
	if err != nil {
		return nil, nil
	}
	shapes = append(shapes, routeShape{segs: segs, fold: true})
	patterns = append(patterns, inviteRoute)
	if n := len(segs); n > 1 && segs[n-1].kind == segLiteral && segs[n-1].lit == "" {
		shapes = append(shapes, routeShape{segs: segs[:n-1], fold: true})
		patterns = append(patterns, inviteRoute)
	}
	return shapes, patterns
}

// hasPrefix is strings.HasPrefix, in any letter case when fold is set.
func hasPrefix(s, prefix string, fold bool) bool {
	if !fold {
		return strings.HasPrefix(s, prefix)
	}
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// writeStructure appends what makes two routes share a tree node at one
// segment: its literal text and whether a parameter follows (gin gives a
// parameter one name per node, so the name does not matter).
func writeStructure(b *strings.Builder, s segment) {
	switch s.kind {
	case segLiteral:
		b.WriteString("L")
	case segParam:
		b.WriteString("P")
	case segCatchAll:
		b.WriteString("*")
	}
	b.WriteString(s.lit)
	b.WriteByte(0)
}

// compatible reports whether a URL built for the segments r could also
// match the segments c (an over-approximation: true when unsure); with
// fold, c's literals match in any letter case.
func compatible(r, c []segment, fold bool) bool {
	for {
		switch {
		case len(r) == 0 && len(c) == 0:
			return true
		case len(c) > 0 && c[0].kind == segCatchAll:
			return len(r) > 0
		case len(r) > 0 && r[0].kind == segCatchAll:
			return len(c) > 0
		case len(r) == 0 || len(c) == 0:
			return false
		}
		a, b := r[0], c[0]
		switch {
		case a.kind == segLiteral && b.kind == segLiteral:
			if a.lit != b.lit && !(fold && strings.EqualFold(a.lit, b.lit)) {
				return false
			}
		case a.kind == segLiteral:
			if !hasPrefix(a.lit, b.lit, fold) {
				return false
			}
		case b.kind == segLiteral:
			if !hasPrefix(b.lit, a.lit, fold) {
				return false
			}
		default:
			if !hasPrefix(a.lit, b.lit, fold) && !hasPrefix(b.lit, a.lit, fold) {
				return false
			}
		}
		r, c = r[1:], c[1:]
	}
}

// merge adds the exclusions of o (another method of the same endpoint).
func (e *exclusions) merge(o *exclusions) {
	e.exact = append(e.exact, o.exact...)
	e.folded = append(e.folded, o.folded...)
	e.prefixes = append(e.prefixes, o.prefixes...)
	e.by = append(e.by, o.by...)
}

// constraint returns a regexp (RE2, anchored by urlfor) that matches every
// value except the taken ones. Go's regexp has no negative lookahead, so it
// is the complement of a trie of the taken values: at each node, the end of
// the value (unless that exact value is taken), any rune that leaves the
// trie followed by anything, or a child's own complement; below a taken
// prefix, only the prefix itself. Values taken in any case make edges that
// match every case of their rune; they go in first, and a value of exact
// case that shares such an edge is then refused in any case on it too (the
// safe side).
func (e *exclusions) constraint() string {
	root := &trieNode{}
	for _, v := range e.folded {
		root.insert(v, true).exact = true
	}
	for _, v := range e.exact {
		root.insert(v, false).exact = true
	}
	for _, v := range e.prefixes {
		root.insert(v, false).below = true
	}
	re, ok := root.complement()
	if !ok {
		return `[^\x00-\x{10FFFF}]` // matches nothing
	}
	return `(?s:` + re + `)`
}

// takers says which routes take the value v, for error messages; "" when
// none does.
func (e *exclusions) takers(v string) string {
	var by []string
	for _, t := range e.by {
		switch {
		case t.kind == takesExact && v == t.value,
			t.kind == takesFolded && strings.EqualFold(v, t.value),
			t.kind == takesLonger && len(v) > len(t.value) && strings.HasPrefix(v, t.value):
			by = append(by, t.route)
		}
	}
	slices.Sort(by)
	return strings.Join(slices.Compact(by), ", ")
}

type trieNode struct {
	exact, below bool
	edges        []*trieEdge
}

// trieEdge leads to a child on one rune, or on every case of it (fold).
type trieEdge struct {
	r    rune
	fold bool
	next *trieNode
}

// insert adds the path of v below n and returns its last node.
func (n *trieNode) insert(v string, fold bool) *trieNode {
	for _, r := range v {
		n = n.child(r, fold)
	}
	return n
}

// child follows (or makes) the edge for r: an edge for every case of r
// when there is one, else the edge for r itself.
func (n *trieNode) child(r rune, fold bool) *trieNode {
	for _, e := range n.edges {
		if e.fold && sameFold(e.r, r) || !e.fold && !fold && e.r == r {
			return e.next
		}
	}
	e := &trieEdge{r: r, fold: fold, next: &trieNode{}}
	n.edges = append(n.edges, e)
	return e.next
}

// sameFold reports whether a and b are cases of one letter.
func sameFold(a, b rune) bool {
	for f := unicode.SimpleFold(a); ; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
		if f == a {
			return false
		}
	}
}

// runes is every rune the edge matches.
func (e *trieEdge) runes() []rune {
	out := []rune{e.r}
	if e.fold {
		for f := unicode.SimpleFold(e.r); f != e.r; f = unicode.SimpleFold(f) {
			out = append(out, f)
		}
	}
	return out
}

// complement returns a regexp of the suffixes s such that prefix+s is not
// taken, where prefix leads to n; ok is false when there is none.
func (n *trieNode) complement() (string, bool) {
	var alts []string
	if !n.exact {
		alts = append(alts, "")
	}
	if !n.below {
		edges := slices.Clone(n.edges)
		slices.SortFunc(edges, func(a, b *trieEdge) int { return int(a.r - b.r) })
		if len(edges) == 0 {
			alts = append(alts, ".+")
		} else {
			var class strings.Builder
			class.WriteString("[^")
			for _, e := range edges {
				for _, r := range e.runes() {
					class.WriteString(runeRE(r))
				}
			}
			class.WriteString("].*")
			alts = append(alts, class.String())
			for _, e := range edges {
				sub, ok := e.next.complement()
				if !ok {
					continue
				}
				step := runeRE(e.r)
				if rs := e.runes(); len(rs) > 1 {
					step = "["
					for _, r := range rs {
						step += runeRE(r)
					}
					step += "]"
				}
				alts = append(alts, step+sub)
			}
		}
	}
	switch len(alts) {
	case 0:
		return "", false
	case 1:
		if alts[0] == "" {
			return "", true
		}
	}
	return "(?:" + strings.Join(alts, "|") + ")", true
}

// runeRE writes r for a regexp, inside or outside a character class.
func runeRE(r rune) string {
	if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_' {
		return string(r)
	}
	return fmt.Sprintf(`\x{%x}`, r)
}
