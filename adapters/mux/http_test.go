package partymux

import (
	"encoding/json"
	"errors"
	"html/template"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/mux"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

// apiParty is a mux app at /api and a urlfortest "shop" at /shop, behind
// http.ServeMux and http.StripPrefix, wrapped by core.New and served over
// real HTTP.
type apiParty struct {
	router *mux.Router
	handle *Handle
	party  *core.Party
	srv    *httptest.Server
	client *http.Client
}

func newAPIParty(t *testing.T) *apiParty {
	t.Helper()
	r := mux.NewRouter()
	h, err := Join(r)
	if err != nil {
		t.Fatal(err)
	}
	r.HandleFunc("/posts/{id:[0-9]+}", reportHandler).Methods(http.MethodGet).Name("post")
	r.HandleFunc("/posts/{id:[0-9]+}/edit", func(w http.ResponseWriter, req *http.Request) {
		if err := h.Redirect(w, req, http.StatusFound, "post", "id", mux.Vars(req)["id"]); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	}).Name("edit")
	r.HandleFunc("/go", func(w http.ResponseWriter, req *http.Request) {
		if err := Redirect(w, req, http.StatusSeeOther, "search", "page", "3"); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	}).Name("go")
	r.HandleFunc("/links", func(w http.ResponseWriter, req *http.Request) {
		links := map[string]string{}
		add := func(key string, u string, err error) {
			if err != nil {
				u = "error: " + err.Error()
			}
			links[key] = u
		}
		u, err := h.URL(req, "post", "id", "7")
		add("post", u, err)
		u, err = URL(req, "post", "id", "7")
		add("pkg post", u, err)
		u, err = h.URL(req, "shop:cart")
		add("shop:cart", u, err)
		u, err = h.URL(req, "cart")
		add("cart", u, err)
		u, err = AbsoluteURL(req, "post", "id", "7")
		add("absolute", u, err)
		u, err = h.URL(req, "hosted", "sub", "news", "id", "3")
		add("hosted", u, err)
		u, err = h.URL(req, "search", "page", "2", "sort", "new")
		add("search", u, err)
		u, err = h.URL(req, "item", "id", "5")
		add("item", u, err)
		u, err = h.URL(req, "static", RestParam, "css/site.css")
		add("static", u, err)
		_ = json.NewEncoder(w).Encode(links)
	}).Name("links")
	v1 := r.PathPrefix("/v1").Subrouter()
	v1.HandleFunc("/items/{id}", reportHandler).Methods(http.MethodGet).Name("item")
	r.Host("{sub}.example.com").Path("/h/{id}").HandlerFunc(reportHandler).Name("hosted")
	r.HandleFunc("/search", reportHandler).Queries("page", "{page:[0-9]+}").Name("search")
	r.PathPrefix("/static/").HandlerFunc(reportHandler).Name("static")

	shop := urlfortest.NewApp("shop",
		urlfortest.Route("cart", "GET", "/cart", urlfor.Literal("/cart")),
		urlfortest.Route("post", "GET", "/posts/:id", urlfor.Literal("/posts/"), urlfor.Param("id")),
	)
	d := http.NewServeMux()
	d.Handle("/api/", http.StripPrefix("/api", r))
	d.Handle("/shop/", http.StripPrefix("/shop", shop))
	party, err := core.New(d, []string{"/api/__invite__/", "/shop/__invite__/"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(party)
	t.Cleanup(srv.Close)
	return &apiParty{router: r, handle: h, party: party, srv: srv, client: noRedirects(srv)}
}

func TestOverHTTP(t *testing.T) {
	p := newAPIParty(t)
	for _, inv := range p.party.Invitations() {
		if !inv.Joined || inv.Status != http.StatusOK {
			t.Fatalf("invitation %+v", inv)
		}
	}
	part, err := p.handle.Participant()
	if err != nil || part.Namespace() != "api" || part.MountPrefix() != "/api" || part.Framework() != Framework {
		t.Fatalf("Participant = %v, %v", part, err)
	}

	// The invite route is out of reach from outside.
	for _, path := range []string{"/api/__invite__/", "/api/__invite__", "/api/__INVITE__/", "/api/x/../__invite__/"} {
		if status, _ := fetch(t, p.client, p.srv, path); status != http.StatusNotFound {
			t.Errorf("GET %s from outside: %d, want 404", path, status)
		}
	}

	resp, err := p.client.Get(p.srv.URL + "/api/links")
	if err != nil {
		t.Fatal(err)
	}
	var links map[string]string
	if err := json.NewDecoder(resp.Body).Decode(&links); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	want := map[string]string{
		"post":      "/api/posts/7",
		"pkg post":  "/api/posts/7",
		"shop:cart": "/shop/cart",
		"cart":      "/shop/cart",
		"absolute":  p.srv.URL + "/api/posts/7",
		"hosted":    "http://news.example.com/api/h/3",
		"search":    "/api/search?page=2&sort=new",
		"item":      "/api/v1/items/5",
		"static":    "/api/static/css/site.css",
	}
	for k, w := range want {
		if links[k] != w {
			t.Errorf("link %s = %q, want %q", k, links[k], w)
		}
	}

	// Every local link reaches its route with its values.
	follow := []struct {
		link, route string
		vars        map[string]string
		path        string
	}{
		{"post", "post", map[string]string{"id": "7"}, ""},
		{"hosted", "hosted", map[string]string{"sub": "news", "id": "3"}, ""},
		{"search", "search", map[string]string{"page": "2"}, ""},
		{"item", "item", map[string]string{"id": "5"}, ""},
		{"static", "static", nil, "/static/css/site.css"},
	}
	for _, f := range follow {
		status, rep := fetch(t, p.client, p.srv, links[f.link])
		if status != http.StatusOK || rep.Route != f.route {
			t.Errorf("GET %s: %d from %q, want 200 from %q", links[f.link], status, rep.Route, f.route)
			continue
		}
		for k, v := range f.vars {
			if rep.Vars[k] != v {
				t.Errorf("GET %s: var %s = %q, want %q", links[f.link], k, rep.Vars[k], v)
			}
		}
		if f.path != "" && rep.Path != f.path {
			t.Errorf("GET %s: path %q, want %q", links[f.link], rep.Path, f.path)
		}
	}

	// Redirects, followed by a real client.
	for path, wantRoute := range map[string]string{"/api/posts/9/edit": "post", "/api/go": "search"} {
		resp, err := p.srv.Client().Get(p.srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		var rep report
		_ = json.NewDecoder(resp.Body).Decode(&rep)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || rep.Route != wantRoute || resp.Request.URL.Path == path {
			t.Errorf("GET %s: ended at %s with %d from %q, want route %q", path, resp.Request.URL, resp.StatusCode, rep.Route, wantRoute)
		}
		if wantRoute == "post" && rep.Vars["id"] != "9" {
			t.Errorf("redirect lost the id: %v", rep.Vars)
		}
		if wantRoute == "search" && rep.Vars["page"] != "3" {
			t.Errorf("redirect lost the page: %v", rep.Vars)
		}
	}
}

func TestLateRoutesAndErrors(t *testing.T) {
	p := newAPIParty(t)
	req := httptest.NewRequest(http.MethodGet, "/posts/1", nil)
	b := urlfor.New(p.party)

	// Routes registered after the invitation are found, by this app and by
	// the others.
	p.router.HandleFunc("/late/{x}", reportHandler).Name("late")
	u, err := p.handle.URL(req, "late", "x", "y z")
	if err != nil || u != "/api/late/y%20z" {
		t.Fatalf("late route: %q, %v", u, err)
	}
	if u2, err := b.URL("api:late", "x", "y z"); err != nil || u2 != u {
		t.Fatalf("late route from the party: %q, %v", u2, err)
	}
	if status, rep := fetch(t, p.client, p.srv, u); status != http.StatusOK || rep.Route != "late" || rep.Vars["x"] != "y z" {
		t.Fatalf("GET %s: %d %+v", u, status, rep)
	}

	// Local first: inside the app "post" is its own; from outside the
	// bare name is ambiguous between the two apps.
	if u, err := p.handle.URL(req, "post", "id", "1"); err != nil || u != "/api/posts/1" {
		t.Errorf("local post: %q, %v", u, err)
	}
	if u, err := p.handle.URL(req, "shop:post", "id", "1"); err != nil || u != "/shop/posts/1" {
		t.Errorf("shop:post: %q, %v", u, err)
	}
	if _, err := b.URL("post", "id", "1"); !errors.Is(err, urlfor.ErrAmbiguous) {
		t.Errorf("bare post from the party: %v, want ambiguous", err)
	}

	// Typed errors.
	errCases := []struct {
		name  string
		pairs []string
		want  error
	}{
		{"pots", nil, urlfor.ErrUnknownEndpoint},
		{"post", []string{"id", "x"}, urlfor.ErrInvalidParam}, // {id:[0-9]+}, checked at build time as mux does
		{"post", nil, urlfor.ErrMissingParam},
		{"search", nil, urlfor.ErrMissingParam}, // query values are required
		{"search", []string{"page", "two"}, urlfor.ErrInvalidParam},
		{"hosted", []string{"sub", "a.b", "id", "1"}, urlfor.ErrInvalidParam}, // a host label
		{"post", []string{"id"}, urlfor.ErrBadCall},
	}
	for _, c := range errCases {
		if u, err := p.handle.URL(req, c.name, c.pairs...); !errors.Is(err, c.want) {
			t.Errorf("URL(%q, %q) = %q, %v; want %v", c.name, c.pairs, u, err, c.want)
		}
	}
	var unknown *urlfor.UnknownEndpointError
	if _, err := p.handle.URL(req, "pots"); !errors.As(err, &unknown) || !strings.Contains(err.Error(), `did you mean "post"`) {
		t.Errorf("unknown endpoint message: %v", err)
	}

	// Redirect refuses a status that is not 3xx and writes nothing.
	rec := httptest.NewRecorder()
	var rce *urlfor.RedirectCodeError
	if err := p.handle.Redirect(rec, req, http.StatusOK, "post", "id", "1"); !errors.As(err, &rce) || rce.Code != http.StatusOK || !errors.Is(err, urlfor.ErrBadCall) {
		t.Errorf("Redirect(200): %v", err)
	}
	if rec.Header().Get("Location") != "" || rec.Body.Len() != 0 {
		t.Errorf("Redirect(200) wrote %v %q", rec.Header(), rec.Body)
	}

	// Duplicate names across subrouters: mux keeps the last, we refuse.
	p.router.HandleFunc("/dup", reportHandler).Name("dup")
	p.router.PathPrefix("/sub").Subrouter().HandleFunc("/dup", reportHandler).Name("dup")
	if _, err := p.handle.URL(req, "dup"); !errors.Is(err, urlfor.ErrAmbiguous) {
		t.Errorf("duplicate name: %v, want ambiguous", err)
	}

	// AbsoluteURL trusts forwarding headers only when told.
	fwd := httptest.NewRequest(http.MethodGet, "http://internal:8080/posts/1", nil)
	fwd.Header.Set("X-Forwarded-Proto", "https")
	fwd.Header.Set("X-Forwarded-Host", "example.org")
	if u, err := p.handle.AbsoluteURL(fwd, "post", "id", "1"); err != nil || u != "http://internal:8080/api/posts/1" {
		t.Errorf("AbsoluteURL without TrustProxy: %q, %v", u, err)
	}

	// The template helper.
	tpl := template.Must(template.New("t").Funcs(p.handle.FuncMap()).Parse(`<a href="{{urlFor "post" "id" 7}}">{{urlFor "shop:cart"}}</a>`))
	var sb strings.Builder
	if err := tpl.Execute(&sb, nil); err != nil || sb.String() != `<a href="/api/posts/7">/shop/cart</a>` {
		t.Errorf("template: %q, %v", sb.String(), err)
	}
}

// How soon a late route is found when a stream of misses has spent
// urlfor's re-read budget (mux has no add-route hook, see the package doc):
// within ten re-reads' time without help, and at once after Refresh on the
// participant. Both are served.
func TestLateRouteUnderAStreamOfMisses(t *testing.T) {
	p := newAPIParty(t)
	part, err := p.handle.Participant()
	if err != nil {
		t.Fatal(err)
	}
	misses := func() {
		for range 20 {
			if _, err := p.handle.URL(nil, "nope"); !errors.Is(err, urlfor.ErrUnknownEndpoint) {
				t.Fatalf("URL(nope): %v, want ErrUnknownEndpoint", err)
			}
		}
	}

	misses()
	p.router.HandleFunc("/soon/{x}", reportHandler).Name("soon")
	deadline := time.Now().Add(5 * time.Second)
	u, err := p.handle.URL(nil, "soon", "x", "1")
	for ; err != nil && time.Now().Before(deadline); u, err = p.handle.URL(nil, "soon", "x", "1") {
		if !errors.Is(err, urlfor.ErrUnknownEndpoint) {
			t.Fatalf("URL(soon): %v", err)
		}
		time.Sleep(time.Millisecond)
	}
	if err != nil || u != "/api/soon/1" {
		t.Fatalf("URL(soon) = %q, %v after 5s of misses", u, err)
	}

	misses()
	p.router.HandleFunc("/now/{x}", reportHandler).Name("now")
	if !part.Refresh() {
		t.Error("Refresh() = false after a route was added")
	}
	if u, err := p.handle.URL(nil, "now", "x", "2"); err != nil || u != "/api/now/2" {
		t.Fatalf("URL(now) = %q, %v", u, err)
	}
	for _, c := range []struct{ u, route, x string }{{"/api/soon/1", "soon", "1"}, {"/api/now/2", "now", "2"}} {
		if status, rep := fetch(t, p.client, p.srv, c.u); status != http.StatusOK || rep.Route != c.route || rep.Vars["x"] != c.x {
			t.Errorf("GET %s: %d %+v", c.u, status, rep)
		}
	}
}

func TestTrustProxy(t *testing.T) {
	r := mux.NewRouter()
	h, err := Join(r, TrustProxy(), Namespace("blog"))
	if err != nil {
		t.Fatal(err)
	}
	r.HandleFunc("/p/{id}", reportHandler).Name("p")
	r.Host("{sub}.example.com").Schemes("https").Path("/s").HandlerFunc(reportHandler).Name("secure")
	d := http.NewServeMux()
	d.Handle("/b/", http.StripPrefix("/b", r))
	if _, err := core.New(d, []string{"/b/__invite__/"}); err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodGet, "http://internal/p/1", nil)
	req.Header.Set("X-Forwarded-Proto", "https")
	req.Header.Set("X-Forwarded-Host", "example.org")
	if u, err := h.AbsoluteURL(req, "p", "id", "1"); err != nil || u != "https://example.org/b/p/1" {
		t.Errorf("AbsoluteURL behind a proxy: %q, %v", u, err)
	}
	// A host route keeps its host, and its Schemes' first scheme.
	if u, err := h.URL(req, "blog:secure", "sub", "x"); err != nil || u != "https://x.example.com/b/s" {
		t.Errorf("secure: %q, %v", u, err)
	}
	req.Header.Set("X-Forwarded-Host", "evil.example/")
	if _, err := h.AbsoluteURL(req, "p", "id", "1"); !errors.Is(err, urlfor.ErrBadCall) {
		t.Errorf("poisoned forwarded host: %v", err)
	}
}

// TestMixedModes: mux copies UseEncodedPath into each route when it is
// created, so one router may hold routes of both modes; partymux probes
// each route.
func TestMixedModes(t *testing.T) {
	r := mux.NewRouter()
	h, err := Join(r)
	if err != nil {
		t.Fatal(err)
	}
	r.HandleFunc("/a/{id}", reportHandler).Name("before")
	r.UseEncodedPath()
	r.HandleFunc("/b/{id}", reportHandler).Name("after")
	d := http.NewServeMux()
	d.Handle("/m/", http.StripPrefix("/m", r))
	party, err := core.New(d, []string{"/m/__invite__/"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(party)
	defer srv.Close()
	if u, err := h.URL(nil, "before", "id", "x/y"); !errors.Is(err, urlfor.ErrInvalidParam) {
		t.Errorf("decoded-path route built %q, %v", u, err)
	}
	u, err := h.URL(nil, "after", "id", "x/y")
	if err != nil || u != "/m/b/x%2Fy" {
		t.Fatalf("encoded-path route: %q, %v", u, err)
	}
	if status, rep := fetch(t, noRedirects(srv), srv, u); status != http.StatusOK || rep.Route != "after" || rep.Vars["id"] != "x%2Fy" {
		t.Errorf("GET %s: %d %+v", u, status, rep)
	}
}
