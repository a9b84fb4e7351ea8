package partyhttp_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/adapters/nethttp"
	"github.com/partyline-go/partyline/core"
)

// hit is what every test endpoint answers: which route served the request,
// and what the request carried.
type hit struct {
	Route   string            `json:"route"`
	Pattern string            `json:"pattern"`
	Values  map[string]string `json:"values"` // r.PathValue of the route's wildcards
	Path    string            `json:"path"`   // r.URL.Path as the app sees it
	Query   string            `json:"query"`
	Host    string            `json:"host"`
}

// endpoint answers a hit as JSON; keys are the wildcards to read.
func endpoint(route string, keys ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h := hit{Route: route, Pattern: r.Pattern, Values: map[string]string{}, Path: r.URL.Path, Query: r.URL.RawQuery, Host: r.Host}
		for _, k := range keys {
			h.Values[k] = r.PathValue(k)
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(h)
	}
}

// app is one partyhttp app of a test party.
type app struct {
	mux *partyhttp.ServeMux
	h   *partyhttp.Handle
}

func newApp(t testing.TB, opts ...partyhttp.Option) *app {
	t.Helper()
	a := &app{mux: partyhttp.NewServeMux()}
	h, err := partyhttp.Join(a.mux, opts...)
	if err != nil {
		t.Fatalf("Join: %v", err)
	}
	a.h = h
	return a
}

// newPages is the blog-like app the tests mount at /pages.
func newPages(t testing.TB, opts ...partyhttp.Option) *app {
	a := newApp(t, opts...)
	m, h := a.mux, a.h
	m.Named("home").HandleFunc("GET /{$}", endpoint("pages:home"))
	m.Named("post").HandleFunc("GET /posts/{id}", endpoint("pages:post", "id"))
	m.HandleFunc("POST /posts/{id}", endpoint("pages:update", "id")) // unnamed
	m.Named("comment").HandleFunc("GET /posts/{id}/comments/{cid}", endpoint("pages:comment", "id", "cid"))
	m.Named("file").HandleFunc("/files/{path...}", endpoint("pages:file", "path"))
	m.Named("static").HandleFunc("/static/", endpoint("pages:static"))
	m.Named("about").HandleFunc("pages.test/about", endpoint("pages:about"))
	m.Named("go").HandleFunc("GET /go/{id}", func(w http.ResponseWriter, r *http.Request) {
		if err := h.Redirect(w, r, http.StatusSeeOther, "post", "id", r.PathValue("id")); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})
	m.Named("link").HandleFunc("GET /link/{name}", func(w http.ResponseWriter, r *http.Request) {
		var pairs []string
		for k, vs := range r.URL.Query() {
			pairs = append(pairs, k, vs[0])
		}
		u, err := h.URL(r, r.PathValue("name"), pairs...)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		fmt.Fprint(w, u)
	})
	m.Named("abs").HandleFunc("GET /abs/{id}", func(w http.ResponseWriter, r *http.Request) {
		u, err := h.AbsoluteURL(r, "post", "id", r.PathValue("id"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		fmt.Fprint(w, u)
	})
	return a
}

// newShop is a second app, mounted at /shop.
func newShop(t testing.TB) *app {
	a := newApp(t)
	a.mux.Named("home").HandleFunc("GET /{$}", endpoint("shop:home"))
	a.mux.Named("cart").HandleFunc("GET /cart/{id}", endpoint("shop:cart", "id"))
	return a
}

// party is a running test party: its apps behind a dispatcher, core.New
// around it, and a real server.
type party struct {
	pages, shop *app
	root        *app // the wrapper as the dispatcher, or nil
	dispatcher  http.Handler
	p           *core.Party
	srv         *httptest.Server
}

// dispatchers are the two ways the tests mount the apps: a plain
// http.ServeMux, and a partyhttp.ServeMux that is an app of the party too.
var dispatchers = []string{"http.ServeMux", "partyhttp.ServeMux"}

func newParty(t testing.TB, dispatcher string) *party {
	t.Helper()
	pt := &party{pages: newPages(t), shop: newShop(t)}
	var handler http.Handler
	invites := []string{"/pages/__invite__/", "/shop/__invite__/"}
	switch dispatcher {
	case "http.ServeMux":
		root := http.NewServeMux()
		root.Handle("/pages/", http.StripPrefix("/pages", pt.pages.mux))
		root.Handle("/shop/", http.StripPrefix("/shop", pt.shop.mux))
		handler = root
	case "partyhttp.ServeMux":
		pt.root = newApp(t)
		root := pt.root.mux
		root.Handle("/pages/", http.StripPrefix("/pages", pt.pages.mux))
		root.Handle("/shop/", http.StripPrefix("/shop", pt.shop.mux))
		root.Named("index").HandleFunc("GET /{$}", endpoint("root:index"))
		root.Named("home").HandleFunc("GET /home", endpoint("root:home"))
		handler = root
		invites = append([]string{"/__invite__/"}, invites...)
	default:
		t.Fatalf("unknown dispatcher %q", dispatcher)
	}
	pt.dispatcher = handler
	p, err := core.New(handler, invites)
	if err != nil {
		t.Fatalf("core.New: %v", err)
	}
	for _, inv := range p.Invitations() {
		if !inv.Joined {
			t.Fatalf("%s did not join: %+v", inv.Path, inv)
		}
	}
	pt.p = p
	pt.srv = httptest.NewServer(p)
	t.Cleanup(pt.srv.Close)
	return pt
}

// response is one answer of the server, redirects not followed.
type response struct {
	status   int
	body     string
	location string
}

func (pt *party) get(t testing.TB, target string, header ...string) response {
	t.Helper()
	return do(t, pt.srv, http.MethodGet, target, header...)
}

func do(t testing.TB, srv *httptest.Server, method, target string, header ...string) response {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+target, nil)
	if err != nil {
		t.Fatalf("NewRequest %s: %v", target, err)
	}
	if got := req.URL.RequestURI(); got != target {
		t.Fatalf("the client would send %q for %q", got, target)
	}
	for i := 0; i+1 < len(header); i += 2 {
		if header[i] == "Host" {
			req.Host = header[i+1]
			continue
		}
		req.Header.Set(header[i], header[i+1])
	}
	c := *srv.Client() // a copy: the server's client follows redirects
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{status: resp.StatusCode, body: string(b), location: resp.Header.Get("Location")}
}

// hitOf decodes an endpoint's answer.
func hitOf(t testing.TB, target string, r response) hit {
	t.Helper()
	var h hit
	if r.status != http.StatusOK || json.Unmarshal([]byte(r.body), &h) != nil {
		t.Fatalf("GET %s = %d %q, want 200 from an endpoint", target, r.status, strings.TrimSpace(r.body))
	}
	return h
}
