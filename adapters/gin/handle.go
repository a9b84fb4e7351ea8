package partygin

import (
	"fmt"
	"html/template"

	"github.com/gin-gonic/gin"
	"github.com/partyline-go/partyline/urlfor"
)

// URL builds the path of an endpoint, local-first: a bare name is this
// app's endpoint if it has one (Flask's ".name", Django's current_app),
// else the one app of the party that has it; "shop:cart" is the cart of
// the app whose namespace is shop. pairs are key, value, key, value...:
// the route's parameters, and the rest become the query string. The path
// carries the app's mount prefix: "/blog/posts/7". c may be nil; it is
// there for symmetry with [Handle.AbsoluteURL].
//
// A value a handler could not get back is refused with an error, never
// built: "/" inside a :param (see the package doc for the engine modes),
// empty, "." or "..", and a value another route would take (a
// [*ShadowedError]). Errors are urlfor's (unknown endpoint with "did you
// mean", ambiguous name, missing or invalid parameter), or wrap
// urlfor.ErrNotInvited before the invitation.
func (h *Handle) URL(c *gin.Context, name string, pairs ...string) (string, error) {
	u, err := h.member.URL(name, pairs...)
	if err != nil {
		return "", h.src.explain(err)
	}
	return u, nil
}

// AbsoluteURL is [Handle.URL] with the scheme and host the client used to
// reach c's request ("https://example.com/blog/posts/7"), from the
// connection and Host header, or from X-Forwarded-Proto and
// X-Forwarded-Host with [TrustProxy]. A Host that is not a plain host is an
// error wrapping urlfor.ErrBadCall.
func (h *Handle) AbsoluteURL(c *gin.Context, name string, pairs ...string) (string, error) {
	if c == nil || c.Request == nil {
		return "", fmt.Errorf("%w: partygin: AbsoluteURL needs the gin context of a request", urlfor.ErrBadCall)
	}
	u, err := h.member.AbsoluteURL(c.Request, h.cfg.trustProxy, name, pairs...)
	if err != nil {
		return "", h.src.explain(err)
	}
	return u, nil
}

// Redirect answers c with a redirect to the URL of an endpoint
// ([Handle.URL]), through gin's c.Redirect. code must be 300, 301, 302,
// 303, 307 or 308, else it returns a [*RedirectCodeError] (gin would
// panic). When the URL cannot be built, nothing is written and the error is
// returned: answer it as you see fit.
func (h *Handle) Redirect(c *gin.Context, code int, name string, pairs ...string) error {
	if err := checkRedirectCode(code); err != nil {
		return err
	}
	u, err := h.URL(c, name, pairs...)
	if err != nil {
		return err
	}
	c.Redirect(code, u)
	return nil
}

// FuncMap returns urlFor for html/template, local-first as [Handle.URL]:
//
//	engine.SetFuncMap(h.FuncMap())
//	engine.LoadHTMLGlob("templates/*")
//	// {{urlFor "post" "id" .ID}}  {{urlFor "shop:cart"}}
//
// gin hands its FuncMap to the templates when it loads them, so install it
// before LoadHTMLGlob, LoadHTMLFiles or LoadHTMLFS; that may be before the
// invitation (calls made before it fail with urlfor.ErrNotInvited). Add
// your own functions to the map it returns. Values may be strings,
// integers, booleans or fmt.Stringers (urlfor.Pairs); a failed build fails
// the template's execution with the error.
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
