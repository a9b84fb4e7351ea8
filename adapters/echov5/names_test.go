package partyechov5

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/labstack/echo/v5"
	"github.com/partyline-go/partyline/urlfor"
)

// TestNames: endpoints are named as echo v5 names routes: AddRoute's
// Route.Name, on the app and on groups, Named's, and echo's default
// "METHOD:/path", asked for qualified.
func TestNames(t *testing.T) {
	e := echo.New()
	if _, err := e.AddRoute(echo.Route{Method: http.MethodGet, Path: "/posts/:id", Name: "post", Handler: record}); err != nil {
		t.Fatal(err)
	}
	g := e.Group("/admin", func(next echo.HandlerFunc) echo.HandlerFunc { return next })
	if _, err := g.AddRoute(echo.Route{Method: http.MethodGet, Path: "/users/:uid", Name: "user", Handler: record}); err != nil {
		t.Fatal(err)
	}
	Named(g, "edit").POST("/users/:uid/edit", record)
	Named(e, "feed").GET("/feed", record)
	Named(e, "feed").Add(http.MethodHead, "/feed", record) // one endpoint, two methods
	Named(e, "any").Any("/any", record)
	Named(e, "del").DELETE("/del/:id", record)
	Named(e, "put").PUT("/put/:id", record)
	Named(e, "patch").PATCH("/patch/:id", record)
	e.GET("/about", record) // echo's default name, "GET:/about"
	ri := e.GET("/files/*", record)
	ri.Name = "files" // echo #3089: a copy, no effect
	h := mustJoin(t, e)
	party(t, app{"/blog", e})

	for _, tt := range []struct {
		name  string
		pairs []string
		want  string
	}{
		{"post", []string{"id", "7"}, "/blog/posts/7"},
		{"blog:post", []string{"id", "7"}, "/blog/posts/7"},
		{"user", []string{"uid", "a b"}, "/blog/admin/users/a%20b"},
		{"edit", []string{"uid", "1"}, "/blog/admin/users/1/edit"},
		{"feed", nil, "/blog/feed"},
		{"any", nil, "/blog/any"},
		{"del", []string{"id", "1"}, "/blog/del/1"},
		{"put", []string{"id", "1"}, "/blog/put/1"},
		{"patch", []string{"id", "1"}, "/blog/patch/1"},
		{"blog:GET:/about", nil, "/blog/about"},
		{"blog:GET:/files/*", []string{"*", "a/b"}, "/blog/files/a/b"},
	} {
		if u, err := h.URL(nil, tt.name, tt.pairs...); err != nil || u != tt.want {
			t.Errorf("URL(%q, %q) = %q, %v; want %q", tt.name, tt.pairs, u, err, tt.want)
		}
	}
	var unknown *urlfor.UnknownEndpointError
	if _, err := h.URL(nil, "files", "*", "x"); !errors.As(err, &unknown) {
		t.Errorf("URL(files) = %v: a name set on the RouteInfo copy is no name (echo #3089)", err)
	}
	p, _ := h.Participant()
	methods := map[string]string{}
	for _, r := range p.Routes() {
		methods[r.Name] = r.Method
	}
	for name, want := range map[string]string{"feed": "GET,HEAD", "any": "", "edit": "POST"} {
		if methods[name] != want {
			t.Errorf("endpoint %q has methods %q, want %q", name, methods[name], want)
		}
	}
	for name := range methods {
		if name == "GET:"+"/__invite__/" || name == "GET:/__invite__" || slices.Contains([]string{"echo_route_not_found:/admin", "echo_route_not_found:/admin/*"}, name) {
			t.Errorf("%q is listed as an endpoint", name)
		}
	}
}

// TestAmbiguousName: one name on two paths is an ambiguity, where echo's
// Reverse silently takes the first.
func TestAmbiguousName(t *testing.T) {
	e := echo.New()
	Named(e, "post").GET("/posts/:id", record)
	Named(e, "post").GET("/p/:id", record)
	h := mustJoin(t, e)
	party(t, app{"/blog", e})
	_, err := h.URL(nil, "post", "id", "1")
	errorIs(t, err, urlfor.ErrAmbiguous)
	if got, _ := e.Router().Routes().Reverse("post", "1"); got != "/posts/1" {
		t.Errorf("Reverse = %q", got)
	}
}

// TestNamedPanicsLikeEcho: a route echo refuses panics at set-up time, as
// e.GET does.
func TestNamedPanicsLikeEcho(t *testing.T) {
	e := echo.NewWithConfig(echo.Config{Router: echo.NewRouter(echo.RouterConfig{})}) // no overwriting
	Named(e, "a").GET("/a", record)
	defer func() {
		if recover() == nil {
			t.Error("a duplicate route did not panic")
		}
	}()
	Named(e, "b").GET("/a", record)
}

// TestPatternErrors: a path echo's router cannot match as written is
// listed, and building it is an error matching urlfor.ErrInvalidTemplate.
func TestPatternErrors(t *testing.T) {
	e := echo.New()
	Named(e, "after").GET("/a/*/b", record)
	Named(e, "twice").GET("/t/:id/:id", record)
	Named(e, "verb").GET(`/v/:id\:cancel`, record)
	h := mustJoin(t, e)
	party(t, app{"", e})
	for _, name := range []string{"after", "twice"} {
		_, err := h.URL(nil, name, "*", "x", "id", "1")
		if !errors.Is(err, urlfor.ErrInvalidTemplate) || !strings.HasPrefix(err.Error(), "partyechov5: echo pattern ") {
			t.Errorf("URL(%s) = %v (%T), want urlfor.ErrInvalidTemplate", name, err, err)
		}
	}
	if u, err := h.URL(nil, "verb", "id", "7"); u != "/v/7:cancel" {
		t.Errorf("URL(verb) = %q, %v", u, err)
	}
	_, err := h.URL(nil, "verb", "id", "a:b") // echo's inline verb split is not modelled: refused
	errorIs(t, err, urlfor.ErrInvalidParam)
}

// TestDefaultNames: echo's default names are asked for qualified; bare,
// ":" makes urlfor skip the app's own names, so one reaches the one app of
// the party that has it, and two apps with the route make it ambiguous.
func TestDefaultNames(t *testing.T) {
	blog, root := echo.New(), echo.New()
	blog.GET("/about", record)
	blog.POST("/about", record)
	root.GET("/about", record)
	h, hr := mustJoin(t, blog), mustJoin(t, root)
	party(t, app{"/blog", blog}, app{"", root})
	for name, want := range map[string]string{"blog:GET:/about": "/blog/about", "blog:POST:/about": "/blog/about", "POST:/about": "/blog/about"} {
		if u, err := hr.URL(nil, name); u != want {
			t.Errorf("URL(%q) = %q, %v; want %q", name, u, err, want)
		}
	}
	_, err := h.URL(nil, "GET:/about")
	errorIs(t, err, urlfor.ErrAmbiguous)
	if _, err := h.URL(nil, "blog:GET:/abot"); err == nil || !strings.Contains(err.Error(), `did you mean "blog:GET:/about"`) {
		t.Errorf("URL(blog:GET:/abot) = %v", err)
	}
}
