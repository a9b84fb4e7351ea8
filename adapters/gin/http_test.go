package partygin_test

import (
	"errors"
	"net/http"
	"net/url"
	"reflect"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	partygin "github.com/partyline-go/partyline/adapters/gin"
	"github.com/partyline-go/partyline/urlfor"
)

// shopAndBlog makes two gin apps: a shop mounted at /shop and a blog at the
// root of an http.ServeMux (with http.StripPrefix), wrapped by core.New and
// served over HTTP. Both have a "home"; only the blog has "post".
func shopAndBlog(t *testing.T, opts ...partygin.Option) (shop, blog *partygin.Handle, shopR *partygin.Router, srv srvT) {
	t.Helper()
	se, be := gin.New(), gin.New()
	shop, err := partygin.Join(se, opts...)
	if err != nil {
		t.Fatal(err)
	}
	blog, err = partygin.Join(be)
	if err != nil {
		t.Fatal(err)
	}
	se.Use(shop.Middleware())
	shopR = shop.Router(se)
	shopR.Named("home").GET("/", report)
	shopR.Named("item").GET("/items/:id", report)
	shopR.Named("file").GET("/files/*path", report)
	shopR.Named("links").GET("/links/:id", func(c *gin.Context) {
		out := map[string]string{}
		for key, args := range map[string][]string{
			"item": {"item", "id", c.Param("id")},
			"post": {"post", "id", c.Param("id")},
			"home": {"home"},
			"file": {"file", "path", "/docs/" + c.Param("id") + ".txt"},
		} {
			u, err := partygin.URL(c, args[0], args[1:]...)
			if err != nil {
				c.String(http.StatusInternalServerError, err.Error())
				return
			}
			out[key] = u
		}
		abs, err := partygin.AbsoluteURL(c, "item", "id", c.Param("id"))
		if err != nil {
			c.String(http.StatusInternalServerError, err.Error())
			return
		}
		out["absolute"] = abs
		c.JSON(http.StatusOK, out)
	})
	shopR.Named("go").GET("/go/:id", func(c *gin.Context) {
		if err := partygin.Redirect(c, http.StatusSeeOther, "post", "id", c.Param("id")); err != nil {
			c.String(http.StatusInternalServerError, err.Error())
		}
	})

	blogR := blog.Router(be)
	blogR.Named("home").GET("/", report)
	blogR.Named("post").GET("/posts/:id", report)
	blogR.Named("back").GET("/back/:id", func(c *gin.Context) {
		if err := blog.Redirect(c, http.StatusFound, "shop:item", "id", c.Param("id")); err != nil {
			c.String(http.StatusInternalServerError, err.Error())
		}
	})
	blogR.Named("home links").GET("/homes", func(c *gin.Context) {
		local, err1 := blog.URL(c, "home")
		other, err2 := blog.URL(c, "shop:home")
		if err1 != nil || err2 != nil {
			c.String(http.StatusInternalServerError, "%v %v", err1, err2)
			return
		}
		c.JSON(http.StatusOK, []string{local, other})
	})
	_, s := party(t, mount{"/shop", se}, mount{"", be})
	return shop, blog, shopR, srvT{s}
}

func TestHTTPLinksAreFollowed(t *testing.T) {
	_, _, _, srv := shopAndBlog(t)
	var links map[string]string
	getJSON(t, srv, "/shop/links/7", &links)
	want := map[string]string{
		"item":     "/shop/items/7",
		"post":     "/posts/7", // the blog's, at the root: the shop has no "post"
		"home":     "/shop/",   // local first: the shop's own home
		"file":     "/shop/files/docs/7.txt",
		"absolute": srv.URL + "/shop/items/7",
	}
	if !reflect.DeepEqual(links, want) {
		t.Fatalf("links = %v\nwant %v", links, want)
	}
	reached := map[string]hit{
		"item":     {"/items/:id", map[string]string{"id": "7"}},
		"post":     {"/posts/:id", map[string]string{"id": "7"}},
		"home":     {"/", map[string]string{}},
		"file":     {"/files/*path", map[string]string{"path": "/docs/7.txt"}},
		"absolute": {"/items/:id", map[string]string{"id": "7"}},
	}
	for key, u := range links {
		if got := follow(t, srv.Server, u); !reflect.DeepEqual(got, reached[key]) {
			t.Errorf("%s: GET %s reached %+v, want %+v", key, u, got, reached[key])
		}
	}

	var homes []string
	getJSON(t, srv, "/homes", &homes)
	if want := []string{"/", "/shop/"}; !reflect.DeepEqual(homes, want) {
		t.Errorf("the blog's homes = %v, want %v", homes, want)
	}
}

