package partyecho

import (
	"errors"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/partyline-go/partyline/urlfor"
)

// FuzzRoundTrip is the round-trip law for echo: for arbitrary values a
// and b, URL either fails with a *urlfor.ParamError (TakenBy set when
// another route takes the value), or builds a URL that,
// requested over real HTTP through the party (core.New around an
// http.ServeMux with http.StripPrefix), reaches the route it was built for
// with every value intact through Param, and through c.Param unless a
// one-segment value holds "/" (cParamExact, the package doc); the query
// value through c.QueryParam.
func FuzzRoundTrip(f *testing.F) {
	for _, v := range []string{
		"", " ", "a b", "/", "a/b", "/a", "a/", "%2F", "%", "100%", "100%-cotton", "%41", "?", "#", "a?b#c",
		"Smith, John", "a,b", "a/100%", "%2Fa/b",
		"..", ".", "a/../b", "./a", "été", "日本語", "{id}", ":id", "*", "+", ";", ",", "a;b,c",
		"~!$&'()*+,=:@", "\\", "a\x00b", "\xff", "-", "posts", "__invite__", "a//b",
		"new", "latest", "readme", "readme/x", "ip", "admin", "n",
	} {
		f.Add(v, "7")
		f.Add("7", v)
	}

	e := echo.New()
	e.GET("/posts/:id", record).Name = "post"
	e.GET("/users/:uid/posts/:pid", record).Name = "pair"
	e.GET("/users/:uid/files/*", record).Name = "files"
	e.GET("/v:ver/items", record).Name = "ver"
	e.GET(`/a\:b/:x`, record).Name = "colon"
	e.Group("/g").GET("/:x/edit", record).Name = "group"
	// Competitors: echo prefers their static text to the parameters above.
	e.GET("/posts/new", record)
	e.GET("/users/:uid/posts/latest", record)
	e.GET("/users/:uid/files/readme", record)
	e.GET("/vip/items", record)
	e.GET("/g/admin/edit", record)
	h := mustJoin(f, e)
	_, srv := party(f, app{"/blog", e})
	c := ctx(e, "/")

	f.Fuzz(func(t *testing.T, a, b string) {
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
			{"group", "/g/:x/edit", []string{"x", a}},
		} {
			u, err := h.URL(c, tt.name, append(tt.params, "q", b)...)
			if err != nil {
				var pe *urlfor.ParamError
				if !errors.As(err, &pe) {
					t.Fatalf("URL(%s, %q): %v (%T), want a *urlfor.ParamError", tt.name, tt.params, err, err)
				}
				continue
			}
			s := getSeen(t, srv, u) // fails unless 200 with a record body
			if s.Route != tt.route {
				t.Fatalf("URL(%s, %q) = %q reached %q", tt.name, tt.params, u, s.Route)
			}
			native := cParamExact(tt.params)
			for i := 0; i < len(tt.params); i += 2 {
				k, v := tt.params[i], tt.params[i+1]
				if s.Exact[k] != v || native && s.Raw[k] != v {
					t.Fatalf("URL(%s, %q) = %q: %s: c.Param %q, Param %q; want %q (c.Param exact: %v)",
						tt.name, tt.params, u, k, s.Raw[k], s.Exact[k], v, native)
				}
			}
			if s.Query["q"] != b {
				t.Fatalf("URL(%s, %q) = %q: q = %q, want %q", tt.name, tt.params, u, s.Query["q"], b)
			}
		}
	})
}
