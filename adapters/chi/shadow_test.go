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
	get("draft", "/items/draft-{n}", "n") // registered first: chi's tree ignores the order
	get("item", "/items/{id}", "id")
	get("year", "/r/{y:[0-9]+}", "y")
	get("any", "/r/{id}", "id")
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
		{"GET", "/posts/new", "post-new"},  // static beats param
		{"GET", "/p/new/edit", "edit"},     // backtracks when the static branch dead-ends
		{"GET", "/q/new", "q"},             // backtracks on another method
		{"GET", "/e/new.json", "ext-new"},  // static beats param inside a segment
		{"GET", "/x/new-a", "x-new"},       // a longer static prefix takes values
		{"GET", "/x/new-", "x"},            // ... only with a non-empty rest
		{"GET", "/f/readme", "readme"},     // static beats the wildcard
		{"GET", "/gp/a", "gp-name"},        // param beats the wildcard
		{"GET", "/gp/a/b", "gp"},           // ... backtracking for more segments
		{"GET", "/api/x", "api-x"},         // a mount takes its prefix
		{"GET", "/c/new", "c"},             // case-sensitive
		{"GET", "/items/draft-1", "draft"}, // a longer static prefix, whatever the order
		{"GET", "/r/2024", "year"},         // a regexp parameter beats a plain one
		{"GET", "/r/20a", "any"},           // ... when its regexp matches
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

	// takenBy is the route that takes the value (ParamError.TakenBy), ""
	// when the value must build and reach its own route.
	for _, tt := range []struct {
		name, key, value, takenBy string
	}{
		{"post", "id", "new", "GET /posts/new"},
		{"post", "id", "newer", ""},
		{"post", "id", "ne", ""},
		{"edit", "id", "new", ""},
		{"q", "id", "new", ""},
		{"ext", "id", "new", "GET /e/new.json"},
		{"ext", "id", "neW", ""},
		{"x", "id", "new-a", "GET /x/new-{y}"},
		{"x", "id", "new-a,b", "GET /x/new-{y}"},
		{"x", "id", "new", ""},
		{"x", "id", "ne-a", ""},
		{"files", "*", "readme", "GET /f/readme"},
		{"files", "*", "readme/x", ""},
		{"files", "*", "read", ""},
		{"g", "*", "n/a", "GET /g/n/{name}"},
		{"g", "*", "n", ""},
		{"g", "*", "m/a", ""},
		{"gp", "*", "a", "GET /gp/{name}"},
		{"gp", "*", "a/b", ""}, // chi backtracks to the wildcard for more segments
		{"gp", "*", "", ""},
		{"page", "id", "api", "the router mounted at /api/*"},
		{"page", "id", "apis", ""},
		{"c", "id", "NEW", "GET /c/NEW"},
		{"c", "id", "new", ""},
		{"item", "id", "draft-1", "GET /items/draft-{n}"},
		{"item", "id", "draft", ""},
		{"draft", "n", "1", ""},
		{"any", "id", "2024", "GET /r/{y:[0-9]+}"},
		{"any", "id", "20a", ""},
		{"year", "y", "2024", ""},
	} {
		u, err := h.URL(nil, tt.name, tt.key, tt.value)
		if tt.takenBy != "" {
			var pe *urlfor.ParamError
			if !errors.As(err, &pe) || pe.TakenBy != tt.takenBy || !strings.Contains(err.Error(), `reaches "`+tt.takenBy+`" instead`) {
				t.Errorf("URL(%s, %s=%q) = %q, %v; want a ParamError taken by %q", tt.name, tt.key, tt.value, u, err, tt.takenBy)
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
