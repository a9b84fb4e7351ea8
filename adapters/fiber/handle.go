package partyfiber

import (
	"crypto/tls"
	"net/http"

	"github.com/gofiber/fiber/v2"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// request is what urlfor.RequestOrigin reads of c: https when the request
// reached the bridge or fiber's server over TLS, the Host, and the
// forwarded headers.
func request(c *fiber.Ctx) *http.Request {
	if c == nil {
		return nil
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
	return r
}

func redirect(c *fiber.Ctx, code int, u string) error { return c.Redirect(u, code) }

var helpers = adapterkit.Lookup[*fiber.Ctx, *Handle]{Find: FromContext, NoHandle: errNoHandle}

// URL is [Handle.URL] for the app serving c ([FromContext]); [ErrNoHandle]
// when that app never joined.
func URL(c *fiber.Ctx, name string, pairs ...string) (string, error) {
	return helpers.URL(c, name, pairs...)
}

// AbsoluteURL is [Handle.AbsoluteURL] for the app serving c
// ([FromContext]); [ErrNoHandle] when that app never joined.
func AbsoluteURL(c *fiber.Ctx, name string, pairs ...string) (string, error) {
	return helpers.AbsoluteURL(c, name, pairs...)
}

// Redirect is [Handle.Redirect] for the app serving c ([FromContext]);
// [ErrNoHandle] when that app never joined; a code outside 300-399 is a
// *urlfor.RedirectCodeError, checked first.
func Redirect(c *fiber.Ctx, code int, name string, pairs ...string) error {
	return helpers.Redirect(c, code, name, pairs...)
}
