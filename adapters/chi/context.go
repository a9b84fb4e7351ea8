package partychi

import (
	"context"
	"net/http"
)

type ctxKey struct{}

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
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, h)))
	})
}

// FromRequest returns the handle [Handle.Middleware] put in r's context.
func FromRequest(r *http.Request) (*Handle, bool) {
	if r == nil {
		return nil, false
	}
	h, ok := r.Context().Value(ctxKey{}).(*Handle)
	return h, ok
}

// URL is [Handle.URL] for the handle in r's context; [ErrNoHandle] (which
// wraps urlfor.ErrNotInvited) when r did not pass through
// [Handle.Middleware].
func URL(r *http.Request, name string, pairs ...string) (string, error) {
	h, ok := FromRequest(r)
	if !ok {
		return "", ErrNoHandle
	}
	return h.URL(r, name, pairs...)
}

// AbsoluteURL is [Handle.AbsoluteURL] for the handle in r's context;
// [ErrNoHandle] without one.
func AbsoluteURL(r *http.Request, name string, pairs ...string) (string, error) {
	h, ok := FromRequest(r)
	if !ok {
		return "", ErrNoHandle
	}
	return h.AbsoluteURL(r, name, pairs...)
}

// Redirect is [Handle.Redirect] for the handle in r's context;
// [ErrNoHandle] without one (nothing is written).
func Redirect(w http.ResponseWriter, r *http.Request, code int, name string, pairs ...string) error {
	h, ok := FromRequest(r)
	if !ok {
		return ErrNoHandle
	}
	return h.Redirect(w, r, code, name, pairs...)
}
