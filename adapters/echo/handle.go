package partyecho

import (
	"fmt"
	"html/template"

	"github.com/labstack/echo/v4"
	"github.com/partyline-go/partyline/urlfor"
)

// URL builds the path of an endpoint, for a link from inside a handler of
// this app. A bare name is this app's endpoint first ("post": the route
// whose echo name is "post", or a default name such as "main.showPost"),
// then the one other app that has it; "shop:cart" is the shop's. pairs are
// key, value, key, value...: the route's parameters (":id" takes "id",
// echo's wildcard "*" takes "*"), and the rest become the query string,
// sorted by key. The path carries the mount prefix: "/blog/posts/7".
//
// Values are escaped by urlfor (RFC 3986 §3.3, one path segment per
// parameter, "/" kept between the segments of "*"); a value holding "%"
// is refused, because echo could not hand it back recoverably (see the
// package doc), and so is a value that echo would route to another route
// of the app ("new" for "/posts/:id" beside "/posts/new"). Errors:
// urlfor.ErrNotInvited before the invitation, *urlfor.UnknownEndpointError,
// *urlfor.AmbiguousError (two echo routes with one name and different
// paths), *urlfor.ParamError, *ShadowedError (which wraps one),
// *PatternError for a route whose echo path cannot be built,
// urlfor.ErrBadCall.
//
// c is the request's context; URL does not read it, it keeps the helpers'
// signatures alike.
func (h *Handle) URL(c echo.Context, name string, pairs ...string) (string, error) {
	if h == nil {
		return "", ErrNotJoined
	}
	u, err := h.member.URL(name, pairs...)
	if err != nil {
		return "", h.src.explain(err)
	}
	return u, nil
}

// AbsoluteURL is [Handle.URL] with the scheme and host the client used to
// reach this request: "https" when the connection is TLS, else "http", and
// the Host header; with [TrustProxy], the first X-Forwarded-Proto and
// X-Forwarded-Host values win (urlfor.RequestOrigin). A scheme or host that
// is not plain is an error wrapping urlfor.ErrBadCall.
func (h *Handle) AbsoluteURL(c echo.Context, name string, pairs ...string) (string, error) {
	if h == nil {
		return "", ErrNotJoined
	}
	if c == nil || c.Request() == nil {
		return "", errNilContext
	}
	u, err := h.member.AbsoluteURL(c.Request(), h.cfg.trustProxy, name, pairs...)
	if err != nil {
		return "", h.src.explain(err)
	}
	return u, nil
}

// Redirect answers the request with a redirect to the endpoint's URL
// ([Handle.URL]), through echo's c.Redirect: code in the Location header's
// status line, 300 to 308 as echo accepts. Return its error from the
// handler. A code outside 300-308 is a [*RedirectCodeError] and a failed
// build is URL's error; in both cases nothing is written.
func (h *Handle) Redirect(c echo.Context, code int, name string, pairs ...string) error {
	if code < 300 || code > 308 {
		return &RedirectCodeError{Code: code}
	}
	if c == nil {
		return errNilContext
	}
	u, err := h.URL(c, name, pairs...)
	if err != nil {
		return err
	}
	return c.Redirect(code, u)
}

// FuncMap returns the template functions of the app: urlFor, with this
// app's names first, as in [Handle.URL]:
//
//	<a href="{{urlFor "post" "id" .ID}}">      -> /blog/posts/7
//	<a href="{{urlFor "shop:cart" "id" 3}}">   -> /cart/3
//
// It may be installed before the invitation; a call made before it fails
// the template's execution with urlfor.ErrNotInvited. Values may be
// strings, integers, booleans or fmt.Stringers (urlfor.Pairs). See
// [NewRenderer] for echo's renderer.
func (h *Handle) FuncMap() template.FuncMap {
	return template.FuncMap{
		"urlFor": func(name string, args ...any) (string, error) {
			pairs, err := urlfor.Pairs(args...)
			if err != nil {
				return "", fmt.Errorf("urlFor %q: %w", name, err)
			}
			return h.URL(nil, name, pairs...)
		},
	}
}

// Participant returns the app's urlfor participant (namespace, mount
// prefix, the routes as last read), or an error wrapping
// urlfor.ErrNotInvited before the invitation.
func (h *Handle) Participant() (*urlfor.Participant, error) {
	if h == nil {
		return nil, ErrNotJoined
	}
	return h.member.Participant()
}
