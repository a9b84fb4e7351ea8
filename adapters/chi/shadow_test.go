package partychi_test

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"
	partychi "github.com/partyline-go/partyline/adapters/chi"
	"github.com/partyline-go/partyline/urlfor"
)

// shadowApp registers the rows of the precedence table in shadow.go.
func shadowApp() *chi.Mux {
	r := chi.NewRouter()
	get := func(name, pattern string, keys ...string) {
		r.With(partychi.Name(name)).Get(pattern, echo(name, keys...))
	}
	get("post", "/posts/{id}", "id")
	get("post-new", "/posts/new")
	get("edit", "/p/{id}/edit", "id")
	get("p-new", "/p/new")
	get("q", "/q/{id}", "id")
	r.With(partychi.Name("q-new")).Post("/q/new", echo("q-new"))
	get("ext", "/e/{id}.json", "id")
	get("ext-new", "/e/new.json")
	get("x", "/x/{id}", "id")
	get("x-new", "/x/new-{y}", "y")
	get("files", "/f/*", "*")
	get("readme", "/f/readme")
	get("g", "/g/*", "*")
	get("g-name", "/g/n/{name}", "name")
	get("gp", "/gp/*", "*")
	get("gp-name", "/gp/{name}", "name")
	get("page", "/{id}/x", "id")
	get("c", "/c/{id}", "id")
	get("c-new", "/c/NEW")
	sub := chi.NewRouter()
	sub.With(partychi.Name("api-x")).Get("/x", echo("api-x"))
	r.Mount("/api", sub)
	return r
}

// TestShadowPrecedence checks each row of the precedence table over real
// HTTP (what chi does), then that the adapter refuses exactly the values
// another route takes and builds the others so that they reach their
// route.
func TestShadowPrecedence(t *testing.T) {
	app := shadowApp()
	h := mustJoin(t, app)
	srv := server(t, mustParty(t, stripMux(map[string]http.Handler{"/blog": app}), "/blog/__invite__/"))

	for _, tt := range []struct {
		method, path, reaches string
	}{
		{"GET", "/posts/new", "post-new"}, // static beats param
		{"GET", "/p/new/edit", "edit"},    // backtracks when the static branch dead-ends
		{"GET", "/q/new", "q"},            // backtracks on another method
		{"GET", "/e/new.json", "ext-new"}, // static beats param inside a segment
		{"GET", "/x/new-a", "x-new"},      // a longer static prefix takes values
		{"GET", "/x/new-", "x"},           // ... only with a non-empty rest
		{"GET", "/f/readme", "readme"},    // static beats the wildcard
		{"GET", "/gp/a", "gp-name"},       // param beats the wildcard
		{"GET", "/gp/a/b", "gp"},          // ... backtracking for more segments
		{"GET", "/api/x", "api-x"},        // a mount takes its prefix
		{"GET", "/c/new", "c"},            // case-sensitive
	} {
		req, _ := http.NewRequest(tt.method, srv.URL+"/blog"+tt.path, nil)
		resp, err := noRedirects.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || decodeHit(t, string(b)).Endpoint != tt.reaches {
			t.Errorf("%s %s: %d %q, want endpoint %q", tt.method, tt.path, resp.StatusCode, b, tt.reaches)
		}
	}
	// a mount answers 404 for its own misses: no fallback to "/{id}/x".
	if status, _ := get(t, noRedirects, srv.URL+"/blog/api/y"); status != http.StatusNotFound {
		t.Errorf("GET /api/y: status %d, want 404 from the mount", status)
	}

	for _, tt := range []struct {
		name, key, value string
		refused          bool
		why              string
	}{
		{"post", "id", "new", true, `reaches "GET /posts/new" instead`},
		{"post", "id", "newer", false, ""},
		{"post", "id", "ne", false, ""},
		{"edit", "id", "new", false, ""},
		{"q", "id", "new", false, ""},
		{"ext", "id", "new", true, `reaches "GET /e/new.json" instead`},
		{"ext", "id", "neW", false, ""},
		{"x", "id", "new-a", true, ""},
		{"x", "id", "new-a,b", true, ""},
		{"x", "id", "new", false, ""},
		{"x", "id", "ne-a", false, ""},
		{"files", "*", "readme", true, ""},
		{"files", "*", "readme/x", false, ""},
		{"files", "*", "read", false, ""},
		{"g", "*", "n/a", true, ""},
		{"g", "*", "n", false, ""},
		{"g", "*", "m/a", false, ""},
		{"gp", "*", "a/b", true, ""}, // over-approximation: a parameter sibling takes every non-empty value
		{"gp", "*", "", false, ""},
		{"page", "id", "api", true, `"api" by "the router mounted at /api/*"`},
		{"page", "id", "apis", false, ""},
		{"c", "id", "NEW", true, ""},
		{"c", "id", "new", false, ""},
	} {
		u, err := h.URL(nil, tt.name, tt.key, tt.value)
		if tt.refused {
			if !errors.Is(err, urlfor.ErrInvalidParam) || !strings.Contains(err.Error(), tt.why) {
				t.Errorf("URL(%s, %s=%q) = %q, %v; want an invalid-parameter error with %q", tt.name, tt.key, tt.value, u, err, tt.why)
			}
			continue
		}
		if err != nil {
			t.Errorf("URL(%s, %s=%q): %v", tt.name, tt.key, tt.value, err)
			continue
		}
		got := getHit(t, srv.URL+u)
		if got.Endpoint != tt.name || got.Params[tt.key] != tt.value {
			t.Errorf("URL(%s, %s=%q) = %q reached %v", tt.name, tt.key, tt.value, u, got)
		}
	}
}
