package partyechov5

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
	"weak"

	"github.com/labstack/echo/v5"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

func TestJoinRefusesBadInput(t *testing.T) {
	for _, tt := range []struct {
		name string
		e    *echo.Echo
		opts []Option
	}{
		{"nil app", nil, nil},
		{"relative invite route", echo.New(), []Option{InviteRoute("__invite__/")}},
		{"placeholder in invite route", echo.New(), []Option{InviteRoute("/:join/")}},
		{"escaped colon in invite route", echo.New(), []Option{InviteRoute(`/a\:b/`)}},
		{"namespace with colon", echo.New(), []Option{Namespace("a:b")}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h, err := Join(tt.e, tt.opts...)
			errorIs(t, err, ErrInvalidOption)
			if h != nil || !strings.HasPrefix(err.Error(), "partyechov5: ") {
				t.Errorf("Join = %v, %v", h, err)
			}
			if tt.e != nil && len(tt.e.Router().Routes()) != 0 {
				t.Errorf("a refused Join registered routes: %v", tt.e.Router().Routes())
			}
		})
	}
	// echo refuses the invite route (an OnAddRoute hook says no): the app
	// may join later.
	e := echo.New()
	e.OnAddRoute = func(r echo.Route) error { return errors.New("no") }
	_, err := Join(e)
	errorIs(t, err, ErrInvalidOption)
	e.OnAddRoute = nil
	mustJoin(t, e)
}

func TestJoinTwice(t *testing.T) {
	e := echo.New()
	h := mustJoin(t, e)
	h2, err := Join(e, Namespace("other"))
	errorIs(t, err, ErrAlreadyJoined)
	if h2 != nil {
		t.Error("second Join returned a handle")
	}
	if got, ok := FromContext(ctx(e, "/")); !ok || got != h {
		t.Errorf("FromContext = %p, %v; want %p", got, ok, h)
	}
	if _, ok := FromContext(nil); ok {
		t.Error("FromContext(nil) found a handle")
	}
}

// TestNotInvited: every helper fails with urlfor.ErrNotInvited before the
// invitation, and with ErrNoHandle for an app that never joined.
func TestNotInvited(t *testing.T) {
	e := echo.New()
	Named(e, "post").GET("/posts/:id", record)
	h := mustJoin(t, e)
	c := ctx(e, "/")
	_, err := h.URL(c, "post", "id", "1")
	errorIs(t, err, urlfor.ErrNotInvited)
	_, err = h.AbsoluteURL(c, "post", "id", "1")
	errorIs(t, err, urlfor.ErrNotInvited)
	errorIs(t, h.Redirect(c, http.StatusFound, "post", "id", "1"), urlfor.ErrNotInvited)
	_, err = h.Participant()
	errorIs(t, err, urlfor.ErrNotInvited)

	other := ctx(echo.New(), "/")
	_, err = URL(other, "post", "id", "1")
	errorIs(t, err, ErrNoHandle, urlfor.ErrNotInvited)
	_, err = AbsoluteURL(other, "post", "id", "1")
	errorIs(t, err, ErrNoHandle)
	errorIs(t, Redirect(other, http.StatusFound, "post", "id", "1"), ErrNoHandle)
	_, err = URL(nil, "post")
	errorIs(t, err, ErrNoHandle)
	if _, err := h.FuncMap()["urlFor"].(func(string, ...any) (string, error))("post", "id", 1); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("urlFor before the invitation: %v", err)
	}
}

// TestHelpers: URL, AbsoluteURL and Redirect, from a handler, through the
// package-level functions and the handle.
func TestHelpers(t *testing.T) {
	e := echo.New()
	Named(e, "post").GET("/posts/:id", record)
	Named(e, "go").GET("/go/:code", func(c *echo.Context) error {
		code := map[string]int{"302": 302, "200": 200, "309": 309}[c.Param("code")]
		if err := Redirect(c, code, "post", "id", "7", "q", "a b"); err != nil {
			return c.String(http.StatusTeapot, err.Error())
		}
		return nil
	})
	Named(e, "abs").GET("/abs", func(c *echo.Context) error {
		u, err := AbsoluteURL(c, "post", "id", "7")
		return c.String(http.StatusOK, fmt.Sprintf("%s %v", u, err))
	})
	mustJoin(t, e, TrustProxy())
	_, srv := party(t, app{"/blog", e})
	if status, loc, _ := get(t, srv, "/blog/go/302"); status != 302 || loc != "/blog/posts/7?q=a+b" {
		t.Errorf("redirect: %d %q", status, loc)
	}
	if status, _, body := get(t, srv, "/blog/go/200"); status != http.StatusTeapot || !strings.Contains(body, "3xx") {
		t.Errorf("redirect 200: %d %q", status, body)
	}
	if status, _, body := get(t, srv, "/blog/go/309"); status != http.StatusTeapot || !strings.Contains(body, echo.ErrInvalidRedirectCode.Error()) {
		t.Errorf("redirect 309 (echo refuses it): %d %q", status, body)
	}
	if _, _, body := get(t, srv, "/blog/abs"); body != srv.URL+"/blog/posts/7 <nil>" {
		t.Errorf("AbsoluteURL = %q", body)
	}
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/blog/abs", nil)
	req.Header.Set("X-Forwarded-Proto", "https")
	req.Header.Set("X-Forwarded-Host", "example.com")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	b.ReadFrom(res.Body)
	res.Body.Close()
	if b.String() != "https://example.com/blog/posts/7 <nil>" {
		t.Errorf("AbsoluteURL with TrustProxy = %q", b.String())
	}
	h, _ := joined.Lookup(e)
	errorIs(t, h.Redirect(nil, 302, "post", "id", "1"), urlfor.ErrBadCall)
	_, err = h.AbsoluteURL(nil, "post", "id", "1")
	errorIs(t, err, urlfor.ErrBadCall)
	_, err = Param(nil, "id")
	errorIs(t, err, urlfor.ErrBadCall)
}

