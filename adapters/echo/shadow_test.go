package partyecho

import (
	"errors"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/partyline-go/partyline/urlfor"
)

// TestShadowedValues: values that echo would route to another route
// (static before parameter before wildcard) are refused with a
// *ShadowedError naming that route; every other value builds a URL that
// reaches the route it was built for, over real HTTP. For each refused
// value the unconstrained URL is routed too, to show that echo would
// indeed send it elsewhere.
func TestShadowedValues(t *testing.T) {
	tests := []struct {
		name   string
		routes func(e *echo.Echo)
		target string   // pattern of the route named "it"
		param  string   // its parameter under test
		fixed  []string // other pairs
		taken  []string // refused, by a ShadowedError, and routed elsewhere unconstrained
		over   []string // refused too, though echo may route them back (over-approximation)
		free   []string // built and routed back
	}{
		{
			name:   "static sibling",
			routes: func(e *echo.Echo) { e.GET("/posts/new", record) },
			target: "/posts/:id", param: "id",
			taken: []string{"new"}, free: []string{"news", "ne", "NEW", "new!", "old"},
		},
		{
			name:   "static sibling of another method",
			routes: func(e *echo.Echo) { e.POST("/posts/new", record) },
			target: "/posts/:id", param: "id",
			free: []string{"new"},
		},
		{
			name:   "static sibling with the same rest",
			routes: func(e *echo.Echo) { e.GET("/posts/new/edit", record); e.GET("/posts/old/delete", record) },
			target: "/posts/:id/edit", param: "id",
			taken: []string{"new"}, free: []string{"old", "newer"},
		},
		{
			name:   "literal before the parameter",
			routes: func(e *echo.Echo) { e.GET("/vip", record) },
			target: "/v:ver", param: "ver",
			taken: []string{"ip"}, free: []string{"i", "ipx", "2"},
		},
		{
			name:   "static text then a parameter",
			routes: func(e *echo.Echo) { e.GET("/posts/n:x", record) },
			target: "/posts/:id", param: "id",
			taken: []string{"new", "no"}, free: []string{"x", "N"},
		},
		{
			name:   "static text with a space, and escaped",
			routes: func(e *echo.Echo) { e.GET("/posts/a b", record); e.GET("/posts/c%20d", record) },
			target: "/posts/:id", param: "id",
			// "/posts/c%20d" matches the raw path only when a request has a
			// RawPath, which a URL of one parameter "c d" never has.
			taken: []string{"a b"}, over: []string{"c d"}, free: []string{"a", "ab"},
		},
		{
			name: "RouteNotFound of a group with middleware",
			routes: func(e *echo.Echo) {
				e.Group("/admin", func(next echo.HandlerFunc) echo.HandlerFunc { return next })
			},
			target: "/:page", param: "page",
			taken: []string{"admin"}, free: []string{"admins", "about"},
		},
		{
			name:   "a later parameter",
			routes: func(e *echo.Echo) { e.GET("/p/:a/x/new", record) },
			target: "/p/:a/x/:b", param: "b", fixed: []string{"a", "1"},
			taken: []string{"new"}, free: []string{"old"},
		},
		{
			name:   "wildcard and a static file",
			routes: func(e *echo.Echo) { e.GET("/files/readme", record) },
			target: "/files/*", param: "*",
			taken: []string{"readme"}, free: []string{"readme/x", "a/b", "", "read"},
		},
		{
			name:   "wildcard and static text then a parameter",
			routes: func(e *echo.Echo) { e.GET("/files/raw/:name", record) },
			target: "/files/*", param: "*",
			taken: []string{"raw/x", "raw/x/y"}, free: []string{"raw", "rawx", "a/raw/x"},
		},
		{
			name:   "wildcard and a parameter",
			routes: func(e *echo.Echo) { e.GET("/files/:name", record) },
			target: "/files/*", param: "*",
			taken: []string{"a", "a/b"}, free: []string{""},
		},
		{
			name:   "another host router",
			routes: func(e *echo.Echo) { e.Host("other.test").GET("/posts/new", record) },
			target: "/posts/:id", param: "id",
			free: []string{"new"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := echo.New()
			e.GET(tt.target, record).Name = "it"
			tt.routes(e)
			h := mustJoin(t, e)
			_, srv := party(t, app{"/blog", e})
			c := ctx(e, "/")
			for _, v := range append(slices.Clone(tt.taken), tt.over...) {
				u, err := h.URL(c, "it", append(slices.Clone(tt.fixed), tt.param, v)...)
				var se *ShadowedError
				if !errors.As(err, &se) {
					t.Errorf("%q: URL = %q, %v; want a *ShadowedError", v, u, err)
					continue
				}
				errorIs(t, err, urlfor.ErrInvalidParam)
				if se.By == "" || !strings.Contains(err.Error(), se.By) {
					t.Errorf("%q: %v does not name the route", v, err)
				}
				if slices.Contains(tt.over, v) {
					continue
				}
				// Without the constraint, echo would route the URL elsewhere.
				bare, err := parsePattern(tt.target)
				if err != nil {
					t.Fatal(err)
				}
				raw, err := bare.Build(append(slices.Clone(tt.fixed), tt.param, v)...)
				if err != nil {
					t.Fatalf("%q: unconstrained build: %v", v, err)
				}
				status, _, body := get(t, noRedirects, srv, "/blog"+raw)
				if status == http.StatusOK && strings.Contains(body, `"route":"`+tt.target+`"`) {
					t.Errorf("%q: refused, but echo routes %s to %s", v, raw, tt.target)
				}
			}
			for _, v := range tt.free {
				pairs := append(slices.Clone(tt.fixed), tt.param, v)
				u, err := h.URL(c, "it", pairs...)
				if err != nil {
					t.Errorf("%q: %v", v, err)
					continue
				}
				s := getSeen(t, srv, u)
				if s.Route != tt.target || s.Exact[tt.param] != v {
					t.Errorf("%q: GET %s reached %q with %q", v, u, s.Route, s.Exact[tt.param])
				}
			}
		})
	}
}

