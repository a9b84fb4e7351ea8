package partymux

import (
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/gorilla/mux"
)

// Shadowed values.
//
// mux tries its routes in registration order (subrouters depth-first, as
// Router.Walk visits them) and the first whose matchers all match wins;
// each path template is one anchored regexp over the whole path. What
// that means for a value, found by testing mux v1.8.1 (precedence_test.go
// pins each row over real HTTP):
//
//	| earlier route            | later route         | request            | reaches
//	|--------------------------|---------------------|--------------------|---------------------------
//	| /posts/new               | /posts/{id}         | /posts/new         | /posts/new (id "new" refused)
//	| /posts/{id}              | /posts/new          | /posts/new         | /posts/{id} (nothing refused)
//	| /posts/new               | /posts/{id}/edit    | /posts/new/edit    | /posts/{id}/edit (whole-path regexps: no shadow)
//	| POST /posts/new          | GET /posts/{id}     | GET /posts/new     | GET /posts/{id} (a method mismatch falls through)
//	| /posts/new               | /posts/{id}         | /posts/NEW         | /posts/{id} (case-sensitive)
//	| /files/readme            | /files/{p:.*}       | /files/readme      | /files/readme (p "readme" refused)
//	| /posts/new/ StrictSlash  | /posts/{id}         | /posts/new         | a redirect to /posts/new/ (id "new" refused)
//	| PathPrefix /posts/new    | /posts/{id}         | /posts/newer       | the prefix (every id starting "new"; "new" refused, see below)
//	| /{lang}/about            | /posts/{id}         | /posts/about       | /{lang}/about (id "about" refused)
//	| PathPrefix(/p).Subrouter | /p/{id}             | /p/y               | /p/{id} (a subrouter's route matches only through its routes)
//	| /posts/new, no handler   | /posts/{id}         | /posts/new         | 404 from the first (id "new" refused)
//	| /s/new Queries(x, 1)     | /s/{id}             | /s/new, /s/new?x=1 | /s/{id}, /s/new (refused: extra pairs may add x=1)
//
// For every variable that fills one path segment (with literal text
// around it in that segment or not) and for trailing wildcards (a last
// variable that can match "/", the rest of a PathPrefix route), partymux
// collects the literal text of the routes tried BEFORE it that would
// match the URL built with that text: the same number of segments (or
// more, after a PathPrefix ending in "/" or a variable that can match
// "/"), the other segments compatible (equal literals, or a literal that
// the other route's segment regexp matches, or variables on both sides),
// methods that overlap (no Methods matcher overlaps everything), hosts
// not two different literal hosts. Those values are refused with
// urlfor's Part.Except. Queries, Headers and MatcherFunc matchers of the
// earlier route are ignored (it is counted as a competitor): the safe
// side of the law. A later variable that makes the competitor match only
// for some of its values ("/posts/{id}/{action}" behind "/posts/new/edit")
// refuses the value for all of them: urlfor constrains one variable at a
// time.
//
// Not covered: an earlier route whose own variable takes values of a
// later one ("/items/{n:[0-9]+}" before "/items/{slug}" takes every
// numeric slug), and the longer values a PathPrefix without a trailing
// slash takes ("/posts/newer" above): neither is a finite set of values.
// The competitor's literal is refused both as written and unescaped, since
// a route may match the decoded or the escaped path.

// shadowSeg is one "/"-separated segment of a path template.
type shadowSeg struct {
	lit   string  // the literal text; the whole segment when vars is 0
	toks  []token // the segment's tokens when it holds variables
	vars  int
	slash bool // a variable of it may match "/"
	re    *regexp.Regexp
	bad   bool // its regexp does not compile
}

// shape is one route for the analysis, cached with its translation.
type shape struct {
	segs []shadowSeg
	// open: the route matches any continuation after its segments (a
	// PathPrefix ending in "/", whose last, empty segment is dropped, or a
	// segment with a variable that may match "/", which becomes the last,
	// open one). prefixLast: a PathPrefix whose last segment's literal is
	// only a prefix.
	open, prefixLast, openSeg bool
	dropped                   bool // open after a trailing "/" that was dropped
	strict                    bool // StrictSlash: a trailing slash is optional
	ok                        bool // has a path the analysis understands
}

