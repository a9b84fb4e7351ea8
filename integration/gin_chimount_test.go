package integration_test

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	partygin "github.com/partyline-go/partyline/adapters/gin"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// ginChiSeen is what ginChiRecord answers: the app, gin's route (FullPath)
// and the parameters gin handed the handler (decoded: gin's default mode).
type ginChiSeen struct {
	App    string            `json:"app"`
	Route  string            `json:"route"`
	Params map[string]string `json:"params"`
}

func ginChiRecord(app string) gin.HandlerFunc {
	return func(c *gin.Context) {
		s := ginChiSeen{App: app, Route: c.FullPath(), Params: map[string]string{}}
		for _, p := range c.Params {
			s.Params[p.Key] = p.Value
		}
		c.JSON(http.StatusOK, s)
	}
}

// ginChiGet requests target (a path) on srv without following redirects.
func ginChiGet(t *testing.T, srv *httptest.Server, target string) (*http.Response, string) {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(srv.URL + target)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

// ginChiFollow requests target, following redirects, and decodes what the
// handler saw.
func ginChiFollow(t *testing.T, srv *httptest.Server, target string) ginChiSeen {
	t.Helper()
	resp, err := srv.Client().Get(srv.URL + target)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", target, resp.StatusCode, b)
	}
	var s ginChiSeen
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatalf("GET %s: %v in %s", target, err, b)
	}
	return s
}

