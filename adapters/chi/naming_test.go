package partychi_test

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"
	partychi "github.com/partyline-go/partyline/adapters/chi"
	"github.com/partyline-go/partyline/urlfor"
)

// routesOf lists "name method pattern" of an invited handle's routes.
func routesOf(t *testing.T, h *partychi.Handle) []string {
	t.Helper()
	p, err := h.Participant()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range p.Routes() {
		s := fmt.Sprintf("%s %s %s", r.Name, r.Method, r.Pattern)
		if r.Err != nil {
			s += " ERR"
		}
		out = append(out, s)
	}
	return out
}

// Names survive With, Route, Group, Mount and their nesting; the patterns
// are the full ones; methods of one endpoint are merged; unnamed routes and
// the invite route are left out.
func TestNamingSurvivesComposition(t *testing.T) {
	r := chi.NewRouter()
	r.Use(func(next http.Handler) http.Handler { return next })
	h := mustJoin(t, r)
	r.Get("/unnamed", echo("unnamed"))
	r.With(partychi.Name("home")).Get("/", echo("home"))
	r.With(partychi.Name("any")).HandleFunc("/any", echo("any"))
	r.With(partychi.Name("posts")).Get("/posts", echo("posts"))
	r.With(partychi.Name("posts")).Post("/posts", echo("posts"))
	r.Route("/posts/{id}", func(r chi.Router) {
		r.With(partychi.Name("post")).Get("/", echo("post", "id"))
		r.Route("/comments", func(r chi.Router) {
			r.Group(func(r chi.Router) {
				r.Use(func(next http.Handler) http.Handler { return next })
				r.With(partychi.Name("comment")).Get("/{cid:[0-9]+}", echo("comment", "id", "cid"))
			})
		})
	})
	r.Group(func(r chi.Router) {
		r.With(partychi.Name("grouped")).With(func(next http.Handler) http.Handler { return next }).Get("/g/{x}", echo("grouped", "x"))
	})
	api := chi.NewRouter()
	api.With(partychi.Name("api-user")).Get("/users/{u}", echo("api-user", "u"))
	v2 := chi.NewRouter()
	v2.With(partychi.Name("api-v2")).Get("/{thing}", echo("api-v2", "thing"))
	api.Mount("/v2", v2)
	r.Mount("/api", api)
	r.With(partychi.Name("static")).Mount("/static", http.StripPrefix("/static", http.FileServer(http.Dir("."))))

	p := mustParty(t, stripMux(map[string]http.Handler{"/app": r}), "/app/__invite__/")
	srv := server(t, p)

	want := []string{
		"any  /any",
		"api-user GET /api/users/{u}",
		"api-v2 GET /api/v2/{thing}",
		"comment GET /posts/{id}/comments/{cid:[0-9]+}",
		"grouped GET /g/{x}",
		"home GET /",
		"post GET /posts/{id}/",
		"posts GET,POST /posts",
		"static  /static/*",
	}
	if got := routesOf(t, h); !equalStrings(got, want) {
		t.Errorf("routes:\n%q\nwant\n%q", got, want)
	}
	for _, c := range []struct {
		name  string
		pairs []string
		url   string
		hit   string
	}{
		{"comment", []string{"id", "7", "cid", "3"}, "/app/posts/7/comments/3", "comment"},
		{"post", []string{"id", "7"}, "/app/posts/7/", "post"},
		{"api-v2", []string{"thing", "x y"}, "/app/api/v2/x%20y", "api-v2"},
		{"grouped", []string{"x", "1"}, "/app/g/1", "grouped"},
		{"posts", []string{"page", "2"}, "/app/posts?page=2", "posts"},
	} {
		u := mustURL(t, h, c.name, c.pairs...)
		if u != c.url {
			t.Errorf("URL(%q) = %q, want %q", c.name, u, c.url)
			continue
		}
		if got := getHit(t, srv.URL+u); got.Endpoint != c.hit {
			t.Errorf("GET %s reached %q", u, got.Endpoint)
		}
	}
	if u := mustURL(t, h, "static", "*", "go.mod"); u != "/app/static/go.mod" {
		t.Errorf("static = %q", u)
	} else if status, body := get(t, noRedirects, srv.URL+u); status != 200 || !strings.Contains(body, "module ") {
		t.Errorf("GET %s: %d %.40q", u, status, body)
	}
}

// Misuse is reported, not silently resolved: a route with two names is
// listed with an error; one name on two patterns is ambiguous.
func TestNamingMisuse(t *testing.T) {
	r := chi.NewRouter()
	h := mustJoin(t, r)
	r.With(partychi.Name("a"), partychi.Name("b")).Get("/twice", echo("twice"))
	r.With(partychi.Name("dup")).Get("/one", echo("one"))
	r.With(partychi.Name("dup")).Get("/two", echo("two"))
	r.Group(func(r chi.Router) {
		r.Use(partychi.Name("all"))
		r.Get("/x", echo("x"))
		r.Get("/y", echo("y"))
	})
	mustParty(t, stripMux(map[string]http.Handler{"/app": r}), "/app/__invite__/")

	for _, n := range []string{"a", "b"} {
		_, err := h.URL(nil, n)
		if !errors.Is(err, partychi.ErrNamedTwice) || !strings.Contains(err.Error(), `"a", "b"`) {
			t.Errorf("URL(%q): %v, want ErrNamedTwice naming both", n, err)
		}
	}
	for _, n := range []string{"dup", "all"} {
		_, err := h.URL(nil, n)
		var amb *urlfor.AmbiguousError
		if !errors.As(err, &amb) || len(amb.Candidates) != 2 {
			t.Errorf("URL(%q): %v, want an ambiguity with 2 candidates", n, err)
		}
	}
}

// A pattern the adapter cannot translate is listed with its error, and
// building it returns the error.
func TestUntranslatablePatternIsListed(t *testing.T) {
	r := chi.NewRouter()
	h := mustJoin(t, r)
	r.With(partychi.Name("adjacent")).Get("/x/{a}{b}", echo("adjacent"))
	mustParty(t, stripMux(map[string]http.Handler{"/app": r}), "/app/__invite__/")
	if got := routesOf(t, h); len(got) != 1 || !strings.HasSuffix(got[0], "ERR") {
		t.Fatalf("routes %q, want the route listed with an error", got)
	}
	_, err := h.URL(nil, "adjacent", "a", "1", "b", "2")
	wantErrIs(t, err, urlfor.ErrInvalidTemplate)
}
