package partyhttp_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/urlfor"
)

// URLs built by the adapter, followed over real HTTP through the dispatcher
// and core.New, reach the right handler with the right r.PathValue values:
// under a plain http.ServeMux with http.StripPrefix, and under a
// partyhttp.ServeMux that is itself an app of the party.
func TestURLsFollowedOverHTTP(t *testing.T) {
	cases := []struct {
		name   string
		pairs  []string
		want   string // the URL
		route  string // the endpoint that must answer
		values map[string]string
		query  string
	}{
		{"home", nil, "/pages/", "pages:home", nil, ""},
		{"post", []string{"id", "7"}, "/pages/posts/7", "pages:post", map[string]string{"id": "7"}, ""},
		{"post", []string{"id", "a/b c"}, "/pages/posts/a%2Fb%20c", "pages:post", map[string]string{"id": "a/b c"}, ""},
		{"post", []string{"id", "100%"}, "/pages/posts/100%25", "pages:post", map[string]string{"id": "100%"}, ""},
		{"post", []string{"id", "é?#"}, "/pages/posts/%C3%A9%3F%23", "pages:post", map[string]string{"id": "é?#"}, ""},
		{"post", []string{"id", "7", "page", "2", "q", "a b"}, "/pages/posts/7?page=2&q=a+b", "pages:post", map[string]string{"id": "7"}, "page=2&q=a+b"},
		{"comment", []string{"id", "7", "cid", "x;y"}, "/pages/posts/7/comments/x;y", "pages:comment", map[string]string{"id": "7", "cid": "x;y"}, ""},
		{"comment", []string{"id", "Smith, John", "cid", "a,b;c"}, "/pages/posts/Smith,%20John/comments/a,b;c", "pages:comment", map[string]string{"id": "Smith, John", "cid": "a,b;c"}, ""},
		{"file", []string{"path", "a,b/c;d"}, "/pages/files/a,b/c;d", "pages:file", map[string]string{"path": "a,b/c;d"}, ""},
		{"file", []string{"path", "docs/a b/c.txt"}, "/pages/files/docs/a%20b/c.txt", "pages:file", map[string]string{"path": "docs/a b/c.txt"}, ""},
		{"file", []string{"path", ""}, "/pages/files/", "pages:file", map[string]string{"path": ""}, ""},
		{"static", nil, "/pages/static/", "pages:static", nil, ""},
		{"static", []string{"*", "css/site.css"}, "/pages/static/css/site.css", "pages:static", nil, ""},
		{"shop:cart", []string{"id", "9"}, "/shop/cart/9", "shop:cart", map[string]string{"id": "9"}, ""},
		{"cart", []string{"id", "9"}, "/shop/cart/9", "shop:cart", map[string]string{"id": "9"}, ""},
		{"shop:home", nil, "/shop/", "shop:home", nil, ""},
	}
	for _, d := range dispatchers {
		t.Run(d, func(t *testing.T) {
			pt := newParty(t, d)
			for _, tc := range cases {
				u, err := pt.pages.h.URL(nil, tc.name, tc.pairs...)
				if err != nil || u != tc.want {
					t.Errorf("URL(%q, %q) = %q, %v; want %q", tc.name, tc.pairs, u, err, tc.want)
					continue
				}
				h := hitOf(t, u, pt.get(t, u))
				if h.Route != tc.route {
					t.Errorf("GET %s reached %s, want %s", u, h.Route, tc.route)
				}
				for k, v := range tc.values {
					if h.Values[k] != v {
						t.Errorf("GET %s: r.PathValue(%q) = %q, want %q", u, k, h.Values[k], v)
					}
				}
				if h.Query != tc.query {
					t.Errorf("GET %s: query %q, want %q", u, h.Query, tc.query)
				}
			}
		})
	}
}