// shapeOf reads the segments of s's path template.
func shapeOf(rt *mux.Route, s spec) shape {
	if s.err != nil || !s.hasPath {
		return shape{}
	}
	toks, err := parseTemplate(s.path)
	if err != nil {
		return shape{}
	}
	var sh shape
	cur := shadowSeg{}
	for _, t := range toks {
		if t.isVar() {
			pattern := t.pattern
			if pattern == "" {
				pattern = defaultPathPattern
			}
			re, err := parseRegexp(pattern)
			if err != nil {
				return shape{}
			}
			cur.toks = append(cur.toks, t)
			cur.vars++
			cur.slash = cur.slash || mayMatch(re, '/')
			continue
		}
		pieces := strings.Split(t.lit, "/")
		for i, p := range pieces {
			if i > 0 {
				sh.segs = append(sh.segs, cur)
				cur = shadowSeg{}
			}
			if p != "" {
				cur.lit += p
				cur.toks = append(cur.toks, token{lit: p})
			}
		}
	}
	sh.segs = append(sh.segs, cur)
	for i, sg := range sh.segs {
		if sg.slash {
			sh.segs, sh.open, sh.openSeg = sh.segs[:i+1], true, true
			break
		}
	}
	if s.prefix && !sh.open {
		last := sh.segs[len(sh.segs)-1]
		switch {
		case last.vars == 0 && last.lit == "":
			sh.segs, sh.open, sh.dropped = sh.segs[:len(sh.segs)-1], true, true
		case last.vars == 0:
			sh.prefixLast = true
		default:
			sh.open = true // a variable ends the prefix: over-approximate
		}
	}
	if re, err := rt.GetPathRegexp(); err == nil && !s.prefix {
		sh.strict = strings.HasSuffix(re, "[/]?$")
	}
	sh.ok = true
	return sh
}

// regexp returns the segment's anchored regexp, compiled once.
func (sg *shadowSeg) regexp() *regexp.Regexp {
	if sg.re == nil && !sg.bad {
		var b strings.Builder
		b.WriteString("^")
		for _, t := range sg.toks {
			if !t.isVar() {
				b.WriteString(regexp.QuoteMeta(t.lit))
				continue
			}
			pattern := t.pattern
			if pattern == "" {
				pattern = defaultPathPattern
			}
			b.WriteString("(?:" + pattern + ")")
		}
		b.WriteString("$")
		re, err := regexp.Compile(b.String())
		sg.re, sg.bad = re, err != nil
	}
	return sg.re
}

// segCompatible reports whether a segment of a built URL for a could also
// match b (true when unsure).
func segCompatible(a, b *shadowSeg) bool {
	switch {
	case a.vars == 0 && b.vars == 0:
		return a.lit == b.lit
	case a.vars == 0:
		re := b.regexp()
		return re == nil || re.MatchString(a.lit)
	case b.vars == 0:
		re := a.regexp()
		return re == nil || re.MatchString(b.lit)
	}
	return true
}

// shadowRoute is one route of the walk, for the analysis.
type shadowRoute struct {
	rt      *mux.Route
	sp      spec
	sh      *shape
	skip    bool // a subrouter's own route: it matches only through its routes
	pattern string
}

// taken is what the routes before a variable take from it.
type taken struct {
	values []string
	by     []string
}

func (t *taken) add(value, by string) {
	if !slices.Contains(t.values, value) {
		t.values = append(t.values, value)
	}
	if !slices.Contains(t.by, by) {
		t.by = append(t.by, by)
	}
}

// why is the end of the error message for a refused value.
func (t *taken) why() string {
	if len(t.by) == 1 {
		return "reaches " + strconv.Quote(t.by[0]) + " instead"
	}
	q := make([]string, len(t.by))
	for i, b := range t.by {
		q[i] = strconv.Quote(b)
	}
	return "reaches an earlier route instead (one of " + strings.Join(q, ", ") + ")"
}

// key fingerprints t for the translation cache.
func (t *taken) key() string {
	if t == nil {
		return ""
	}
	return strings.Join(t.values, "\x01") + "\x02" + strings.Join(t.by, "\x01")
}

// shadowKey names a variable of a route (RestParam for a PathPrefix's rest).
type shadowKey struct {
	rt  *mux.Route
	arg string
}

