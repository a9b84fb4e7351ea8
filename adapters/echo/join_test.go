package partyecho

import (
	"bytes"
	"errors"
	"html/template"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"
	"weak"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

func TestJoinRefusesBadInput(t *testing.T) {
	tests := []struct {
		name string
		e    *echo.Echo
		opts []Option
	}{
		{"nil app", nil, nil},
		{"empty invite route", echo.New(), []Option{InviteRoute("")}},
		{"relative invite route", echo.New(), []Option{InviteRoute("__invite__/")}},
		{"namespace with colon", echo.New(), []Option{Namespace("a:b")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := Join(tt.e, tt.opts...)
			if h != nil {
				t.Errorf("Join returned a handle with %v", err)
			}
			errorIs(t, err, ErrInvalidOption)
			if tt.e != nil && len(tt.e.Routes()) != 0 {
				t.Errorf("a refused Join registered routes: %v", tt.e.Routes())
			}
		})
	}
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
		t.Errorf("FromContext = %p, %v; want the first handle %p", got, ok, h)
	}
	// Another app joins independently.
	if _, err := Join(echo.New()); err != nil {
		t.Errorf("Join of another app: %v", err)
	}
}

// TestNotInvited: every helper fails with urlfor.ErrNotInvited before the
// invitation, and with ErrNoHandle for an app that never joined.
func TestNotInvited(t *testing.T) {
	e := echo.New()
	e.GET("/posts/:id", record).Name = "post"
	h := mustJoin(t, e)
	c := ctx(e, "/")

	_, err := h.URL(c, "post", "id", "1")
	errorIs(t, err, urlfor.ErrNotInvited)
	_, err = h.AbsoluteURL(c, "post", "id", "1")
	errorIs(t, err, urlfor.ErrNotInvited)
	errorIs(t, h.Redirect(c, http.StatusFound, "post", "id", "1"), urlfor.ErrNotInvited)
	_, err = h.Participant()
	errorIs(t, err, urlfor.ErrNotInvited)
	_, err = URL(c, "post", "id", "1")
	errorIs(t, err, urlfor.ErrNotInvited)
	errorIs(t, Redirect(c, http.StatusFound, "post", "id", "1"), urlfor.ErrNotInvited)
	if c.Response().Committed {
		t.Error("a failed Redirect wrote a response")
	}
	tmpl := template.Must(template.New("t").Funcs(h.FuncMap()).Parse(`{{urlFor "post" "id" 1}}`))
	errorIs(t, tmpl.Execute(io.Discard, nil), urlfor.ErrNotInvited)

	stranger := echo.New()
	sc := ctx(stranger, "/")
	_, err = URL(sc, "post")
	errorIs(t, err, ErrNoHandle, urlfor.ErrNotInvited)
	_, err = AbsoluteURL(sc, "post")
	errorIs(t, err, ErrNoHandle, urlfor.ErrNotInvited)
	errorIs(t, Redirect(sc, http.StatusFound, "post"), ErrNoHandle, urlfor.ErrNotInvited)
	if h, ok := FromContext(sc); ok || h != nil {
		t.Errorf("FromContext(stranger) = %p, %v", h, ok)
	}
	if h, ok := FromContext(nil); ok || h != nil {
		t.Errorf("FromContext(nil) = %p, %v", h, ok)
	}

	var nilHandle *Handle
	_, err = nilHandle.URL(sc, "post")
	errorIs(t, err, ErrNoHandle)
	_, err = nilHandle.AbsoluteURL(sc, "post")
	errorIs(t, err, ErrNoHandle)
	errorIs(t, nilHandle.Redirect(sc, http.StatusFound, "post"), ErrNoHandle)
	_, err = nilHandle.Participant()
	errorIs(t, err, ErrNoHandle)
	tmpl = template.Must(template.New("t").Funcs(nilHandle.FuncMap()).Parse(`{{urlFor "post"}}`))
	errorIs(t, tmpl.Execute(io.Discard, nil), ErrNoHandle)
}

// TestInviteRoute: the invitation joins the app once; from outside the
// party refuses the invite path, and the invite route itself answers 404 to
// every later request, forged token header or not.
func TestInviteRoute(t *testing.T) {
	e := echo.New()
	e.GET("/posts/:id", record).Name = "post"
	h := mustJoin(t, e)

	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", e))
	p, err := core.New(mux, []string{"/blog/__invite__/"})
	if err != nil {
		t.Fatal(err)
	}
	if inv := p.Invitations(); len(inv) != 1 || !inv[0].Joined || inv[0].Status != http.StatusOK {
		t.Fatalf("invitations = %+v, want one joined with 200", inv)
	}
	pt, err := h.Participant()
	if err != nil || pt.Namespace() != "blog" || pt.MountPrefix() != "/blog" || pt.Framework() != "echo" {
		t.Fatalf("participant = %+v, %v", pt, err)
	}

	outside := httptest.NewServer(p)
	defer outside.Close()
	behind := httptest.NewServer(mux) // the dispatcher without the party: requests reach the invite route
	defer behind.Close()
	for _, srv := range []*httptest.Server{outside, behind} {
		for _, path := range []string{"/blog/__invite__/", "/blog/__invite__"} {
			req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
			req.Header.Set(core.TokenHeader, "00112233445566778899aabbccddeeff")
			res, err := noRedirects.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusNotFound {
				t.Errorf("GET %s%s = %d, want 404", srv.URL, path, res.StatusCode)
			}
		}
	}
	// Still joined, and the invite routes are not endpoints.
	for _, r := range pt.Routes() {
		if strings.Contains(r.Pattern, "__invite__") {
			t.Errorf("the invite route is listed: %+v", r)
		}
	}
	if u, err := h.URL(ctx(e, "/"), "post", "id", "1"); err != nil || u != "/blog/posts/1" {
		t.Errorf("URL = %q, %v", u, err)
	}
}

