package partychi

import (
	"net/http"
	"reflect"
)

// Name returns a chi middleware that names the routes it is applied to, for
// URL building: "post" in h.URL(r, "post", "id", "7"), "blog:post" from
// another app of the party.
//
//	r.With(partychi.Name("post")).Get("/posts/{id}", showPost)
//
// chi has no route names (go-chi/chi#209 and #463 ask for them, and the
// answer is to build them outside chi). A name that is a middleware lives in
// chi's own routing tree: it survives Route, Group, With and Mount, and
// [chi.Walk] hands it back with the full pattern of the route. The
// middleware does nothing at request time: it returns the next handler
// itself, so a named route costs nothing more to serve.
//
// An empty name names nothing. Give each route at most one name. A Name in r.Use, or in a With in front of
// Route, Group or Mount, names every route below it: routes with two names
// are listed with an error, and one name on several patterns is ambiguous
// (both come back from URL as errors, [urlfor.AmbiguousError] for the
// latter). One name on one pattern with several methods (a Get and a Post
// of "/posts") is one endpoint.
func Name(name string) func(http.Handler) http.Handler {
	return (&marker{name: name}).wrap
}

// marker is the state of one Name middleware.
type marker struct{ name string }

// wrap is the middleware. Called by chi with the route's handler it returns
// that handler; called by the adapter with a *probe it tells its name.
func (m *marker) wrap(next http.Handler) http.Handler {
	if p, ok := next.(*probe); ok && m.name != "" {
		p.names = append(p.names, m.name)
	}
	return next
}

// probe is the handler the adapter hands to a middleware it recognised as a
// Name, to read the name back.
type probe struct{ names []string }

func (*probe) ServeHTTP(http.ResponseWriter, *http.Request) {}

// markerCode is the code pointer shared by every func value Name returns
// (a method value's wrapper is one function). Walk gives middlewares as
// plain funcs; comparing code pointers finds the Name ones without calling
// any user middleware.
var markerCode = reflect.ValueOf((&marker{}).wrap).Pointer()

// namesOf returns the names the Name middlewares among mws give, outermost
// first.
func namesOf(mws []func(http.Handler) http.Handler) []string {
	var p *probe
	for _, mw := range mws {
		if mw == nil || reflect.ValueOf(mw).Pointer() != markerCode {
			continue
		}
		if p == nil {
			p = &probe{}
		}
		mw(p)
	}
	if p == nil {
		return nil
	}
	return p.names
}
