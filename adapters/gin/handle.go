package partygin

import (
	"fmt"
	"html/template"
	"net/http"

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
// *urlfor.ParamError whose TakenBy names that route). Errors are urlfor's
// (unknown endpoint with "did you mean", ambiguous name, missing or invalid
// parameter), or wrap urlfor.ErrNotInvited before the invitation.
func (h *Handle) URL(c *gin.Context, name string, pairs ...string) (string, error) {
	return h.kit.URL(name, pairs...)
}

// AbsoluteURL is [Handle.URL] with the scheme and host the client used to
// reach c's request ("https://example.com/blog/posts/7"), from the
// connection and Host header, or from X-Forwarded-Proto and
// X-Forwarded-Host with [TrustProxy]. A Host that is not a plain host, or
// a nil c, is an error wrapping urlfor.ErrBadCall.
func (h *Handle) AbsoluteURL(c *gin.Context, name string, pairs ...string) (string, error) {
	if c == nil || c.Request == nil {
		return "", fmt.Errorf("%w: partygin: AbsoluteURL needs the gin context of a request", urlfor.ErrBadCall)
	}
	return h.kit.AbsoluteURL(c.Request, name, pairs...)
}

// Redirect answers c with a redirect to the URL of an endpoint
// ([Handle.URL]), through gin's c.Redirect. code must be 300, 301, 302,
// 303, 307 or 308 (RFC 9110 §15.4; 304, 305 and 306 do not redirect, and
// gin's c.Redirect panics above 308), else it returns a
// *urlfor.RedirectCodeError. When the URL cannot be built, nothing is
// written and the error is returned: answer it as you see fit.
func (h *Handle) Redirect(c *gin.Context, code int, name string, pairs ...string) error {
	if code > http.StatusPermanentRedirect || code >= http.StatusNotModified && code < http.StatusTemporaryRedirect {
		return &urlfor.RedirectCodeError{Code: code}
	}
	u, err := h.kit.RedirectURL(code, name, pairs...)
	if err != nil {
		return err
	}
	c.Redirect(code, u)
	return nil
}

// FuncMap returns urlFor for html/template, local-first as [Handle.URL]:
// {{urlFor "post" "id" .ID}}. gin hands its FuncMap to the templates when
// it loads them, so call engine.SetFuncMap(h.FuncMap()) before
// LoadHTMLGlob, LoadHTMLFiles or LoadHTMLFS, even before the invitation
// (calls made before it fail with urlfor.ErrNotInvited). Values may be
// strings, integers, booleans or fmt.Stringers (urlfor.Pairs); a failed
// build fails the template's execution with the error.
func (h *Handle) FuncMap() template.FuncMap { return h.kit.FuncMap() }

// Participant returns the app's participant in the URL directory, or an
// error wrapping urlfor.ErrNotInvited before the invitation.
func (h *Handle) Participant() (*urlfor.Participant, error) { return h.kit.Participant() }
