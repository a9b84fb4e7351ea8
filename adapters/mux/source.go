package partymux

import (
	"strings"
	"sync"

	"github.com/gorilla/mux"
	"github.com/partyline-go/partyline/urlfor"
)

// source is the urlfor.Source of one router: its named routes, read live
// with Router.Walk (subrouters, and routers mounted as handlers, are
// walked too). mux has no hook on route registration, so it is not an
// urlfor.Versioned source: urlfor re-reads it when a name is not found,
// which costs a walk, O(routes). Translations are cached per route and
// redone only when what they depend on changed, so a walk neither
// recompiles templates nor probes routes again.
type source struct {
	router *mux.Router
	skip   *mux.Route // the invite route

	mu    sync.Mutex
	cache map[*mux.Route]cachedRoute
}

type cachedRoute struct {
	key   string // the spec's key
	shape *shape
	tkey  string // the translation's key: key and the values taken
	route urlfor.Route
}

// Routes returns the router's named routes, in registration order,
// subrouters depth-first (Router.Walk's order). Walking a router while
// another goroutine adds routes to it is a data race in mux: add routes
// before serving, as mux asks.
func (s *source) Routes() []urlfor.Route {
	s.mu.Lock()
	defer s.mu.Unlock()
	next := make(map[*mux.Route]cachedRoute, len(s.cache))
	var all []shadowRoute
	parents := map[*mux.Route]bool{}
	_ = s.router.Walk(func(rt *mux.Route, _ *mux.Router, ancestors []*mux.Route) error {
		for _, a := range ancestors {
			parents[a] = true
		}
		sp := readRoute(rt)
		key := sp.key()
		c, ok := s.cache[rt]
		if !ok || c.key != key {
			sh := shapeOf(rt, sp)
			c = cachedRoute{key: key, shape: &sh}
		}
		next[rt] = c
		r := shadowRoute{rt: rt, sp: sp, sh: c.shape, pattern: competitorName(sp)}
		if rt == s.skip {
			r.sp.name = "" // a competitor, not an endpoint
		}
		all = append(all, r)
		return nil
	})
	for i := range all {
		all[i].skip = parents[all[i].rt]
	}
	takenBy := shadows(all)
	var out []urlfor.Route
	for _, r := range all {
		if r.rt == s.skip || r.sp.name == "" {
			continue
		}
		c := next[r.rt]
		ex := func(arg string) *taken { return takenBy[shadowKey{r.rt, arg}] }
		tkey := c.key + "\x03" + takenKey(r.sp, ex)
		if c.tkey != tkey {
			c.tkey, c.route = tkey, translate(r.rt, r.sp, ex)
			next[r.rt] = c
		}
		out = append(out, c.route)
	}
	s.cache = next
	return out
}

// competitorName is how a route is named in the message of a refused
// value: its methods and pattern ("GET /posts/new").
func competitorName(sp spec) string {
	if len(sp.methods) == 0 {
		return sp.pattern()
	}
	return strings.Join(sp.methods, ",") + " " + sp.pattern()
}

// takenKey fingerprints the values taken from the variables of a route.
func takenKey(sp spec, ex func(string) *taken) string {
	if !sp.hasPath {
		return ""
	}
	toks, _ := parseTemplate(sp.path)
	var b strings.Builder
	for _, t := range toks {
		if t.isVar() {
			b.WriteString(ex(t.name).key())
			b.WriteByte(0)
		}
	}
	b.WriteString(ex(RestParam).key())
	return b.String()
}
