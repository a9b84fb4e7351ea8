package partyecho

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/partyline-go/partyline/urlfor"
)

// TestRoutesAddedLater: routes registered after the invitation are found,
// renamed in the same statement as echo's idiom does; a name that stays
// unknown does not re-read echo's routes while no route was added.
func TestRoutesAddedLater(t *testing.T) {
	e := echo.New()
	e.GET("/posts/:id", record).Name = "post"
	h := mustJoin(t, e)
	p, srv := party(t, app{"/blog", e})
	c := ctx(e, "/")

	reads := h.src.reads.Load()
	for range 3 {
		_, err := h.URL(c, "nope")
		errorIs(t, err, urlfor.ErrUnknownEndpoint)
		_, err = urlfor.New(p).URL("blog:nope")
		errorIs(t, err, urlfor.ErrUnknownEndpoint)
	}
	if got := h.src.reads.Load(); got != reads {
		t.Errorf("unknown names re-read the routes %d times with no route added", got-reads)
	}

	e.GET("/late/:id", record).Name = "late"
	g := e.Group("/later")
	g.GET("/:id", record).Name = "later"
	for _, tt := range []struct{ name, want, route string }{
		{"late", "/blog/late/x", "/late/:id"},
		{"blog:later", "/blog/later/x", "/later/:id"},
	} {
		u, err := h.URL(c, tt.name, "id", "x")
		if err != nil || u != tt.want {
			t.Fatalf("URL(%s) = %q, %v; want %q", tt.name, u, err, tt.want)
		}
		if s := getSeen(t, srv, u); s.Route != tt.route || s.Exact["id"] != "x" {
			t.Errorf("GET %s = %+v", u, s)
		}
	}
	if u, err := urlfor.New(p).URL("blog:late", "id", "y"); err != nil || u != "/blog/late/y" {
		t.Errorf("from outside: %q, %v", u, err)
	}
}

// TestHookChaining: a handler set before Join keeps being called; one set
// after Join without chaining makes the source re-read on every miss, so
// later routes are still found, and the logger says so once.
func TestHookChaining(t *testing.T) {
	e := echo.New()
	var before []string
	e.OnAddRouteHandler = func(host string, r echo.Route, _ echo.HandlerFunc, _ []echo.MiddlewareFunc) {
		before = append(before, r.Path)
	}
	var logs bytes.Buffer
	h := mustJoin(t, e, WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
	party(t, app{"/blog", e})
	c := ctx(e, "/")

	e.GET("/one", record).Name = "one"
	if before[len(before)-1] != "/one" {
		t.Errorf("the handler set before Join saw %q", before)
	}
	if u, err := h.URL(c, "one"); err != nil || u != "/blog/one" {
		t.Errorf("URL(one) = %q, %v", u, err)
	}

	// Replaced without chaining: echo no longer tells us about new routes.
	var after int
	e.OnAddRouteHandler = func(string, echo.Route, echo.HandlerFunc, []echo.MiddlewareFunc) { after++ }
	e.GET("/two", record).Name = "two"
	if u, err := h.URL(c, "two"); err != nil || u != "/blog/two" {
		t.Errorf("URL(two) = %q, %v", u, err)
	}
	reads := h.src.reads.Load()
	h.URL(c, "nope")
	h.URL(c, "nope")
	if h.src.reads.Load() != reads+2 {
		t.Errorf("with the hook replaced every miss must re-read; reads went %d -> %d", reads, h.src.reads.Load())
	}
	if n := strings.Count(logs.String(), "OnAddRouteHandler was replaced"); n != 1 {
		t.Errorf("warned %d times, want once: %s", n, logs.String())
	}
	if after != 1 {
		t.Errorf("the user's hook ran %d times", after)
	}
}

// TestSourceOrderIsStable: echo keeps routes in a map; the table must not
// change between reads when no route changed, or every miss would rebuild
// the party's directory.
func TestSourceOrderIsStable(t *testing.T) {
	e := echo.New()
	for _, p := range []string{"/a", "/b/:id", "/c/*", "/d", "/e/:x/f"} {
		e.GET(p, record).Name = strings.Trim(p, "/:*")
		e.POST(p, record).Name = strings.Trim(p, "/:*")
	}
	e.Host("h.test").GET("/a", record).Name = "ha"
	h := mustJoin(t, e)
	first := h.src.Routes()
	for range 20 {
		again := h.src.Routes()
		if len(again) != len(first) {
			t.Fatalf("len %d then %d", len(first), len(again))
		}
		for i := range again {
			if again[i].Pattern != first[i].Pattern || again[i].Name != first[i].Name || again[i].Method != first[i].Method {
				t.Fatalf("route %d: %+v then %+v", i, first[i], again[i])
			}
		}
	}
	if first[0].Pattern != "/a" || first[len(first)-1].Pattern != "h.test/a" {
		t.Errorf("order: %+v", first)
	}
}

// TestLateRename pins the documented limit: a route renamed after a miss
// re-read it is not seen until echo registers another route.
func TestLateRename(t *testing.T) {
	e := echo.New()
	h := mustJoin(t, e)
	party(t, app{"/blog", e})
	c := ctx(e, "/")
	r := e.GET("/x", record)
	_, err := h.URL(c, "x") // a miss: the table is re-read with r's default name
	errorIs(t, err, urlfor.ErrUnknownEndpoint)
	r.Name = "x"
	_, err = h.URL(c, "x")
	errorIs(t, err, urlfor.ErrUnknownEndpoint)
	e.GET("/y", record).Name = "y"
	if u, err := h.URL(c, "x"); err != nil || u != "/blog/x" {
		t.Errorf("after another route: %q, %v", u, err)
	}
}
