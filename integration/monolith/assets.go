package monolith

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"net/http"
	"time"
)

//go:embed site.css
var siteCSS []byte

// stylesheet serves site.css, with an ETag so that a browser asks once.
func stylesheet() http.Handler {
	sum := sha256.Sum256(siteCSS)
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("ETag", etag)
		http.ServeContent(w, r, "site.css", time.Time{}, bytes.NewReader(siteCSS))
	})
}
