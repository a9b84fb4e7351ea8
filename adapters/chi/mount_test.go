package partychi_test

import (
	"net/http"
	"testing"

	"github.com/go-chi/chi/v5"
	partychi "github.com/partyline-go/partyline/adapters/chi"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

// blogApp is a chi app with named routes in a sub-router, a group and a
// mounted router.
func blogApp() *chi.Mux {
	r := chi.NewRouter()
	r.With(partychi.Name("index")).Get("/", echo("blog:index"))
	r.Route("/posts", func(r chi.Router) {
		r.With(partychi.Name("post")).Get("/{id}", echo("blog:post", "id"))
		r.With(partychi.Name("post-json")).Get("/{id}.json", echo("blog:post-json", "id"))
	})
	r.Group(func(r chi.Router) {
		r.Use(func(next http.Handler) http.Handler { return next })
		r.With(partychi.Name("tag")).Get("/tags/{tag:[a-z]+}", echo("blog:tag", "tag"))
	})
	admin := chi.NewRouter()
	admin.With(partychi.Name("admin-user")).Get("/users/{user}/{field}", echo("blog:admin-user", "user", "field"))
	r.Mount("/admin", admin)
	r.With(partychi.Name("files")).Get("/files/*", echo("blog:files", "*"))
	return r
}

// cases of blogApp's endpoints: name, pairs, and the hit they must reach.
var blogCases = []struct {
	name  string
	pairs []string
	path  string // the URL without the mount prefix
	want  hit
}{
	{"index", nil, "/", hit{Endpoint: "blog:index", Params: map[string]string{}}},
	{"post", []string{"id", "7"}, "/posts/7", hit{Endpoint: "blog:post", Params: map[string]string{"id": "7"}}},
	{"post", []string{"id", "a b/c"}, "/posts/a%20b%2Fc", hit{Endpoint: "blog:post", Params: map[string]string{"id": "a b/c"}}},
	{"post", []string{"id", "Smith, John;2"}, "/posts/Smith,%20John;2", hit{Endpoint: "blog:post", Params: map[string]string{"id": "Smith, John;2"}}},
	{"post-json", []string{"id", "7"}, "/posts/7.json", hit{Endpoint: "blog:post-json", Params: map[string]string{"id": "7"}}},
	{"tag", []string{"tag", "go"}, "/tags/go", hit{Endpoint: "blog:tag", Params: map[string]string{"tag": "go"}}},
	{"admin-user", []string{"user", "ann", "field", "e-mail"}, "/admin/users/ann/e-mail", hit{Endpoint: "blog:admin-user", Params: map[string]string{"user": "ann", "field": "e-mail"}}},
	{"files", []string{"*", "css/site.css"}, "/files/css/site.css", hit{Endpoint: "blog:files", Params: map[string]string{"*": "css/site.css"}}},
	{"files", []string{"*", "a,b/c;d e.css"}, "/files/a,b/c;d%20e.css", hit{Endpoint: "blog:files", Params: map[string]string{"*": "a,b/c;d e.css"}}},
	{"admin-user", []string{"user", "a,b", "field", "x/y"}, "/admin/users/a,b/x%2Fy", hit{Endpoint: "blog:admin-user", Params: map[string]string{"user": "a,b", "field": "x/y"}}},
}

func checkBlog(t *testing.T, h *partychi.Handle, base, prefix string) {
	t.Helper()
	for _, c := range blogCases {
		u := mustURL(t, h, c.name, c.pairs...)
		if u != prefix+c.path {
			t.Errorf("URL(%q, %q) = %q, want %q", c.name, c.pairs, u, prefix+c.path)
			continue
		}
		got := getHit(t, base+u)
		if got.Endpoint != c.want.Endpoint || !sameParams(got.Params, c.want.Params) {
			t.Errorf("GET %s reached %+v, want %+v", u, got, c.want)
		}
		if nativeExact(c.pairs) && !sameParams(got.Native, c.want.Params) {
			t.Errorf("GET %s: chi.URLParam gave %q, want %q", u, got.Native, c.want.Params)
		}
	}
}

func sameParams(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// The chi app mounted under http.ServeMux with http.StripPrefix.
func TestMountedUnderStripPrefix(t *testing.T) {
	blog := blogApp()
	h := mustJoin(t, blog)
	p := mustParty(t, stripMux(map[string]http.Handler{"/blog": blog}), "/blog/__invite__/")
	srv := server(t, p)
	part, err := h.Participant()
	if err != nil {
		t.Fatal(err)
	}
	if part.MountPrefix() != "/blog" || part.Namespace() != "blog" {
		t.Fatalf("mount prefix %q, namespace %q; want /blog, blog", part.MountPrefix(), part.Namespace())
	}
	checkBlog(t, h, srv.URL, "/blog")
}

// The chi app mounted with another chi router's Mount, which does not strip
// the prefix from r.URL.Path: the app routes on chi's RoutePath.
func TestMountedUnderChiMount(t *testing.T) {
	blog := blogApp()
	h := mustJoin(t, blog)
	top := chi.NewRouter()
	top.Mount("/blog", blog)
	p := mustParty(t, top, "/blog/__invite__/")
	srv := server(t, p)
	part, _ := h.Participant()
	if part.MountPrefix() != "/blog" {
		t.Fatalf("mount prefix %q, want /blog", part.MountPrefix())
	}
	checkBlog(t, h, srv.URL, "/blog")
}

// Nested mounts: chi's Mount inside a chi app mounted under StripPrefix.
func TestMountedTwoLevelsDeep(t *testing.T) {
	blog := blogApp()
	h := mustJoin(t, blog)
	mid := chi.NewRouter()
	mid.Mount("/blog", blog)
	p := mustParty(t, stripMux(map[string]http.Handler{"/sites/one": mid}), "/sites/one/blog/__invite__/")
	srv := server(t, p)
	part, _ := h.Participant()
	if part.MountPrefix() != "/sites/one/blog" || part.Namespace() != "sites/one/blog" {
		t.Fatalf("mount prefix %q, namespace %q", part.MountPrefix(), part.Namespace())
	}
	checkBlog(t, h, srv.URL, "/sites/one/blog")
}

// chi as the dispatcher of other apps: a chi router Mounts two chi apps and
// a plain net/http app (urlfortest.App), and each links to the others.
func TestChiAsDispatcher(t *testing.T) {
	blog := blogApp()
	hb := mustJoin(t, blog)

	shop := chi.NewRouter()
	hs := mustJoin(t, shop)
	shop.With(partychi.Name("post")).Get("/post/{sku}", echo("shop:post", "sku"))
	shop.With(partychi.Name("cart")).Get("/cart", echo("shop:cart"))

	wiki := urlfortest.NewApp("wiki", urlfortest.Route("page", "GET", "/wiki/{title}",
		urlfor.Literal("/wiki/"), urlfor.Param("title")))

	top := chi.NewRouter()
	top.Mount("/blog", blog)
	top.Mount("/shop", shop)
	// chi's Mount keeps r.URL.Path: a plain net/http app that routes on it
	// needs http.StripPrefix, as with any other dispatcher.
	top.Mount("/w", http.StripPrefix("/w", wiki))
	p := mustParty(t, top, "/blog/__invite__/", "/shop/__invite__/", "/w/__invite__/")
	srv := server(t, p)

	checkBlog(t, hb, srv.URL, "/blog")

	// Local first: "post" is each app's own.
	if u := mustURL(t, hb, "post", "id", "1"); u != "/blog/posts/1" {
		t.Errorf("blog post = %q", u)
	}
	if u := mustURL(t, hs, "post", "sku", "x1"); u != "/shop/post/x1" {
		t.Errorf("shop post = %q", u)
	}
	// Qualified names reach the other app, over HTTP.
	u := mustURL(t, hb, "shop:post", "sku", "x/1")
	if u != "/shop/post/x%2F1" {
		t.Errorf("shop:post from blog = %q", u)
	}
	if got := getHit(t, srv.URL+u); got.Endpoint != "shop:post" || got.Params["sku"] != "x/1" {
		t.Errorf("GET %s reached %+v", u, got)
	}
	if u := mustURL(t, hs, "blog:files", "*", "a/b.css"); u != "/blog/files/a/b.css" {
		t.Errorf("blog:files from shop = %q", u)
	} else if got := getHit(t, srv.URL+u); got.Params["*"] != "a/b.css" {
		t.Errorf("GET %s reached %+v", u, got)
	}
	// A bare name only one app has is found from the others.
	if u := mustURL(t, hs, "cart"); u != "/shop/cart" {
		t.Errorf("cart = %q", u)
	}
	if u := mustURL(t, hb, "cart"); u != "/shop/cart" {
		t.Errorf("cart from blog = %q", u)
	}
	if u := mustURL(t, hb, "wiki:page", "title", "Go"); u != "/w/wiki/Go" {
		t.Errorf("wiki:page = %q", u)
	}
	// And the plain app builds chi URLs.
	if u, err := wiki.Participant().URL("blog:post", "id", "9"); err != nil || u != "/blog/posts/9" {
		t.Errorf("blog:post from wiki = %q, %v", u, err)
	}
}

// A chi app that is itself an app of the party and the dispatcher of a
// joined chi app: each reports its own routes only.
func TestJoinedDispatcherLeavesJoinedSubRouterAlone(t *testing.T) {
	blog := blogApp()
	hb := mustJoin(t, blog)
	top := chi.NewRouter()
	ht := mustJoin(t, top)
	top.With(partychi.Name("home")).Get("/", echo("home"))
	top.Mount("/blog", blog)
	plain := chi.NewRouter() // mounted, not joined: its routes are top's
	plain.With(partychi.Name("about")).Get("/about", echo("about"))
	top.Mount("/info", plain)
	p := mustParty(t, top, "/__invite__/", "/blog/__invite__/")
	srv := server(t, p)

	pt, _ := ht.Participant()
	var names []string
	for _, r := range pt.Routes() {
		names = append(names, r.Name+" "+r.Pattern)
	}
	if want := []string{"about /info/about", "home /"}; !equalStrings(names, want) {
		t.Errorf("top's routes %q, want %q", names, want)
	}
	// "post" is not ambiguous: only the blog has it.
	if u := mustURL(t, ht, "post", "id", "3"); u != "/blog/posts/3" {
		t.Errorf("post from top = %q", u)
	}
	if u := mustURL(t, hb, "about"); u != "/info/about" {
		t.Errorf("about from blog = %q", u)
	}
	if got := getHit(t, srv.URL+"/info/about"); got.Endpoint != "about" {
		t.Errorf("about reached %+v", got)
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
