package partyfiber

import (
	"crypto/tls"
	"fmt"
	"html/template"
	"net/http"

	"github.com/gofiber/fiber/v2"
	"github.com/partyline-go/partyline/urlfor"
)

// URL builds the path of an endpoint, local names first: "page" is this
// app's route named "page" (fiber's .Name("page"), with its group's name
// prefix: "api.users"), even if another app has one; "shop:cart" is the
// shop's. pairs are key, value, key, value...: the route's parameters by
// the names c.Params knows them ("id"; "*1", "+1" for greedy ones), the
// rest become the query string. Names and keys are exact: fiber's GetRoute
// matches names exactly too, but its GetRouteURL takes keys in any case
// (for a case-insensitive app); here "ID" for ":id" is a missing parameter.
// The URL carries the mount prefix: "/legacy/pages/7".
//
// Unlike fiber's GetRouteURL, which splices values raw and leaves a missing
// one empty, values are percent-encoded (RFC 3986 §3.3) and a missing
// required one is an error. c is not used; it keeps the shape of
// [Handle.AbsoluteURL] and the package-level [URL].
//
// Errors: [urlfor.ErrNotInvited] before the invitation, and urlfor's
// errors (unknown endpoint, ambiguous name, missing or invalid parameter,
// a [*PatternError] for a route partyfiber cannot build).
func (h *Handle) URL(c *fiber.Ctx, name string, pairs ...string) (string, error) {
	return h.member.URL(name, pairs...)
}

// AbsoluteURL is [Handle.URL] with the scheme and host the client used:
// "https://example.com/legacy/pages/7". The scheme is https when the
// request reached the bridge ([Handler]) over TLS, or fiber's own server
// over TLS; the host is the request's Host. With [TrustProxy], the first
// X-Forwarded-Proto and X-Forwarded-Host values win (urlfor.RequestOrigin).
// A host that is not a plain host[:port] is an error wrapping
// [urlfor.ErrBadCall].
func (h *Handle) AbsoluteURL(c *fiber.Ctx, name string, pairs ...string) (string, error) {
	if c == nil {
		return "", ErrNilContext
	}
	return h.member.AbsoluteURL(h.request(c), h.cfg.trustProxy, name, pairs...)
}

// Redirect answers c with a redirect to the URL of an endpoint
// ([Handle.URL]) and status code, which must be 3xx ([ErrRedirectStatus]
// otherwise). Return its error from the handler: when the URL cannot be
// built, nothing is written.
func (h *Handle) Redirect(c *fiber.Ctx, code int, name string, pairs ...string) error {
	if c == nil {
		return ErrNilContext
	}
	if code < 300 || code > 399 {
		return fmt.Errorf("%w: %d", ErrRedirectStatus, code)
	}
	u, err := h.URL(c, name, pairs...)
	if err != nil {
		return err
	}
	return c.Redirect(u, code)
}

// FuncMap returns the template functions of the app: urlFor, with local
// names first (urlfor.Member.FuncMap), for html/template, text/template
// (convert it) or a Fiber template engine. It may be installed before the
// invitation: calls made before it fail with urlfor.ErrNotInvited. Fiber's
// engines parse their views when fiber.New runs, before Join can give you
// a handle: use the package-level [FuncMap] there, or add this one and
// load the views again (engine.AddFuncMap(h.FuncMap()); engine.Load()).
func (h *Handle) FuncMap() template.FuncMap { return h.member.FuncMap() }

// Participant returns the app's urlfor participant, or an error wrapping
// [urlfor.ErrNotInvited] before the invitation.
func (h *Handle) Participant() (*urlfor.Participant, error) { return h.member.Participant() }

// request returns a stand-in for c's request carrying what
// urlfor.RequestOrigin reads: the Host, TLS when the client used it (as the
// bridge saw it, or fiber's own server), and the X-Forwarded headers with
// TrustProxy.
func (h *Handle) request(c *fiber.Ctx) *http.Request {
	r := &http.Request{Host: string(c.Request().Host()), Header: http.Header{}}
	scheme, bridged := bridgeScheme(c)
	if bridged && scheme == "https" || !bridged && c.Context().IsTLS() {
		r.TLS = &tls.ConnectionState{}
	}
	if h.cfg.trustProxy {
		for _, k := range []string{"X-Forwarded-Proto", "X-Forwarded-Host"} {
			if v := c.Get(k); v != "" {
				r.Header.Set(k, v)
			}
		}
	}
	return r
}
