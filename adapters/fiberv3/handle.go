package partyfiberv3

import (
	"crypto/tls"
	"net/http"

	"github.com/gofiber/fiber/v3"
	"github.com/partyline-go/partyline/internal/fiberdialect"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// request is what urlfor.RequestOrigin reads of c: https when the request
// reached the bridge ([BridgeHeader]) or fiber's own server over TLS, the
// Host, and the forwarded headers; nil for a nil c.
func request(c fiber.Ctx) *http.Request {
	if c == nil {
		return nil
	}
	// The Host header as sent, as net/http's r.Host: fasthttp lower-cases
	// the URI's copy (c.Request().Host(), c.Hostname()).
	host := c.Request().Header.Host()
	if len(host) == 0 {
		host = c.Request().Host()
	}
	r := &http.Request{Host: string(host), Header: http.Header{}}
	if bridgedTLS(c) || c.RequestCtx().IsTLS() {
		r.TLS = &tls.ConnectionState{}
	}
	for _, k := range []string{"X-Forwarded-Proto", "X-Forwarded-Host"} {
		if v := c.Get(k); v != "" {
			r.Header.Set(k, v)
		}
	}
	return r
}

// redirect is fiber v3's redirect: c.Redirect().Status(code).To(url).
func redirect(c fiber.Ctx, code int, u string) error { return c.Redirect().Status(code).To(u) }

var helpers = adapterkit.Lookup[fiber.Ctx, *Handle]{Find: FromContext, NoHandle: errNoHandle}

// URL is [Handle.URL] for the app serving c ([FromContext]); [ErrNoHandle]
// when that app never joined.
func URL(c fiber.Ctx, name string, pairs ...string) (string, error) {
	return helpers.URL(c, name, pairs...)
}

// AbsoluteURL is [Handle.AbsoluteURL] for the app serving c
// ([FromContext]); [ErrNoHandle] when that app never joined.
func AbsoluteURL(c fiber.Ctx, name string, pairs ...string) (string, error) {
	return helpers.AbsoluteURL(c, name, pairs...)
}

// Redirect is [Handle.Redirect] for the app serving c ([FromContext]);
// [ErrNoHandle] when that app never joined; a code outside 300-399 is a
// *urlfor.RedirectCodeError, checked first.
func Redirect(c fiber.Ctx, code int, name string, pairs ...string) error {
	return helpers.Redirect(c, code, name, pairs...)
}

// Param returns the path parameter key as the client put it into the URL,
// exact for every URL partyfiberv3 builds, whatever the app's
// Config.UnescapePath: by default fiber routes the raw path and c.Params
// hands its text ("a%2Fb" for "a/b"), which Param decodes
// (url.PathUnescape); with UnescapePath, c.Params is exact already and
// Param returns it (URL refuses "/" and "+" in values there: fiber decodes
// "%2F" to a separator and "+" to a space). Keys are those of c.Params:
// "id", and fiber's names for greedy parameters, "*" or "*1" for the first
// "*", "*2" for the second, "+" or "+1" for the first "+"; in a
// case-insensitive app, in any letter case. A parameter that is absent or
// left out is "". Like c.Params, the value may share the request's memory:
// copy it to keep it past the handler (or set Config.Immutable). An escape
// that does not decode (only from a client that did not use our URL) is
// url.PathUnescape's url.EscapeError; a nil c wraps urlfor.ErrBadCall.
func Param(c fiber.Ctx, key string) (string, error) {
	if c == nil {
		return "", errNilCtx
	}
	return fiberdialect.ParamValue(c.Params(key), c.App().Config().UnescapePath)
}
