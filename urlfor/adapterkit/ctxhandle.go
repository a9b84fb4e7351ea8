package adapterkit

import (
	"fmt"
	"html/template"
	"net/http"
	"time"

	"github.com/partyline-go/partyline/urlfor"
)

// ContextHandle is the part of the Handle of an adapter whose framework
// has a context type of its own, C (echo v4's echo.Context, echo v5's
// *echo.Context, gin's *gin.Context, fiber's *fiber.Ctx), that the
// contract fixes: an adapter embeds it in its Handle, so that these
// methods read the same in each, as [HTTPHandle] does for net/http
// routers. Make it with [NewContextHandle]; the zero value is not usable.
// It is safe for concurrent use.
type ContextHandle[C any] struct {
	kit      *Member
	request  func(C) *http.Request
	redirect func(c C, code int, url string) error
	check    func(code int) error
	params   func(c C, key string) (string, bool)
}

// WithParams returns h reading the current request's route parameters with
// params (the adapter's exact Param helper; false for a parameter the route
// lacks or a nil context), for the [Sticky] option. Without it nothing is
// sticky.
func (h ContextHandle[C]) WithParams(params func(c C, key string) (string, bool)) ContextHandle[C] {
	h.params = params
	return h
}

// sticky is pairs with the sticky parameters of c's route added (see
// withSticky).
func (h ContextHandle[C]) sticky(buf []string, c C, pairs []string) []string {
	if len(h.kit.cfg.Sticky) == 0 || h.params == nil {
		return pairs
	}
	return withSticky(buf, h.kit.cfg.Sticky, pairs, c, h.params)
}

// ContextOption adjusts a [ContextHandle] to its framework.
type ContextOption func(*contextConfig)

type contextConfig struct {
	check func(code int) error
}

// RedirectCodes narrows the status codes Redirect accepts below 300-399,
// for a framework whose own redirect refuses or panics on some of them
// (gin panics above 308): check returns the error for a code it refuses,
// typically a [*urlfor.RedirectCodeError]. It runs before the URL is
// built, so that a bad code is reported first.
func RedirectCodes(check func(code int) error) ContextOption {
	return func(c *contextConfig) { c.check = check }
}

// NewContextHandle returns the handle methods of m for contexts of type C,
// to embed. request returns the request a context serves, for the scheme
// and host of AbsoluteURL, or nil for a nil context (or one without a
// request): AbsoluteURL and Redirect then fail with an error wrapping
// [urlfor.ErrBadCall]. redirect writes a redirect to url with status code
// through the framework (echo's c.Redirect(code, url), fiber's
// c.Redirect(url, code)); it is called only with a context that has a
// request, a checked code and a URL that was built.
func NewContextHandle[C any](m *Member, request func(C) *http.Request, redirect func(c C, code int, url string) error, opts ...ContextOption) ContextHandle[C] {
	var cfg contextConfig
	for _, o := range opts {
		o(&cfg)
	}
	return ContextHandle[C]{kit: m, request: request, redirect: redirect, check: cfg.check}
}

// URL returns the URL of the endpoint name, local names first ("post" is
// this app's own if it has one, else the one app of the party that has it;
// "shop:cart" is the shop's): a path with the app's mount prefix
// ("/blog/posts/7"), or an absolute "http" URL for a route with a host of
// its own. pairs are key, value, key, value...: the route's parameters,
// then the query string. c is not read (it may be nil). Errors are
// urlfor's: [urlfor.ErrNotInvited] before the invitation,
// [*urlfor.UnknownEndpointError], [*urlfor.AmbiguousError],
// [*urlfor.ParamError] (with TakenBy naming the route that would take the
// value instead), [urlfor.ErrBadCall].
func (h ContextHandle[C]) URL(c C, name string, pairs ...string) (string, error) {
	var buf [stickyBuf]string
	return h.kit.URL(name, h.sticky(buf[:], c, pairs)...)
}

// AbsoluteURL is URL with the scheme and host the client used to reach c's
// request ([urlfor.RequestOrigin]: "https" over TLS, else "http", and the
// Host header; X-Forwarded-Proto and X-Forwarded-Host only with the
// TrustProxy option): "https://example.com/blog/posts/7". A route with a
// host of its own keeps it. A nil c, or a malformed host, is an error
// wrapping [urlfor.ErrBadCall].
func (h ContextHandle[C]) AbsoluteURL(c C, name string, pairs ...string) (string, error) {
	var buf [stickyBuf]string
	return h.kit.AbsoluteURL(h.request(c), name, h.sticky(buf[:], c, pairs)...)
}

// SignedURL is URL signed with the SignWith option's signer, expiring at
// expires: the path (or a route's own absolute URL) with "expires" and
// "signature" added ([urlfor.Signer.Sign]). Without a signer the error
// wraps [urlfor.ErrBadCall].
func (h ContextHandle[C]) SignedURL(c C, expires time.Time, name string, pairs ...string) (string, error) {
	var buf [stickyBuf]string
	return h.kit.SignedURL(h.request(c), expires, name, h.sticky(buf[:], c, pairs)...)
}

