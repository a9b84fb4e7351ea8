package partychi_test

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"
	partychi "github.com/partyline-go/partyline/adapters/chi"
	"github.com/partyline-go/partyline/core"
)

// hit is what an echo handler answers: which endpoint the request reached
// and the parameter values it got, decoded with partychi.URLParam (Params)
// and as chi.URLParam gives them (Native).
type hit struct {
	Endpoint string            `json:"endpoint"`
	Params   map[string]string `json:"params"`
	Native   map[string]string `json:"native,omitempty"`
}

// nativeExact reports whether chi.URLParam must give the values of pairs
// exactly: when the URL has no RawPath, that is when no parameter but the
// wildcard "*" holds "/" (TestForcesRawPath).
func nativeExact(pairs []string) bool {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i] != "*" && strings.Contains(pairs[i+1], "/") {
			return false
		}
	}
	return true
}

// echo answers a hit for endpoint with the values of keys.
func echo(endpoint string, keys ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h := hit{Endpoint: endpoint, Params: map[string]string{}, Native: map[string]string{}}
		for _, k := range keys {
			h.Params[k] = partychi.URLParam(r, k)
			h.Native[k] = chi.URLParam(r, k)
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(h)
	}
}

// noRedirects is a client that reports redirects instead of following
// them: a URL we build must reach its endpoint directly.
var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// get requests base+path and returns the status and body.
func get(t testing.TB, c *http.Client, url string) (int, string) {
	t.Helper()
	resp, err := c.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: reading body: %v", url, err)
	}
	return resp.StatusCode, string(b)
}

// getHit requests url and decodes the hit; it fails the test on any status
// but 200.
func getHit(t testing.TB, url string) hit {
	t.Helper()
	status, body := get(t, noRedirects, url)
	if status != http.StatusOK {
		t.Fatalf("GET %s: status %d, body %q", url, status, body)
	}
	return decodeHit(t, body)
}

func decodeHit(t testing.TB, body string) hit {
	t.Helper()
	var h hit
	if err := json.Unmarshal([]byte(body), &h); err != nil {
		t.Fatalf("body %q: %v", body, err)
	}
	return h
}

// mustJoin joins r or fails the test.
func mustJoin(t testing.TB, r chi.Router, opts ...partychi.Option) *partychi.Handle {
	t.Helper()
	h, err := partychi.Join(r, opts...)
	if err != nil {
		t.Fatalf("Join: %v", err)
	}
	return h
}

// mustParty wraps dispatcher in a party that invites paths, or fails.
func mustParty(t testing.TB, dispatcher http.Handler, invites ...string) *core.Party {
	t.Helper()
	p, err := core.New(dispatcher, invites)
	if err != nil {
		t.Fatalf("core.New: %v", err)
	}
	for _, inv := range p.Invitations() {
		if !inv.Joined {
			t.Fatalf("invitation %s: status %d, not joined", inv.Path, inv.Status)
		}
	}
	return p
}

// mustURL builds with h or fails.
func mustURL(t testing.TB, h *partychi.Handle, name string, pairs ...string) string {
	t.Helper()
	u, err := h.URL(nil, name, pairs...)
	if err != nil {
		t.Fatalf("URL(%q, %q): %v", name, pairs, err)
	}
	return u
}

// stripMux mounts apps under http.ServeMux with http.StripPrefix: prefix
// "/blog" serves "/blog/..." with "/..." to the app.
func stripMux(apps map[string]http.Handler) *http.ServeMux {
	mux := http.NewServeMux()
	for prefix, app := range apps {
		if prefix == "" {
			mux.Handle("/", app)
			continue
		}
		mux.Handle(prefix+"/", http.StripPrefix(prefix, app))
	}
	return mux
}

// wantErrIs fails unless errors.Is(err, target).
func wantErrIs(t testing.TB, err, target error) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Fatalf("error %v, want one matching %v", err, target)
	}
}

// server starts an httptest server for h, closed at the end of the test.
func server(t testing.TB, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}
