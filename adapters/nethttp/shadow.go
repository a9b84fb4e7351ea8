package partyhttp

import (
	"slices"
	"strings"

	"github.com/partyline-go/partyline/urlfor"
)

// Shadowed values.
//
// ServeMux serves a request with the most specific pattern that matches
// it, whatever the registration order (a pattern that overlaps another
// without being more or less specific is refused at registration). So with
// "GET /posts/new" beside "GET /posts/{id}", the URL built for id "new"
// reaches "/posts/new", and the round-trip law would break. What ServeMux
// does, as tested over real HTTP in shadow_test.go (net/http/routing_tree.go
// is the same algorithm):
//
//	rule                                   | patterns                                   | request             | served by
//	---------------------------------------+--------------------------------------------+---------------------+---------------------
//	literal beats wildcard, any order      | GET /posts/{id}, GET /posts/new            | GET /posts/new      | /posts/new
//	backtracks when the literal fails      | GET /posts/new, GET /posts/{id}/edit       | GET /posts/new/edit | /posts/{id}/edit
//	method first: other method, no effect  | POST /posts/new, GET /posts/{id}           | GET /posts/new      | /posts/{id} (200)
//	method first: method beats methodless  | GET /posts/new, /posts/{id}                | GET / POST ...new   | /posts/new / /posts/{id}
//	literals are case-sensitive            | GET /posts/new, GET /posts/{id}            | GET /posts/NEW      | /posts/{id}
//	literals compare decoded               | GET /caf%C3%A9, GET /{page}                | GET /caf%C3%A9      | /café
//	literal beats {name...}                | /files/readme, /files/{path...}            | /files/readme       | /files/readme
//	subtree below a literal: redirect      | /files/readme/, /files/{path...}           | /files/readme       | 301 to /files/readme/
//	{$} beats an empty {name...}           | /files/{$}, /files/{path...}               | /files/             | /files/{$}
//	a literal is never empty               | /posts/new/, GET /posts/{id}               | GET /posts/new      | /posts/{id}
//	a host pattern beats a path pattern    | example.com/posts/new, GET /posts/{id}     | GET example.com/... | the host pattern
//	the party's guard (core)               | GET /{page}, invite route /__invite__/     | GET /__INVITE__     | 404 from core
//
// So, for every wildcard of a route r, the values that another route c of
// the same host takes are refused, where c is a competitor when it is tried
// first: c has r's method (or r has none and c any), the same segments as r
// before the wildcard (equal literals, wildcards at the same places), and a
// literal (or "{$}") where r has the wildcard. Then:
//
//   - a "{name}" loses c's literal, when the rest of c could match the rest
//     of r's URL (segment by segment; when unsure, it could): refused with
//     [urlfor.Part.Except];
//   - a "{name...}" (or the anonymous rest of a subtree pattern) loses the
//     path c's literals spell from there: exactly when c ends there or in
//     "{$}" (ServeMux redirects "/files/readme" to "/files/readme/"), and
//     every value below it when c goes on with a wildcard: refused with a
//     regexp constraint ([urlfor.Part] Matching), which is all a wildcard
//     offers; its error says the value "does not match the constraint".
//
// The party takes values too: core.Party answers 404 to a request for an
// invite path in any letter case, with or without its trailing slash. So
// with "GET /{page}", "__invite__" and "__INVITE__" are refused, by a
// case-insensitive regexp constraint.
//
// Not refused (gaps, documented): a host pattern takes values from the
// same path pattern without a host, but only for requests to that host,
// and the URL of a path pattern carries no host: refusing would cost every
// other host those values; a HEAD request prefers a "HEAD" pattern to the
// "GET" one a URL was built for; and a "{name...}" beside a "{name}" at the
// same place loses every one-segment value to it, which no refusal of
// single values can say (build such URLs with the "{name}" route).

// segKind is the kind of one segment of a ServeMux pattern.
type segKind uint8

const (
	segLit    segKind = iota // literal text, decoded
	segSingle                // "{name}"
	segMulti                 // "{name...}", or the rest below a trailing "/"
	segDollar                // "{$}": the empty last segment after a "/"
)

type seg struct {
	kind segKind
	text string // a literal's decoded text
}

