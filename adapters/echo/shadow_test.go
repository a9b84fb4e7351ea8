package partyecho

import (
	"errors"
	"net/http"
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
// *urlfor.ParamError whose TakenBy names that route; every other value
// builds a URL that reaches the route it was built for, over real HTTP. For each refused
// value the unconstrained URL is routed too, to show that echo would
// indeed send it elsewhere.
func TestShadowedValues(t *testing.T) {
	tests := []struct {
		name   string
		routes func(e *echo.Echo)
		target string   // pattern of the route named "it"
		param  string   // its parameter under test
		fixed  []string // other pairs
		taken  []string // refused, naming the route (ParamError.TakenBy), and routed elsewhere unrefused
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
			// "/posts/c%20d" is met by the decoded path "c%20d" (built
			// "c%2520d"), and by the RawPath "c%20d" only when a request has
			// one, which a URL of one parameter "c d" never has.
			taken: []string{"a b", "c%20d"}, over: []string{"c d"}, free: []string{"a", "ab", "a%20b", "c%2520d"},
		},
		{
			name:   "static text with an escape net/url does not write",
			routes: func(e *echo.Echo) { e.GET("/posts/%41b", record); e.GET("/posts/%2Fx:y", record) },
			target: "/posts/:id", param: "id",
			// A request of "/posts/%41b" keeps its RawPath, but partyecho
			// writes "Ab" as it is: only the value "%41b" is that text.
			// "%2Fx" is, in the decoded path, the value "%2Fx", and in a
			// RawPath the value "/x" (written "%2Fx").
			taken: []string{"%41b", "%2Fx1", "/x1"}, free: []string{"Ab", "%41", "%2F", "x1"},
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
		// Found by TestAgainstRouter: echo's parameters are not Siblings'.
		{
			name:   "a leaf parameter takes the rest of the path",
			routes: func(e *echo.Echo) { e.GET("/p/new/:x", record) },
			target: "/p/:id/a/b", param: "id",
			taken: []string{"new"}, free: []string{"old", "newer"},
		},
		{
			name:   "a parameter in the middle matches nothing",
			routes: func(e *echo.Echo) { e.GET("/m/v:x/:y", record) },
			target: "/m/:id/z", param: "id",
			taken: []string{"v", "vq"}, free: []string{"w", "qv"},
		},
		{
			name:   "a route that ends where the wildcard starts",
			routes: func(e *echo.Echo) { e.GET("/f", record) },
			target: "/f*", param: "*",
			taken: []string{""}, free: []string{"x", "x/y"},
		},
		{
			name:   "a wildcard of another method: a 405, echo does not backtrack",
			routes: func(e *echo.Echo) { e.POST("/ne*", record) },
			target: "/:page", param: "page",
			taken: []string{"ne", "nex"}, free: []string{"n", "x"},
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
				var pe *urlfor.ParamError
				if !errors.As(err, &pe) || pe.TakenBy == "" {
					t.Errorf("%q: URL = %q, %v; want a *urlfor.ParamError with TakenBy", v, u, err)
					continue
				}
				errorIs(t, err, urlfor.ErrInvalidParam)
				if !strings.Contains(err.Error(), pe.TakenBy) || pe.Param != tt.param || pe.Value != v {
					t.Errorf("%q: %v does not name the route, the parameter and the value", v, err)
				}
				if slices.Contains(tt.over, v) {
					continue
				}
				// Without the refusal, echo would route the URL elsewhere.
				bare, err := compile(tt.target, nil)
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
// refusal too (a *urlfor.ParamError: the taken values live in the template).
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
