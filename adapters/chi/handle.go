package partychi

import (
	"html/template"
	"net/http"
	"sync"

	"github.com/partyline-go/partyline/urlfor"
)

// Handle is the app's membership in the party, returned by [Join]. Before
// the invitation every method that builds a URL fails with an error
// wrapping [urlfor.ErrNotInvited]; after it, names are local-first: "post"
// is this app's own "post" even when another app has one, "shop:cart"
// reaches the app whose namespace is shop. A Handle is safe for concurrent
// use.
type Handle struct {
	member   *urlfor.Member
	cfg      config
	acceptMu sync.Mutex // serialises Accept and Err in serveInvite
}

// URL returns the path of the endpoint name, with its app's mount prefix:
// h.URL(r, "post", "id", "7") is "/blog/posts/7" for the blog mounted at
// /blog. pairs are key, value, key, value...: the route's parameters ("*"
// for a trailing wildcard), the rest become the query string. Values are
// escaped for chi and refused when chi could not route them back (see
// [URLParam] for what the handler then receives). r is not needed for a
// path (it may be nil); it is there so that URL and [Handle.AbsoluteURL]
// read alike. Errors are urlfor's: [urlfor.ErrNotInvited] before the
// invitation, [*urlfor.UnknownEndpointError], [*urlfor.AmbiguousError],
// [*urlfor.ParamError], [urlfor.ErrBadCall].
func (h *Handle) URL(r *http.Request, name string, pairs ...string) (string, error) {
	return h.member.URL(name, pairs...)
}

// AbsoluteURL is [Handle.URL] with the scheme and host the client used to
// reach r ([urlfor.Member.AbsoluteURL]: "https" on a TLS connection, r.Host;
// X-Forwarded-Proto and X-Forwarded-Host only with [TrustProxy]). A nil r is
// an error wrapping [urlfor.ErrBadCall].
func (h *Handle) AbsoluteURL(r *http.Request, name string, pairs ...string) (string, error) {
	return h.member.AbsoluteURL(r, h.cfg.trustProxy, name, pairs...)
}

// Redirect answers r with a redirect to [Handle.URL] of name, with http.Redirect
// and status code, which must be 3xx ([*RedirectCodeError] otherwise). On any
// error nothing is written: the handler chooses what to answer.
func (h *Handle) Redirect(w http.ResponseWriter, r *http.Request, code int, name string, pairs ...string) error {
	if err := urlfor.CheckRedirectCode(code); err != nil {
		return err
	}
	u, err := h.URL(r, name, pairs...)
	if err != nil {
		return err
	}
	http.Redirect(w, r, u, code)
	return nil
}

// FuncMap returns urlFor for html/template (and, converted, text/template)
// with this app's names first: {{urlFor "post" "id" .ID}}. It may be
// installed before the invitation; calls made before it fail with
// [urlfor.ErrNotInvited].
func (h *Handle) FuncMap() template.FuncMap { return h.member.FuncMap() }

// Participant returns the app's [urlfor.Participant] (namespace, mount
// prefix, routes), or an error wrapping [urlfor.ErrNotInvited] before the
// invitation.
func (h *Handle) Participant() (*urlfor.Participant, error) { return h.member.Participant() }
