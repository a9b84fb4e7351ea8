package partymux

import (
	"net/http"
	"sync"

	"github.com/gorilla/mux"
)

// owners maps a *mux.Route to the *Handle of the joined router whose tree
// holds it, filled on first use by FromRequest.
var owners sync.Map

// FromRequest returns the handle of the joined router that served r. It
// looks up mux.CurrentRoute(r), the route mux matched, among the routes of
// every joined router (subrouters and routers mounted as handlers
// included); the first lookup of a route walks the joined routers, later
// ones are a map read. No middleware is needed. Errors wrap [ErrNotJoined]
// and urlfor.ErrNotInvited: r was not served by a mux router, or by one
// that never joined.
func FromRequest(r *http.Request) (*Handle, error) {
	if r == nil {
		return nil, notJoined("nil request")
	}
	rt := mux.CurrentRoute(r)
	if rt == nil {
		return nil, notJoined("the request was not routed by a gorilla/mux router")
	}
	if h, ok := owners.Load(rt); ok {
		return h.(*Handle), nil
	}
	var found *Handle
	joined.Range(func(_, v any) bool {
		h := v.(*Handle)
		_ = h.router.Walk(func(route *mux.Route, _ *mux.Router, _ []*mux.Route) error {
			owners.LoadOrStore(route, h)
			if route == rt {
				found = h
			}
			return nil
		})
		return found == nil
	})
	if found == nil {
		return nil, notJoined("the request's route belongs to no router passed to partymux.Join")
	}
	return found, nil
}

// URL is [Handle.URL] for the handle of the router that served r (see
// [FromRequest]).
func URL(r *http.Request, name string, pairs ...string) (string, error) {
	h, err := FromRequest(r)
	if err != nil {
		return "", err
	}
	return h.URL(r, name, pairs...)
}

// AbsoluteURL is [Handle.AbsoluteURL] for the handle of the router that
// served r.
func AbsoluteURL(r *http.Request, name string, pairs ...string) (string, error) {
	h, err := FromRequest(r)
	if err != nil {
		return "", err
	}
	return h.AbsoluteURL(r, name, pairs...)
}

// Redirect is [Handle.Redirect] for the handle of the router that served
// r. Nothing is written when it returns an error.
func Redirect(w http.ResponseWriter, r *http.Request, code int, name string, pairs ...string) error {
	h, err := FromRequest(r)
	if err != nil {
		return err
	}
	return redirect(h, w, r, code, name, pairs)
}
