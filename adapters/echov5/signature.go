package partyechov5

import (
	"net/http"

	"github.com/labstack/echo/v5"
	"github.com/partyline-go/partyline/urlfor"
)

// ValidateSignature returns an echo v5 middleware that passes on the
// requests whose URL s signed (the handle's SignedURL, urlfor.Signer.Sign)
// and answers the others 403 Forbidden with the reason as text/plain,
// urlfor.Signer.Verify's error ("urlfor: the signed URL has expired"): the
// URL is not signed, its path, query or host changed, or it expired. Put
// it on the routes that serve signed URLs:
//
//	partyechov5.Named(e, "file").GET("/files/:name", download, partyechov5.ValidateSignature(signer))
//
// or on a group; in e.Use or e.Pre it would refuse the party's
// invitation too, which carries no signature. The URL checked is the one
// the client sent (the request's RequestURI): an app mounted behind
// http.StripPrefix verifies the mount prefix its handle signed.
//
// A nil s is a programming error: ValidateSignature panics when it is
// called, at set-up time, never when a request is served.
func ValidateSignature(s *urlfor.Signer) echo.MiddlewareFunc {
	if s == nil {
		panic(pkg + ": ValidateSignature needs a signer (urlfor.NewSigner)")
	}
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c *echo.Context) error {
			r := c.Request()
			err := urlfor.ErrSignatureMissing
			if r != nil && r.URL != nil {
				err = s.Verify(r)
			}
			if err != nil {
				c.Response().Header().Set("X-Content-Type-Options", "nosniff")
				return c.String(http.StatusForbidden, err.Error()+"\n")
			}
			return next(c)
		}
	}
}
