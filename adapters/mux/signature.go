package partymux

import (
	"github.com/gorilla/mux"
	"github.com/partyline-go/partyline/urlfor"
)

// ValidateSignature returns a mux middleware that lets through only the
// requests whose URL is a valid signed URL of s ([Handle.SignedURL],
// [urlfor.Signer.Sign]), and answers the others 403 Forbidden with the
// reason as text/plain ([urlfor.Signer.Verify]'s error: the URL is not
// signed, its signature does not match, or it has expired): s.Middleware,
// as a [mux.MiddlewareFunc] (a func(http.Handler) http.Handler). Verify
// reads the URL as the client sent it (r.RequestURI), so it works inside a
// router mounted behind http.StripPrefix, which trims r.URL.Path while the
// signature covers the mount prefix.
//
// Use it on the routes that need it: in a subrouter's Use,
//
//	d := r.PathPrefix("/download").Subrouter()
//	d.Use(partymux.ValidateSignature(signer))
//
// or around one handler, r.Handle("/d/{id}", partymux.ValidateSignature(signer)(h)).
// In the joined router's own Use it would refuse the party's invitation
// too, which carries no signature.
//
// A nil s is a programming error: ValidateSignature panics when it is
// called, at set-up time, never when a request is served.
func ValidateSignature(s *urlfor.Signer) mux.MiddlewareFunc {
	if s == nil {
		panic("partymux: ValidateSignature needs a signer (urlfor.NewSigner)")
	}
	return s.Middleware
}
