package partyecho

import (
	"html/template"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Handle is an echo app's membership in a party: it builds the app's URLs
// (local names first), redirects, and gives templates their urlFor. Get it
// from [Join], or in a handler from [FromContext]. It is safe for
// concurrent use. Before the invitation, every method that builds fails
// with an error wrapping urlfor.ErrNotInvited; the methods of a nil
// *Handle fail with [ErrNoHandle].
//
// Its methods are [adapterkit.ContextHandle]'s, shaped to echo.Context,
// plus that nil check (a Handle does not embed the kit's, whose methods
// a nil *Handle could not reach). With [Sticky], every method taking a c
// fills the listed parameters the handler leaves out from c's route.
type Handle struct {
	ch  adapterkit.ContextHandle[echo.Context]
	kit *adapterkit.Member
	src *source
}

func newHandle(kit *adapterkit.Member, src *source) *Handle {
	return &Handle{ch: adapterkit.NewContextHandle(kit, request, redirect).WithParams(stickyParam), kit: kit, src: src}
}

func request(c echo.Context) *http.Request {
	if c == nil {
		return nil
	}
	return c.Request()
}

func redirect(c echo.Context, code int, u string) error { return c.Redirect(code, u) }

// URL builds the path of an endpoint: "post" is this app's route named
// "post" first, then the one other app that has it; "shop:cart" is the
// shop's. pairs are key, value...: the route's parameters (":id" takes
// "id", echo's wildcard takes "*"), the rest become the query string. The
// path carries the mount prefix: "/blog/posts/7".
//
// Values are escaped by urlfor (RFC 3986 §3.3, as net/url writes a path;
// "/" in a parameter is "%2F"). A value echo would route to another route
// of the app ("new" for "/posts/:id" beside "/posts/new") is a
// *urlfor.ParamError whose TakenBy names that route; so is one urlfor
// refuses ("", ".", "..", NUL, invalid UTF-8), and "/" in a parameter of a
// route whose static text net/url writes otherwise (see the package doc). Other errors: urlfor.ErrNotInvited,
// *urlfor.UnknownEndpointError, *urlfor.AmbiguousError, [*PatternError],
// [*HostError], urlfor.ErrBadCall. c is read only for the [Sticky]
// parameters (it may be nil: nothing is filled).
func (h *Handle) URL(c echo.Context, name string, pairs ...string) (string, error) {
	if h == nil {
		return "", errNoHandle
	}
	return h.ch.URL(c, name, pairs...)
}

// AbsoluteURL is [Handle.URL] with the scheme and host the client used:
// "https" over TLS, else "http", and the Host header; with [TrustProxy],
// X-Forwarded-Proto and X-Forwarded-Host (urlfor.RequestOrigin). A route of
// a host router keeps its host. A nil c, or a scheme or host that is not
// plain, is an error wrapping urlfor.ErrBadCall.
func (h *Handle) AbsoluteURL(c echo.Context, name string, pairs ...string) (string, error) {
	if h == nil {
		return "", errNoHandle
	}
	return h.ch.AbsoluteURL(c, name, pairs...)
}

// Redirect answers with a redirect to the endpoint's URL ([Handle.URL])
// through echo's c.Redirect; return its error from the handler. A code
// outside 300-399 is a *urlfor.RedirectCodeError (echo's c.Redirect also
// refuses 309-399, with echo.ErrInvalidRedirectCode), a nil c wraps
// urlfor.ErrBadCall; on any error nothing is written.
func (h *Handle) Redirect(c echo.Context, code int, name string, pairs ...string) error {
	if h == nil {
		return errNoHandle
	}
	return h.ch.Redirect(c, code, name, pairs...)
}

// SignedURL is [Handle.URL] signed with the [SignWith] option's signer,
// expiring at expires: "/blog/files/a.pdf?expires=1767225600&signature=..."
// (urlfor.Signer.Sign; a route of a host router is signed absolute, host
// included). Serve it behind [ValidateSignature]. Without a signer the
// error wraps urlfor.ErrBadCall; the other errors are URL's.
func (h *Handle) SignedURL(c echo.Context, expires time.Time, name string, pairs ...string) (string, error) {
	if h == nil {
		return "", errNoHandle
	}
	return h.ch.SignedURL(c, expires, name, pairs...)
}

// Link is an RFC 8288 link-value to [Handle.URL] of name with relation
// rel, for a Link header: `</blog/posts?page=2>; rel="next"`
// (urlfor.LinkValue); join several with urlfor.JoinLinks and set them
// with c.Response().Header().Set("Link", ...). The errors are URL's, and
// urlfor.ErrBadCall for an empty rel.
func (h *Handle) Link(c echo.Context, rel, name string, pairs ...string) (string, error) {
	if h == nil {
		return "", errNoHandle
	}
	return h.ch.Link(c, rel, name, pairs...)
}

// FuncMap returns urlFor for templates, with this app's names first:
// {{urlFor "post" "id" .ID}} gives "/blog/posts/7". It may be installed
// before the invitation, where a call fails with urlfor.ErrNotInvited.
// Values may be strings, integers, booleans or fmt.Stringers
// (urlfor.Pairs). [NewRenderer] installs it for echo's c.Render.
func (h *Handle) FuncMap() template.FuncMap {
	if h == nil {
		return template.FuncMap{"urlFor": func(string, ...any) (string, error) { return "", errNoHandle }}
	}
	return h.ch.FuncMap()
}

// Participant returns the app's urlfor participant (namespace, mount
// prefix, routes as last read), or urlfor.ErrNotInvited before the
// invitation.
func (h *Handle) Participant() (*urlfor.Participant, error) {
	if h == nil {
		return nil, errNoHandle
	}
	return h.ch.Participant()
}

var helpers = adapterkit.Lookup[echo.Context, *Handle]{Find: FromContext, NoHandle: errNoHandle}

// URL is [Handle.URL] for the app that serves c ([FromContext]); it fails
// with [ErrNoHandle] when that app never joined (or c is nil).
func URL(c echo.Context, name string, pairs ...string) (string, error) {
	return helpers.URL(c, name, pairs...)
}

// AbsoluteURL is [Handle.AbsoluteURL] for the app that serves c
// ([FromContext]); [ErrNoHandle] when it never joined.
func AbsoluteURL(c echo.Context, name string, pairs ...string) (string, error) {
	return helpers.AbsoluteURL(c, name, pairs...)
}

// Redirect is [Handle.Redirect] for the app that serves c ([FromContext]):
// a code outside 300-399 is a *urlfor.RedirectCodeError, checked first;
// [ErrNoHandle] when the app never joined.
func Redirect(c echo.Context, code int, name string, pairs ...string) error {
	return helpers.Redirect(c, code, name, pairs...)
}
