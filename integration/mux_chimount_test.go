package integration_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/gorilla/mux"
	partymux "github.com/partyline-go/partyline/adapters/mux"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// muxChiSeen is what muxChiRecord answers: the app, the mux route matched,
// its variables (url.PathUnescape'd for a router that uses the encoded
// path), and a URL the handler built with the package-level helper.
type muxChiSeen struct {
	App   string            `json:"app"`
	Route string            `json:"route"`
	Vars  map[string]string `json:"vars"`
	Home  string            `json:"home"`
}

func muxChiRecord(app string, encoded bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s := muxChiSeen{App: app, Vars: map[string]string{}}
		if rt := mux.CurrentRoute(r); rt != nil {
			s.Route = rt.GetName()
		}
		for k, v := range mux.Vars(r) {
			if encoded {
				u, err := url.PathUnescape(v)
				if err != nil {
					u = "!error: " + err.Error()
				}
				v = u
			}
			s.Vars[k] = v
		}
		home, err := partymux.URL(r, "home")
		if err != nil {
			home = "!error: " + err.Error()
		}
		s.Home = home
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(s)
	}
}

// TestMuxUnderChiMount mounts two mux apps with chi's Mount, which does not
// strip the mount prefix, so each app sees full paths. The blog joins with
// a PathPrefix("/blog") subrouter (its invite route is then
// "/blog/__invite__/" and its mount prefix ""); the shop, which matches the
// encoded path, joins its top router with InviteRoute("/shop/__invite__/").
// URLs built inside and outside the apps are followed over real HTTP and
// reach the right handler with the right mux.Vars; a redirect crosses
// apps; the invite paths answer 404 from outside; a route added after the
// invitation is found.
func TestMuxUnderChiMount(t *testing.T) {
	blogRouter := mux.NewRouter()
	blog := blogRouter.PathPrefix("/blog").Subrouter()
	hb, err := partymux.Join(blog, partymux.Namespace("blog"))
	if err != nil {
		t.Fatal(err)
	}
	blog.HandleFunc("/", muxChiRecord("blog", false)).Name("home")
	blog.HandleFunc("/posts/{id:[0-9]+}", muxChiRecord("blog", false)).Methods(http.MethodGet).Name("post")
	blog.HandleFunc("/files/{path:.*}", muxChiRecord("blog", false)).Name("files")
	blog.HandleFunc("/buy/{id}", func(w http.ResponseWriter, r *http.Request) {
		if err := partymux.Redirect(w, r, http.StatusSeeOther, "shop:cart", "id", mux.Vars(r)["id"]); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})

	shop := mux.NewRouter().UseEncodedPath()
	if _, err := partymux.Join(shop, partymux.InviteRoute("/shop/__invite__/"), partymux.Namespace("shop")); err != nil {
		t.Fatal(err)
	}
	shop.HandleFunc("/shop/", muxChiRecord("shop", true)).Name("home")
	shop.HandleFunc("/shop/cart/{id}", muxChiRecord("shop", true)).Name("cart")

	cr := chi.NewRouter()
	cr.Mount("/blog", blogRouter)
	cr.Mount("/shop", shop)
	p, err := core.New(cr, []string{"/blog/__invite__/", "/shop/__invite__/"})
	if err != nil {
		t.Fatal(err)
	}
	for _, inv := range p.Invitations() {
		if !inv.Joined {
			t.Fatalf("invitation %+v", inv)
		}
	}
	part, err := hb.Participant()
	if err != nil || part.MountPrefix() != "" {
		t.Fatalf("blog participant: %v, %v (mount prefix %q)", part, err, part.MountPrefix())
	}
	srv := httptest.NewServer(p)
	defer srv.Close()
	client := *srv.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

	get := func(u string, c *http.Client) (int, muxChiSeen, *http.Response) {
		t.Helper()
		resp, err := c.Get(srv.URL + u)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var s muxChiSeen
		if resp.StatusCode == http.StatusOK {
			if err := json.NewDecoder(resp.Body).Decode(&s); err != nil {
				t.Fatalf("GET %s: %v", u, err)
			}
		}
		return resp.StatusCode, s, resp
	}

	for _, path := range []string{"/blog/__invite__/", "/shop/__invite__/", "/shop/__invite__", "/blog/%5F_invite__/"} {
		if status, _, _ := get(path, &client); status != http.StatusNotFound {
			t.Errorf("GET %s from outside: %d, want 404", path, status)
		}
	}

	b := urlfor.New(p)
	blog.HandleFunc("/late/{x}", muxChiRecord("blog", false)).Name("late") // after the invitation
	cases := []struct {
		name  string
		pairs []string
		url   string
		app   string
		vars  map[string]string
	}{
		{"blog:post", []string{"id", "7"}, "/blog/posts/7", "blog", map[string]string{"id": "7"}},
		{"blog:files", []string{"path", "a/b c.txt"}, "/blog/files/a/b%20c.txt", "blog", map[string]string{"path": "a/b c.txt"}},
		{"shop:cart", []string{"id", "a/b c"}, "/shop/cart/a%2Fb%20c", "shop", map[string]string{"id": "a/b c"}},
		{"blog:late", []string{"x", "y"}, "/blog/late/y", "blog", map[string]string{"x": "y"}},
		{"shop:home", nil, "/shop/", "shop", map[string]string{}},
	}
	for _, c := range cases {
		u, err := b.URL(c.name, c.pairs...)
		if err != nil || u != c.url {
			t.Errorf("URL(%s, %q) = %q, %v; want %q", c.name, c.pairs, u, err, c.url)
			continue
		}
		status, s, _ := get(u, &client)
		if status != http.StatusOK || s.App != c.app || s.Route != c.name[len(c.app)+1:] {
			t.Errorf("GET %s: %d from %s route %q", u, status, s.App, s.Route)
			continue
		}
		for k, v := range c.vars {
			if s.Vars[k] != v {
				t.Errorf("GET %s: var %s = %q, want %q", u, k, s.Vars[k], v)
			}
		}
		// The package-level helper, inside each app, names its own home.
		if want := "/" + c.app + "/"; s.Home != want {
			t.Errorf("GET %s: home built inside = %q, want %q", u, s.Home, want)
		}
	}
	// Inside the blog a bare name is local first; "blog" (decoded path)
	// refuses a value with "/" that the shop (encoded path) takes.
	if u, err := hb.URL(nil, "post", "id", "8"); err != nil || u != "/blog/posts/8" {
		t.Errorf("local post: %q, %v", u, err)
	}
	if _, err := hb.URL(nil, "late", "x", "a/b"); err == nil {
		t.Errorf("blog built a value with / for a decoded-path router")
	}

	// A redirect from the blog to the shop, followed.
	status, s, resp := get("/blog/buy/42", srv.Client())
	if status != http.StatusOK || s.App != "shop" || s.Route != "cart" || s.Vars["id"] != "42" || resp.Request.URL.Path != "/shop/cart/42" {
		t.Errorf("redirect: %d at %s from %s route %q vars %v", status, resp.Request.URL, s.App, s.Route, s.Vars)
	}
}
