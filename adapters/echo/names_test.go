package partyecho

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/partyline-go/partyline/urlfor"
)

// showPost is a named handler: its echo default name is its full function
// name.
func showPost(c echo.Context) error { return record(c) }

type posts struct{}

func (*posts) edit(c echo.Context) error { return record(c) }

// TestNames: explicit names, echo's default names (functions, method
// values, closures), groups with prefixes and e.Any merged into one
// endpoint.
func TestNames(t *testing.T) {
	e := echo.New()
	e.GET("/posts/:id", record).Name = "post"
	e.GET("/shown/:id", showPost)
	p := &posts{}
	e.GET("/posts/:id/edit", p.edit)
	closure := func(c echo.Context) error { return record(c) }
	e.GET("/closure", closure)
	admin := e.Group("/admin", func(next echo.HandlerFunc) echo.HandlerFunc { return next })
	admin.GET("/users/:id", record).Name = "admin.user"
	api := admin.Group("/api")
	api.GET("/v:version/items/*", record).Name = "admin.items"
	for _, r := range e.Any("/everything", record) {
		r.Name = "everything"
	}
	for _, r := range e.Match([]string{http.MethodGet, http.MethodPost}, "/form", record) {
		r.Name = "form"
	}

	h := mustJoin(t, e)
	_, srv := party(t, app{"/blog", e})
	c := ctx(e, "/")

	tests := []struct {
		name  string
		pairs []string
		want  string
		route string
	}{
		{"post", []string{"id", "7"}, "/blog/posts/7", "/posts/:id"},
		{"blog:post", []string{"id", "7"}, "/blog/posts/7", "/posts/:id"},
		{"github.com/partyline-go/partyline/adapters/echo.showPost", []string{"id", "1"}, "/blog/shown/1", "/shown/:id"},
		{HandlerName(showPost), []string{"id", "2"}, "/blog/shown/2", "/shown/:id"},
		{HandlerName(p.edit), []string{"id", "3"}, "/blog/posts/3/edit", "/posts/:id/edit"},
		{HandlerName(closure), nil, "/blog/closure", "/closure"},
		{"admin.user", []string{"id", "4"}, "/blog/admin/users/4", "/admin/users/:id"},
		{"admin.items", []string{"version", "2", "*", "a/b"}, "/blog/admin/api/v2/items/a/b", "/admin/api/v:version/items/*"},
		{"everything", nil, "/blog/everything", "/everything"},
		{"form", []string{"q", "x y"}, "/blog/form?q=x+y", "/form"},
	}
	for _, tt := range tests {
		u, err := h.URL(c, tt.name, tt.pairs...)
		if err != nil || u != tt.want {
			t.Errorf("URL(%q, %q) = %q, %v; want %q", tt.name, tt.pairs, u, err, tt.want)
			continue
		}
		if s := getSeen(t, srv, u); s.Route != tt.route {
			t.Errorf("GET %s reached %q, want %q", u, s.Route, tt.route)
		}
	}
	if n := HandlerName(p.edit); !strings.HasSuffix(n, ".(*posts).edit-fm") {
		t.Errorf("HandlerName(method value) = %q", n)
	}
	if n := HandlerName(nil); n != "" {
		t.Errorf("HandlerName(nil) = %q", n)
	}

	pt, _ := h.Participant()
	var methods string
	for _, r := range pt.Routes() {
		if r.Method == echo.RouteNotFound {
			t.Errorf("a RouteNotFound route is listed: %+v", r)
		}
		if r.Name == "everything" {
			if methods != "" {
				t.Errorf("e.Any gave two endpoints")
			}
			methods = r.Method
		}
	}
	if methods != "" {
		t.Errorf("the e.Any endpoint lists methods %q, want \"\" (any method)", methods)
	}
}

// TestSameNameTwice: echo's Reverse picks one of two routes with one name
// at random (echo #1237); we refuse, naming both patterns, from inside the
// app and from outside.
func TestSameNameTwice(t *testing.T) {
	e := echo.New()
	e.GET("/posts/:id", record).Name = "post"
	e.GET("/articles/:id", record).Name = "post"
	e.POST("/posts/:id", record).Name = "post" // same path: the same endpoint, not a third candidate
	h := mustJoin(t, e)
	p, _ := party(t, app{"/blog", e})

	_, local := h.URL(ctx(e, "/"), "post", "id", "1")
	_, qualified := urlfor.New(p).URL("blog:post", "id", "1")
	_, bare := urlfor.New(p).URL("post", "id", "1")
	for _, err := range []error{local, qualified, bare} {
		var ae *urlfor.AmbiguousError
		if !errors.As(err, &ae) {
			t.Fatalf("err = %v, want an *urlfor.AmbiguousError", err)
		}
		want := []string{"blog:post (GET /articles/:id)", "blog:post (GET,POST /posts/:id)"}
		if !slices.Equal(ae.Candidates, want) {
			t.Errorf("candidates = %q, want %q", ae.Candidates, want)
		}
	}
}

// TestPatternErrorListed: a route whose path cannot be built is listed
// and building it says why.
func TestPatternErrorListed(t *testing.T) {
	e := echo.New()
	e.GET("/files/*/meta", record).Name = "meta"
	h := mustJoin(t, e)
	party(t, app{"/blog", e})
	_, err := h.URL(ctx(e, "/"), "meta", "*", "a")
	var pe *PatternError
	if !errors.As(err, &pe) || pe.Pattern != "/files/*/meta" {
		t.Fatalf("err = %v, want a *PatternError", err)
	}
	errorIs(t, err, urlfor.ErrInvalidTemplate)
	pt, _ := h.Participant()
	found := false
	for _, r := range pt.Routes() {
		found = found || r.Name == "meta" && r.Err != nil
	}
	if !found {
		t.Error("the route is not listed with its error")
	}
}

// TestHostRouters: routes of echo's host routers (e.Host) build absolute
// URLs on their host, which echo routes to them.
func TestHostRouters(t *testing.T) {
	e := echo.New()
	e.GET("/status/:id", record).Name = "status"
	api := e.Host("api.example.test")
	api.GET("/status/:id", record).Name = "api.status"
	e.Host("bad host").GET("/x", record).Name = "bad"
	h := mustJoin(t, e, TrustProxy())
	_, srv := party(t, app{"/blog", e})
	c := ctx(e, "/")

	u, err := h.URL(c, "api.status", "id", "1")
	if err != nil || u != "http://api.example.test/blog/status/1" {
		t.Fatalf("URL = %q, %v", u, err)
	}
	// Follow it: the test server stands in for api.example.test.
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/blog/status/1", nil)
	req.Host = "api.example.test"
	res, err := noRedirects.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("GET with Host api.example.test: %d", res.StatusCode)
	}

	hc := ctx(e, "/")
	hc.Request().Header.Set("X-Forwarded-Proto", "https")
	if u, err := h.AbsoluteURL(hc, "api.status", "id", "1"); err != nil || u != "https://api.example.test/blog/status/1" {
		t.Errorf("AbsoluteURL = %q, %v", u, err)
	}
	if u, err := h.URL(c, "status", "id", "1"); err != nil || u != "/blog/status/1" {
		t.Errorf("URL(default router) = %q, %v", u, err)
	}
	_, err = h.URL(c, "bad")
	var he *HostError
	if !errors.As(err, &he) || he.Host != "bad host" {
		t.Errorf("err = %v, want a *HostError", err)
	}
}
