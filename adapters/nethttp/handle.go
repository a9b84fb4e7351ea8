package partyhttp

import (
	"html/template"
	"net/http"
	"strings"

	"github.com/partyline-go/partyline/urlfor"
)

// URL builds the URL of an endpoint, local names first: a bare "post" is
// this app's endpoint if it has one, else the one app of the party that has
// it; "shop:cart" is the shop's. pairs are key, value, key, value...: the
// route's parameters, then the query. The result is a path with the mount
// prefix ("/blog/posts/7"), or an absolute URL for a route with a host
// pattern ("https://example.com/blog/posts/7", its scheme the request's: r
// may be nil, and then it is "http"). Escaping and refusals are
// [urlfor.Route.Build]'s. Before the invitation the error wraps
// [urlfor.ErrNotInvited].
func (h *Handle) URL(r *http.Request, name string, pairs ...string) (string, error) {
	return h.member.Build(&urlfor.Request{Name: name, Pairs: pairs, Origin: urlfor.Origin{Scheme: h.scheme(r)}})
}

// AbsoluteURL is [Handle.URL] as an absolute URL, with the scheme and host
// the client used to reach r ([urlfor.RequestOrigin], trusting
// X-Forwarded-* only with [TrustProxy]): "https://example.com/blog/posts/7".
// A route with a host pattern keeps its own host. A request whose host is
// missing or malformed is an error wrapping [urlfor.ErrBadCall].
func (h *Handle) AbsoluteURL(r *http.Request, name string, pairs ...string) (string, error) {
	return h.member.AbsoluteURL(r, h.cfg.trustProxy, name, pairs...)
}

// Redirect answers r with a redirection to the URL of an endpoint (built as
// by [Handle.URL]), with [http.Redirect]. code must be 3xx; otherwise, or
// when the URL cannot be built, it returns the error ([*RedirectCodeError],
// or [Handle.URL]'s) and writes nothing, so the handler can answer as it
// sees fit.
func (h *Handle) Redirect(w http.ResponseWriter, r *http.Request, code int, name string, pairs ...string) error {
	if code < 300 || code > 399 {
		return &RedirectCodeError{Code: code}
	}
	u, err := h.URL(r, name, pairs...)
	if err != nil {
		return err
	}
	http.Redirect(w, r, u, code)
	return nil
}

// FuncMap returns the template functions of the app: urlFor (see
// [urlfor.FuncMap]) with this app's names first. It may be installed in
// templates before the invitation; calls made before it fail with
// [urlfor.ErrNotInvited].
func (h *Handle) FuncMap() template.FuncMap { return h.member.FuncMap() }

// Participant returns the app's participant in the party's URL directory,
// or an error wrapping [urlfor.ErrNotInvited] before the invitation.
func (h *Handle) Participant() (*urlfor.Participant, error) { return h.member.Participant() }

// ServeMux returns the ServeMux that joined.
func (h *Handle) ServeMux() *ServeMux { return h.mux }

// scheme is the scheme the client used for r, for host routes built by URL.
func (h *Handle) scheme(r *http.Request) string {
	if r == nil {
		return "http"
	}
	if h.cfg.trustProxy {
		v, _, _ := strings.Cut(r.Header.Get("X-Forwarded-Proto"), ",")
		if v = strings.ToLower(strings.TrimSpace(v)); v == "http" || v == "https" {
			return v
		}
	}
	if r.TLS != nil {
		return "https"
	}
	return "http"
}
