package partylinejs

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"net/http"
	"time"
)

// Module is partyline.js, the JavaScript client, for Go programs that serve
// it themselves (the demo serves it beside its route manifest).
//
//go:embed partyline.js
var Module []byte

var moduleETag = func() string {
	sum := sha256.Sum256(Module)
	return `"` + hex.EncodeToString(sum[:16]) + `"`
}()

// Handler serves [Module] as text/javascript, with a strong ETag (a hash of
// its bytes) and "Cache-Control: no-cache", so that browsers revalidate and
// get a 304 until the client changes. GET and HEAD; other methods get 405.
func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		w.Header().Set("ETag", moduleETag)
		w.Header().Set("Cache-Control", "no-cache")
		http.ServeContent(w, r, "partyline.js", time.Time{}, bytes.NewReader(Module))
	})
}
