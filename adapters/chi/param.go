package partychi

import (
	"net/http"
	"net/url"
	"slices"

	"github.com/go-chi/chi/v5"
)

// URLParam returns the value of the route parameter key ("*" for the
// wildcard), decoded: the value given to [Handle.URL] for the URL the
// request came with.
//
// chi.URLParam alone gives the value as chi routed it (go-chi/chi#832):
// chi routes on r.URL.RawPath when the request has one and on the decoded
// r.URL.Path otherwise, and Go sets RawPath only when the path is not in its
// default encoding. urlfor writes a path as Go does, "," and ";" raw
// included, except for a "/" inside one parameter, which must be "%2F": so
// chi.URLParam is exact for every URL the adapter builds unless a
// parameter of it holds "/" ("/posts/Smith,%20John" gives "Smith, John"),
// and then it is escaped, for every parameter of that URL
// ("/p/a%2Fb/c%20d" gives "a%2Fb" and "c%20d"). URLParam undoes the
// escaping exactly when chi saw it: it applies url.PathUnescape when
// r.URL.RawPath is set. That is the unescaping under which the adapter's
// URLs round-trip (FuzzRoundTrip). Behind http.StripPrefix (which trims
// RawPath too) and chi's Mount (which keeps r.URL) the rule holds; a
// middleware that rewrites r.URL breaks it.
func URLParam(r *http.Request, key string) string {
	v := chi.URLParam(r, key)
	if r.URL == nil || r.URL.RawPath == "" {
		return v
	}
	if u, err := url.PathUnescape(v); err == nil {
		return u
	}
	return v
}

// routeParam is [URLParam] for the Sticky option: false for a nil r, a
// request chi did not route, or a key that is not among the keys of the
// route chi matched (its URLParams, those of the patterns of the routers
// it went through under chi's Mount included). A parameter the route has
// with an empty value (an empty "*") is given empty, and checked by the
// build as a given value would be.
func routeParam(r *http.Request, key string) (string, bool) {
	if r == nil {
		return "", false
	}
	rctx := chi.RouteContext(r.Context())
	if rctx == nil || !slices.Contains(rctx.URLParams.Keys, key) {
		return "", false
	}
	return URLParam(r, key), true
}
