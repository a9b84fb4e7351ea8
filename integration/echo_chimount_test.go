package integration_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/labstack/echo/v4"
	partyecho "github.com/partyline-go/partyline/adapters/echo"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// echoChiSeen is what echoChiRecord answers: the echo route matched and
// each parameter after the documented unescaping.
type echoChiSeen struct {
	App       string            `json:"app"`
	Route     string            `json:"route"`
	Unescaped map[string]string `json:"unescaped"`
	Exact     map[string]string `json:"exact"`
}

func echoChiRecord(appName string) echo.HandlerFunc {
	return func(c echo.Context) error {
		s := echoChiSeen{App: appName, Route: c.Path(), Unescaped: map[string]string{}, Exact: map[string]string{}}
		for _, n := range c.ParamNames() {
			v, err := url.PathUnescape(c.Param(n))
			if err != nil {
				v = "!error: " + err.Error()
			}
			s.Unescaped[n] = v
			if v, err = partyecho.Param(c, n); err != nil {
				v = "!error: " + err.Error()
			}
			s.Exact[n] = v
		}
		return c.JSON(http.StatusOK, s)
	}
}

// TestEchoUnderChiMount mounts two echo apps with chi's Mount, which does
// not strip the mount prefix: each app registers its routes under its
// prefix (an echo Group) and joins with the full invite route. URLs built
// from inside the apps and from outside are followed over HTTP and reach
// the right handler with the right values; a redirect crosses apps; the
// invite paths answer 404 from outside; a route added after the invitation
// is found.
func TestEchoUnderChiMount(t *testing.T) {
	blog, shop := echo.New(), echo.New()
	bg := blog.Group("/blog")
	bg.GET("/", echoChiRecord("blog")).Name = "home"
	bg.GET("/posts/:id", echoChiRecord("blog")).Name = "post"
	bg.GET("/users/:uid/files/*", echoChiRecord("blog")).Name = "files"
	bg.GET("/buy/:id", func(c echo.Context) error {
		return partyecho.Redirect(c, http.StatusSeeOther, "shop:cart", "id", c.Param("id"))
	})
	sg := shop.Group("/shop")
	sg.GET("/", echoChiRecord("shop")).Name = "home"
	sg.GET("/cart/:id", echoChiRecord("shop")).Name = "cart"

	hb, err := partyecho.Join(blog, partyecho.InviteRoute("/blog/__invite__/"), partyecho.Namespace("blog"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := partyecho.Join(shop, partyecho.InviteRoute("/shop/__invite__/"), partyecho.Namespace("shop")); err != nil {
		t.Fatal(err)
	}

	r := chi.NewRouter()
	r.Mount("/blog", blog)
	r.Mount("/shop", shop)
	p, err := core.New(r, []string{"/blog/__invite__/", "/shop/__invite__/"})
	if err != nil {
		t.Fatal(err)
	}
	for _, inv := range p.Invitations() {
		if !inv.Joined {
			t.Fatalf("not joined: %+v", inv)
		}
	}
	srv := httptest.NewServer(p)
	defer srv.Close()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	fetch := func(u string) (int, string, string) {
		t.Helper()
		res, err := client.Get(srv.URL + u)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, res.Header.Get("Location"), string(b)
	}
	follow := func(u, app, route string, params map[string]string) {
		t.Helper()
		status, _, body := fetch(u)
		var s echoChiSeen
		if status != http.StatusOK || json.Unmarshal([]byte(body), &s) != nil {
			t.Fatalf("GET %s: %d %s", u, status, body)
		}
		if s.App != app || s.Route != route {
			t.Errorf("GET %s reached %s %q, want %s %q", u, s.App, s.Route, app, route)
		}
		for k, v := range params {
			if s.Unescaped[k] != v || s.Exact[k] != v {
				t.Errorf("GET %s: %s = %q / %q, want %q", u, k, s.Unescaped[k], s.Exact[k], v)
			}
		}
	}

	c := blog.NewContext(httptest.NewRequest(http.MethodGet, "/", nil), httptest.NewRecorder())
	b := urlfor.New(p)
	for _, tt := range []struct {
		build      func() (string, error)
		want       string
		app, route string
		params     map[string]string
	}{
		{func() (string, error) { return hb.URL(c, "post", "id", "a/b c") }, "/blog/posts/a%2Fb%20c", "blog", "/blog/posts/:id", map[string]string{"id": "a/b c"}},
		{func() (string, error) { return hb.URL(c, "post", "id", "été;1") }, "/blog/posts/%C3%A9t%C3%A9;1", "blog", "/blog/posts/:id", map[string]string{"id": "été;1"}},
		{func() (string, error) { return hb.URL(c, "files", "uid", "9", "*", "a b/c?.txt") }, "/blog/users/9/files/a%20b/c%3F.txt", "blog", "/blog/users/:uid/files/*", map[string]string{"uid": "9", "*": "a b/c?.txt"}},
		{func() (string, error) { return hb.URL(c, "home") }, "/blog/", "blog", "/blog/", nil},
		{func() (string, error) { return hb.URL(c, "shop:home") }, "/shop/", "shop", "/shop/", nil},
		{func() (string, error) { return b.URL("shop:cart", "id", "x/y") }, "/shop/cart/x%2Fy", "shop", "/shop/cart/:id", map[string]string{"id": "x/y"}},
	} {
		u, err := tt.build()
		if err != nil || u != tt.want {
			t.Errorf("built %q, %v; want %q", u, err, tt.want)
			continue
		}
		follow(u, tt.app, tt.route, tt.params)
	}

	status, loc, _ := fetch("/blog/buy/3")
	if status != http.StatusSeeOther || loc != "/shop/cart/3" {
		t.Fatalf("redirect: %d %q", status, loc)
	}
	follow(loc, "shop", "/shop/cart/:id", map[string]string{"id": "3"})

	for _, u := range []string{"/blog/__invite__/", "/shop/__invite__", "/BLOG/__invite__/"} {
		if status, _, _ := fetch(u); status != http.StatusNotFound {
			t.Errorf("GET %s from outside: %d, want 404", u, status)
		}
	}

	bg.GET("/late/:id", echoChiRecord("blog")).Name = "late"
	u, err := b.URL("blog:late", "id", "1")
	if err != nil || u != "/blog/late/1" {
		t.Fatalf("late route: %q, %v", u, err)
	}
	follow(u, "blog", "/blog/late/:id", map[string]string{"id": "1"})
}
