package partyechov5

import (
	"html/template"
	"net/http"

	"github.com/labstack/echo/v5"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Handle is an echo app's membership in a party: it builds the app's URLs
// (local names first), redirects, and gives templates their urlFor. Get it
// from [Join], or in a handler from [FromContext]. It is safe for
// concurrent use. Before the invitation, every method that builds fails
// with an error wrapping urlfor.ErrNotInvited.
type Handle struct {
	kit *adapterkit.Member
	src *source
}

// URL builds the path of an endpoint, with the mount prefix
// ("/blog/posts/7"): "post" is this app's first, then the one app that
// has it; "shop:cart" the shop's; "blog:GET:/posts/:id" an echo default
// name. pairs are key, value...: the parameters (":id" takes "id", the
// wildcard "*"), then the query string. c is not read (it may be nil).
// Values are escaped (RFC 3986 §3.3); one echo would route elsewhere or
// could not give back is a *urlfor.ParamError (TakenBy names the route).
// Other errors: urlfor.ErrNotInvited, *urlfor.UnknownEndpointError,
// *urlfor.AmbiguousError, urlfor.ErrInvalidTemplate (a path echo never
// matches as written), urlfor.ErrBadCall.
func (h *Handle) URL(c *echo.Context, name string, pairs ...string) (string, error) {
	return h.kit.URL(name, pairs...)
}

// AbsoluteURL is [Handle.URL] with the scheme and host the client used:
// "https" over TLS, else "http", and the Host header; with [TrustProxy],
// X-Forwarded-Proto and X-Forwarded-Host (urlfor.RequestOrigin). A nil c,
// or a malformed host, is an error wrapping urlfor.ErrBadCall.
func (h *Handle) AbsoluteURL(c *echo.Context, name string, pairs ...string) (string, error) {
	var r *http.Request
	if c != nil {
		r = c.Request()
	}
	return h.kit.AbsoluteURL(r, name, pairs...)
}

// Redirect answers with a redirect to the endpoint's URL ([Handle.URL])
// through echo's c.Redirect; return its error from the handler. A code
// outside 300-399 is a *urlfor.RedirectCodeError (echo's c.Redirect also
// refuses 309-399: echo.ErrInvalidRedirectCode), a nil c wraps
// urlfor.ErrBadCall; on any error nothing is written.
func (h *Handle) Redirect(c *echo.Context, code int, name string, pairs ...string) error {
	u, err := h.kit.RedirectURL(code, name, pairs...)
	if err != nil {
		return err
	} else if c == nil {
		return errNilContext
	}
	return c.Redirect(code, u)
}

// FuncMap returns urlFor for html/template, this app's names first:
// {{urlFor "post" "id" .ID}}. It may be installed before the invitation,
// where a call fails with urlfor.ErrNotInvited. Values may be strings,
// integers, booleans or fmt.Stringers (urlfor.Pairs). For c.Render, parse
// the templates into template.New("").Funcs(h.FuncMap()) and set
// e.Renderer = &echo.TemplateRenderer{Template: t}.
func (h *Handle) FuncMap() template.FuncMap { return h.kit.FuncMap() }

// Participant returns the app's urlfor participant (namespace, mount
// prefix, routes as last read; Refresh re-reads them), or
// urlfor.ErrNotInvited before the invitation.
func (h *Handle) Participant() (*urlfor.Participant, error) { return h.kit.Participant() }

// URL is [Handle.URL] for the app that serves c ([FromContext]);
// [ErrNoHandle] when that app never joined or c is nil.
func URL(c *echo.Context, name string, pairs ...string) (string, error) {
	if h, ok := FromContext(c); ok {
		return h.URL(c, name, pairs...)
	}
	return "", errNoHandle
}

// AbsoluteURL is [Handle.AbsoluteURL] for the app that serves c
// ([FromContext]); [ErrNoHandle] when it never joined or c is nil.
func AbsoluteURL(c *echo.Context, name string, pairs ...string) (string, error) {
	if h, ok := FromContext(c); ok {
		return h.AbsoluteURL(c, name, pairs...)
	}
	return "", errNoHandle
}

// Redirect is [Handle.Redirect] for the app that serves c ([FromContext]):
// a code outside 300-399 is a *urlfor.RedirectCodeError, checked first;
// [ErrNoHandle] when the app never joined or c is nil.
func Redirect(c *echo.Context, code int, name string, pairs ...string) error {
	if err := urlfor.CheckRedirectCode(code); err != nil {
		return err
	} else if h, ok := FromContext(c); ok {
		return h.Redirect(c, code, name, pairs...)
	}
	return errNoHandle
}
