package partymux

import (
	"maps"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/gorilla/mux"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Values other routes take.
//
// mux tries routes in registration order (Router.Walk's order), first
// match wins, each path template one anchored regexp over the whole path
// (precedence_test.go pins each case over real HTTP, mux v1.8.1):
//
//	earlier route            later route        URL of the later  so
//	/posts/new               /posts/{id}        /posts/new        id "new" refused
//	/items/draft-{n}         /items/{id}        /items/draft-1    ids "draft-..." refused
//	/r/{y:[0-9]+}            /r/{id}            /r/2024           ids of digits refused
//	/{lang}/about            /posts/{id}        /posts/about      id "about" refused
//	/posts/new/ StrictSlash  /posts/{id}        /posts/new        id "new" refused (a redirect)
//	/s/new Queries(x, 1)     /s/{id}            /s/new?x=1        id "new" refused
//	/posts/{id}              /posts/new         /posts/new        the later fails to build
//	/posts/new               /posts/{id}/edit   /posts/new/edit   nothing (whole-path regexps)
//	POST /posts/new          GET /posts/{id}    GET /posts/new    nothing (methods differ)
//
// Each earlier route is lined up with each variable of a named route
// ([target.align]); [adapterkit.Siblings] and [segmentTaken] give the
// candidates, which Router.Match confirms ([adapterkit.Confirm],
// [source.reach]) with a URL built for a sample. An earlier route no
// request from its templates matches (Headers, MatcherFunc) cannot be
// asked: its candidates stay. urlfor constrains one variable at a time:
// "/posts/new/edit" takes action "edit" from "/posts/{id}/{action}".

func slashy(t adapterkit.Token) bool {
	re, err := parseRegexp(patternOr(t, defaultPathPattern))
	return err == nil && mayMatch(re, '/')
}

// constraintOf is t's regexp, "" for mux's default.
func constraintOf(t adapterkit.Token) string {
	if t.Constraint == defaultPathPattern {
		return ""
	}
	return t.Constraint
}

// toggleSlash adds or removes the trailing slash StrictSlash makes
// optional; nil when there is no such path.
func toggleSlash(toks []adapterkit.Token) []adapterkit.Token {
	out, last := slices.Clone(toks[:len(toks)-1]), toks[len(toks)-1]
	switch text, cut := strings.CutSuffix(last.Literal, "/"); {
	case last.Wildcard || last.Literal == "/" && len(toks) == 1:
		return nil
	case isVar(last) || !cut:
		return appendToken(append(out, last), adapterkit.Lit("/"))
	case text != "":
		out = append(out, adapterkit.Lit(text))
	}
	return out
}

// appendToken appends t, merging literal text.
func appendToken(toks []adapterkit.Token, t adapterkit.Token) []adapterkit.Token {
	if n := len(toks); n > 0 && !isVar(t) && !isVar(toks[n-1]) {
		toks[n-1].Literal += t.Literal
		return toks
	}
	return append(toks, t)
}

// segments splits tokens at each "/": "/posts/{id}.json" is "", "posts",
// "{id}.json". A wildcard stays in the segment where it starts.
func segments(toks []adapterkit.Token) [][]adapterkit.Token {
	segs := [][]adapterkit.Token{nil}
	for _, t := range toks {
		if isVar(t) {
			segs[len(segs)-1] = append(segs[len(segs)-1], t)
			continue
		}
		for j, piece := range strings.Split(t.Literal, "/") {
			if j > 0 {
				segs = append(segs, nil)
			}
			if piece != "" {
				segs[len(segs)-1] = append(segs[len(segs)-1], adapterkit.Lit(piece))
			}
		}
	}
	return segs
}

func isWild(t adapterkit.Token) bool { return t.Wildcard }

// literal returns the text of a segment without variables.
func literal(seg []adapterkit.Token) (string, bool) {
	switch {
	case len(seg) == 0:
		return "", true
	case len(seg) == 1 && !isVar(seg[0]):
		return seg[0].Literal, true
	}
	return "", false
}

// segRegexp is the regexp of a segment; with named, variable i is group vi.
func segRegexp(seg []adapterkit.Token, named bool) string {
	var b strings.Builder
	for i, t := range seg {
		switch {
		case isVar(t) && named:
			b.WriteString("(?P<v" + strconv.Itoa(i) + ">" + patternOr(t, defaultPathPattern) + ")")
		case isVar(t):
			b.WriteString("(?:" + patternOr(t, defaultPathPattern) + ")")
		default:
			b.WriteString(regexp.QuoteMeta(t.Literal))
		}
	}
	return b.String()
}

// target is one variable of a route.
type target struct {
	// build refuses what the variables before lose: fills with such a
	// value make no URL, so take nothing more.
	build *urlfor.Route
	name  string
	segs  [][]adapterkit.Token // the route's segments before the variable's
	pre   string               // the literal text before it in its segment
	tail  []adapterkit.Token   // the route's tokens from it on
}

// newTarget returns the target of variable own[i]; false when another
// variable comes before it in its segment (see pathSegs.shared).
func newTarget(own []adapterkit.Token, i int, build *urlfor.Route) (target, bool) {
	segs := segments(own[:i])
	pre, ok := literal(segs[len(segs)-1])
	return target{build: build, name: own[i].Param, segs: segs[:len(segs)-1], pre: pre, tail: own[i:]}, ok
}

// align lines a competitor's segments cs up with the route before the
// target's segment: equal text, or the other side's text (a sample when
// both have variables) for variables, the route's taking values in fills
// (pairs). rTok and cTok go on from there behind one literal prefix, for
// [adapterkit.Siblings]. whole: the competitor matches anything from a
// segment before (a wildcard after a prefix of the route's text there).
func (t *target) align(cs [][]adapterkit.Token) (rTok, cTok []adapterkit.Token, fills []string, whole, ok bool) {
	for k, rk := range t.segs { // the common case, without allocating
		r, rLit := literal(rk)
		if c, cLit := literal(cs[min(k, len(cs)-1)]); rLit && cLit && (r != c || k >= len(cs)) {
			return nil, nil, nil, false, false
		}
	}
	var b strings.Builder
	for k, rk := range t.segs {
		lit, isLit := literal(rk)
		if n := len(cs[k]); n > 0 && cs[k][n-1].Wildcard {
			pre, ok := literal(cs[k][:n-1])
			return nil, nil, fills, true, ok && isLit && strings.HasPrefix(lit, pre)
		}
		text, ok := spell(cs[k])
		if !ok || k == len(cs)-1 {
			return nil, nil, nil, false, false
		}
		if isLit {
			text = lit
		} else if fills, ok = fill(fills, rk, text); !ok {
			return nil, nil, nil, false, false
		}
		b.WriteString(text + "/")
	}
	rTok = append([]adapterkit.Token{adapterkit.Lit(b.String() + t.pre)}, t.tail...)
	cTok = []adapterkit.Token{adapterkit.Lit(b.String())}
	for j, seg := range cs[len(t.segs):] {
		if j > 0 {
			cTok = appendToken(cTok, adapterkit.Lit("/"))
		}
		for _, tok := range seg {
			cTok = appendToken(cTok, tok)
		}
	}
	return rTok, cTok, fills, false, true
}

// spell returns a text of a competitor's segment (false for a wildcard).
func spell(seg []adapterkit.Token) (string, bool) {
	if lit, ok := literal(seg); ok {
		return lit, true
	}
	if slices.ContainsFunc(seg, isWild) {
		return "", false
	}
	return sampleOf(segRegexp(seg, false))
}

// fill appends the values seg's variables take to spell text.
func fill(pairs []string, seg []adapterkit.Token, text string) ([]string, bool) {
	if len(seg) == 1 {
		return append(pairs, seg[0].Param, text), true
	}
	re, err := regexp.Compile("^(?:" + segRegexp(seg, true) + ")$")
	var m []string
	if err == nil {
		m = re.FindStringSubmatch(text)
	}
	for i, t := range seg {
		if isVar(t) && m != nil {
			pairs = append(pairs, t.Param, m[re.SubexpIndex("v"+strconv.Itoa(i))])
		}
	}
	return pairs, m != nil
}

// shadow is what earlier routes take from one route.
type shadow struct {
	taken map[string][]urlfor.Taken // by variable (RestParam for a PathPrefix's rest)
	whole *entry                    // the route that takes every URL of a route without variables
}

// shadows returns what earlier routes take from each named route of walk.
func (s *source) shadows(walk []*entry) map[*entry]shadow {
	idx := newCompetitors(walk)
	out := map[*entry]shadow{}
	for _, r := range walk {
		if r.parent || r.tr.sp.name == "" || r.rt == s.skip || r.tr.route.Err != nil || r.tr.own == nil {
			continue
		}
		var sh shadow
		vars, build := 0, r.tr.route
		for i, tok := range r.tr.own {
			if !isVar(tok) {
				continue
			}
			vars++
			if tg, ok := newTarget(r.tr.own, i, &build); ok {
				var cands []adapterkit.Candidate
				idx.each(r, &tg, func(c *entry) { cands = append(cands, s.compete(r, &tg, c)...) })
				if sets := adapterkit.Takens(cands); sets != nil {
					if sh.taken == nil {
						sh.taken = map[string][]urlfor.Taken{}
					}
					sh.taken[tg.name] = sets
					build = r.tr.with(sh)
				}
			}
		}
		if vars == 0 {
			sh.whole = s.reach(r, &build, nil, nil, true)
		}
		if sh.taken != nil || sh.whole != nil {
			out[r] = sh
		}
	}
	return out
}

// compete returns what the earlier route c takes from r's target, as far
// as the router confirms it.
func (s *source) compete(r *entry, tg *target, c *entry) []adapterkit.Candidate {
	var out []adapterkit.Candidate
	for _, cs := range c.as {
		rTok, cTok, fills, whole, ok := tg.align(cs)
		var cands []adapterkit.Candidate
		switch {
		case !ok:
			continue
		case whole:
			cands = []adapterkit.Candidate{tg.all(c.by)}
		default:
			cands = adapterkit.Siblings([]adapterkit.Shape{{Tokens: rTok}, {By: c.by, Tokens: cTok}}, 0, 1, false)
			if d := len(tg.segs); meets(segments(tg.tail), cs[d:]) {
				cands = append(cands, segmentTaken(tg, cs[d], c.by)...)
			}
		}
		cands = withUnescaped(cands)
		req := c.sample()
		if req == nil { // the router cannot be asked about c
			out = append(out, cands...)
			continue
		}
		// A sample vouches for c's candidate when the router gives it to
		// c, or to a route before c (which leaves c's other values open).
		out = append(out, adapterkit.Confirm(cands, func(v string) bool {
			hit := s.reach(r, tg.build, append([]string{tg.name, v}, fills...), req, false)
			return hit != nil && hit.index <= c.index
		})...)
	}
	return out
}

// segmentTaken returns what [adapterkit.Siblings] leaves out when the
// competitor's segment seg has variables (mux's regexps backtrack): all
// values when seg covers the target's segment ("/posts/draft-{n}" behind
// "/posts/{id}"); those seg's regexp matches when the target fills its
// segment ("a.json" for "{x}.json"); those ending with seg's last text
// when it has text around it ("draft-{n}" behind "{x}.json").
func segmentTaken(tg *target, seg []adapterkit.Token, by string) []adapterkit.Candidate {
	own := segments(tg.tail)[0]
	if tg.pre != "" {
		own = append([]adapterkit.Token{adapterkit.Lit(tg.pre)}, own...)
	}
	if covers(own, seg) {
		return []adapterkit.Candidate{tg.all(by)}
	}
	if tg.tail[0].Wildcard || len(seg) < 2 || slices.ContainsFunc(seg, isWild) {
		return nil
	}
	re, last := segRegexp(seg, false), seg[len(seg)-1]
	if len(own) > 1 {
		suf, _ := literal(own[len(own)-1:])
		if isVar(last) || !strings.HasSuffix(last.Literal, suf) {
			return nil
		}
		re = `(?s:.*)` + regexp.QuoteMeta(strings.TrimSuffix(last.Literal, suf))
	}
	sample, _ := sampleOf(re)
	return []adapterkit.Candidate{{Kind: adapterkit.Matching, Value: re, Sample: sample, By: by}}
}

// covers reports whether a competitor's segment c matches every text of
// the route's segment r.
func covers(r, c []adapterkit.Token) bool {
	n := len(c)
	switch {
	case n == 1 && isVar(c[0]) && !c[0].Wildcard && c[0].Constraint == "":
		return !r[len(r)-1].Wildcard
	case n > 0 && c[n-1].Wildcard:
		lit, ok := literal(c[:n-1])
		return ok && (lit == "" || !isVar(r[0]) && strings.HasPrefix(r[0].Literal, lit))
	case len(r) != n:
		return false
	}
	for k := range r {
		x, y := r[k], c[k]
		if isVar(x) != isVar(y) || x.Wildcard != y.Wildcard || x.Literal != y.Literal || y.Constraint != "" && y.Constraint != x.Constraint {
			return false
		}
	}
	return true
}

// meets reports whether two lists of segments may spell the same text.
func meets(a, b [][]adapterkit.Token) bool {
	for k := range min(len(a), len(b)) {
		x, xLit := literal(a[k])
		y, yLit := literal(b[k])
		switch {
		case slices.ContainsFunc(a[k], isWild) || slices.ContainsFunc(b[k], isWild):
			return true
		case xLit && yLit && x != y:
			return false
		}
	}
	return len(a) == len(b)
}

// all is the candidate of a competitor that takes every value.
func (t *target) all(by string) adapterkit.Candidate {
	sample, _ := sampleOf(patternOr(t.tail[0], defaultPathPattern))
	if sample == "" {
		sample = "x"
	}
	return adapterkit.Candidate{Kind: adapterkit.Matching, Value: `(?s:.*)`, Sample: sample, By: by}
}

// withUnescaped adds exact values and prefixes unescaped ("a b" spells
// "a%20b" in the escaped path mux matches after UseEncodedPath).
func withUnescaped(cands []adapterkit.Candidate) []adapterkit.Candidate {
	for _, c := range cands {
		if u, err := url.PathUnescape(c.Value); c.Kind != adapterkit.Matching && err == nil && u != c.Value {
			c.Value, c.Sample = u, strings.Replace(c.Sample, c.Value, u, 1)
			cands = append(cands, c)
		}
	}
	return cands
}

// reach asks the router where a URL of r goes: built by route (r's, as
// translated so far) with pairs and samples, requested like creq (the
// competitor's sample: its method and host where r has none, its scheme
// and query; a GET without creq). It returns the route when it is one
// before r, for one of r's methods (for all of them with all).
func (s *source) reach(r *entry, route *urlfor.Route, pairs []string, creq *http.Request, all bool) *entry {
	u, err := route.Build("", &urlfor.Request{Pairs: dedupePairs(append(pairs, r.samples()...))})
	if err != nil {
		return nil // the route has no such URL
	}
	pu, err := url.Parse(u)
	if err != nil {
		return nil
	}
	if creq == nil {
		creq = probeRequest(http.MethodGet, "http", "localhost", "/", "", "")
	}
	scheme, host, query := creq.URL.Scheme, creq.Host, creq.URL.RawQuery
	if pu.IsAbs() {
		scheme, host = pu.Scheme, pu.Host
	}
	if pu.RawQuery != "" {
		query = strings.TrimSuffix(pu.RawQuery+"&"+query, "&")
	}
	methods := r.tr.sp.methods
	if len(methods) == 0 {
		methods = []string{creq.Method}
	}
	var hit *entry
	for _, m := range methods {
		h := s.match(probeRequest(m, scheme, host, pu.Path, pu.RawPath, query))
		if h == nil || h.index >= r.index {
			if all {
				return nil
			}
			continue
		}
		if hit = h; !all {
			break
		}
	}
	return hit
}

// match returns the route mux gives req, into routers mounted as handlers.
func (s *source) match(req *http.Request) *entry {
	router := s.router
	for {
		var m mux.RouteMatch
		if !router.Match(req, &m) || m.Route == nil {
			return nil
		}
		sub, ok := m.Route.GetHandler().(*mux.Router)
		if !ok {
			return s.entries[m.Route]
		}
		router = sub
	}
}

// dedupePairs keeps the first value of each key.
func dedupePairs(pairs []string) []string {
	seen := map[string]bool{}
	out := pairs[:0]
	for i := 0; i+1 < len(pairs); i += 2 {
		if !seen[pairs[i]] {
			seen[pairs[i]] = true
			out = append(out, pairs[i], pairs[i+1])
		}
	}
	return out
}

// competitors indexes routes by their first segment's text ("" with
// variables), so that a variable meets only those that may take from it.
type competitors map[string][]*entry

func newCompetitors(walk []*entry) competitors {
	c := competitors{}
	for _, e := range walk {
		if !e.parent && e.as != nil {
			c[firstSegment(e.as[0])] = append(c[firstSegment(e.as[0])], e)
		}
	}
	return c
}

// firstSegment is the key of segs (a StrictSlash variant has the same).
func firstSegment(segs [][]adapterkit.Token) string {
	if first, ok := literal(segs[min(1, len(segs)-1)]); ok && len(segs) > 1 {
		return "/" + first
	}
	return ""
}

// each calls f with the competitors before r that may meet its target.
func (c competitors) each(r *entry, tg *target, f func(*entry)) {
	var keys []string
	if k := firstSegment(tg.segs); len(tg.segs) > 1 && k != "" {
		keys = []string{k, ""}
	} else {
		// A variable in the first segment meets every route: the keys
		// in order, so that candidates come out the same on each read.
		keys = slices.Sorted(maps.Keys(c))
	}
	for _, k := range keys {
		for _, e := range c[k] {
			if e.index >= r.index {
				break
			}
			f(e)
		}
	}
}