// Link is an RFC 8288 link-value to URL of name with relation rel, for a
// Link header: `</api/items?page=2>; rel="next"` ([urlfor.LinkValue];
// join several with [urlfor.JoinLinks]).
func (h ContextHandle[C]) Link(c C, rel, name string, pairs ...string) (string, error) {
	var buf [stickyBuf]string
	return h.kit.Link(h.request(c), rel, name, h.sticky(buf[:], c, pairs)...)
}

// Redirect answers c with a redirect to URL of name through the
// framework's own redirect; return its error from the handler. code must
// be 3xx (and one the framework accepts), else a
// [*urlfor.RedirectCodeError], checked first; then a nil c (or one without
// a request) is an error wrapping [urlfor.ErrBadCall]; then the URL is
// built. On any error nothing is written: the handler chooses what to
// answer.
func (h ContextHandle[C]) Redirect(c C, code int, name string, pairs ...string) error {
	if h.check != nil {
		if err := h.check(code); err != nil {
			return err
		}
	}
	if err := urlfor.CheckRedirectCode(code); err != nil {
		return err
	}
	if h.request(c) == nil {
		return fmt.Errorf("%w: %s: Redirect(%q) needs the context of a request", urlfor.ErrBadCall, h.kit.adapter, name)
	}
	var buf [stickyBuf]string
	u, err := h.kit.URL(name, h.sticky(buf[:], c, pairs)...)
	if err != nil {
		return err
	}
	return h.redirect(c, code, u)
}

// FuncMap returns urlFor for html/template (and, converted, text/template)
// with this app's names first: {{urlFor "post" "id" .ID}}. Values may be
// strings, integers, booleans or fmt.Stringers ([urlfor.Pairs]). It may be
// installed before the invitation; calls made before it fail with
// [urlfor.ErrNotInvited].
func (h ContextHandle[C]) FuncMap() template.FuncMap { return h.kit.FuncMap() }

// Participant returns the app's [urlfor.Participant] (namespace, mount
// prefix, routes as last read), or an error wrapping
// [urlfor.ErrNotInvited] before the invitation.
func (h ContextHandle[C]) Participant() (*urlfor.Participant, error) { return h.kit.Participant() }

// ContextURLs is what the Handle of an adapter with a context type C
// offers a handler: its URL builders shaped to C. [ContextHandle]
// implements it, and so does a Handle that embeds one.
type ContextURLs[C any] interface {
	URL(c C, name string, pairs ...string) (string, error)
	AbsoluteURL(c C, name string, pairs ...string) (string, error)
	Redirect(c C, code int, name string, pairs ...string) error
}

// Lookup is an adapter's package-level URL, AbsoluteURL and Redirect: the
// methods of the handle that Find finds from the context alone (echo's
// c.Echo(), fiber's c.App(), gin's middleware value), or NoHandle when
// there is none. An adapter keeps one in a variable and gives each of its
// package-level helpers a one-line body:
//
//	var helpers = adapterkit.Lookup[*gin.Context, *Handle]{Find: FromContext, NoHandle: errNoHandle}
//
//	func URL(c *gin.Context, name string, pairs ...string) (string, error) {
//		return helpers.URL(c, name, pairs...)
//	}
type Lookup[C any, H ContextURLs[C]] struct {
	// Find returns the handle serving c, false when there is none; it must
	// accept a nil c (the adapter's FromContext).
	Find func(c C) (H, bool)
	// NoHandle is returned when Find finds none: an error wrapping
	// [ErrNoHandle], with the adapter's advice ([Errorf]).
	NoHandle error
}

// URL is the handle's URL, or NoHandle.
func (l Lookup[C, H]) URL(c C, name string, pairs ...string) (string, error) {
	if h, ok := l.Find(c); ok {
		return h.URL(c, name, pairs...)
	}
	return "", l.NoHandle
}

// AbsoluteURL is the handle's AbsoluteURL, or NoHandle.
func (l Lookup[C, H]) AbsoluteURL(c C, name string, pairs ...string) (string, error) {
	if h, ok := l.Find(c); ok {
		return h.AbsoluteURL(c, name, pairs...)
	}
	return "", l.NoHandle
}

// Redirect is the handle's Redirect, or NoHandle. A code outside 300-399
// is a [*urlfor.RedirectCodeError] whether or not there is a handle,
// checked first; nothing is written on any error.
func (l Lookup[C, H]) Redirect(c C, code int, name string, pairs ...string) error {
	if err := urlfor.CheckRedirectCode(code); err != nil {
		return err
	}
	if h, ok := l.Find(c); ok {
		return h.Redirect(c, code, name, pairs...)
	}
	return l.NoHandle
}
