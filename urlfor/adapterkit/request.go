package adapterkit

import (
	"context"
	"net/http"
)

// RequestHandle is what the handle of an adapter of a net/http router
// (chi, gorilla/mux, ServeMux) offers a handler: its URL builders shaped
// to *http.Request.
type RequestHandle interface {
	URL(r *http.Request, name string, pairs ...string) (string, error)
	AbsoluteURL(r *http.Request, name string, pairs ...string) (string, error)
	Redirect(w http.ResponseWriter, r *http.Request, code int, name string, pairs ...string) error
}

// handleKey is the context key of a handle of type H: one key per adapter,
// since each adapter's Handle is its own type.
type handleKey[H any] struct{}

// Middleware returns net/http middleware that puts h in the request
// context, for [FromRequest] and the package-level helpers of the adapter.
// It costs one context value per request.
func Middleware[H any](h *H) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), handleKey[H]{}, h)))
		})
	}
}

// FromRequest returns the handle of type H that [Middleware] put in r's
// context; false when there is none or r is nil.
func FromRequest[H any](r *http.Request) (*H, bool) {
	if r == nil {
		return nil, false
	}
	h, ok := r.Context().Value(handleKey[H]{}).(*H)
	return h, ok && h != nil
}

// URLFrom is the URL method of the handle in r's context, or
// [ErrNoHandle] without one: the package-level URL of an adapter.
func URLFrom[H any, P interface {
	*H
	RequestHandle
}](r *http.Request, name string, pairs ...string) (string, error) {
	h, ok := FromRequest[H](r)
	if !ok {
		return "", ErrNoHandle
	}
	return P(h).URL(r, name, pairs...)
}

// AbsoluteURLFrom is [URLFrom] for AbsoluteURL.
func AbsoluteURLFrom[H any, P interface {
	*H
	RequestHandle
}](r *http.Request, name string, pairs ...string) (string, error) {
	h, ok := FromRequest[H](r)
	if !ok {
		return "", ErrNoHandle
	}
	return P(h).AbsoluteURL(r, name, pairs...)
}

// RedirectFrom is [URLFrom] for Redirect; without a handle nothing is
// written.
func RedirectFrom[H any, P interface {
	*H
	RequestHandle
}](w http.ResponseWriter, r *http.Request, code int, name string, pairs ...string) error {
	h, ok := FromRequest[H](r)
	if !ok {
		return ErrNoHandle
	}
	return P(h).Redirect(w, r, code, name, pairs...)
}
