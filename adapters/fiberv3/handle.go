package partyfiberv3

import (
	"crypto/tls"
	"net/http"
	"net/url"

	"github.com/gofiber/fiber/v3"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// request is what urlfor.RequestOrigin reads of c: https when the request
// reached the bridge ([BridgeHeader]) or fiber's own server over TLS, the
// Host, and the forwarded headers; nil for a nil c.
func request(c fiber.Ctx) *http.Request {
	if c == nil {
		return nil
	}
	r := &http.Request{Host: string(c.Request().Host()), Header: http.Header{}}
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

// Param returns the path parameter key as the client meant it, exact for
// every URL partyfiberv3 builds: with fiber's default Config, c.Params
// hands the raw path text ("a%2Fb"), which Param unescapes
// (url.PathUnescape); with UnescapePath, c.Params is decoded already (a
// "+" decoded to a space: URL refuses "+" and "/" in values there), and
// Param returns it. Keys are c.Params' ("id", "*1"; "*" is "*1"); a
// parameter left out is "". Like c.Params, the value may share the
// request's memory: copy it to keep it past the handler (or set
// Config.Immutable). An escape that does not decode is url.PathUnescape's
// error; a nil c wraps urlfor.ErrBadCall.
func Param(c fiber.Ctx, key string) (string, error) {
	if c == nil {
		return "", errNilCtx
	}
	if v := c.Params(key); c.App().Config().UnescapePath {
		return v, nil
	}
	return url.PathUnescape(c.Params(key))
}