// Inside a handler, over HTTP: bare names are the app's own first, then the
// one app that has the name; qualified names reach that app.
func TestLocalFirstOverHTTP(t *testing.T) {
	for _, d := range dispatchers {
		t.Run(d, func(t *testing.T) {
			pt := newParty(t, d)
			for target, want := range map[string]string{
				"/pages/link/home":               "/pages/",
				"/pages/link/shop:home":          "/shop/",
				"/pages/link/cart?id=3":          "/shop/cart/3",
				"/pages/link/post?id=3&x=%2F":    "/pages/posts/3?x=%2F",
				"/pages/link/pages:post?id=3":    "/pages/posts/3",
				"/pages/link/comment?id=1&cid=2": "/pages/posts/1/comments/2",
			} {
				r := pt.get(t, target)
				if r.status != http.StatusOK || r.body != want {
					t.Errorf("GET %s = %d %q, want %q", target, r.status, r.body, want)
					continue
				}
				hitOf(t, r.body, pt.get(t, r.body)) // and the link leads somewhere
			}
			if pt.root != nil {
				// The root app has no namespace: its names are bare, its own first.
				if u, err := pt.root.h.URL(nil, "home"); err != nil || u != "/home" {
					t.Errorf("root URL(home) = %q, %v; want /home", u, err)
				}
				if u, err := pt.shop.h.URL(nil, "index"); err != nil || u != "/" {
					t.Errorf("shop URL(index) = %q, %v; want /", u, err)
				}
				if h := hitOf(t, "/", pt.get(t, "/")); h.Route != "root:index" {
					t.Errorf("GET / reached %s", h.Route)
				}
				// From outside every app, a bare "home" is ambiguous.
				_, err := urlfor.New(pt.p).URL("home")
				var amb *urlfor.AmbiguousError
				if !errors.As(err, &amb) || len(amb.Candidates) != 3 {
					t.Errorf("Builder.URL(home) = %v, want ambiguity between 3 apps", err)
				}
			}
		})
	}
}

// The invite route is unreachable from outside (the party answers 404
// before the dispatcher), and the app's own invite route answers 404 to
// anything but the invitation.
func TestInviteRouteFromOutside(t *testing.T) {
	for _, d := range dispatchers {
		t.Run(d, func(t *testing.T) {
			pt := newParty(t, d)
			targets := []string{"/pages/__invite__/", "/pages/__invite__", "/shop/__invite__/", "/pages/__INVITE__/"}
			if pt.root != nil {
				targets = append(targets, "/__invite__/")
			}
			for _, target := range targets {
				for _, method := range []string{http.MethodGet, http.MethodPost, http.MethodHead} {
					if r := do(t, pt.srv, method, target); r.status != http.StatusNotFound {
						t.Errorf("%s %s = %d, want 404", method, target, r.status)
					}
				}
			}
			// Behind the party's back, the app's invite route still says 404.
			for _, target := range []string{"/pages/__invite__/", "/shop/__invite__/"} {
				req, _ := http.NewRequest(http.MethodGet, "http://x"+target, nil)
				rec := &statusRecorder{header: http.Header{}}
				pt.dispatcher.ServeHTTP(rec, req)
				if rec.code != http.StatusNotFound {
					t.Errorf("app's invite route %s answered %d to a plain request, want 404", target, rec.code)
				}
			}
		})
	}
}

