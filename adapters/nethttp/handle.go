package partyhttp

import (
	"net/http"

	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Handle is the app's membership in the party, from [Join]: it builds URLs,
// the app's names first. It is safe for concurrent use.
type Handle struct {
	adapterkit.HTTPHandle // URL, AbsoluteURL, Redirect, SignedURL, Link, FuncMap, Participant

	mux *ServeMux
	kit *adapterkit.Member
}

// ServeMux returns the ServeMux that joined.
func (h *Handle) ServeMux() *ServeMux { return h.mux }

// Middleware puts h in the request context, for [FromRequest] and the
// package-level [URL], [AbsoluteURL] and [Redirect]: wrap the app where it
// is mounted, http.StripPrefix("/blog", h.Middleware(mux)), or one handler.
// It costs one context value per request.
func (h *Handle) Middleware(next http.Handler) http.Handler {
	return adapterkit.Middleware(h)(next)
}

// FromRequest returns the handle [Handle.Middleware] put in r's context;
// false when there is none (or r is nil).
func FromRequest(r *http.Request) (*Handle, bool) { return adapterkit.FromRequest[Handle](r) }

// URL is [Handle.URL] with the handle in r's context, or [ErrNoHandle].
func URL(r *http.Request, name string, pairs ...string) (string, error) {
	return adapterkit.URLFrom[Handle](r, name, pairs...)
}

// AbsoluteURL is [Handle.AbsoluteURL] with the handle in r's context, or
// [ErrNoHandle].
func AbsoluteURL(r *http.Request, name string, pairs ...string) (string, error) {
	return adapterkit.AbsoluteURLFrom[Handle](r, name, pairs...)
}

// Redirect is [Handle.Redirect] with the handle in r's context, or
// [ErrNoHandle] (nothing is written).
func Redirect(w http.ResponseWriter, r *http.Request, code int, name string, pairs ...string) error {
	return adapterkit.RedirectFrom[Handle](w, r, code, name, pairs...)
}