// entry is one registered pattern: its route as translated alone, and what
// the shadow analysis needs to rebuild it with refusals.
type entry struct {
	base   urlfor.Route
	host   string
	segs   []seg         // nil when the pattern did not translate
	parts  []urlfor.Part // the template's parts
	partOf []int         // partOf[k]: index in parts of segment k's wildcard, or -1
}

// anyMethod indexes every route whatever its method, for routes without
// one (any request method tries the method's patterns first).
const anyMethod = "\x00any"

type idxKey struct {
	host, method, prefix string // prefix: the structure of the segments before
}

// taken gathers the values one wildcard loses, and to whom.
type taken struct {
	exact    []string // values taken exactly
	prefixes []string // values taken with everything below them ("readme/")
	folded   []string // values taken in any letter case (the party's guard)
	exactBy  []string // exactBy[i] takes exact[i], for the message
}

// resolve returns the routes of entries with the values other routes take
// refused. invite is the app's invite route ("" before Join). Routes
// without refusals are shared with their entry; the others get a new
// template. The index buckets routes by host, method and the structure of
// their segments before a literal, so the analysis is linear in the routes
// (times their depth) plus the competitors found.
func resolve(entries []*entry, invite string) []urlfor.Route {
	index := map[idxKey][]int{}
	for i, e := range entries {
		var prefix strings.Builder
		for _, s := range e.segs {
			if s.kind == segLit || s.kind == segDollar {
				for _, m := range []string{e.base.Method, anyMethod} {
					k := idxKey{e.host, m, prefix.String()}
					index[k] = append(index[k], i)
				}
			}
			writeStructure(&prefix, s)
		}
	}
	guard := guardSegs(invite)
	out := make([]urlfor.Route, len(entries))
	for i, e := range entries {
		out[i] = e.base
		var refusals map[int]*taken // by segment
		var prefix strings.Builder
		for k, s := range e.segs {
			if s.kind == segSingle || s.kind == segMulti {
				m := e.base.Method
				if m == "" {
					m = anyMethod
				}
				for _, j := range index[idxKey{e.host, m, prefix.String()}] {
					if j == i {
						continue
					}
					if t := compete(e.segs, k, entries[j].segs); t != nil {
						refusals = merge(refusals, k, t, quote(entries[j].base.Pattern))
					}
				}
				if t := competeGuard(e.segs, k, guard); t != nil {
					refusals = merge(refusals, k, t, "the party's guard of the invite route "+quote(invite))
				}
			}
			writeStructure(&prefix, s)
		}
		if refusals != nil {
			out[i] = e.refused(refusals)
		}
	}
	return out
}

// writeStructure appends what two patterns must share at one segment for
// ServeMux's tree to try them at the same node: the literal, or a wildcard.
func writeStructure(b *strings.Builder, s seg) {
	switch s.kind {
	case segLit:
		b.WriteByte('L')
		b.WriteString(s.text)
	case segSingle:
		b.WriteByte('S')
	default:
		b.WriteByte('E') // last: nothing is indexed after it
	}
	b.WriteByte(0)
}

func merge(m map[int]*taken, k int, t *taken, by string) map[int]*taken {
	if m == nil {
		m = map[int]*taken{}
	}
	x := m[k]
	if x == nil {
		x = &taken{}
		m[k] = x
	}
	for _, v := range t.exact {
		x.exact = append(x.exact, v)
		x.exactBy = append(x.exactBy, by)
	}
	x.prefixes = append(x.prefixes, t.prefixes...)
	x.folded = append(x.folded, t.folded...)
	return m
}

// compete returns the values of r's wildcard at segment k that c takes; c
// shares r's segments before k and has a literal or "{$}" at k.
func compete(r []seg, k int, c []seg) *taken {
	if r[k].kind == segSingle {
		// A "{name}" value is one non-empty segment: "{$}" never
		// competes, and c's literal only if the rest could match.
		if c[k].kind != segLit || !compatible(r[k+1:], c[k+1:], false) {
			return nil
		}
		return &taken{exact: []string{c[k].text}}
	}
	// A "{name...}": the path c's literals spell from k.
	var lits []string
	for _, s := range c[k:] {
		switch s.kind {
		case segLit:
			lits = append(lits, s.text)
			continue
		case segDollar: // "/files/readme/{$}": a redirect from "readme"; "/files/{$}": ""
			return &taken{exact: []string{strings.Join(lits, "/")}}
		default: // a wildcard below: everything under the literals, and a redirect
			p := strings.Join(lits, "/")
			return &taken{exact: []string{p}, prefixes: []string{p + "/"}}
		}
	}
	return &taken{exact: []string{strings.Join(lits, "/")}}
}

