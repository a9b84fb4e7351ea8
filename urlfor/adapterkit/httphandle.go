package adapterkit

import (
	"html/template"
	"net/http"
	"time"

	"github.com/partyline-go/partyline/urlfor"
)

// HTTPHandle is the part of the Handle of an adapter of a net/http router
// (chi, gorilla/mux, ServeMux) that the contract fixes: an adapter embeds
// it in its Handle, so that these methods read the same in each. Make it
// with [NewHTTPHandle]; the zero value is not usable. It is safe for
// concurrent use.
type HTTPHandle struct {
	kit    *Member
	params func(r *http.Request, key string) (string, bool)
}

// WithParams returns h reading the current request's route parameters with
// params (chi.URLParam, mux.Vars, r.PathValue through the adapter; false
// for a parameter the route lacks or a nil request), for the [Sticky]
// option. Without it nothing is sticky.
func (h HTTPHandle) WithParams(params func(r *http.Request, key string) (string, bool)) HTTPHandle {
	h.params = params
	return h
}

// sticky is pairs with the sticky parameters of r's route added (see
// withSticky).
func (h HTTPHandle) sticky(buf []string, r *http.Request, pairs []string) []string {
	if len(h.kit.cfg.Sticky) == 0 || h.params == nil || r == nil {
		return pairs
	}
	return withSticky(buf, h.kit.cfg.Sticky, pairs, r, h.params)
}

// NewHTTPHandle returns the handle methods of m, to embed.
func NewHTTPHandle(m *Member) HTTPHandle { return HTTPHandle{kit: m} }

// URL returns the URL of the endpoint name, local names first ("post" is
// this app's own if it has one, else the one app of the party that has it;
// "shop:cart" is the shop's): a path with the app's mount prefix
// ("/blog/posts/7"), or, for a route with a host of its own, an absolute
// URL with the scheme r came with (r may be nil: "http"). pairs are key,
// value, key, value...: the route's parameters, then the query string.
// Errors are urlfor's: [urlfor.ErrNotInvited] before the invitation,
// [*urlfor.UnknownEndpointError], [*urlfor.AmbiguousError],
// [*urlfor.ParamError] (with TakenBy naming the route that would take the
// value instead), [urlfor.ErrBadCall].
func (h HTTPHandle) URL(r *http.Request, name string, pairs ...string) (string, error) {
	var buf [stickyBuf]string
	return h.kit.RequestURL(r, name, h.sticky(buf[:], r, pairs)...)
}

// AbsoluteURL is URL with the scheme and host the client used to reach r
// ([urlfor.RequestOrigin]: "https" on a TLS connection, r.Host;
// X-Forwarded-Proto and X-Forwarded-Host only with the TrustProxy option).
// A route with a host of its own keeps it. A nil r, or a malformed host,
// is an error wrapping [urlfor.ErrBadCall].
func (h HTTPHandle) AbsoluteURL(r *http.Request, name string, pairs ...string) (string, error) {
	var buf [stickyBuf]string
	return h.kit.AbsoluteURL(r, name, h.sticky(buf[:], r, pairs)...)
}

// SignedURL is URL signed with the SignWith option's signer, expiring at
// expires ([urlfor.Signer.Sign]). Without a signer the error wraps
// [urlfor.ErrBadCall].
func (h HTTPHandle) SignedURL(r *http.Request, expires time.Time, name string, pairs ...string) (string, error) {
	var buf [stickyBuf]string
	return h.kit.SignedURL(r, expires, name, h.sticky(buf[:], r, pairs)...)
}

// Link is an RFC 8288 link-value to URL of name with relation rel, for a
// Link header: `</api/items?page=2>; rel="next"` ([urlfor.LinkValue];
// join several with [urlfor.JoinLinks]).
func (h HTTPHandle) Link(r *http.Request, rel, name string, pairs ...string) (string, error) {
	var buf [stickyBuf]string
	return h.kit.Link(r, rel, name, h.sticky(buf[:], r, pairs)...)
}

// Redirect answers r with http.Redirect to URL of name, with status code,
// which must be 3xx ([*urlfor.RedirectCodeError] otherwise). On any error
// nothing is written: the handler chooses what to answer.
func (h HTTPHandle) Redirect(w http.ResponseWriter, r *http.Request, code int, name string, pairs ...string) error {
	var buf [stickyBuf]string
	return h.kit.Redirect(w, r, code, name, h.sticky(buf[:], r, pairs)...)
}

// FuncMap returns urlFor for html/template (and, converted, text/template)
// with this app's names first: {{urlFor "post" "id" .ID}}. It may be
// installed before the invitation; calls made before it fail with
// [urlfor.ErrNotInvited].
func (h HTTPHandle) FuncMap() template.FuncMap { return h.kit.FuncMap() }

// Participant returns the app's [urlfor.Participant] (namespace, mount
// prefix, routes), or an error wrapping [urlfor.ErrNotInvited] before the
// invitation.
func (h HTTPHandle) Participant() (*urlfor.Participant, error) { return h.kit.Participant() }