// TestJoinFailureIs500: a namespace taken by another app fails the
// invitation with 500, which core.New reports naming the invite path, and
// the logger says why.
func TestJoinFailureIs500(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, nil))
	a, b := echo.New(), echo.New()
	mustJoin(t, a, Namespace("same"))
	hb := mustJoin(t, b, Namespace("same"), WithLogger(logger))
	mux := http.NewServeMux()
	mux.Handle("/a/", http.StripPrefix("/a", a))
	mux.Handle("/b/", http.StripPrefix("/b", b))
	p, err := core.New(mux, []string{"/a/__invite__/", "/b/__invite__/"})
	if p != nil || err == nil {
		t.Fatalf("core.New = %v, %v; want an error", p, err)
	}
	var ie *core.InvitationError
	if !errors.As(err, &ie) || ie.Path != "/b/__invite__/" || ie.Status != http.StatusInternalServerError {
		t.Fatalf("err = %v, want a 500 InvitationError for /b/__invite__/", err)
	}
	if !strings.Contains(logs.String(), "namespace taken") {
		t.Errorf("log = %q, want the reason", logs.String())
	}
	_, err = hb.Participant()
	errorIs(t, err, urlfor.ErrNotInvited)
}

// TestTrailingSlashMiddleware: echo's RemoveTrailingSlash and
// AddTrailingSlash pre-middleware rewrite the invite path; the app joins
// anyway.
func TestTrailingSlashMiddleware(t *testing.T) {
	for _, tt := range []struct {
		name   string
		pre    echo.MiddlewareFunc
		invite string
		opts   []Option
	}{
		{"remove", middleware.RemoveTrailingSlash(), "/x/__invite__/", nil},
		{"add", middleware.AddTrailingSlash(), "/x/join", []Option{InviteRoute("/join")}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := echo.New()
			e.Pre(tt.pre)
			e.GET("/posts/:id", record).Name = "post"
			h := mustJoin(t, e, tt.opts...)
			mux := http.NewServeMux()
			mux.Handle("/x/", http.StripPrefix("/x", e))
			p, err := core.New(mux, []string{tt.invite})
			if err != nil {
				t.Fatal(err)
			}
			if inv := p.Invitations(); !inv[0].Joined {
				t.Fatalf("not joined: %+v", inv)
			}
			if u, err := h.URL(ctx(e, "/"), "post", "id", "1"); err != nil || u != "/x/posts/1" {
				t.Errorf("URL = %q, %v", u, err)
			}
		})
	}
}

// TestJoinedRegistryLetsAppsGo: the registry behind FromContext holds apps
// weakly; an app dropped after its invitation, with its party, leaves it,
// while a live app keeps its handle even when the caller drops it.
func TestJoinedRegistryLetsAppsGo(t *testing.T) {
	keep := echo.New()
	keep.GET("/posts/:id", record).Name = "post"
	mustJoin(t, keep) // the handle is dropped at once
	p, err := core.New(keep, []string{core.DefaultInvitePath})
	if err != nil {
		t.Fatal(err)
	}

	key := func() weak.Pointer[echo.Echo] {
		e := echo.New()
		mustJoin(t, e)
		if _, err := core.New(e, []string{core.DefaultInvitePath}); err != nil {
			t.Fatal(err)
		}
		if _, ok := joined.Lookup(e); !ok {
			t.Fatal("the joined app is not in the registry")
		}
		return weak.Make(e)
	}()
	deadline := time.Now().Add(5 * time.Second)
	for {
		runtime.GC()
		if key.Value() == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("a dropped app is still alive: something keeps it (the registry must not)")
		}
		time.Sleep(10 * time.Millisecond)
	}
	for range 3 {
		runtime.GC()
	}
	if u, err := URL(ctx(keep, "/"), "post", "id", "1"); err != nil || u != "/posts/1" {
		t.Errorf("the live app lost its handle: %q, %v", u, err)
	}
	runtime.KeepAlive(p)
}

// TestAuthMiddlewareMustSkipInviteRoute: middleware runs before the
// invite route; one that rejects the invitation keeps the app out, one
// that skips the invite route lets it join.
func TestAuthMiddlewareMustSkipInviteRoute(t *testing.T) {
	for _, skip := range []bool{false, true} {
		e := echo.New()
		e.Use(middleware.BasicAuthWithConfig(middleware.BasicAuthConfig{
			Skipper:   func(c echo.Context) bool { return skip && c.Path() == core.DefaultInvitePath },
			Validator: func(string, string, echo.Context) (bool, error) { return false, nil },
		}))
		e.GET("/posts/:id", record).Name = "post"
		h := mustJoin(t, e)
		_, err := core.New(e, []string{core.DefaultInvitePath})
		var ie *core.InvitationError
		_, perr := h.Participant()
		switch {
		case skip && (err != nil || perr != nil):
			t.Errorf("skipping the invite route: %v, %v", err, perr)
		case !skip && (!errors.As(err, &ie) || ie.Status != http.StatusUnauthorized || !errors.Is(perr, urlfor.ErrNotInvited)):
			t.Errorf("rejecting the invitation: core.New = %v (%+v), %v; want it to fail with the 401", err, ie, perr)
		}
	}
}
