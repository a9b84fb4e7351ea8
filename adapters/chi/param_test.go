package partychi_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/go-chi/chi/v5"
	partychi "github.com/partyline-go/partyline/adapters/chi"
)

// TestWhatHandlersReceive pins down chi's behaviour that URLParam is built
// on (go-chi/chi#832): chi.URLParam is the decoded value when the request
// has no RawPath, and the escaped one when it has, which Go decides from
// the whole path; partychi.URLParam is the decoded value in both cases.
// Paths as partyline builds them have a RawPath only for "%2F"; the others
// are written by hand, as a client may.
// Checked under both dispatchers: StripPrefix (trims RawPath) and chi's
// Mount (keeps r.URL).
func TestWhatHandlersReceive(t *testing.T) {
	app := func() *chi.Mux {
		r := chi.NewRouter()
		r.Get("/p/{a}/{b}", func(w http.ResponseWriter, r *http.Request) {
			_ = json.NewEncoder(w).Encode(map[string]string{
				"chi.a": chi.URLParam(r, "a"), "chi.b": chi.URLParam(r, "b"),
				"a": partychi.URLParam(r, "a"), "b": partychi.URLParam(r, "b"),
				"rawpath": r.URL.RawPath,
			})
		})
		return r
	}
	strip := stripMux(map[string]http.Handler{"/app": app()})
	mount := chi.NewRouter()
	mount.Mount("/app", app())
	tests := []struct {
		path         string
		chiA, chiB   string
		a, b         string
		wantsRawPath bool
	}{
		{"/app/p/x/y", "x", "y", "x", "y", false},
		{"/app/p/a%20b/y", "a b", "y", "a b", "y", false},                         // default encoding: decoded
		{"/app/p/a,b/y;z", "a,b", "y;z", "a,b", "y;z", false},                     // as partyline and Go write them
		{"/app/p/Smith,%20John/y", "Smith, John", "y", "Smith, John", "y", false}, // the same
		{"/app/p/a%20b/y%2Cz", "a%20b", "y%2Cz", "a b", "y,z", true},              // "," escaped by hand, which Go would not: RawPath
		{"/app/p/a%2Fb/y", "a%2Fb", "y", "a/b", "y", true},
		{"/app/p/50%25/y", "50%", "y", "50%", "y", false},
		{"/app/p/50%25/%3B", "50%25", "%3B", "50%", ";", true},
		{"/app/p/%C3%A9/y", "é", "y", "é", "y", false},
	}
	for name, d := range map[string]http.Handler{"StripPrefix": strip, "chi Mount": mount} {
		srv := server(t, d)
		for _, tt := range tests {
			status, body := get(t, noRedirects, srv.URL+tt.path)
			if status != 200 {
				t.Errorf("%s %s: %d", name, tt.path, status)
				continue
			}
			var got map[string]string
			if err := json.Unmarshal([]byte(body), &got); err != nil {
				t.Fatal(err)
			}
			if got["chi.a"] != tt.chiA || got["chi.b"] != tt.chiB {
				t.Errorf("%s %s: chi.URLParam gave %q, %q; want %q, %q", name, tt.path, got["chi.a"], got["chi.b"], tt.chiA, tt.chiB)
			}
			if got["a"] != tt.a || got["b"] != tt.b {
				t.Errorf("%s %s: partychi.URLParam gave %q, %q; want %q, %q", name, tt.path, got["a"], got["b"], tt.a, tt.b)
			}
			if (got["rawpath"] != "") != tt.wantsRawPath {
				t.Errorf("%s %s: RawPath %q", name, tt.path, got["rawpath"])
			}
		}
	}
}
