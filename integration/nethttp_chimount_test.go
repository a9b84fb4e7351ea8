package integration_test

// partyhttp (net/http ServeMux apps) under chi's Mount, which does not
// strip the mount prefix from r.URL.Path: mounted the idiomatic way, inside
// http.StripPrefix, and mounted bare, with the app's routes registered at
// their full paths. URLs are built, followed over real HTTP, and must reach
// the right pattern with the right r.PathValue values.

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"

	partyhttp "github.com/partyline-go/partyline/adapters/nethttp"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// nethttpChiSeen is what a test endpoint answers.
type nethttpChiSeen struct {
	Route   string            `json:"route"`
	Pattern string            `json:"pattern"`
	Values  map[string]string `json:"values"`
	Path    string            `json:"path"`
}

func nethttpChiEndpoint(route string, keys ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s := nethttpChiSeen{Route: route, Pattern: r.Pattern, Values: map[string]string{}, Path: r.URL.Path}
		for _, k := range keys {
			s.Values[k] = r.PathValue(k)
		}
		_ = json.NewEncoder(w).Encode(s)
	}
}

// nethttpChiApp registers the same endpoints under base ("" when the
// dispatcher strips the prefix, "/pages" when it does not).
func nethttpChiApp(t *testing.T, base string, opts ...partyhttp.Option) (*partyhttp.ServeMux, *partyhttp.Handle) {
	t.Helper()
	m := partyhttp.NewServeMux()
	h, err := partyhttp.Join(m, opts...)
	if err != nil {
		t.Fatal(err)
	}
	m.Named("home").HandleFunc("GET "+base+"/{$}", nethttpChiEndpoint("home"))
	m.Named("post").HandleFunc("GET "+base+"/posts/{id}", nethttpChiEndpoint("post", "id"))
	m.Named("comment").HandleFunc("GET "+base+"/posts/{id}/comments/{cid}", nethttpChiEndpoint("comment", "id", "cid"))
	m.Named("file").HandleFunc(base+"/files/{path...}", nethttpChiEndpoint("file", "path"))
	m.Named("static").HandleFunc(base+"/static/", nethttpChiEndpoint("static"))
	m.Named("go").HandleFunc("GET "+base+"/go/{id}", func(w http.ResponseWriter, r *http.Request) {
		if err := h.Redirect(w, r, http.StatusFound, "post", "id", r.PathValue("id")); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})
	m.Named("link").HandleFunc("GET "+base+"/link/{name}/{id}", func(w http.ResponseWriter, r *http.Request) {
		u, err := h.URL(r, r.PathValue("name"), "id", r.PathValue("id"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		fmt.Fprint(w, u)
	})
	return m, h
}

func nethttpChiGet(t *testing.T, srv *httptest.Server, target string) (int, string, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, srv.URL+target, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := req.URL.RequestURI(); got != target {
		t.Fatalf("the client would send %q for %q", got, target)
	}
	c := *srv.Client()
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header.Get("Location")
}

func nethttpChiFollow(t *testing.T, srv *httptest.Server, target string) nethttpChiSeen {
	t.Helper()
	code, body, _ := nethttpChiGet(t, srv, target)
	var s nethttpChiSeen
	if code != http.StatusOK || json.Unmarshal([]byte(body), &s) != nil {
		t.Fatalf("GET %s = %d %q, want 200 from an endpoint", target, code, strings.TrimSpace(body))
	}
	return s
}

func TestNethttpUnderChiMount(t *testing.T) {
	for _, mode := range []string{"StripPrefix", "full paths"} {
		t.Run(mode, func(t *testing.T) {
			r := chi.NewRouter()
			var pages *partyhttp.ServeMux
			var h *partyhttp.Handle
			base := ""
			if mode == "StripPrefix" {
				pages, h = nethttpChiApp(t, "")
				r.Mount("/pages", http.StripPrefix("/pages", pages))
			} else {
				base = "/pages"
				pages, h = nethttpChiApp(t, base, partyhttp.InviteRoute("/pages/__invite__/"), partyhttp.Namespace("pages"))
				r.Mount("/pages", pages)
			}
			// A second app, mounted the idiomatic way, that links to pages.
			shop, shopH := nethttpChiApp(t, "", partyhttp.Namespace("shop"))
			r.Mount("/shop", http.StripPrefix("/shop", shop))
			r.Get("/", nethttpChiEndpoint("chi root"))

			party, err := core.New(r, []string{"/pages/__invite__/", "/shop/__invite__/"})
			if err != nil {
				t.Fatal(err)
			}
			for _, inv := range party.Invitations() {
				if !inv.Joined {
					t.Fatalf("%s did not join: %+v", inv.Path, inv)
				}
			}
			if p, err := h.Participant(); err != nil || p.Namespace() != "pages" {
				t.Fatalf("pages participant: %v, %v", p, err)
			}
			srv := httptest.NewServer(party)
			defer srv.Close()

			values := []string{"7", "a/b c", "%", "%2F", "é", "{id}", ":id", "+", ";", "?#", "//", "a\\b"}
			for _, v := range values {
				for _, from := range []*partyhttp.Handle{h, shopH} {
					u, err := from.URL(nil, "pages:comment", "id", v, "cid", v+"!")
					if err != nil {
						t.Errorf("URL(pages:comment, %q): %v", v, err)
						continue
					}
					s := nethttpChiFollow(t, srv, u)
					if s.Route != "comment" || s.Values["id"] != v || s.Values["cid"] != v+"!" {
						t.Errorf("GET %s = %+v, want comment %q %q", u, s, v, v+"!")
					}
					if s.Pattern != "GET "+base+"/posts/{id}/comments/{cid}" {
						t.Errorf("GET %s matched %q", u, s.Pattern)
					}
				}
			}
			for _, tc := range []struct{ name, key, value, route, wantPath string }{
				{"home", "", "", "home", "/pages/"},
				{"file", "path", "docs/a b/c%d.txt", "file", "/pages/files/docs/a%20b/c%25d.txt"},
				{"static", partyhttp.SubtreeParam, "css/site.css", "static", "/pages/static/css/site.css"},
			} {
				var pairs []string
				if tc.key != "" {
					pairs = []string{tc.key, tc.value}
				}
				u, err := h.URL(nil, tc.name, pairs...)
				if err != nil || u != tc.wantPath {
					t.Errorf("URL(%s) = %q, %v; want %q", tc.name, u, err, tc.wantPath)
					continue
				}
				s := nethttpChiFollow(t, srv, u)
				if s.Route != tc.route || tc.key == "path" && s.Values["path"] != tc.value {
					t.Errorf("GET %s = %+v", u, s)
				}
			}
			if _, err := h.URL(nil, "post", "id", "/"); err == nil {
				t.Error(`URL(post, id, "/") built a URL ServeMux cannot route back`)
			}

			// Cross-app link built inside a handler, then followed.
			if code, body, _ := nethttpChiGet(t, srv, "/shop/link/pages:post/x%2Fy"); code != 200 || body != "/pages/posts/x%2Fy" {
				t.Errorf("shop link = %d %q", code, body)
			} else if s := nethttpChiFollow(t, srv, body); s.Route != "post" || s.Values["id"] != "x/y" {
				t.Errorf("GET %s = %+v", body, s)
			}
			// Redirect, followed.
			code, _, loc := nethttpChiGet(t, srv, "/pages/go/a%20b")
			if code != http.StatusFound || loc != "/pages/posts/a%20b" {
				t.Fatalf("redirect = %d %q", code, loc)
			}
			if s := nethttpChiFollow(t, srv, loc); s.Route != "post" || s.Values["id"] != "a b" {
				t.Errorf("redirect target = %+v", s)
			}
			// The invite routes are unreachable from outside.
			for _, target := range []string{"/pages/__invite__/", "/shop/__invite__/", "/pages/__invite__"} {
				if code, _, _ := nethttpChiGet(t, srv, target); code != http.StatusNotFound {
					t.Errorf("GET %s = %d, want 404", target, code)
				}
			}
			// Routes added after the invitation are found and reached.
			pages.Named("late").HandleFunc("GET "+base+"/late/{slug}", nethttpChiEndpoint("late", "slug"))
			u, err := shopH.URL(nil, "pages:late", "slug", "a/b")
			if err != nil || u != "/pages/late/a%2Fb" {
				t.Fatalf("URL(pages:late) = %q, %v", u, err)
			}
			if s := nethttpChiFollow(t, srv, u); s.Route != "late" || s.Values["slug"] != "a/b" {
				t.Errorf("GET %s = %+v", u, s)
			}
			// Local first: "home" from the shop is the shop's.
			if u, err := shopH.URL(nil, "home"); err != nil || u != "/shop/" {
				t.Errorf("shop URL(home) = %q, %v", u, err)
			}
			if _, err := urlfor.New(party).URL("home"); err == nil {
				t.Error("a bare name two apps have is not ambiguous from outside")
			}
		})
	}
}