// TestLiveRoutes: a route added after the invitation is found at the next
// build, and its URL reaches it over HTTP with its value; an unknown name
// re-reads nothing while echo added no route (the OnAddRoute hook, chained
// to the one set before Join); a route removed with Router.Remove
// disappears at the next read.
func TestLiveRoutes(t *testing.T) {
	for _, concurrent := range []bool{false, true} {
		t.Run(fmt.Sprintf("concurrent=%v", concurrent), func(t *testing.T) {
			e := newEcho(echo.RouterConfig{}, concurrent)
			var prev []string
			e.OnAddRoute = func(r echo.Route) error { prev = append(prev, r.Path); return nil }
			Named(e, "post").GET("/posts/:id", record)
			h := mustJoin(t, e)
			_, srv := party(t, app{"/blog", e})
			reads := h.src.reads.Load()
			for range 3 {
				_, err := h.URL(nil, "nope")
				errorIs(t, err, urlfor.ErrUnknownEndpoint)
			}
			if got := h.src.reads.Load(); got != reads {
				t.Errorf("three misses read the routes %d times, want 0", got-reads)
			}
			Named(e, "late").GET("/late/:id", record)
			u, err := h.URL(nil, "late", "id", "a b")
			if u != "/blog/late/a%20b" {
				t.Fatalf("URL(late) = %q, %v", u, err)
			}
			if s := getSeen(t, srv, u); s.Route != "/late/:id" || s.Exact["id"] != "a b" {
				t.Errorf("GET %s = %+v", u, s)
			}
			if !strings.Contains(strings.Join(prev, " "), "/late") {
				t.Errorf("the hook set before Join saw %q", prev)
			}
			if err := e.Router().Remove(http.MethodGet, "/posts/:id"); err != nil {
				t.Fatal(err)
			}
			if concurrent { // the concurrent router's table is a copy: only a forced read sees a removal
				p, _ := h.Participant()
				p.Refresh()
			} else {
				h.URL(nil, "nope") // a miss: the table's length moved
			}
			_, err = h.URL(nil, "post", "id", "1")
			errorIs(t, err, urlfor.ErrUnknownEndpoint)
		})
	}
}

// TestHookReplaced: a hook set after Join without chaining is noticed: a
// warning is logged once and every miss re-reads the routes.
func TestHookReplaced(t *testing.T) {
	var log bytes.Buffer
	e := echo.New()
	h := mustJoin(t, e, WithLogger(slog.New(slog.NewTextHandler(&log, nil))))
	party(t, app{"/blog", e})
	e.OnAddRoute = func(echo.Route) error { return nil }
	e.Router().Add(echo.Route{Method: http.MethodGet, Path: "/x", Name: "x", Handler: record})
	reads := h.src.reads.Load()
	h.URL(nil, "nope")
	h.URL(nil, "nope")
	if got := h.src.reads.Load() - reads; got != 2 {
		t.Errorf("two misses read the routes %d times, want 2", got)
	}
	if n := strings.Count(log.String(), "OnAddRoute was replaced"); n != 1 {
		t.Errorf("warned %d times: %s", n, log.String())
	}
	if u, err := h.URL(nil, "x"); u != "/blog/x" {
		t.Errorf("URL(x) = %q, %v", u, err)
	}
}

// TestDroppedAppIsCollected: the registry does not keep a joined app
// alive.
func TestDroppedAppIsCollected(t *testing.T) {
	e := echo.New()
	mustJoin(t, e)
	if _, err := core.New(e, []string{core.DefaultInvitePath}); err != nil {
		t.Fatal(err)
	}
	w := weak.Make(e)
	e = nil
	for i := 0; i < 20 && w.Value() != nil; i++ {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	if w.Value() != nil {
		t.Error("a joined app that is otherwise garbage was kept alive")
	}
}

// TestConcurrent builds from many goroutines while routes are added to
// echo's concurrent router and requests are served; run with -race.
func TestConcurrent(t *testing.T) {
	e := newEcho(echo.RouterConfig{}, true)
	Named(e, "post").GET("/posts/:id", record)
	Named(e, "new").GET("/posts/new", record)
	h := mustJoin(t, e)
	_, srv := party(t, app{"/blog", e})
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 50 {
				if u, err := h.URL(nil, "post", "id", fmt.Sprint(g, i)); err != nil || !strings.HasPrefix(u, "/blog/posts/") {
					t.Errorf("URL = %q, %v", u, err)
				}
				if _, err := h.URL(nil, "post", "id", "new"); !errors.Is(err, urlfor.ErrInvalidParam) {
					t.Errorf("URL(new) = %v", err)
				}
				h.URL(nil, fmt.Sprintf("late%d-%d", g, i))
			}
		})
	}
	wg.Go(func() {
		for i := range 50 {
			Named(e, fmt.Sprintf("late%d", i)).GET(fmt.Sprintf("/late/%d", i), record)
		}
	})
	for range 20 {
		if s := getSeen(t, srv, "/blog/posts/a%2Fb"); s.Exact["id"] != "a/b" {
			t.Errorf("Param = %q", s.Exact["id"])
		}
	}
	wg.Wait()
}