// TestShadowedFromOutside: another app asking for the endpoint gets the
// refusal too (a *urlfor.ParamError: the constraint lives in the template).
func TestShadowedFromOutside(t *testing.T) {
	e := echo.New()
	e.GET("/posts/:id", record).Name = "post"
	e.GET("/posts/new", record).Name = "post.new"
	mustJoin(t, e)
	p, _ := party(t, app{"/blog", e})
	_, err := urlfor.New(p).URL("blog:post", "id", "new")
	errorIs(t, err, urlfor.ErrInvalidParam)
	if u, err := urlfor.New(p).URL("blog:post", "id", "7"); err != nil || u != "/blog/posts/7" {
		t.Errorf("URL = %q, %v", u, err)
	}
}

// TestTrieComplement checks the constraint regexps against the sets they
// exclude.
func TestTrieComplement(t *testing.T) {
	ex := &exclusions{exact: []string{"new", "ne", "été", "a.b"}, prefixes: []string{"raw/", "x"}}
	re := regexp.MustCompile(`^(?:` + ex.constraint() + `)$`)
	for v, want := range map[string]bool{
		"": true, "n": true, "ne": false, "new": false, "news": true, "nex": true,
		"été": false, "ét": true, "étés": true, "a.b": false, "a-b": true, "a.bc": true,
		"raw/": false, "raw/a": false, "raw": true, "ra": true, "x": false, "xy": false, "y": true,
		"a\nb": true, "\n": true,
	} {
		if got := re.MatchString(v); got != want {
			t.Errorf("%q: match = %v, want %v (re %s)", v, got, want, re)
		}
	}
	only := &exclusions{onlyEmpty: true}
	re = regexp.MustCompile(`^(?:` + only.constraint() + `)$`)
	if !re.MatchString("") || re.MatchString("a") {
		t.Errorf("onlyEmpty: %s", re)
	}
	all := &exclusions{prefixes: []string{""}}
	re = regexp.MustCompile(`^(?:` + all.constraint() + `)$`)
	if re.MatchString("") || re.MatchString("a") {
		t.Errorf("everything taken: %s", re)
	}
}

// TestShadowAnalysisScales: the analysis of a large app stays fast (the
// index keeps it near linear).
func TestShadowAnalysisScales(t *testing.T) {
	e := echo.New()
	for i := range 2000 {
		e.GET("/r"+strings.Repeat("x", i%7)+"/"+strconv.Itoa(i)+"/:id", record).Name = "r" + strconv.Itoa(i)
	}
	e.GET("/rx/new/:id", record)
	h := mustJoin(t, e)
	start := time.Now()
	routes := h.src.Routes()
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("reading 2000 routes took %v", d)
	}
	if len(routes) != 2001 {
		t.Fatalf("%d routes", len(routes))
	}
	party(t, app{"/blog", e})
	_, err := h.URL(ctx(e, "/"), "r1", "id", "x")
	if err != nil {
		t.Fatal(err)
	}
}