// TestGinUnderChiMount mounts two gin apps with chi's Mount, which does not
// strip the mount prefix: each app registers its routes under its prefix
// (a gin group, through a partygin Router) and joins with the full invite
// route and a namespace. A third gin app is mounted at chi's root. URLs
// built from inside the apps and from outside are followed over HTTP and
// reach the right handler with the right values; redirects cross apps; the
// invite paths answer 404 from outside; a route added after the invitation
// is found.
func TestGinUnderChiMount(t *testing.T) {
	gin.SetMode(gin.TestMode)
	blog, shop, home := gin.New(), gin.New(), gin.New()
	bh, err := partygin.Join(blog, partygin.InviteRoute("/blog/__invite__/"), partygin.Namespace("blog"))
	if err != nil {
		t.Fatal(err)
	}
	sh, err := partygin.Join(shop, partygin.InviteRoute("/shop/__invite__/"), partygin.Namespace("shop"))
	if err != nil {
		t.Fatal(err)
	}
	hh, err := partygin.Join(home)
	if err != nil {
		t.Fatal(err)
	}

	blog.Use(bh.Middleware())
	br := bh.Router(blog).Group("/blog")
	br.Named("home").GET("/", ginChiRecord("blog"))
	br.Named("post").GET("/posts/:id", ginChiRecord("blog"))
	br.Named("files").GET("/users/:uid/files/*path", ginChiRecord("blog"))
	br.Named("buy").GET("/buy/:id", func(c *gin.Context) {
		if err := partygin.Redirect(c, http.StatusSeeOther, "shop:cart", "id", c.Param("id")); err != nil {
			c.String(http.StatusInternalServerError, err.Error())
		}
	})
	sr := sh.Router(shop).Group("/shop")
	sr.Named("home").GET("/", ginChiRecord("shop"))
	sr.Named("cart").GET("/cart/:id", ginChiRecord("shop"))
	sr.Named("links").GET("/links/:id", func(c *gin.Context) {
		out := map[string]string{}
		for key, args := range map[string][]string{
			"home":  {"home"},
			"cart":  {"cart", "id", c.Param("id")},
			"post":  {"blog:post", "id", c.Param("id")},
			"files": {"files", "uid", "ann", "path", "/a b/" + c.Param("id") + ".txt"},
			"root":  {"about"},
		} {
			u, err := sh.URL(c, args[0], args[1:]...)
			if err != nil {
				c.String(http.StatusInternalServerError, err.Error())
				return
			}
			out[key] = u
		}
		c.JSON(http.StatusOK, out)
	})
	hr := hh.Router(home)
	hr.Named("about").GET("/about", ginChiRecord("home"))
	hr.Named("item").GET("/items/:id", ginChiRecord("home"))

	router := chi.NewRouter()
	router.Mount("/blog", blog)
	router.Mount("/shop", shop)
	router.Mount("/", home)
	party, err := core.New(router, []string{"/blog/__invite__/", "/shop/__invite__/", "/__invite__/"})
	if err != nil {
		t.Fatal(err)
	}
	for _, inv := range party.Invitations() {
		if !inv.Joined {
			t.Fatalf("invitation %s: %+v", inv.Path, inv)
		}
	}
	srv := httptest.NewServer(party)
	defer srv.Close()

	// From inside the shop: local first, then the blog, then the root app.
	var links map[string]string
	resp, body := ginChiGet(t, srv, "/shop/links/7")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /shop/links/7: %d %s", resp.StatusCode, body)
	}
	if err := json.Unmarshal([]byte(body), &links); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"home":  "/shop/",
		"cart":  "/shop/cart/7",
		"post":  "/blog/posts/7",
		"files": "/blog/users/ann/files/a%20b/7.txt",
		"root":  "/about",
	}
	if !reflect.DeepEqual(links, want) {
		t.Fatalf("links = %v\nwant %v", links, want)
	}
	reached := map[string]ginChiSeen{
		"home":  {"shop", "/shop/", map[string]string{}},
		"cart":  {"shop", "/shop/cart/:id", map[string]string{"id": "7"}},
		"post":  {"blog", "/blog/posts/:id", map[string]string{"id": "7"}},
		"files": {"blog", "/blog/users/:uid/files/*path", map[string]string{"uid": "ann", "path": "/a b/7.txt"}},
		"root":  {"home", "/about", map[string]string{}},
	}
	for key, u := range links {
		if got := ginChiFollow(t, srv, u); !reflect.DeepEqual(got, reached[key]) {
			t.Errorf("%s: GET %s reached %+v, want %+v", key, u, got, reached[key])
		}
	}

	// From outside, with the party's builder; escaped values come back.
	b := urlfor.New(party)
	for _, id := range []string{"a b", "100%", "é", "x?y#z", "{id}", ":id", "a+b"} {
		u, err := b.URL("blog:post", "id", id)
		if err != nil {
			t.Fatalf("URL(blog:post, %q): %v", id, err)
		}
		if got := ginChiFollow(t, srv, u); got.App != "blog" || got.Params["id"] != id {
			t.Errorf("id %q: GET %s reached %+v", id, u, got)
		}
	}
	if _, err := b.URL("blog:post", "id", "a/b"); !errors.Is(err, urlfor.ErrInvalidParam) {
		t.Errorf(`URL(blog:post, "a/b"): %v, want ErrInvalidParam`, err)
	}

	// A redirect crosses apps and is followed.
	resp, _ = ginChiGet(t, srv, "/blog/buy/9")
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/shop/cart/9" {
		t.Fatalf("GET /blog/buy/9: %d Location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if got := ginChiFollow(t, srv, "/blog/buy/9"); got.App != "shop" || got.Params["id"] != "9" {
		t.Errorf("following the redirect reached %+v", got)
	}

	// The invite routes are not reachable from outside.
	for _, p := range []string{"/blog/__invite__/", "/shop/__invite__/", "/__invite__/", "/shop/__invite__"} {
		if resp, _ := ginChiGet(t, srv, p); resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", p, resp.StatusCode)
		}
	}

	// A route added after the invitation is found, from the app and from
	// the others.
	sr.Named("late").GET("/late/:x", ginChiRecord("shop"))
	for _, h := range []*partygin.Handle{sh, bh, hh} {
		u, err := h.URL(nil, "shop:late", "x", "1")
		if err != nil || u != "/shop/late/1" {
			t.Fatalf("URL(shop:late) = %q, %v", u, err)
		}
	}
	if got := ginChiFollow(t, srv, "/shop/late/1"); got.Route != "/shop/late/:x" || got.Params["x"] != "1" {
		t.Errorf("GET /shop/late/1 reached %+v", got)
	}
}
