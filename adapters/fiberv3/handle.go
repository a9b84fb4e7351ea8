package partyfiberv3

import (
	"crypto/tls"
	"net/http"

	"github.com/gofiber/fiber/v3"
	"github.com/partyline-go/partyline/internal/fiberdialect"
	"github.com/partyline-go/partyline/urlfor"
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

// stickyParam reads the parameter key of c's route for the [Sticky]
// option as [Param] reads it; false for a nil c, a key the route c matched
// does not have (c.Params' keys: "lang", "*" or "*1", in any letter case
// unless CaseSensitive), or one it left out (an optional ":lang?", an
// empty "*"), which c.Params hands as "" alike.
func stickyParam(c fiber.Ctx, key string) (string, bool) {
	if c == nil {
		return "", false
	}
	return fiberdialect.StickyValue(c.Params(key), c.App().Config().UnescapePath)
}

// ValidateSignature returns a middleware that passes on (c.Next) the
// requests whose URL s signed ([urlfor.Signer.Verify]: the signature of
// the path, the query and, for a URL signed absolute, the host, then the
// expiry), and answers the others 403 Forbidden with the reason as
// text/plain ("urlfor: the signed URL has expired"), as
// [urlfor.Signer.Middleware] does for net/http. Sign with [SignWith] and
// [Handle.SignedURL]:
//
//	app.Get("/downloads/:file", partyfiberv3.ValidateSignature(signer), download).Name("download")
//
// The URL checked is the one the client sent: the app's mount prefix
// (removed by http.StripPrefix before [Handler]; known once the app is
// invited, "" for an app that never joined) followed by the path as fiber
// received it, escaped, and the raw query; the Host header, and TLS as
// [Handle.AbsoluteURL] sees it, for URLs signed absolute. A nil s is a
// programming error: ValidateSignature panics at set-up, never at request
// time.
func ValidateSignature(s *urlfor.Signer) fiber.Handler {
	if s == nil {
		panic(pkg + ": ValidateSignature needs a signer (urlfor.NewSigner)")
	}
	return func(c fiber.Ctx) error {
		uri := c.Request().URI()
		if err := fiberdialect.VerifySigned(s, request(c), mountPrefix(c), uri.PathOriginal(), uri.QueryString()); err != nil {
			c.Set(fiber.HeaderContentType, fiber.MIMETextPlainCharsetUTF8)
			c.Set(fiber.HeaderXContentTypeOptions, "nosniff")
			return c.Status(fiber.StatusForbidden).SendString(err.Error() + "\n")
		}
		return c.Next()
	}
}

// mountPrefix is the mount prefix of the app serving c, "" before its
// invitation or when it never joined.
func mountPrefix(c fiber.Ctx) string {
	if h, ok := FromContext(c); ok {
		if p, err := h.kit.Participant(); err == nil {
			return p.MountPrefix()
		}
	}
	return ""
}

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
