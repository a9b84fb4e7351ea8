package partyecho

import (
	"encoding/json"
	"errors"
	"html/template"
	"net/http"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

// links is a handler that answers the URLs it builds, or the build errors.
func links(build map[string]func(echo.Context) (string, error)) echo.HandlerFunc {
	return func(c echo.Context) error {
		out := map[string]string{}
		for k, f := range build {
			u, err := f(c)
			if err != nil {
				u = "!error: " + err.Error()
			}
			out[k] = u
		}
		return c.JSON(http.StatusOK, out)
	}
}

// TestOverHTTP is the echo half of the headline: an echo blog at /blog and
// an echo shop at /shop behind http.ServeMux and http.StripPrefix, wrapped
// by core.New, served by httptest.NewServer, with a framework-less docs app
// at /docs. Handlers build URLs local-first and across apps, render them in
// templates and redirect; every URL is followed and must reach the right
// handler with the right values.
func TestOverHTTP(t *testing.T) {
	blog, shop := echo.New(), echo.New()
	hb := mustJoin(t, blog)
	hs := mustJoin(t, shop)
	blog.Renderer = NewRenderer(hb, template.New("views"))
	template.Must(blog.Renderer.(*Renderer).Template.Parse(`{{define "page.html"}}<a href="{{urlFor "post" "id" .ID}}">post</a> <a href="{{urlFor "shop:cart" "id" .Cart "ref" "blog"}}">cart</a>{{end}}`))

	blog.GET("/", record).Name = "home"
	blog.GET("/posts/:id", record).Name = "post"
	blog.GET("/users/:id/files/*", record).Name = "files"
	blog.GET("/links", links(map[string]func(echo.Context) (string, error){
		"home":      func(c echo.Context) (string, error) { return URL(c, "home") },
		"post":      func(c echo.Context) (string, error) { return URL(c, "post", "id", "a b") },
		"post/raw":  func(c echo.Context) (string, error) { return URL(c, "post", "id", "a/b;c") },
		"files":     func(c echo.Context) (string, error) { return URL(c, "files", "id", "9", "*", "docs/été 1.pdf") },
		"shop:home": func(c echo.Context) (string, error) { return URL(c, "shop:home") },
		"shop:cart": func(c echo.Context) (string, error) { return hb.URL(c, "shop:cart", "id", "3") },
		"docs:page": func(c echo.Context) (string, error) { return URL(c, "docs:page", "slug", "intro") },
		"abs":       func(c echo.Context) (string, error) { return AbsoluteURL(c, "post", "id", "7") },
		"percent":   func(c echo.Context) (string, error) { return URL(c, "post", "id", "100%") },
	})).Name = "links"
	blog.GET("/go/:id", func(c echo.Context) error {
		return Redirect(c, http.StatusSeeOther, "shop:cart", "id", c.Param("id"))
	}).Name = "go"
	blog.GET("/bad-redirect", func(c echo.Context) error {
		err := Redirect(c, http.StatusOK, "home")
		var rc *urlfor.RedirectCodeError
		if !errors.As(err, &rc) || !errors.Is(err, urlfor.ErrBadCall) || c.Response().Committed {
			return c.String(http.StatusTeapot, "unexpected: "+err.Error())
		}
		return c.String(http.StatusOK, err.Error())
	})
	blog.GET("/page", func(c echo.Context) error {
		return c.Render(http.StatusOK, "page.html", map[string]any{"ID": 7, "Cart": 3})
	})

	shop.GET("/", record).Name = "home"
	shop.GET("/cart/:id", record).Name = "cart"
	shop.GET("/links", links(map[string]func(echo.Context) (string, error){
		"home":      func(c echo.Context) (string, error) { return hs.URL(c, "home") },
		"blog:home": func(c echo.Context) (string, error) { return hs.URL(c, "blog:home") },
		"post":      func(c echo.Context) (string, error) { return hs.URL(c, "post", "id", "1") }, // bare, only the blog has it
	}))
	shop.GET("/back", func(c echo.Context) error {
		return hs.Redirect(c, http.StatusFound, "blog:post", "id", "a b")
	})

	docs := urlfortest.NewApp("docs", urlfortest.Route("page", "GET", "/p/{slug}", urlfor.Literal("/p/"), urlfor.Param("slug")))
	p, srv := party(t, app{"/blog", blog}, app{"/shop", shop}, app{"/docs", docs})

	var got map[string]string
	_, _, body := get(t, noRedirects, srv, "/blog/links")
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err, body)
	}
	want := map[string]string{
		"home":      "/blog/",
		"post":      "/blog/posts/a%20b",
		"post/raw":  "/blog/posts/a%2Fb;c",
		"files":     "/blog/users/9/files/docs/%C3%A9t%C3%A9%201.pdf",
		"shop:home": "/shop/",
		"shop:cart": "/shop/cart/3",
		"docs:page": "/docs/p/intro",
		"abs":       srv.URL + "/blog/posts/7",
		"percent":   "/blog/posts/100%25",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("blog built %s = %q, want %q", k, got[k], w)
		}
	}

	follow := []struct {
		url, route string
		params     map[string]string
	}{
		{want["home"], "/", nil},
		{want["post"], "/posts/:id", map[string]string{"id": "a b"}},
		{want["post/raw"], "/posts/:id", map[string]string{"id": "a/b;c"}},
		{want["files"], "/users/:id/files/*", map[string]string{"id": "9", "*": "docs/été 1.pdf"}},
		{want["shop:home"], "/", nil},
		{want["shop:cart"], "/cart/:id", map[string]string{"id": "3"}},
		{want["abs"], "/posts/:id", map[string]string{"id": "7"}},
		{want["percent"], "/posts/:id", map[string]string{"id": "100%"}},
	}
	for _, f := range follow {
		s := getSeen(t, srv, f.url)
		if s.Route != f.route {
			t.Errorf("GET %s reached %q, want %q", f.url, s.Route, f.route)
		}
		var pairs []string
		for k, v := range f.params {
			pairs = append(pairs, k, v)
		}
		for k, v := range f.params {
			if s.Exact[k] != v || cParamExact(pairs) && s.Raw[k] != v {
				t.Errorf("GET %s: %s: c.Param = %q, Param = %q; want %q", f.url, k, s.Raw[k], s.Exact[k], v)
			}
		}
	}
	// The docs app has no handlers: the link is right if the dispatcher
	// sends it there (urlfortest answers 404 to all but its invitation).
	if status, _, _ := get(t, noRedirects, srv, want["docs:page"]); status != http.StatusNotFound {
		t.Errorf("docs link: %d", status)
	}

	// Local first: "home" inside the shop is the shop's.
	_, _, body = get(t, noRedirects, srv, "/shop/links")
	got = nil
	json.Unmarshal([]byte(body), &got)
	for k, w := range map[string]string{"home": "/shop/", "blog:home": "/blog/", "post": "/blog/posts/1"} {
		if got[k] != w {
			t.Errorf("shop built %s = %q, want %q", k, got[k], w)
		}
	}
	// From outside both apps, bare "home" is ambiguous.
	_, err := urlfor.New(p).URL("home")
	var ae *urlfor.AmbiguousError
	if !errors.As(err, &ae) || len(ae.Candidates) != 2 {
		t.Errorf("bare home from outside: %v", err)
	}

	// Redirects across apps, followed.
	status, loc, _ := get(t, noRedirects, srv, "/blog/go/3")
	if status != http.StatusSeeOther || loc != "/shop/cart/3" {
		t.Errorf("blog redirect: %d %q", status, loc)
	}
	s := getSeen(t, srv, loc)
	if s.Route != "/cart/:id" || s.Exact["id"] != "3" {
		t.Errorf("after the redirect: %+v", s)
	}
	status, loc, _ = get(t, noRedirects, srv, "/shop/back")
	if status != http.StatusFound || loc != "/blog/posts/a%20b" {
		t.Errorf("shop redirect: %d %q", status, loc)
	}
	status, _, body = get(t, http.DefaultClient, srv, "/shop/back") // followed by the client
	if status != http.StatusOK || !strings.Contains(body, `"exact":{"id":"a b"}`) {
		t.Errorf("followed shop redirect: %d %s", status, body)
	}
	if status, _, body := get(t, noRedirects, srv, "/blog/bad-redirect"); status != http.StatusOK {
		t.Errorf("bad redirect code: %d %s", status, body)
	}

	// The renderer's urlFor.
	status, _, body = get(t, noRedirects, srv, "/blog/page")
	if wantHTML := `<a href="/blog/posts/7">post</a> <a href="/shop/cart/3?ref=blog">cart</a>`; status != http.StatusOK || body != wantHTML {
		t.Errorf("page = %d %q, want %q", status, body, wantHTML)
	}
}
