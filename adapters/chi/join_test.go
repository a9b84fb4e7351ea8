package partychi_test

import (
	"bytes"
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"weak"

	"github.com/go-chi/chi/v5"
	partychi "github.com/partyline-go/partyline/adapters/chi"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

func TestJoinErrors(t *testing.T) {
	var nilMux *chi.Mux
	for _, c := range []struct {
		name string
		r    chi.Router
		opts []partychi.Option
		want error
	}{
		{"nil router", nil, nil, partychi.ErrInvalidOption},
		{"nil *chi.Mux", nilMux, nil, partychi.ErrInvalidOption},
		{"relative invite route", chi.NewRouter(), []partychi.Option{partychi.InviteRoute("__invite__/")}, partychi.ErrInvalidOption},
		{"empty invite route", chi.NewRouter(), []partychi.Option{partychi.InviteRoute("")}, partychi.ErrInvalidOption},
		{"placeholder in invite route", chi.NewRouter(), []partychi.Option{partychi.InviteRoute("/{x}/")}, partychi.ErrInvalidOption},
		{"wildcard invite route", chi.NewRouter(), []partychi.Option{partychi.InviteRoute("/inv/*")}, partychi.ErrInvalidOption},
		{"colon in namespace", chi.NewRouter(), []partychi.Option{partychi.Namespace("a:b")}, partychi.ErrInvalidOption},
	} {
		h, err := partychi.Join(c.r, c.opts...)
		if h != nil || !errors.Is(err, c.want) {
			t.Errorf("%s: Join = %v, %v; want %v", c.name, h, err, c.want)
		}
	}
}

func TestJoinTwice(t *testing.T) {
	r := chi.NewRouter()
	mustJoin(t, r)
	_, err := partychi.Join(r, partychi.Namespace("other"))
	wantErrIs(t, err, partychi.ErrAlreadyJoined)
}

// chi's own refusal (chi reads "/a b/" as method "/a" and pattern "b/",
// and panics) is an error from Join, and the router may join again.
func TestJoinChiRefusal(t *testing.T) {
	r := chi.NewRouter()
	_, err := partychi.Join(r, partychi.InviteRoute("/a b/"))
	wantErrIs(t, err, partychi.ErrInvalidOption)
	if !strings.Contains(err.Error(), "chi refused it") {
		t.Errorf("error %q does not say chi refused the route", err)
	}
	mustJoin(t, r)
}

// Before the invitation every helper fails with urlfor.ErrNotInvited; the
// FuncMap can be installed already.
func TestBeforeInvitation(t *testing.T) {
	r := chi.NewRouter()
	h := mustJoin(t, r)
	r.With(partychi.Name("home")).Get("/", echo("home"))
	req := httptest.NewRequest(http.MethodGet, "/", nil)

	_, err := h.URL(req, "home")
	wantErrIs(t, err, urlfor.ErrNotInvited)
	_, err = h.AbsoluteURL(req, "home")
	wantErrIs(t, err, urlfor.ErrNotInvited)
	rec := httptest.NewRecorder()
	wantErrIs(t, h.Redirect(rec, req, http.StatusFound, "home"), urlfor.ErrNotInvited)
	if rec.Code != http.StatusOK || rec.Body.Len() != 0 || rec.Header().Get("Location") != "" {
		t.Errorf("a failed Redirect wrote %d %q", rec.Code, rec.Body)
	}
	_, err = h.Participant()
	wantErrIs(t, err, urlfor.ErrNotInvited)

	tpl := template.Must(template.New("t").Funcs(h.FuncMap()).Parse(`{{urlFor "home"}}`))
	wantErrIs(t, tpl.Execute(new(bytes.Buffer), nil), urlfor.ErrNotInvited)

	// The invite route answers 404 to a request that is not an invitation.
	rec = httptest.NewRecorder()
	r.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, core.DefaultInvitePath, nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("invite route from outside: %d", rec.Code)
	}

	mustParty(t, stripMux(map[string]http.Handler{"/app": r}), "/app/__invite__/")
	var buf bytes.Buffer
	if err := tpl.Execute(&buf, nil); err != nil || buf.String() != "/app/" {
		t.Errorf("template after the invitation: %q, %v", buf.String(), err)
	}
}