func TestHTTPEscapedValuesRoundTrip(t *testing.T) {
	shop, _, _, srv := shopAndBlog(t)
	for _, id := range []string{"a b", "100%", "x?y#z", "é€", "{id}", ":id", "a+b", "..a", "~user"} {
		u, err := shop.URL(nil, "item", "id", id)
		if err != nil {
			t.Fatalf("URL(item, %q): %v", id, err)
		}
		if got := follow(t, srv.Server, u); got.Route != "/items/:id" || got.Params["id"] != id {
			t.Errorf("id %q: GET %s reached %+v", id, u, got)
		}
	}
	for _, id := range []string{"a/b", "/", ".", "..", ""} {
		if u, err := shop.URL(nil, "item", "id", id); err == nil {
			t.Errorf("URL(item, %q) = %q, want an error", id, u)
		}
	}
}

func TestHTTPRedirectIsFollowed(t *testing.T) {
	_, _, _, srv := shopAndBlog(t)
	resp, body := get(t, noRedirects, srv.Server, "/shop/go/a%20b")
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/posts/a%20b" {
		t.Fatalf("GET /shop/go/a%%20b: %d Location %q %s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	if got := follow(t, srv.Server, "/shop/go/a%20b"); got.Route != "/posts/:id" || got.Params["id"] != "a b" {
		t.Errorf("following the redirect reached %+v", got)
	}
	resp, _ = get(t, noRedirects, srv.Server, "/back/9")
	if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/shop/items/9" {
		t.Fatalf("GET /back/9: %d Location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if got := follow(t, srv.Server, "/back/9"); got.Route != "/items/:id" || got.Params["id"] != "9" {
		t.Errorf("following the redirect reached %+v", got)
	}
}

func TestHTTPInviteRouteIsNotFoundFromOutside(t *testing.T) {
	_, _, _, srv := shopAndBlog(t)
	for _, path := range []string{"/shop/__invite__/", "/__invite__/", "/shop/__invite__", "/SHOP/__INVITE__/"} {
		for _, method := range []string{http.MethodGet, http.MethodPost} {
			req, err := http.NewRequest(method, srv.URL+path, nil)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := noRedirects.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusNotFound {
				t.Errorf("%s %s: %d, want 404", method, path, resp.StatusCode)
			}
		}
	}
}

func TestHTTPRoutesAddedAfterTheInvitation(t *testing.T) {
	shop, blog, shopR, srv := shopAndBlog(t)
	if _, err := shop.URL(nil, "late", "x", "1"); err == nil {
		t.Fatal("late is known before it is registered")
	}
	shopR.Named("late").GET("/late/:x", report)
	u, err := shop.URL(nil, "late", "x", "1")
	if err != nil || u != "/shop/late/1" {
		t.Fatalf("URL(late) = %q, %v", u, err)
	}
	if got := follow(t, srv.Server, u); got.Route != "/late/:x" || got.Params["x"] != "1" {
		t.Errorf("GET %s reached %+v", u, got)
	}
	// Another app finds it too, qualified or bare.
	shopR.Named("later").GET("/later", report)
	for _, name := range []string{"shop:later", "later"} {
		if u, err := blog.URL(nil, name); err != nil || u != "/shop/later" {
			t.Errorf("blog URL(%s) = %q, %v", name, u, err)
		}
	}
}

func lateQuiet(c *gin.Context) { report(c) }
func lateSoon(c *gin.Context)  { report(c) }
func lateNow(c *gin.Context)   { report(c) }