// shadows computes the values that earlier routes take from the variables
// of the named routes. routes are in match order. Competitors with only
// literal text before the segment are indexed by that text, so the cost
// is about O(routes x variables) with few comparisons each.
func shadows(routes []shadowRoute) map[shadowKey]*taken {
	type idx struct {
		n, d int
		key  string
	}
	exact := map[idx][]int{} // closed routes with a literal at d, literal segments before d
	fuzzy := map[idx][]int{} // (n, d, "") -> closed routes with a literal at d and a variable before it
	all := map[idx][]int{}   // (n, d, "") -> closed routes with a literal at d
	byLen := map[int][]int{} // closed routes by segment count, for wildcards
	var opens []int          // open and prefix routes: few, scanned
	var b strings.Builder
	for j := range routes {
		c := &routes[j]
		if c.skip || !c.sh.ok {
			continue
		}
		if c.sh.open || c.sh.prefixLast {
			opens = append(opens, j)
			continue
		}
		for _, segs := range c.variants() {
			n := len(segs)
			byLen[n] = append(byLen[n], j)
			b.Reset()
			lits := true
			for d := range segs {
				if segs[d].vars == 0 {
					all[idx{n, d, ""}] = append(all[idx{n, d, ""}], j)
					if lits {
						exact[idx{n, d, b.String()}] = append(exact[idx{n, d, b.String()}], j)
					} else {
						fuzzy[idx{n, d, ""}] = append(fuzzy[idx{n, d, ""}], j)
					}
					b.WriteString(segs[d].lit)
					b.WriteByte('/')
				} else {
					lits = false
				}
			}
		}
	}
	var out map[shadowKey]*taken
	take := func(i int, arg, value string, j int) {
		if value == "" {
			return
		}
		if out == nil {
			out = map[shadowKey]*taken{}
		}
		k := shadowKey{routes[i].rt, arg}
		t := out[k]
		if t == nil {
			t = &taken{}
			out[k] = t
		}
		t.add(value, routes[j].pattern)
		if u, err := url.PathUnescape(value); err == nil && u != value {
			t.add(u, routes[j].pattern)
		}
	}
	for i := range routes {
		r := &routes[i]
		if r.skip || !r.sh.ok || r.sp.name == "" {
			continue
		}
		segs := r.sh.segs
		litKey := make([]string, len(segs)+1) // litKey[d]: literal text of segs[:d], or "" after a variable
		litOK := make([]bool, len(segs)+1)
		b.Reset()
		litOK[0] = true
		for d := range segs {
			litKey[d] = b.String()
			if segs[d].vars == 0 && litOK[d] {
				b.WriteString(segs[d].lit)
				b.WriteByte('/')
				litOK[d+1] = true
			}
		}
		for d := range segs {
			sg := &segs[d]
			if sg.vars != 1 {
				continue
			}
			pre, name, suf, ok := oneVar(sg.toks)
			if !ok {
				continue
			}
			wild := sg.slash && d == len(segs)-1
			if wild {
				// A trailing wildcard: any earlier closed route with at
				// least d+1 segments, literal from d on.
				for n := d + 1; n <= maxLen(byLen); n++ {
					for _, j := range byLen[n] {
						if j >= i || !r.competes(&routes[j]) {
							continue
						}
						for _, cs := range routes[j].variants() {
							if v, ok := wildValue(segs, cs, d, pre); ok {
								take(i, name, v, j)
							}
						}
					}
				}
				continue
			}
			var cands []int
			n := len(segs)
			if litOK[d] {
				cands = append(cands, exact[idx{n, d, litKey[d]}]...)
				cands = append(cands, fuzzy[idx{n, d, ""}]...)
			} else {
				cands = all[idx{n, d, ""}]
			}
			for _, j := range cands {
				if j >= i || !r.competes(&routes[j]) {
					continue
				}
				for _, cs := range routes[j].variants() {
					if len(cs) != n || cs[d].vars != 0 || !compatibleExcept(segs, cs, d) {
						continue
					}
					if v, ok := strings.CutPrefix(cs[d].lit, pre); ok {
						if v, ok := strings.CutSuffix(v, suf); ok {
							take(i, name, v, j)
						}
					}
				}
			}
		}
		// Open competitors: a literal at d, compatible before it.
		for _, j := range opens {
			c := &routes[j]
			if j >= i || !r.competes(c) {
				continue
			}
			cs := c.sh.segs
			for d := range segs {
				sg := &segs[d]
				if sg.vars != 1 || d >= len(cs) || cs[d].vars != 0 {
					continue
				}
				if c.sh.openSeg && d == len(cs)-1 {
					continue
				}
				pre, name, suf, ok := oneVar(sg.toks)
				if !ok || !openCompatible(segs, c.sh, d) {
					continue
				}
				need := len(cs)
				if c.sh.dropped {
					need++ // after the prefix's "/"
				}
				if sg.slash && d == len(segs)-1 {
					// A wildcard meets an open route: its literal
					// segments from d on, and anything after.
					continue
				}
				if len(segs) < need {
					continue
				}
				if v, ok := strings.CutPrefix(cs[d].lit, pre); ok {
					if v, ok := strings.CutSuffix(v, suf); ok {
						take(i, name, v, j)
					}
				}
			}
		}
		// The rest of a PathPrefix route is a wildcard after its segments.
		if r.sp.prefix && !r.sh.openSeg {
			d := len(segs)
			for n := d + 1; n <= maxLen(byLen); n++ {
				for _, j := range byLen[n] {
					if j >= i || !r.competes(&routes[j]) {
						continue
					}
					for _, cs := range routes[j].variants() {
						ext := append(slices.Clone(segs), shadowSeg{slash: true, vars: 1})
						if v, ok := wildValue(ext, cs, d, ""); ok {
							take(i, RestParam, v, j)
						}
					}
				}
			}
		}
	}
	return out
}

