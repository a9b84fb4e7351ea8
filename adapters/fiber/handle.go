package partyfiber

import (
	"crypto/tls"
	"html/template"
	"net/http"

	"github.com/gofiber/fiber/v2"
	"github.com/partyline-go/partyline/urlfor"
)

// URL builds the path of an endpoint, local names first: "page" is this
// app's route named "page" (group prefix included: "api.users"),
// "shop:cart" the shop's. pairs are key, value...: the parameters by the
// names c.Params knows ("id"; "*1", "+1" for greedy ones), the rest the
// query. The URL carries the mount prefix: "/legacy/pages/7". c is not used
// (it may be nil). Errors: [urlfor.ErrNotInvited] before the invitation,
// urlfor's typed errors (ParamError.TakenBy names the route registered
// before that takes a value), a [*PatternError].
func (h *Handle) URL(c *fiber.Ctx, name string, pairs ...string) (string, error) {
	return h.kit.URL(name, pairs...)
}

// AbsoluteURL is [Handle.URL] with the scheme and host the client used
// ("https://example.com/legacy/pages/7"): https when the request reached
// the bridge or fiber's server over TLS, the Host header, or with
// [TrustProxy] the first X-Forwarded-Proto and -Host (urlfor.RequestOrigin).
// A host that is not host[:port], or a nil c, is an error wrapping
// [urlfor.ErrBadCall].
func (h *Handle) AbsoluteURL(c *fiber.Ctx, name string, pairs ...string) (string, error) {
	if c == nil {
		return "", errNilCtx
	}
	r := &http.Request{Host: string(c.Request().Host()), Header: http.Header{}}
	if scheme, bridged := bridgeScheme(c); bridged && scheme == "https" || !bridged && c.Context().IsTLS() {
		r.TLS = &tls.ConnectionState{}
	}
	for _, k := range []string{"X-Forwarded-Proto", "X-Forwarded-Host"} {
		if v := c.Get(k); v != "" {
			r.Header.Set(k, v)
		}
	}
	return h.kit.AbsoluteURL(r, name, pairs...)
}

// Redirect answers c with a redirect to an endpoint ([Handle.URL]); code
// must be 3xx (else a [*urlfor.RedirectCodeError]). On an error, nothing is
// written: return it from the handler.
func (h *Handle) Redirect(c *fiber.Ctx, code int, name string, pairs ...string) error {
	if c == nil {
		return errNilCtx
	}
	u, err := h.kit.RedirectURL(code, name, pairs...)
	if err != nil {
		return err
	}
	return c.Redirect(u, code)
}

// FuncMap returns urlFor, local names first, for html/template or a Fiber
// engine; calls before the invitation fail with urlfor.ErrNotInvited.
// Engines parse their views in fiber.New, before Join: use the
// package-level [FuncMap] there, or add this one and load the views again.
func (h *Handle) FuncMap() template.FuncMap { return h.kit.FuncMap() }

// Participant returns the app's urlfor participant; before the invitation,
// an error wrapping [urlfor.ErrNotInvited].
func (h *Handle) Participant() (*urlfor.Participant, error) { return h.kit.Participant() }

// URL is [Handle.URL] for the app serving c ([FromContext]); [ErrNoHandle]
// when that app never joined.
func URL(c *fiber.Ctx, name string, pairs ...string) (string, error) {
	if h, ok := FromContext(c); ok {
		return h.URL(c, name, pairs...)
	}
	return "", errNoHandle
}

// AbsoluteURL is [Handle.AbsoluteURL] for the app serving c
// ([FromContext]); [ErrNoHandle] when that app never joined.
func AbsoluteURL(c *fiber.Ctx, name string, pairs ...string) (string, error) {
	if h, ok := FromContext(c); ok {
		return h.AbsoluteURL(c, name, pairs...)
	}
	return "", errNoHandle
}

// Redirect is [Handle.Redirect] for the app serving c ([FromContext]);
// [ErrNoHandle] when that app never joined.
func Redirect(c *fiber.Ctx, code int, name string, pairs ...string) error {
	if h, ok := FromContext(c); ok {
		return h.Redirect(c, code, name, pairs...)
	}
	return errNoHandle
}
