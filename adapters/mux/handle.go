package partymux

import (
	"errors"
	"sync"

	"github.com/gorilla/mux"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Handle is a router's membership in a party: it builds URLs local-first
// (a bare name is the router's own route first, then the one app that has
// it; "shop:cart" is the shop's), redirects, and lists problems. It is
// safe for concurrent use.
type Handle struct {
	adapterkit.HTTPHandle // URL, AbsoluteURL, Redirect, SignedURL, Link, FuncMap, Participant

	kit    *adapterkit.Member
	router *mux.Router
	invite *mux.Route
	source *source
	routes sync.Map // *mux.Route -> struct{}: the router's routes, for FromRequest
	// escaped: *mux.Route -> map[string]bool, the path variables that
	// mux.Vars hold escaped (UseEncodedPath), for the Sticky option.
	escaped sync.Map
}

// Check reads the router's routes now and reports what will fail to
// build: a [*DuplicateNameError] for each name held by several routes
// (mux's Get keeps the last silently) and a [*RouteError] for each route
// partymux cannot translate, joined with errors.Join; nil when all is
// well. It works before the invitation; call it in a test.
func (h *Handle) Check() error {
	var errs []error
	byName := map[string][]string{}
	var order []string
	for _, r := range h.source.Routes() {
		if r.Err != nil {
			errs = append(errs, r.Err)
		}
		if _, ok := byName[r.Name]; !ok {
			order = append(order, r.Name)
		}
		byName[r.Name] = append(byName[r.Name], r.Pattern)
	}
	for _, name := range order {
		if ps := byName[name]; len(ps) > 1 {
			errs = append(errs, &DuplicateNameError{Name: name, Patterns: ps})
		}
	}
	return errors.Join(errs...)
}

// owns reports whether rt is a route of the handle's router; with walk,
// it walks the router for routes added since.
func (h *Handle) owns(rt *mux.Route, walk bool) bool {
	if _, ok := h.routes.Load(rt); ok || !walk {
		return ok
	}
	_ = h.router.Walk(func(route *mux.Route, _ *mux.Router, _ []*mux.Route) error {
		h.routes.Store(route, struct{}{})
		return nil
	})
	_, ok := h.routes.Load(rt)
	return ok
}
