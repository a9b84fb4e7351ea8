package partymux

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/gorilla/mux"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// source is the urlfor.Source of one router, read live with Router.Walk.
// mux has no hook on route registration, so it is not urlfor.Versioned: a
// miss re-reads it, O(routes), within urlfor's re-read budget. A route is
// translated again only when mux's getters say something new of it, and
// what routes take from each other (shadow.go) only when a route was added
// or changed.
type source struct {
	router *mux.Router
	skip   *mux.Route // the invite route: a competitor, not an endpoint

	mu      sync.Mutex
	entries map[*mux.Route]*entry
	walked  []*entry       // the last walk, in order
	routes  []urlfor.Route // what it gave
}

// entry is one route of a walk, kept while mux's getters say the same.
type entry struct {
	rt  *mux.Route
	key string // spec.key
	tr  translation
	by  string // how a refusal names it: methods and pattern
	// as: the segments of the paths it matches (a PathPrefix ends with a
	// wildcard; StrictSlash, with and without the trailing slash).
	as      [][][]adapterkit.Token
	sample  func() *http.Request // a request it matches ([sampleRequest])
	samples func() []string      // a sample of each of its variables (pairs)
	index   int                  // in the walk: mux's order
	parent  bool                 // it holds a subrouter: it matches through its routes only
	tkey    string               // what others take from it, as last translated
	route   urlfor.Route         // tr with it
}

// Routes returns the router's named routes in Router.Walk's order. Adding
// routes while it walks is a data race in mux: add them before serving.
func (s *source) Routes() []urlfor.Route {
	s.mu.Lock()
	defer s.mu.Unlock()
	walk, changed := s.walk()
	if !changed {
		return slices.Clone(s.routes)
	}
	shadows := s.shadows(walk)
	s.routes = []urlfor.Route{}
	for _, e := range walk {
		if e.rt == s.skip || e.tr.sp.name == "" {
			continue
		}
		if key := fmt.Sprint(shadows[e]); e.tkey != key || e.route.Name == "" {
			e.tkey, e.route = key, e.tr.with(shadows[e])
		}
		s.routes = append(s.routes, e.route)
	}
	return slices.Clone(s.routes)
}

// walk reads the routes in match order and reports whether anything
// changed since the last walk.
func (s *source) walk() (walk []*entry, changed bool) {
	next := make(map[*mux.Route]*entry, len(s.entries))
	parents := map[*mux.Route]bool{}
	_ = s.router.Walk(func(rt *mux.Route, _ *mux.Router, ancestors []*mux.Route) error {
		for _, a := range ancestors {
			parents[a] = true
		}
		sp := readRoute(rt)
		e := s.entries[rt]
		if key := sp.key(); e == nil || e.key != key {
			e = newEntry(rt, sp, key)
		}
		next[rt] = e
		walk = append(walk, e)
		return nil
	})
	changed = len(walk) != len(s.walked) || s.routes == nil
	for i, e := range walk {
		changed = changed || s.walked[i] != e || e.parent != parents[e.rt]
		e.index, e.parent = i, parents[e.rt]
	}
	s.entries, s.walked = next, walk
	return walk, changed
}

func newEntry(rt *mux.Route, sp spec, key string) *entry {
	e := &entry{rt: rt, key: key, tr: translate(rt, sp), by: sp.pattern()}
	e.sample = sync.OnceValue(func() *http.Request { return sampleRequest(rt, sp, e.tr.toks) })
	e.samples = sync.OnceValue(e.sampleValues)
	if len(sp.methods) > 0 {
		e.by = strings.Join(sp.methods, ",") + " " + e.by
	}
	if sp.err != nil || e.tr.toks == nil {
		return e
	}
	var toks []adapterkit.Token
	for _, t := range e.tr.toks {
		switch {
		case !isVar(t):
			toks = append(toks, t)
		case slashy(t):
			toks = append(toks, adapterkit.Wild(t.Param))
		default:
			toks = append(toks, adapterkit.Re(t.Param, constraintOf(t)))
		}
	}
	if sp.prefix && !toks[len(toks)-1].Wildcard {
		toks = append(toks, adapterkit.Wild(RestParam))
	}
	e.as = [][][]adapterkit.Token{segments(toks)}
	if re, _ := rt.GetPathRegexp(); !sp.prefix && strings.HasSuffix(re, "[/]?$") {
		if other := toggleSlash(toks); other != nil {
			e.as = append(e.as, segments(other))
		}
	}
	return e
}

// sampleValues returns pairs with a sample of each variable of the route.
func (e *entry) sampleValues() []string {
	pairs, _ := samplePairs(e.tr.own, defaultPathPattern)
	add := func(tpl, def string) {
		if toks, err := parseTemplate(tpl); err == nil {
			more, _ := samplePairs(toks, def)
			pairs = append(pairs, more...)
		}
	}
	add(e.tr.sp.host, defaultHostPattern)
	for _, q := range e.tr.sp.queries {
		_, value, _ := strings.Cut(q, "=")
		add(value, defaultQueryPattern)
	}
	return pairs
}