// How soon a route registered on the engine directly (gin has no add-route
// hook, and no Router re-reads the routes) is found after the invitation,
// as the package doc says: at the first miss when the app has been quiet;
// when a stream of misses has spent urlfor's re-read budget, within ten
// re-reads' time without help, and at once after Refresh on the
// participant. All are served, under their default names.
func TestHTTPEngineRoutesAddedAfterTheInvitation(t *testing.T) {
	shop, _, _, srv := shopAndBlog(t)
	engine := shop.Engine()
	p, err := shop.Participant()
	if err != nil {
		t.Fatal(err)
	}
	build := func(h gin.HandlerFunc, x string) (string, error) {
		return shop.URL(nil, partygin.DefaultName(h), "x", x)
	}
	misses := func() {
		for range 20 {
			if _, err := shop.URL(nil, "nope"); !errors.Is(err, urlfor.ErrUnknownEndpoint) {
				t.Fatalf("URL(nope): %v, want ErrUnknownEndpoint", err)
			}
		}
	}

	engine.GET("/quiet/:x", lateQuiet)
	if u, err := build(lateQuiet, "1"); err != nil || u != "/shop/quiet/1" {
		t.Fatalf("first miss after a quiet time: URL = %q, %v", u, err)
	}

	misses()
	engine.GET("/soon/:x", lateSoon)
	deadline := time.Now().Add(5 * time.Second)
	u, err := build(lateSoon, "2")
	for ; err != nil && time.Now().Before(deadline); u, err = build(lateSoon, "2") {
		if !errors.Is(err, urlfor.ErrUnknownEndpoint) {
			t.Fatalf("URL(soon): %v", err)
		}
		time.Sleep(time.Millisecond)
	}
	if err != nil || u != "/shop/soon/2" {
		t.Fatalf("URL(soon) = %q, %v after 5s of misses", u, err)
	}

	misses()
	engine.GET("/now/:x", lateNow)
	if !p.Refresh() {
		t.Error("Refresh() = false after a route was added")
	}
	if u, err := build(lateNow, "3"); err != nil || u != "/shop/now/3" {
		t.Fatalf("URL(now) = %q, %v", u, err)
	}
	for _, c := range []struct{ u, route, x string }{
		{"/shop/quiet/1", "/quiet/:x", "1"}, {"/shop/soon/2", "/soon/:x", "2"}, {"/shop/now/3", "/now/:x", "3"},
	} {
		if got := follow(t, srv.Server, c.u); got.Route != c.route || got.Params["x"] != c.x {
			t.Errorf("GET %s reached %+v", c.u, got)
		}
	}
}

func TestHTTPAbsoluteURLTrustsProxiesOnlyWhenTold(t *testing.T) {
	for _, trust := range []bool{false, true} {
		var opts []partygin.Option
		if trust {
			opts = append(opts, partygin.TrustProxy())
		}
		_, _, _, srv := shopAndBlog(t, opts...)
		req, err := http.NewRequest(http.MethodGet, srv.URL+"/shop/links/3", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("X-Forwarded-Proto", "https")
		req.Header.Set("X-Forwarded-Host", "shop.example")
		var links map[string]string
		doJSON(t, req, &links)
		want := srv.URL + "/shop/items/3"
		if trust {
			want = "https://shop.example/shop/items/3"
		}
		if links["absolute"] != want {
			t.Errorf("TrustProxy %v: absolute = %q, want %q", trust, links["absolute"], want)
		}
	}
}

func TestHTTPURLsAreValidURLs(t *testing.T) {
	shop, _, _, _ := shopAndBlog(t)
	u, err := shop.URL(nil, "file", "path", "a b/ç/+", "q", "x&y")
	if err != nil {
		t.Fatal(err)
	}
	if want := "/shop/files/a%20b/%C3%A7/+?q=x%26y"; u != want {
		t.Fatalf("URL = %q, want %q", u, want)
	}
	parsed, err := url.Parse(u)
	if err != nil || parsed.Path != "/shop/files/a b/ç/+" || parsed.Query().Get("q") != "x&y" {
		t.Fatalf("url.Parse(%q) = %+v, %v", u, parsed, err)
	}
}
