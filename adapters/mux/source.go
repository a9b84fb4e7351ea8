package partymux

import (
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
	key   string
	route urlfor.Route
}

// Routes returns the router's named routes, in registration order,
// subrouters depth-first (Router.Walk's order). Walking a router while
// another goroutine adds routes to it is a data race in mux: add routes
// before serving, as mux asks.
func (s *source) Routes() []urlfor.Route {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []urlfor.Route
	next := make(map[*mux.Route]cachedRoute, len(s.cache))
	_ = s.router.Walk(func(rt *mux.Route, _ *mux.Router, _ []*mux.Route) error {
		if rt == s.skip || rt.GetName() == "" {
			return nil
		}
		sp := readRoute(rt)
		key := sp.key()
		c, ok := s.cache[rt]
		if !ok || c.key != key {
			c = cachedRoute{key: key, route: translate(rt, sp)}
		}
		next[rt] = c
		out = append(out, c.route)
		return nil
	})
	s.cache = next
	return out
}
