package urlfor

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"sync"
)

// ManifestHandler serves the manifest o chooses (see [Builder.Manifest]) as
// application/json, for the JavaScript client and other services. The
// document is made once per state of the party's directory (it is made
// again after an app joins or its routes change; each request checks the
// apps' routes as a miss does, see [Versioned]) and sent with a strong
// ETag (a hash of the bytes) and "Cache-Control: no-cache": clients keep
// it and revalidate, and an unchanged manifest costs a 304. GET and HEAD
// only (405 otherwise); before any app joined, 503; a manifest that cannot
// be made (a malformed o), 500 with the reason.
func (b *Builder) ManifestHandler(o ManifestOptions) http.Handler {
	return &manifestHandler{b: b, o: o}
}

type manifestHandler struct {
	b  *Builder
	o  ManifestOptions
	mu sync.Mutex
	// The last document made, for the directory generation it was made at.
	gen  uint64
	made bool
	body []byte
	etag string
}

func (h *manifestHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	body, etag, err := h.document()
	switch {
	case errors.Is(err, ErrNotInvited):
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	case err != nil:
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Cache-Control", "no-cache")
	if match := r.Header.Get("If-None-Match"); match == etag || match == "*" {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if r.Method == http.MethodHead {
		return
	}
	_, _ = w.Write(body)
}

// document returns the manifest's bytes and ETag, made again when the
// directory moved.
func (h *manifestHandler) document() ([]byte, string, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	var gen uint64
	if h.b.reg != nil {
		// Routes added since the last read: O(1) for versioned sources,
		// within the re-read budget for the others (see Versioned).
		for _, p := range h.b.reg.directory().members {
			p.refresh()
		}
		h.b.reg.directory()
		gen = h.b.reg.gen.Load()
	}
	if h.made && gen == h.gen {
		return h.body, h.etag, nil
	}
	m, err := h.b.Manifest(h.o)
	if err != nil {
		return nil, "", err
	}
	body, err := m.JSON()
	if err != nil {
		return nil, "", err
	}
	sum := sha256.Sum256(body)
	h.gen, h.made, h.body, h.etag = gen, true, body, `"`+hex.EncodeToString(sum[:16])+`"`
	return h.body, h.etag, nil
}