// Routes registered after the invitation are found at the next build, from
// the app and from the others, even after a stream of misses (ServeMux
// versions its routes: no re-read budget), and followed.
func TestRoutesAddedAfterTheInvitation(t *testing.T) {
	for _, d := range dispatchers {
		t.Run(d, func(t *testing.T) {
			pt := newParty(t, d)
			for range 20 {
				if _, err := pt.shop.h.URL(nil, "pages:late", "slug", "x"); !errors.Is(err, urlfor.ErrUnknownEndpoint) {
					t.Fatalf("before it is registered: %v, want ErrUnknownEndpoint", err)
				}
				if _, err := pt.pages.h.URL(nil, "late", "slug", "x"); !errors.Is(err, urlfor.ErrUnknownEndpoint) {
					t.Fatalf("before it is registered, locally: %v, want ErrUnknownEndpoint", err)
				}
			}
			pt.pages.mux.Named("late").HandleFunc("GET /late/{slug}", endpoint("pages:late", "slug"))
			for _, h := range []*appHandle{{"pages", pt.pages}, {"shop", pt.shop}} {
				u, err := h.a.h.URL(nil, "pages:late", "slug", "a/b")
				if err != nil || u != "/pages/late/a%2Fb" {
					t.Fatalf("%s: URL(pages:late) = %q, %v", h.name, u, err)
				}
				if got := hitOf(t, u, pt.get(t, u)); got.Route != "pages:late" || got.Values["slug"] != "a/b" {
					t.Errorf("GET %s = %+v", u, got)
				}
			}
			u, err := pt.pages.h.URL(nil, "late", "slug", "y")
			if err != nil || u != "/pages/late/y" {
				t.Errorf("bare local URL(late) = %q, %v", u, err)
			}
		})
	}
}

type appHandle struct {
	name string
	a    *app
}

// Redirect answers with the URL, and following it lands on the endpoint.
func TestRedirectFollowedOverHTTP(t *testing.T) {
	for _, d := range dispatchers {
		t.Run(d, func(t *testing.T) {
			pt := newParty(t, d)
			r := pt.get(t, "/pages/go/a%2Fb")
			if r.status != http.StatusSeeOther || r.location != "/pages/posts/a%2Fb" {
				t.Fatalf("GET /pages/go/a%%2Fb = %d Location %q, want 303 /pages/posts/a%%2Fb", r.status, r.location)
			}
			resp, err := pt.srv.Client().Get(pt.srv.URL + "/pages/go/a%2Fb") // follows
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if resp.Request.URL.EscapedPath() != "/pages/posts/a%2Fb" || resp.StatusCode != http.StatusOK {
				t.Fatalf("followed to %s, status %d", resp.Request.URL, resp.StatusCode)
			}
			if h := hitOf(t, r.location, pt.get(t, r.location)); h.Route != "pages:post" || h.Values["id"] != "a/b" {
				t.Errorf("redirect target answered %+v", h)
			}
		})
	}
}

// AbsoluteURL uses the origin the client reached; host routes are absolute
// with their own host, and reached with it.
func TestAbsoluteAndHostURLsOverHTTP(t *testing.T) {
	pt := newParty(t, "http.ServeMux")
	r := pt.get(t, "/pages/abs/7", "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https")
	if want := pt.srv.URL + "/pages/posts/7"; r.status != http.StatusOK || r.body != want {
		t.Fatalf("AbsoluteURL = %d %q, want %q (proxy headers not trusted)", r.status, r.body, want)
	}
	u, err := pt.pages.h.URL(nil, "about")
	if err != nil || u != "http://pages.test/pages/about" {
		t.Fatalf("URL(about) = %q, %v", u, err)
	}
	path := strings.TrimPrefix(u, "http://pages.test")
	if h := hitOf(t, path, pt.get(t, path, "Host", "pages.test")); h.Route != "pages:about" {
		t.Errorf("GET %s with Host pages.test reached %s", path, h.Route)
	}
	if r := pt.get(t, path); r.status != http.StatusNotFound {
		t.Errorf("GET %s with another host = %d, want 404 (ServeMux matches the host)", path, r.status)
	}
}

// statusRecorder keeps the status of one response.
type statusRecorder struct {
	header http.Header
	code   int
}

func (r *statusRecorder) Header() http.Header { return r.header }
func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.code == 0 {
		r.code = http.StatusOK
	}
	return len(b), nil
}
func (r *statusRecorder) WriteHeader(code int) {
	if r.code == 0 {
		r.code = code
	}
}
