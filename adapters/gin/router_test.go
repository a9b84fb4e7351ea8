package partygin_test

import (
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
	partygin "github.com/partyline-go/partyline/adapters/gin"
	"github.com/partyline-go/partyline/urlfor"
)

// trail is middleware that records that it ran, in a response header.
func trail(tag string) gin.HandlerFunc {
	return func(c *gin.Context) { c.Writer.Header().Add("X-Trail", tag) }
}

func legacy(c *gin.Context) { report(c) }

func TestRouterNames(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "css"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "css", "site.css"), []byte("body{}"), 0o644); err != nil {
		t.Fatal(err)
	}

	e := gin.New()
	e.GET(`/legacy\:x/:id`, legacy) // before Join, on the engine: a default name
	h, err := partygin.Join(e)
	if err != nil {
		t.Fatal(err)
	}
	r := h.Router(e)
	r.Use(trail("root"))
	r.Named("home").GET("/", report)
	admin := r.Group("/admin", trail("admin"))
	admin.Use(trail("audit"))
	admin.Named("user").GET("/users/:id", trail("route"), report)
	v1 := admin.Group("v1/")
	v1.Named("item").GET("items/:item/", report)
	r.Named("page").GET("/pages/:slug", report).HEAD("/pages/:slug", report)
	r.Named("assets").Static("/assets", dir)
	r.Named("any").Any("/any/:x", report)
	r.Named("some").Match([]string{http.MethodGet, http.MethodPost}, "/some", report)
	r.Named("colon").GET(`/rpc/v1\:call/:id`, report)
	e.Group("/plain").GET("/posts/:id", showPost) // plain gin: default name
	_, srv := party(t, mount{"/shop", e})

	tests := []struct {
		name   string
		pairs  []string
		url    string
		route  string // gin's FullPath, "" for the static file
		trail  []string
		params map[string]string
	}{
		{"home", nil, "/shop/", "/", []string{"root"}, map[string]string{}},
		{"user", []string{"id", "7"}, "/shop/admin/users/7", "/admin/users/:id", []string{"root", "admin", "audit", "route"}, map[string]string{"id": "7"}},
		{"shop:user", []string{"id", "7", "tab", "a b"}, "/shop/admin/users/7?tab=a+b", "/admin/users/:id", []string{"root", "admin", "audit", "route"}, map[string]string{"id": "7"}},
		{"item", []string{"item", "x"}, "/shop/admin/v1/items/x/", "/admin/v1/items/:item/", []string{"root", "admin", "audit"}, map[string]string{"item": "x"}},
		{"page", []string{"slug", "hello"}, "/shop/pages/hello", "/pages/:slug", []string{"root"}, map[string]string{"slug": "hello"}},
		{"any", []string{"x", "1"}, "/shop/any/1", "/any/:x", []string{"root"}, map[string]string{"x": "1"}},
		{"some", nil, "/shop/some", "/some", []string{"root"}, map[string]string{}},
		{"colon", []string{"id", "9"}, "/shop/rpc/v1:call/9", `/rpc/v1:call/:id`, []string{"root"}, map[string]string{"id": "9"}},
		{"gin_test.legacy", []string{"id", "5"}, "/shop/legacy:x/5", `/legacy:x/:id`, nil, map[string]string{"id": "5"}},
		{"gin_test.showPost", []string{"id", "3"}, "/shop/plain/posts/3", "", []string{"root"}, nil},
		{"assets", []string{"filepath", "css/site.css"}, "/shop/assets/css/site.css", "", []string{"root"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := h.URL(nil, tt.name, tt.pairs...)
			if err != nil || u != tt.url {
				t.Fatalf("URL(%q, %q) = %q, %v; want %q", tt.name, tt.pairs, u, err, tt.url)
			}
			resp, body := get(t, srv.Client(), srv, u)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: %d %s", u, resp.StatusCode, body)
			}
			if got := resp.Header.Values("X-Trail"); !reflect.DeepEqual(got, tt.trail) {
				t.Errorf("GET %s: middleware %v, want %v", u, got, tt.trail)
			}
			switch tt.name {
			case "assets":
				if body != "body{}" {
					t.Errorf("GET %s: %q", u, body)
				}
			case "gin_test.showPost":
				if body != "post 3" {
					t.Errorf("GET %s: %q", u, body)
				}
			default:
				got := follow(t, srv, u)
				if got.Route != tt.route || !reflect.DeepEqual(got.Params, tt.params) {
					t.Errorf("GET %s reached %+v, want %s %v", u, got, tt.route, tt.params)
				}
			}
		})
	}

	p, err := h.Participant()
	if err != nil {
		t.Fatal(err)
	}
	methods := map[string]string{}
	for _, r := range p.Routes() {
		if r.Name != "" {
			methods[r.Name] = r.Method
		}
		if r.Pattern == "/__invite__/" {
			t.Errorf("the invite route is listed: %+v", r)
		}
	}
	for name, want := range map[string]string{"page": "GET, HEAD", "any": "", "some": "GET, POST", "assets": "GET, HEAD", "user": "GET"} {
		if got, ok := methods[name]; !ok || got != want {
			t.Errorf("endpoint %q: Method %q (listed %v), want %q", name, got, ok, want)
		}
	}
}

