package partymux

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gorilla/mux"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// TestPrecedence pins, over real HTTP, each row of the precedence table in
// shadow.go: which route mux gives a request when an earlier route's
// literal competes with a later route's variable, and what partymux does
// with that value: refuse it when the earlier route takes it, build it
// when the later route gets it.
func TestPrecedence(t *testing.T) {
	type add func(r *mux.Router)
	h := reportHandler
	cases := []struct {
		row    string
		setup  add
		req    string // method and path requested through the party
		reach  string // route name that must answer; "" for a non-200 answer
		name   string // the later route
		pairs  []string
		refuse bool
		by     string // the route a refusal names (ParamError.TakenBy), when set
	}{
		{"static first", func(r *mux.Router) {
			r.HandleFunc("/posts/new", h).Name("new")
			r.HandleFunc("/posts/{id}", h).Name("post")
		}, "GET /posts/new", "new", "post", []string{"id", "new"}, true, ""},
		{"param first", func(r *mux.Router) {
			r.HandleFunc("/posts/{id}", h).Name("post")
			r.HandleFunc("/posts/new", h).Name("new")
		}, "GET /posts/new", "post", "post", []string{"id", "new"}, false, ""},
		{"no backtracking needed", func(r *mux.Router) {
			r.HandleFunc("/posts/new", h).Name("new")
			r.HandleFunc("/posts/{id}/edit", h).Name("edit")
		}, "GET /posts/new/edit", "edit", "edit", []string{"id", "new"}, false, ""},
		{"other method falls through", func(r *mux.Router) {
			r.HandleFunc("/posts/new", h).Methods(http.MethodPost).Name("new")
			r.HandleFunc("/posts/{id}", h).Methods(http.MethodGet).Name("post")
		}, "GET /posts/new", "post", "post", []string{"id", "new"}, false, ""},
		{"case-sensitive", func(r *mux.Router) {
			r.HandleFunc("/posts/new", h).Name("new")
			r.HandleFunc("/posts/{id}", h).Name("post")
		}, "GET /posts/NEW", "post", "post", []string{"id", "NEW"}, false, ""},
		{"wildcard", func(r *mux.Router) {
			r.HandleFunc("/files/docs/readme", h).Name("readme")
			r.HandleFunc("/files/{p:.*}", h).Name("file")
		}, "GET /files/docs/readme", "readme", "file", []string{"p", "docs/readme"}, true, ""},
		{"strict slash", func(r *mux.Router) {
			r.StrictSlash(true)
			r.HandleFunc("/posts/new/", h).Name("new")
			r.HandleFunc("/posts/{id}", h).Name("post")
		}, "GET /posts/new", "", "post", []string{"id", "new"}, true, ""},
		{"path prefix", func(r *mux.Router) {
			r.PathPrefix("/posts/new/").HandlerFunc(h).Name("new")
			r.HandleFunc("/posts/{id}/edit", h).Name("edit")
		}, "GET /posts/new/edit", "new", "edit", []string{"id", "new"}, true, ""},
		{"variable before the literal", func(r *mux.Router) {
			r.HandleFunc("/{lang}/about", h).Name("about")
			r.HandleFunc("/posts/{id}", h).Name("post")
		}, "GET /posts/about", "about", "post", []string{"id", "about"}, true, ""},
		{"literal around the variable", func(r *mux.Router) {
			r.HandleFunc("/f/index.json", h).Name("index")
			r.HandleFunc("/f/{name}.json", h).Name("file")
		}, "GET /f/index.json", "index", "file", []string{"name", "index"}, true, ""},
		{"subrouter's own route", func(r *mux.Router) {
			r.PathPrefix("/p").Subrouter().HandleFunc("/x", h).Name("x")
			r.HandleFunc("/p/{id}", h).Name("p")
		}, "GET /p/y", "p", "p", []string{"id", "y"}, false, ""},
		{"route without handler", func(r *mux.Router) {
			r.Path("/posts/new").Name("new")
			r.HandleFunc("/posts/{id}", h).Name("post")
		}, "GET /posts/new", "", "post", []string{"id", "new"}, true, ""},
		{"prefix rest", func(r *mux.Router) {
			r.HandleFunc("/static/logo.png", h).Name("logo")
			r.PathPrefix("/static/").HandlerFunc(h).Name("static")
		}, "GET /static/logo.png", "logo", "static", []string{RestParam, "logo.png"}, true, ""},
		{"other host", func(r *mux.Router) {
			r.Host("a.example.com").Path("/posts/new").HandlerFunc(h).Name("new")
			r.Host("b.example.com").Path("/posts/{id}").HandlerFunc(h).Name("post")
		}, "GET /posts/new", "", "post", []string{"id", "new"}, false, ""},
		// Issue 11, "Wrong": a prefix family registered first takes every
		// value with its prefix; a constrained variable registered first
		// takes every value its regexp matches.
		{"prefix family first", func(r *mux.Router) {
			r.HandleFunc("/items/draft-{n}", h).Name("draft")
			r.HandleFunc("/items/{id}", h).Name("item")
		}, "GET /items/draft-1", "draft", "item", []string{"id", "draft-1"}, true, "/items/draft-{n}"},
		{"prefix family last", func(r *mux.Router) {
			r.HandleFunc("/items/{id}", h).Name("item")
			r.HandleFunc("/items/draft-{n}", h).Name("draft")
		}, "GET /items/draft-1", "item", "item", []string{"id", "draft-1"}, false, ""},
		{"constrained first", func(r *mux.Router) {
			r.HandleFunc("/r/{y:[0-9]+}", h).Name("year")
			r.HandleFunc("/r/{id}", h).Name("any")
		}, "GET /r/2024", "year", "any", []string{"id", "2024"}, true, "/r/{y:[0-9]+}"},
		{"constrained first, other value", func(r *mux.Router) {
			r.HandleFunc("/r/{y:[0-9]+}", h).Name("year")
			r.HandleFunc("/r/{id}", h).Name("any")
		}, "GET /r/x2024", "any", "any", []string{"id", "x2024"}, false, ""},
		{"constrained last", func(r *mux.Router) {
			r.HandleFunc("/r/{id}", h).Name("any")
			r.HandleFunc("/r/{y:[0-9]+}", h).Name("year")
		}, "GET /r/2024", "any", "any", []string{"id", "2024"}, false, ""},
		{"queries of the earlier route", func(r *mux.Router) {
			r.HandleFunc("/s/new", h).Queries("x", "1").Name("new")
			r.HandleFunc("/s/{id}", h).Name("s")
		}, "GET /s/new?x=1", "new", "s", []string{"id", "new"}, true, "/s/new?x=1"},
		{"a constrained wildcard first", func(r *mux.Router) {
			r.HandleFunc("/f/{name}", h).Name("one")
			r.HandleFunc("/f/{p:.*}", h).Name("file")
		}, "GET /f/readme", "one", "file", []string{"p", "readme"}, true, "/f/{name}"},
		{"a sibling spelled by an earlier variable", func(r *mux.Router) {
			r.HandleFunc("/posts/new/{slug}", h).Name("new")
			r.HandleFunc("/posts/{year}/{slug}", h).Name("post")
		}, "GET /posts/new/x", "new", "post", []string{"year", "new", "slug", "x"}, true, "/posts/new/{slug}"},
		{"a sibling spelled by an earlier variable, the later one free", func(r *mux.Router) {
			r.HandleFunc("/posts/new/{slug}", h).Name("new")
			r.HandleFunc("/posts/{year}/{slug}", h).Name("post")
		}, "GET /posts/2024/x", "post", "post", []string{"year", "2024", "slug", "x"}, false, ""},
		{"a sibling spelling a segment of two variables", func(r *mux.Router) {
			r.HandleFunc("/p-q/x/new", h).Name("new")
			r.HandleFunc("/{a}-{b}/x/{id}", h).Name("ab")
		}, "GET /p-q/x/new", "new", "ab", []string{"a", "p", "b", "q", "id", "new"}, true, "/p-q/x/new"},
		{"headers of the earlier route: cannot be asked, refused", func(r *mux.Router) {
			r.HandleFunc("/h/new", h).Headers("X-Key", "k").Name("new")
			r.HandleFunc("/h/{id}", h).Name("hid")
		}, "GET /h/new", "hid", "hid", []string{"id", "new"}, true, "/h/new"},
	}
	for _, c := range cases {
		t.Run(c.row, func(t *testing.T) {
			r := mux.NewRouter()
			if _, err := Join(r); err != nil {
				t.Fatal(err)
			}
			c.setup(r)
			d := http.NewServeMux()
			d.Handle("/app/", http.StripPrefix("/app", r))
			party, err := core.New(d, []string{"/app/__invite__/"})
			if err != nil {
				t.Fatal(err)
			}
			srv := httptest.NewServer(party)
			defer srv.Close()
			client := noRedirects(srv)
			method, path, _ := strings.Cut(c.req, " ")
			req, _ := http.NewRequest(method, srv.URL+"/app"+path, nil)
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if c.reach != "" {
				if status, rep := fetch(t, client, srv, "/app"+path); status != http.StatusOK || rep.Route != c.reach {
					t.Fatalf("%s reached %q (%d), want %q", c.req, rep.Route, status, c.reach)
				}
			} else if resp.StatusCode == http.StatusOK {
				t.Fatalf("%s answered 200, want a redirect or 404", c.req)
			}
			u, err := urlfor.New(party).URL("app:"+c.name, c.pairs...)
			if c.refuse {
				var pe *urlfor.ParamError
				if !errors.As(err, &pe) || !strings.Contains(err.Error(), "instead") && !strings.Contains(err.Error(), "constraint") {
					t.Fatalf("URL(%s, %q) = %q, %v; want a refusal", c.name, c.pairs, u, err)
				}
				if c.by != "" && pe.TakenBy != c.by {
					t.Fatalf("URL(%s, %q): TakenBy %q, want %q (%v)", c.name, c.pairs, pe.TakenBy, c.by, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("URL(%s, %q): %v", c.name, c.pairs, err)
			}
			if strings.HasPrefix(u, "/") {
				if status, rep := fetch(t, client, srv, u); status != http.StatusOK || rep.Route != c.name {
					t.Fatalf("%q reached %q (%d), want %q", u, rep.Route, status, c.name)
				}
			}
		})
	}
}
