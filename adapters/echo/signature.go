package partyecho

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/partyline-go/partyline/urlfor"
)

// ValidateSignature returns an echo middleware that passes on the requests
// whose URL s signed ([Handle.SignedURL], urlfor.Signer.Sign) and answers
// the others 403 Forbidden with the reason as text/plain, urlfor.Signer.Verify's
// error ("urlfor: the signed URL has expired"): the URL is not signed, its
// path, query or host changed, or it expired. Put it on the routes that
// serve signed URLs:
//
//	e.GET("/files/:name", download, partyecho.ValidateSignature(signer)).Name = "file"
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
		panic("partyecho: ValidateSignature needs a signer (urlfor.NewSigner)")
	}
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
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
