package partychi

import (
	"net/http"
	"slices"
	"strings"

	"github.com/go-chi/chi/v5"
)

// walkFunc is chi.WalkFunc.
type walkFunc = func(method, route string, handler http.Handler, middlewares ...func(http.Handler) http.Handler) error

// walk is [chi.Walk] (v5.5.0, tree.go) with one difference: it does not
// descend into a mounted sub-router that joined the party itself, because
// that app reports its own routes under its own namespace; its routes
// reported by its parent too would make every bare name ambiguous.
// TestWalkMatchesChi checks that both report the same routes otherwise.
//
// skip is called for every mounted sub-router (r.Mount, r.Route) with the
// mount's pattern ("/api/*").
func walk(r chi.Routes, fn walkFunc, skip func(pattern string, sub chi.Routes) bool, parentRoute string, parentMw ...func(http.Handler) http.Handler) error {
	for _, route := range r.Routes() {
		mws := slices.Concat(parentMw, r.Middlewares())

		if route.SubRoutes != nil {
			if skip(strings.ReplaceAll(parentRoute+route.Pattern, "/*/", "/"), route.SubRoutes) {
				continue
			}
			if handler, ok := route.Handlers["*"]; ok {
				if chain, ok := handler.(*chi.ChainHandler); ok {
					mws = append(mws, chain.Middlewares...)
				}
			}
			if err := walk(route.SubRoutes, fn, skip, parentRoute+route.Pattern, mws...); err != nil {
				return err
			}
			continue
		}

		for method, handler := range route.Handlers {
			if method == "*" {
				continue
			}
			fullRoute := strings.ReplaceAll(parentRoute+route.Pattern, "/*/", "/")
			if chain, ok := handler.(*chi.ChainHandler); ok {
				if err := fn(method, fullRoute, chain.Endpoint, append(mws, chain.Middlewares...)...); err != nil {
					return err
				}
			} else if err := fn(method, fullRoute, handler, mws...); err != nil {
				return err
			}
		}
	}
	return nil
}