// compatible reports whether some request path could be matched by the
// segments a and by the segments c: an over-approximation, true when
// unsure. fold compares literals in any letter case.
func compatible(a, c []seg, fold bool) bool {
	for ; len(a) > 0 && len(c) > 0; a, c = a[1:], c[1:] {
		x, y := a[0], c[0]
		switch {
		case x.kind == segMulti || y.kind == segMulti:
			return true
		case x.kind == segDollar || y.kind == segDollar:
			return x.kind == y.kind
		case x.kind == segLit && y.kind == segLit:
			if x.text != y.text && !(fold && strings.EqualFold(x.text, y.text)) {
				return false
			}
		}
	}
	// A "{name...}" matches nothing more only after a "/": "/a/" is not "/a".
	return len(a) == 0 && len(c) == 0
}

// guardSegs are the segments of the paths core's guard answers 404 for
// (the invite route, without its trailing slash), or nil.
func guardSegs(invite string) []seg {
	p := strings.TrimSuffix(invite, "/")
	if p == "" || p[0] != '/' {
		return nil
	}
	var segs []seg
	for s := range strings.SplitSeq(p[1:], "/") {
		segs = append(segs, seg{kind: segLit, text: pathUnescape(s)})
	}
	return segs
}

// competeGuard returns the values of r's wildcard at segment k that the
// party's guard takes: a URL whose path is the invite route's, in any
// letter case, with or without a trailing slash.
func competeGuard(r []seg, k int, g []seg) *taken {
	if k >= len(g) || !compatible(r[:k], g[:k], true) {
		return nil
	}
	if r[k].kind == segSingle {
		rest := r[k+1:]
		if !compatible(rest, g[k+1:], true) && !compatible(rest, append(slices.Clip(g[k+1:]), seg{kind: segDollar}), true) {
			return nil
		}
		return &taken{folded: []string{g[k].text}}
	}
	var lits []string
	for _, s := range g[k:] {
		lits = append(lits, s.text)
	}
	return &taken{folded: []string{strings.Join(lits, "/")}}
}

// why is the end of the message for a refused exact value: the route that
// takes it, or the routes and their values.
func (t *taken) why() string {
	by := slices.Compact(slices.Sorted(slices.Values(t.exactBy)))
	if len(by) == 1 {
		return "reaches " + by[0] + " instead"
	}
	var alts []string
	for i, v := range t.exact {
		alts = append(alts, t.exactBy[i]+" (for "+quote(v)+")")
	}
	slices.Sort(alts)
	return "reaches " + strings.Join(slices.Compact(alts), " or ") + " instead"
}

// refused rebuilds e's route with the refusals, by segment.
func (e *entry) refused(refusals map[int]*taken) urlfor.Route {
	parts := slices.Clone(e.parts)
	for k, t := range refusals {
		i := e.partOf[k]
		if e.segs[k].kind == segSingle && len(t.exact) > 0 {
			parts[i] = parts[i].Except(t.why(), t.exact...)
		}
		switch {
		case e.segs[k].kind == segSingle && len(t.folded) > 0:
			// notSlash, and not the guard's values: "/" never matches,
			// whatever the case.
			parts[i] = parts[i].Matching(urlfor.ExceptRE(append([]string{"/"}, t.folded...), nil, true))
		case e.segs[k].kind == segMulti:
			parts[i] = parts[i].Matching(urlfor.ExceptRE(append(t.exact, t.folded...), t.prefixes, len(t.folded) > 0))
		}
	}
	r := e.base
	t, err := urlfor.NewTemplate(r.Pattern, parts)
	if err != nil { // cannot happen: the constraints are built to compile
		r.Path, r.Err = nil, &PatternError{Pattern: r.Pattern, Reason: err.Error()}
		return r
	}
	r.Path = t
	return r
}
