package partyechov5

import (
	"fmt"
	"strings"
	"testing"

	"github.com/labstack/echo/v5"
)

// TestWhatHandlersReceive pins down, for every RouterConfig setting, what
// echo's c.Param returns for hand-typed escapes and that Param is exact
// (the table of the package doc), and that the router's mode is learnt by
// asking it, behind the concurrent router as well.
func TestWhatHandlersReceive(t *testing.T) {
	tests := []struct {
		setting string
		mode    mode
		raw     map[string]string // request path -> c.Param("id")
	}{
		{"default", rawValues, map[string]string{"/posts/a%2Fb": "a%2Fb", "/posts/a%20b": "a b", "/posts/100%25": "100%", "/posts/a%252Fb": "a%2Fb", "/posts/a,b": "a,b", "/posts/a%2Cb": "a%2Cb"}},
		{"UnescapePathParamValues", unescaped, map[string]string{"/posts/a%2Fb": "a/b", "/posts/a%20b": "a b", "/posts/100%25": "100%", "/posts/a%252Fb": "a%2Fb", "/posts/a,b": "a,b", "/posts/a%2Cb": "a,b"}},
		{"UseEscapedPathForMatching", decodedPath, map[string]string{"/posts/a%2Fb": "a/b" /* a leaf takes the rest of the decoded path */, "/posts/a%20b": "a b", "/posts/100%25": "100%", "/posts/a%252Fb": "a%2Fb", "/posts/a,b": "a,b", "/posts/a%2Cb": "a,b"}},
	}
	// "/posts/a,b" is how partyechov5 writes "a,b"; "/posts/a%2Cb", typed by
	// hand, has a RawPath.
	exact := map[string]string{"/posts/a%2Fb": "a/b", "/posts/a%20b": "a b", "/posts/100%25": "100%", "/posts/a%252Fb": "a%2Fb", "/posts/a,b": "a,b", "/posts/a%2Cb": "a,b"}
	for _, tt := range tests {
		for _, concurrent := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/concurrent=%v", tt.setting, concurrent), func(t *testing.T) {
				e := newEcho(configs[tt.setting], concurrent)
				e.GET("/posts/:id", record)
				h := mustJoin(t, e)
				_, srv := party(t, app{"/blog", e})
				if got := h.src.mode(e, nil); got != tt.mode {
					t.Errorf("mode = %d, want %d", got, tt.mode)
				}
				for path, want := range tt.raw {
					s := getSeen(t, srv, "/blog"+path)
					if s.Raw["id"] != want || s.Exact["id"] != exact[path] {
						t.Errorf("GET %s: c.Param %q, Param %q; want %q, %q", path, s.Raw["id"], s.Exact["id"], want, exact[path])
					}
				}
			})
		}
	}
}

// TestPercentValues: echo v5 routes values holding "%" and hands them
// back, through Param in every setting and through c.Param where the
// request has no RawPath, so they are built, not refused.
func TestPercentValues(t *testing.T) {
	for setting, cfg := range configs {
		t.Run(setting, func(t *testing.T) {
			e := newEcho(cfg, false)
			Named(e, "post").GET("/posts/:id", record)
			Named(e, "pair").GET("/pair/:a/:b", record)
			Named(e, "files").GET("/files/*", record)
			h := mustJoin(t, e)
			_, srv := party(t, app{"/blog", e})
			for _, v := range []string{"100%", "%41", "%2F", "%", "a%2Fb", "%25"} {
				for _, c := range []struct{ name, route, key string }{{"post", "/posts/:id", "id"}, {"files", "/files/*", "*"}} {
					u, err := h.URL(nil, c.name, c.key, v)
					if err != nil {
						t.Fatalf("URL(%s, %q): %v", c.name, v, err)
					}
					if s := getSeen(t, srv, u); s.Route != c.route || s.Exact[c.key] != v {
						t.Errorf("URL(%s, %q) = %q: %s, Param %q", c.name, v, u, s.Route, s.Exact[c.key])
					}
				}
				// "/" in the other value gives the request a RawPath: c.Param
				// is then raw by default, and Param still exact.
				u, err := h.URL(nil, "pair", "a", v, "b", "x/y")
				if setting == "UseEscapedPathForMatching" {
					if err == nil || !strings.Contains(err.Error(), `"/"`) {
						t.Errorf("URL(pair, %q, x/y) = %q, %v; want a refusal of \"/\"", v, u, err)
					}
					continue
				}
				if s := getSeen(t, srv, u); s.Exact["a"] != v || s.Exact["b"] != "x/y" {
					t.Errorf("URL(pair, %q, x/y) = %q: Param %q", v, u, s.Exact)
				} else if setting == "default" && s.Raw["a"] == v && strings.Contains(v, "%") {
					t.Errorf("URL(pair, %q, x/y) = %q: c.Param %q is not raw", v, u, s.Raw["a"])
				}
			}
		})
	}
}

// TestReverseSplicesRaw pins down echo's own reverse function for the
// README comparison: Routes().Reverse writes values with %v, unescaped
// (echo #2165: "a/b" becomes two segments, "?" starts a query), and leaves
// ":id" in the URL for a missing value; partyechov5 escapes and refuses.
func TestReverseSplicesRaw(t *testing.T) {
	e := echo.New()
	Named(e, "post").GET("/posts/:id", record)
	h := mustJoin(t, e)
	party(t, app{"/blog", e})
	for _, tt := range []struct{ value, echo, ours string }{
		{"a/b", "/posts/a/b", "/blog/posts/a%2Fb"},
		{"a?b#c", "/posts/a?b#c", "/blog/posts/a%3Fb%23c"},
		{"100%", "/posts/100%", "/blog/posts/100%25"},
	} {
		got, err := e.Router().Routes().Reverse("post", tt.value)
		if err != nil || got != tt.echo {
			t.Errorf("Reverse(post, %q) = %q, %v; want %q", tt.value, got, err, tt.echo)
		}
		if u, err := h.URL(nil, "post", "id", tt.value); u != tt.ours {
			t.Errorf("URL(post, %q) = %q, %v; want %q", tt.value, u, err, tt.ours)
		}
	}
	if got, _ := e.Router().Routes().Reverse("post"); got != "/posts/:id" {
		t.Errorf("Reverse(post) = %q, want the placeholder left in", got)
	}
	if _, err := h.URL(nil, "post"); err == nil {
		t.Error("URL(post) without id built")
	}
}
