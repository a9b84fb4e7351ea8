package partyecho

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/partyline-go/partyline/urlfor"
)

// TestNilContext: helpers given a nil context, or one without a request,
// return an error instead of panicking: ErrNoHandle from the package-level
// helpers (no context, no app, no handle), urlfor.ErrBadCall from the
// handle's methods that need the request.
func TestNilContext(t *testing.T) {
	e := echo.New()
	e.GET("/posts/:id", record).Name = "post"
	h := mustJoin(t, e)
	party(t, app{"/blog", e})
	bare := e.NewContext(nil, httptest.NewRecorder())

	_, err := URL(nil, "post", "id", "1")
	errorIs(t, err, ErrNoHandle)
	_, err = AbsoluteURL(nil, "post", "id", "1")
	errorIs(t, err, ErrNoHandle)
	errorIs(t, Redirect(nil, http.StatusFound, "post", "id", "1"), ErrNoHandle)
	errorIs(t, h.Redirect(nil, http.StatusFound, "post", "id", "1"), urlfor.ErrBadCall)
	_, err = h.AbsoluteURL(nil, "post", "id", "1")
	errorIs(t, err, urlfor.ErrBadCall)
	_, err = h.AbsoluteURL(bare, "post", "id", "1")
	errorIs(t, err, urlfor.ErrBadCall)
	_, err = Param(nil, "id")
	errorIs(t, err, urlfor.ErrBadCall)
	_, err = Param(bare, "id")
	errorIs(t, err, urlfor.ErrBadCall)
	// URL does not need the context.
	if u, err := h.URL(nil, "post", "id", "1"); err != nil || u != "/blog/posts/1" {
		t.Errorf("URL(nil ctx) = %q, %v", u, err)
	}
	// Bad redirect codes are refused before anything else.
	for _, code := range []int{0, 200, 299, 400, 404} {
		err := Redirect(nil, code, "post")
		errorIs(t, err, urlfor.ErrBadCall)
		var rc *urlfor.RedirectCodeError
		if !errors.As(err, &rc) || rc.Code != code {
			t.Errorf("Redirect(%d) = %v, want a *urlfor.RedirectCodeError", code, err)
		}
	}
	// echo's c.Redirect takes 300-308 only: it refuses 309 and writes nothing.
	c := ctx(e, "/")
	errorIs(t, Redirect(c, 309, "post", "id", "1"), echo.ErrInvalidRedirectCode)
	if c.Response().Committed {
		t.Error("a refused redirect wrote a response")
	}
}

// TestConcurrentBuilds builds known and unknown names from many goroutines
// with the hook replaced, so that misses re-read echo's routes while other
// goroutines build: the race detector watches the source.
func TestConcurrentBuilds(t *testing.T) {
	e := echo.New()
	for i := range 50 {
		e.GET(fmt.Sprintf("/r%d/:id", i), record).Name = fmt.Sprintf("r%d", i)
	}
	h := mustJoin(t, e)
	p, _ := party(t, app{"/blog", e})
	e.OnAddRouteHandler = nil // not chained: every miss re-reads
	b := urlfor.New(p)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			c := ctx(e, "/")
			for i := range 200 {
				n := (g*200 + i) % 50
				want := fmt.Sprintf("/blog/r%d/x", n)
				if u, err := URL(c, fmt.Sprintf("r%d", n), "id", "x"); err != nil || u != want {
					t.Errorf("URL = %q, %v; want %q", u, err, want)
					return
				}
				if u, err := b.URL(fmt.Sprintf("blog:r%d", n), "id", "x"); err != nil || u != want {
					t.Errorf("Builder.URL = %q, %v; want %q", u, err, want)
					return
				}
				if _, err := h.URL(c, "missing"); err == nil {
					t.Error("missing name built")
					return
				}
			}
		})
	}
	wg.Wait()
}
