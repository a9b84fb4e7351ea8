package partychi

import (
	"net/http"

	"github.com/partyline-go/partyline/urlfor"
)

// ValidateSignature returns a chi middleware that lets through only the
// requests whose URL is a valid signed URL of s ([Handle.SignedURL],
// [urlfor.Signer.Sign]), and answers the others 403 Forbidden with the
// reason as text/plain ([urlfor.Signer.Verify]'s error: the URL is not
// signed, its signature does not match, or it has expired): s.Middleware,
// as a chi middleware. Verify reads the URL as the client sent it
// (r.RequestURI), so it works inside an app mounted behind
// http.StripPrefix, which trims r.URL.Path while the signature covers the
// mount prefix, as well as behind chi's Mount.
//
// Put it on the routes that need it, with
// r.With(partychi.ValidateSignature(s)) or in a Group: in the router's Use
// it would refuse the party's invitation too, which carries no signature.
//
// A nil s is a programming error: ValidateSignature panics when it is
// called, at set-up time, never when a request is served.
func ValidateSignature(s *urlfor.Signer) func(http.Handler) http.Handler {
	if s == nil {
		panic("partychi: ValidateSignature needs a signer (urlfor.NewSigner)")
	}
	return s.Middleware
}
