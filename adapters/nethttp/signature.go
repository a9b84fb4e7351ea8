package partyhttp

import (
	"net/http"

	"github.com/partyline-go/partyline/urlfor"
)

// ValidateSignature returns a middleware that lets through only the
// requests whose URL is a valid signed URL of s ([Handle.SignedURL],
// [urlfor.Signer.Sign]), and answers the others 403 Forbidden with the
// reason as text/plain ([urlfor.Signer.Verify]'s error: the URL is not
// signed, its signature does not match, or it has expired): s.Middleware.
// Verify reads the URL as the client sent it (r.RequestURI), so it works
// inside an app mounted behind http.StripPrefix, which trims r.URL.Path
// while the signature covers the mount prefix. Wrap the handlers that
// need it:
//
//	mux.Named("invoice").Handle("GET /invoices/{id}", partyhttp.ValidateSignature(signer)(http.HandlerFunc(showInvoice)))
//
// Around the whole ServeMux it would refuse the party's invitation too,
// which carries no signature.
//
// A nil s is a programming error: ValidateSignature panics when it is
// called, at set-up time, never when a request is served.
func ValidateSignature(s *urlfor.Signer) func(http.Handler) http.Handler {
	if s == nil {
		panic("partyhttp: ValidateSignature needs a signer (urlfor.NewSigner)")
	}
	return s.Middleware
}
