package partyhttp

import (
	"html/template"
	"net/http"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Handle is the app's membership in the party, from [Join]: it builds URLs,
// the app's names first. It is safe for concurrent use.
type Handle struct {
	mux *ServeMux
	kit *adapterkit.Member
}

// URL builds the URL of an endpoint, local names first ("post" is this
// app's if it has one; "shop:cart" is the shop's). pairs are key, value...:
// the route's parameters, then the query. The result is a path with the
// mount prefix ("/blog/posts/7"), or for a host pattern an absolute URL with
// r's scheme ("http" for a nil r). Escaping and refusals are
// [urlfor.Route.Build]'s; before the invitation the error wraps
// [urlfor.ErrNotInvited].
func (h *Handle) URL(r *http.Request, name string, pairs ...string) (string, error) {
	return h.kit.RequestURL(r, name, pairs...)
}

// AbsoluteURL is [Handle.URL] with the scheme and host the client used to
// reach r ([urlfor.RequestOrigin]; X-Forwarded-* only with [TrustProxy]);
// a host pattern keeps its host. A nil r, or a missing or malformed host,
// is an error wrapping [urlfor.ErrBadCall].
func (h *Handle) AbsoluteURL(r *http.Request, name string, pairs ...string) (string, error) {
	return h.kit.AbsoluteURL(r, name, pairs...)
}

// Redirect answers r with [http.Redirect] to the URL of an endpoint, built
// as by [Handle.URL] (so a host pattern keeps the request's scheme). code
// must be 3xx, else the error is a [*urlfor.RedirectCodeError]; on any
// error nothing is written, so the handler answers as it sees fit.
func (h *Handle) Redirect(w http.ResponseWriter, r *http.Request, code int, name string, pairs ...string) error {
	return h.kit.Redirect(w, r, code, name, pairs...)
}

// FuncMap returns urlFor ([urlfor.FuncMap]) with this app's names first;
// calls before the invitation fail with [urlfor.ErrNotInvited].
func (h *Handle) FuncMap() template.FuncMap { return h.kit.FuncMap() }

// Participant returns the app's participant in the party's URL directory,
// or an error wrapping [urlfor.ErrNotInvited] before the invitation.
func (h *Handle) Participant() (*urlfor.Participant, error) { return h.kit.Participant() }

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
