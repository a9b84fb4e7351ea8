package partychi

import (
	"net/http"

	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Handle is the app's membership in the party, returned by [Join]. Before
// the invitation every method that builds a URL fails with an error
// wrapping [urlfor.ErrNotInvited]; after it, names are local-first: "post"
// is this app's own "post" even when another app has one, "shop:cart"
// reaches the app whose namespace is shop. A Handle is safe for concurrent
// use.
type Handle struct {
	adapterkit.HTTPHandle // URL, AbsoluteURL, Redirect, SignedURL, Link, FuncMap, Participant

	kit *adapterkit.Member
}

// serveInvite is the invite route ([adapterkit.Member.ServeInvite]).
func (h *Handle) serveInvite(w http.ResponseWriter, r *http.Request) { h.kit.ServeInvite(w, r) }

// Middleware is a chi middleware that puts h in the request context, for
// the package-level [URL], [AbsoluteURL], [Redirect] and [FromRequest].
// Since chi refuses r.Use after the first route (and [Join] registers one),
// install it where routes are declared:
//
//	r.Group(func(r chi.Router) {
//		r.Use(h.Middleware)
//		r.Get("/posts/{id}", showPost) // showPost may call partychi.URL(r, ...)
//	})
//
// or with r.With(h.Middleware), or in a sub-router's Use. A handler that
// has h at hand (a closure, a struct field) does not need it: call h.URL.
// It costs one context value per request.
//
// chi's routing context cannot stand in for it: its Routes is the top
// router of the request, the dispatcher when the app is mounted with chi's
// Mount, so it would find the wrong app, or none.
func (h *Handle) Middleware(next http.Handler) http.Handler {
	return adapterkit.Middleware(h)(next)
}

// FromRequest returns the handle [Handle.Middleware] put in r's context;
// false for a nil r or a request that did not pass through it.
func FromRequest(r *http.Request) (*Handle, bool) { return adapterkit.FromRequest[Handle](r) }

// URL is [Handle.URL] for the handle in r's context; [ErrNoHandle] (which
// wraps urlfor.ErrNotInvited) when r did not pass through
// [Handle.Middleware].
func URL(r *http.Request, name string, pairs ...string) (string, error) {
	return adapterkit.URLFrom[Handle](r, name, pairs...)
}

// AbsoluteURL is [Handle.AbsoluteURL] for the handle in r's context;
// [ErrNoHandle] without one.
func AbsoluteURL(r *http.Request, name string, pairs ...string) (string, error) {
	return adapterkit.AbsoluteURLFrom[Handle](r, name, pairs...)
}

// Redirect is [Handle.Redirect] for the handle in r's context;
// [ErrNoHandle] without one (nothing is written).
func Redirect(w http.ResponseWriter, r *http.Request, code int, name string, pairs ...string) error {
	return adapterkit.RedirectFrom[Handle](w, r, code, name, pairs...)
}