// variants are the segment lists a closed route matches: with and without
// a trailing empty segment under StrictSlash.
func (c *shadowRoute) variants() [][]shadowSeg {
	segs := c.sh.segs
	if !c.sh.strict {
		return [][]shadowSeg{segs}
	}
	if last := segs[len(segs)-1]; last.vars == 0 && last.lit == "" && len(segs) > 1 {
		return [][]shadowSeg{segs, segs[:len(segs)-1]}
	}
	return [][]shadowSeg{segs, append(slices.Clone(segs), shadowSeg{})}
}

// competes reports whether c may take a request built for r: overlapping
// methods and hosts.
func (r *shadowRoute) competes(c *shadowRoute) bool {
	if len(r.sp.methods) > 0 && len(c.sp.methods) > 0 {
		overlap := false
		for _, m := range r.sp.methods {
			if slices.Contains(c.sp.methods, m) {
				overlap = true
				break
			}
		}
		if !overlap {
			return false
		}
	}
	if r.sp.hasHost && c.sp.hasHost && !strings.Contains(r.sp.host, "{") && !strings.Contains(c.sp.host, "{") && r.sp.host != c.sp.host {
		return false
	}
	return true
}

// compatibleExcept reports whether the segments of a (a URL built for
// them) could match b's, segment d left out; a and b have the same length.
func compatibleExcept(a, b []shadowSeg, d int) bool {
	for k := range a {
		if k != d && !segCompatible(&a[k], &b[k]) {
			return false
		}
	}
	return true
}

// openCompatible reports whether segments of a built URL could match the
// segments of the open route c, segment d left out (a PathPrefix's last
// literal is only a prefix).
func openCompatible(segs []shadowSeg, c *shape, d int) bool {
	cs := c.segs
	for k := range min(len(segs), len(cs)) {
		switch {
		case k == d:
		case c.prefixLast && k == len(cs)-1 && segs[k].vars == 0:
			if !strings.HasPrefix(segs[k].lit, cs[k].lit) {
				return false
			}
		case !segCompatible(&segs[k], &cs[k]):
			return false
		}
	}
	return true
}

// wildValue is the value of a wildcard at segment d of segs (after its
// literal prefix pre) that builds the path of the closed segments cs.
func wildValue(segs, cs []shadowSeg, d int, pre string) (string, bool) {
	if len(cs) <= d || !compatibleExcept(segs[:d], cs[:d], -1) {
		return "", false
	}
	parts := make([]string, 0, len(cs)-d)
	for _, s := range cs[d:] {
		if s.vars != 0 {
			return "", false
		}
		parts = append(parts, s.lit)
	}
	return strings.CutPrefix(strings.Join(parts, "/"), pre)
}

// oneVar splits the tokens of a segment with one variable into the
// literal text before it, its name and the text after it.
func oneVar(toks []token) (pre, name, suf string, ok bool) {
	for _, t := range toks {
		switch {
		case t.isVar():
			name, ok = t.name, true
		case ok:
			suf += t.lit
		default:
			pre += t.lit
		}
	}
	return pre, name, suf, ok
}

func maxLen(m map[int][]int) int {
	n := 0
	for k := range m {
		n = max(n, k)
	}
	return n
}