// The invite route is unreachable from outside, through the party (core
// guards it) and around it (the adapter answers only its invitation), for
// every method.
func TestInviteRouteFromOutside(t *testing.T) {
	r := chi.NewRouter()
	mustJoin(t, r)
	r.With(partychi.Name("home")).Get("/", echo("home"))
	mux := stripMux(map[string]http.Handler{"/app": r})
	p := mustParty(t, mux, "/app/__invite__/")
	withParty, without := server(t, p), server(t, mux)
	for _, base := range []string{withParty.URL, without.URL} {
		for _, method := range []string{http.MethodGet, http.MethodPost, http.MethodHead} {
			req, _ := http.NewRequest(method, base+"/app/__invite__/", nil)
			req.Header.Set(core.TokenHeader, "forged")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusNotFound {
				t.Errorf("%s %s/app/__invite__/: %d, want 404", method, base, resp.StatusCode)
			}
		}
	}
}

// A custom invite route, for an app that registers its routes with their
// full paths behind a dispatcher that does not strip the prefix.
func TestInviteRouteWithFullPaths(t *testing.T) {
	r := chi.NewRouter()
	h := mustJoin(t, r, partychi.InviteRoute("/blog/__invite__/"), partychi.Namespace("blog"))
	r.With(partychi.Name("post")).Get("/blog/posts/{id}", echo("post", "id"))
	mux := http.NewServeMux()
	mux.Handle("/blog/", r)
	p := mustParty(t, mux, "/blog/__invite__/")
	srv := server(t, p)
	part, _ := h.Participant()
	if part.MountPrefix() != "" || part.Namespace() != "blog" {
		t.Fatalf("prefix %q namespace %q", part.MountPrefix(), part.Namespace())
	}
	u := mustURL(t, h, "blog:post", "id", "1")
	if u != "/blog/posts/1" {
		t.Fatalf("URL = %q", u)
	}
	if got := getHit(t, srv.URL+u); got.Endpoint != "post" || got.Params["id"] != "1" {
		t.Errorf("reached %+v", got)
	}
}

// A failed join answers 500 with its reason, which core.New reports; the
// logger sees it too.
func TestJoinFailureIsReported(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, nil))
	a, b := chi.NewRouter(), chi.NewRouter()
	mustJoin(t, a, partychi.Namespace("same"))
	mustJoin(t, b, partychi.Namespace("same"), partychi.WithLogger(logger))
	_, err := core.New(stripMux(map[string]http.Handler{"/a": a, "/b": b}), []string{"/a/__invite__/", "/b/__invite__/"})
	var inv *core.InvitationError
	if !errors.As(err, &inv) || inv.Status != http.StatusInternalServerError || inv.Path != "/b/__invite__/" {
		t.Fatalf("core.New error %v, want a 500 from /b/__invite__/", err)
	}
	if !strings.Contains(err.Error(), "namespace taken") {
		t.Errorf("core.New error %q does not give the reason", err)
	}
	if !strings.Contains(logs.String(), "joining failed") || !strings.Contains(logs.String(), "namespace taken") {
		t.Errorf("log %q", logs.String())
	}
}

// The logger sees the join; without one the adapter is silent.
func TestLogger(t *testing.T) {
	var logs bytes.Buffer
	r := chi.NewRouter()
	mustJoin(t, r, partychi.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
	mustParty(t, stripMux(map[string]http.Handler{"/app": r}), "/app/__invite__/")
	if !strings.Contains(logs.String(), "partyline: joined") || !strings.Contains(logs.String(), "mount_prefix=/app") {
		t.Errorf("log %q", logs.String())
	}
}

// The registry of joined routers holds them weakly: a joined router that
// is otherwise garbage is collected, while one that lives keeps its handle
// (through its invite route), so that it still joins once and its parent's
// walk still leaves it alone.
func TestJoinedRouterIsNotKeptAlive(t *testing.T) {
	gone := func() weak.Pointer[chi.Mux] {
		r := chi.NewRouter()
		mustJoin(t, r)
		r.With(partychi.Name("home")).Get("/", echo("home"))
		return weak.Make(r)
	}()
	kept := chi.NewRouter()
	mustJoin(t, kept)
	kept.With(partychi.Name("sub")).Get("/sub", echo("sub"))
	for i := 0; i < 20 && gone.Value() != nil; i++ {
		runtime.GC()
	}
	if gone.Value() != nil {
		t.Fatal("a joined router that is otherwise garbage is kept alive")
	}
	_, err := partychi.Join(kept)
	wantErrIs(t, err, partychi.ErrAlreadyJoined)
	top := chi.NewRouter()
	ht := mustJoin(t, top)
	top.Mount("/k", kept)
	mustParty(t, top, "/__invite__/", "/k/__invite__/")
	if _, err := ht.URL(nil, "sub"); err != nil {
		t.Fatal(err)
	}
	if got := routesOf(t, ht); len(got) != 0 {
		t.Errorf("the parent lists the joined sub-router's routes %q", got)
	}
}
