package fiberdialect

import (
	"net/http"

	"github.com/partyline-go/partyline/urlfor"
)

// StickyValue is the value of a route parameter for adapterkit's Sticky
// option, from raw, the text c.Params hands for it: [ParamValue]'s, and
// false when raw is "" (the matched route has no parameter of that key, or
// left it out: an optional ":lang?", an empty "*"; c.Params tells neither
// apart) or when its escape does not decode (only from a client that did
// not use our URL: the build then reports the parameter missing).
func StickyValue(raw string, unescaped bool) (string, bool) {
	if raw == "" {
		return "", false
	}
	v, err := ParamValue(raw, unescaped)
	if err != nil || v == "" {
		return "", false
	}
	return v, true
}

// VerifySigned checks with s the signed URL a fiber app received, and
// returns [urlfor.Signer.Verify]'s error. r carries what the adapter's
// request helper reads of the context (the Host header as sent, TLS); its
// request target is set here to prefix (the app's mount prefix, which a
// dispatcher such as http.StripPrefix removed before the bridge: the
// handle's URLs, and so their signatures, hold it) followed by path, the
// path as fiber received it, escaped (fasthttp's URI().PathOriginal(): what
// fiber routes with its default Config), and query, the raw query string:
// Verify reads the target as net/http would (r.RequestURI), so a URL
// verifies here exactly when it verifies in [urlfor.Signer.Middleware] in
// front of the dispatcher.
func VerifySigned(s *urlfor.Signer, r *http.Request, prefix string, path, query []byte) error {
	r.RequestURI = prefix + string(path)
	if len(query) > 0 {
		r.RequestURI += "?" + string(query)
	}
	return s.Verify(r)
}