func TestRouterIsGinIRoutes(t *testing.T) {
	e := gin.New()
	h, err := partygin.Join(e)
	if err != nil {
		t.Fatal(err)
	}
	// Code written against gin.IRoutes takes a Router; a named router
	// names every route such code registers.
	register := func(r gin.IRoutes) { r.GET("/a", report).POST("/a", report) }
	register(h.Router(e).Named("a"))
	party(t, mount{"", e})
	u, err := h.URL(nil, "a")
	if err != nil || u != "/a" {
		t.Fatalf("URL = %q, %v", u, err)
	}
	if got := h.Router(e).Named("x").Name(); got != "x" {
		t.Errorf("Name() = %q", got)
	}
	if got := h.Router(e).Group("/g").BasePath(); got != "/g" {
		t.Errorf("BasePath() = %q", got)
	}
}

func TestRouterAmbiguousAndBadNames(t *testing.T) {
	e := gin.New()
	h, err := partygin.Join(e)
	if err != nil {
		t.Fatal(err)
	}
	r := h.Router(e)
	e.GET("/a/:id", showPost)
	e.GET("/b/:id", showPost)
	r.Named("dup").GET("/c", report)
	r.Named("dup").GET("/d", report)
	r.Named("bad:name").GET("/e", report)
	r.Named("fine").GET("/f", report)
	party(t, mount{"", e})

	// Only the names asked for fail.
	if u, err := h.URL(nil, "fine"); err != nil || u != "/f" {
		t.Fatalf("URL(fine) = %q, %v", u, err)
	}
	for _, name := range []string{"gin_test.showPost", "dup"} {
		_, err := h.URL(nil, name, "id", "1")
		var amb *urlfor.AmbiguousError
		if !errors.As(err, &amb) || len(amb.Candidates) != 2 {
			t.Fatalf("URL(%q): %v, want an AmbiguousError with two candidates", name, err)
		}
		t.Logf("%s: %v", name, err)
	}
	if _, err := h.URL(nil, "bad:name"); !errors.Is(err, urlfor.ErrBadCall) || !strings.Contains(err.Error(), "partygin: route name") {
		t.Fatalf("URL(bad:name): %v, want the route's error", err)
	}
}

func TestRouterPanicsWhereGinPanics(t *testing.T) {
	e := gin.New()
	h, err := partygin.Join(e)
	if err != nil {
		t.Fatal(err)
	}
	r := h.Router(e)
	r.GET("/x/:id", report)
	defer func() {
		if recover() == nil {
			t.Fatal("a conflicting route did not panic")
		}
	}()
	r.Named("y").GET("/x/:other", report)
}
