package partyechov5

import (
	"errors"
	"testing"

	"github.com/labstack/echo/v5"
	"github.com/partyline-go/partyline/urlfor"
)

// FuzzRoundTrip is the round-trip law for echo v5, in each RouterConfig
// setting: for arbitrary values a and b, URL either fails with a
// *urlfor.ParamError, or builds a URL that, requested over real HTTP
// through the party (core.New around an http.ServeMux with
// http.StripPrefix), reaches the route it was built for with every value
// intact through Param, and through c.Param where the setting decodes or,
// by default, unless a one-segment value holds "/" (cParamExact); the
// query value through c.QueryParam.
func FuzzRoundTrip(f *testing.F) {
	for _, v := range []string{
		"", " ", "a b", "/", "a/b", "/a", "a/", "%2F", "%", "100%", "100%-cotton", "%41", "?", "#", "a?b#c",
		"Smith, John", "a,b", "a/100%", "%2Fa/b",
		"..", ".", "a/../b", "./a", "été", "日本語", "{id}", ":id", "*", "+", ";", ",", "a;b,c",
		"~!$&'()*+,=:@", "\\", "a\x00b", "\xff", "-", "posts", "__invite__", "a//b", "a:cancel",
		"new", "latest", "readme", "readme/x", "ip", "admin", "n", "x:cancel:cancel",
	} {
		f.Add(v, "7")
		f.Add("7", v)
	}
	type server struct {
		h      *Handle
		srv    func(t testing.TB, u string) seen
		decode bool // c.Param is always decoded
	}
	var servers []server
	for setting, cfg := range configs {
		e := newEcho(cfg, false)
		Named(e, "post").GET("/posts/:id", record)
		Named(e, "pair").GET("/users/:uid/posts/:pid", record)
		Named(e, "files").GET("/users/:uid/files/*", record)
		Named(e, "ver").GET("/v:ver/items", record)
		Named(e, "colon").GET(`/a\:b/:x`, record)
		Named(e, "verb").GET(`/t/:id\:cancel`, record)
		Named(e.Group("/g", func(next echo.HandlerFunc) echo.HandlerFunc { return next }), "group").GET("/:x/edit", record)
		// Competitors: echo prefers their static text to the parameters above.
		e.GET("/posts/new", record)
		e.GET("/users/:uid/posts/latest", record)
		e.GET("/users/:uid/files/readme", record)
		e.GET("/vip/items", record)
		e.GET("/g/admin/edit", record)
		e.GET(`/t/new\:cancel`, record)
		h := mustJoin(f, e)
		_, srv := party(f, app{"/blog", e})
		servers = append(servers, server{h, func(t testing.TB, u string) seen { return getSeen(t, srv, u) }, setting != "default"})
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, s := range servers {
			for _, tt := range []struct {
				name   string
				route  string
				params []string // key, value...: the route's
			}{
				{"post", "/posts/:id", []string{"id", a}},
				{"pair", "/users/:uid/posts/:pid", []string{"uid", a, "pid", b}},
				{"files", "/users/:uid/files/*", []string{"uid", b, "*", a}},
				{"ver", "/v:ver/items", []string{"ver", a}},
				{"colon", `/a\:b/:x`, []string{"x", b}},
				{"verb", `/t/:id\:cancel`, []string{"id", a}},
				{"group", "/g/:x/edit", []string{"x", a}},
			} {
				u, err := s.h.URL(nil, tt.name, append(tt.params, "q", b)...)
				if err != nil {
					var pe *urlfor.ParamError
					if !errors.As(err, &pe) {
						t.Fatalf("URL(%s, %q): %v (%T), want a *urlfor.ParamError", tt.name, tt.params, err, err)
					}
					continue
				}
				got := s.srv(t, u) // fails unless 200 with a record body
				if got.Route != tt.route {
					t.Fatalf("URL(%s, %q) = %q reached %q", tt.name, tt.params, u, got.Route)
				}
				native := s.decode || cParamExact(tt.params)
				for i := 0; i < len(tt.params); i += 2 {
					k, v := tt.params[i], tt.params[i+1]
					if got.Exact[k] != v || native && got.Raw[k] != v {
						t.Fatalf("URL(%s, %q) = %q: %s: c.Param %q, Param %q; want %q (c.Param exact: %v)", tt.name, tt.params, u, k, got.Raw[k], got.Exact[k], v, native)
					}
				}
				if got.Query["q"] != b {
					t.Fatalf("URL(%s, %q) = %q: q = %q, want %q", tt.name, tt.params, u, got.Query["q"], b)
				}
			}
		}
	})
}
