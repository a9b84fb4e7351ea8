package partymux

import (
	"net/http"
	"weak"

	"github.com/gorilla/mux"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// FromRequest returns the handle of the joined router that served r, and
// false when there is none (r was not routed by a mux router, or by one
// that never joined). It looks up mux.CurrentRoute(r), the route mux
// matched, among the routes of every joined router (subrouters and routers
// mounted as handlers included): a map read once the router was walked,
// a walk of the joined routers for a route added since. No middleware is
// needed.
func FromRequest(r *http.Request) (*Handle, bool) {
	if r == nil || mux.CurrentRoute(r) == nil {
		return nil, false
	}
	rt := mux.CurrentRoute(r)
	var found *Handle
	for _, walk := range []bool{false, true} {
		live.Range(func(k, _ any) bool {
			if h := k.(weak.Pointer[Handle]).Value(); h != nil && h.owns(rt, walk) {
				found = h
			}
			return found == nil
		})
		if found != nil {
			return found, true
		}
	}
	return nil, false
}

var errNoHandle = adapterkit.Errorf(adapter, ErrNoHandle, "the request was not routed by a router passed to partymux.Join")

// URL is [Handle.URL] for the handle of the router that served r (see
// [FromRequest]); [ErrNoHandle] when there is none.
func URL(r *http.Request, name string, pairs ...string) (string, error) {
	if h, ok := FromRequest(r); ok {
		return h.URL(r, name, pairs...)
	}
	return "", errNoHandle
}

// AbsoluteURL is [Handle.AbsoluteURL] for the handle of the router that
// served r; [ErrNoHandle] when there is none.
func AbsoluteURL(r *http.Request, name string, pairs ...string) (string, error) {
	if h, ok := FromRequest(r); ok {
		return h.AbsoluteURL(r, name, pairs...)
	}
	return "", errNoHandle
}

// Redirect is [Handle.Redirect] for the handle of the router that served
// r; [ErrNoHandle] when there is none. Nothing is written when it returns
// an error.
func Redirect(w http.ResponseWriter, r *http.Request, code int, name string, pairs ...string) error {
	if h, ok := FromRequest(r); ok {
		return h.Redirect(w, r, code, name, pairs...)
	}
	return errNoHandle
}
