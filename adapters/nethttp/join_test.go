package partyhttp_test

import (
	"bytes"
	"crypto/tls"
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/adapters/nethttp"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// Malformed calls are errors, not panics, and register nothing.
func TestJoinErrors(t *testing.T) {
	cases := []struct {
		name string
		opts []partyhttp.Option
		want error
	}{
		{"no leading slash", []partyhttp.Option{partyhttp.InviteRoute("__invite__/")}, partyhttp.ErrInvalidOption},
		{"empty invite route", []partyhttp.Option{partyhttp.InviteRoute("")}, partyhttp.ErrInvalidOption},
		{"host in invite route", []partyhttp.Option{partyhttp.InviteRoute("example.com/__invite__/")}, partyhttp.ErrInvalidOption},
		{"wildcard in invite route", []partyhttp.Option{partyhttp.InviteRoute("/{x}/")}, partyhttp.ErrInvalidOption},
		{"space in invite route", []partyhttp.Option{partyhttp.InviteRoute("/a b/")}, partyhttp.ErrInvalidOption},
		{"tab in invite route", []partyhttp.Option{partyhttp.InviteRoute("/a\tb/")}, partyhttp.ErrInvalidOption},
		{"colon in namespace", []partyhttp.Option{partyhttp.Namespace("a:b")}, partyhttp.ErrInvalidOption},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := partyhttp.NewServeMux()
			h, err := partyhttp.Join(m, tc.opts...)
			if !errors.Is(err, tc.want) || h != nil {
				t.Fatalf("Join = %v, %v; want an error wrapping %v", h, err, tc.want)
			}
			if !strings.HasPrefix(err.Error(), "partyhttp: ") {
				t.Errorf("error %q does not start with the package name", err)
			}
			if _, pattern := m.Handler(httptest.NewRequest("GET", "/__invite__/", nil)); pattern != "" {
				t.Errorf("a failed Join registered %q", pattern)
			}
			if _, err := partyhttp.Join(m); err != nil {
				t.Errorf("Join after a failed Join: %v", err)
			}
		})
	}
	if _, err := partyhttp.Join(nil); !errors.Is(err, partyhttp.ErrInvalidOption) || !strings.HasPrefix(err.Error(), "partyhttp: ") {
		t.Errorf("Join(nil) = %v, want ErrInvalidOption", err)
	}
	var nilOpt partyhttp.Option
	if _, err := partyhttp.Join(partyhttp.NewServeMux(), nilOpt); err != nil {
		t.Errorf("Join with a nil option: %v", err)
	}
}

// A ServeMux joins once.
func TestJoinTwice(t *testing.T) {
	m := partyhttp.NewServeMux()
	if _, err := partyhttp.Join(m); err != nil {
		t.Fatal(err)
	}
	if _, err := partyhttp.Join(m, partyhttp.InviteRoute("/other/")); !errors.Is(err, partyhttp.ErrAlreadyJoined) {
		t.Fatalf("second Join = %v, want ErrAlreadyJoined", err)
	}
	if _, pattern := m.Handler(httptest.NewRequest("GET", "/other/", nil)); pattern != "" {
		t.Errorf("the second Join registered %q", pattern)
	}
}

// An invite route that conflicts with a registered pattern is ServeMux's
// panic turned into an error; another invite route then works.
func TestJoinInviteRouteConflict(t *testing.T) {
	m := partyhttp.NewServeMux()
	m.HandleFunc("GET /__invite__/{$}", endpoint("mine"))
	_, err := partyhttp.Join(m)
	if !errors.Is(err, partyhttp.ErrInvalidOption) || !strings.Contains(err.Error(), "conflicts") {
		t.Fatalf("Join = %v, want the conflict as an error", err)
	}
	h, err := partyhttp.Join(m, partyhttp.InviteRoute("/__party__"))
	if err != nil {
		t.Fatalf("Join with another invite route: %v", err)
	}
	root := http.NewServeMux()
	root.Handle("/app/", http.StripPrefix("/app", m))
	if _, err := core.New(root, []string{"/app/__party__"}); err != nil {
		t.Fatal(err)
	}
	if p, err := h.Participant(); err != nil || p.MountPrefix() != "/app" {
		t.Fatalf("Participant = %v, %v", p, err)
	}
}

// The invite route is exact: it takes no path from the app's patterns, and
// it is not listed among the app's routes.
func TestInviteRouteTakesNoPath(t *testing.T) {
	a := newApp(t)
	a.mux.Named("any").HandleFunc("/{path...}", endpoint("any", "path"))
	for _, target := range []string{"/__invite__/x", "/__invite__/a/b"} {
		rec := httptest.NewRecorder()
		a.mux.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"route":"any"`) {
			t.Errorf("GET %s = %d %s, want the app's route", target, rec.Code, rec.Body)
		}
	}
	for _, r := range a.mux.Routes() {
		if strings.Contains(r.Pattern, "__invite__") {
			t.Errorf("the invite route is listed: %q", r.Pattern)
		}
	}
	if n := len(a.mux.Routes()); n != 1 {
		t.Errorf("%d routes listed, want 1", n)
	}
}

// Before the invitation every helper fails with ErrNotInvited, and writes
// nothing.
func TestBeforeTheInvitation(t *testing.T) {
	a := newPages(t)
	r := httptest.NewRequest("GET", "/posts/7", nil)
	if _, err := a.h.URL(r, "post", "id", "7"); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("URL = %v", err)
	}
	if _, err := a.h.AbsoluteURL(r, "post", "id", "7"); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("AbsoluteURL = %v", err)
	}
	rec := httptest.NewRecorder()
	if err := a.h.Redirect(rec, r, http.StatusFound, "post", "id", "7"); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("Redirect = %v", err)
	}
	if rec.Header().Get("Location") != "" || rec.Body.Len() != 0 {
		t.Errorf("a failed Redirect wrote %v %q", rec.Header(), rec.Body)
	}
	if _, err := a.h.Participant(); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("Participant = %v", err)
	}
	tmpl := template.Must(template.New("t").Funcs(a.h.FuncMap()).Parse(`{{urlFor "post" "id" 7}}`))
	if err := tmpl.Execute(&bytes.Buffer{}, nil); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("urlFor before the invitation = %v", err)
	}
	// The invite route says 404 to a request that is no invitation.
	rec = httptest.NewRecorder()
	a.mux.ServeHTTP(rec, httptest.NewRequest("GET", "/__invite__/", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("invite route = %d, want 404", rec.Code)
	}
}

// After the invitation: the participant, the template helper, Namespace,
// a redirect with a bad code, and a pattern that cannot be built.
func TestAfterTheInvitation(t *testing.T) {
	var logs bytes.Buffer
	a := newPages(t, partyhttp.Namespace("blog"), partyhttp.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
	a.mux.Named("bad").HandleFunc("/a//b", endpoint("bad"))
	root := http.NewServeMux()
	root.Handle("/pages/", http.StripPrefix("/pages", a.mux))
	if _, err := core.New(root, []string{"/pages/__invite__/"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), "partyline: joined") {
		t.Errorf("the logger saw %q", logs.String())
	}
	p, err := a.h.Participant()
	if err != nil || p.Namespace() != "blog" || p.MountPrefix() != "/pages" || p.Framework() != partyhttp.Framework {
		t.Fatalf("Participant = %+v, %v", p, err)
	}
	if u, err := urlfor.New(p.Operator().Party()).URL("blog:post", "id", "7"); err != nil || u != "/pages/posts/7" {
		t.Errorf("blog:post = %q, %v", u, err)
	}
	var buf bytes.Buffer
	tmpl := template.Must(template.New("t").Funcs(a.h.FuncMap()).Parse(`<a href="{{urlFor "post" "id" 7 "q" "a&b"}}">`))
	if err := tmpl.Execute(&buf, nil); err != nil || buf.String() != `<a href="/pages/posts/7?q=a%26b">` {
		t.Errorf("template = %q, %v", buf.String(), err)
	}

	r := httptest.NewRequest("GET", "/x", nil)
	for _, code := range []int{0, 200, 299, 400, 1302} {
		rec := httptest.NewRecorder()
		err := a.h.Redirect(rec, r, code, "post", "id", "7")
		var rce *urlfor.RedirectCodeError
		if !errors.As(err, &rce) || rce.Code != code || !errors.Is(err, urlfor.ErrBadCall) {
			t.Errorf("Redirect(%d) = %v, want a *RedirectCodeError", code, err)
		}
		if rec.Header().Get("Location") != "" || rec.Body.Len() != 0 {
			t.Errorf("Redirect(%d) wrote a response", code)
		}
	}
	rec := httptest.NewRecorder()
	if err := a.h.Redirect(rec, r, http.StatusMovedPermanently, "post", "id", "7"); err != nil || rec.Code != 301 || rec.Header().Get("Location") != "/pages/posts/7" {
		t.Errorf("Redirect(301) = %v, %d %q", err, rec.Code, rec.Header().Get("Location"))
	}

	var pe *partyhttp.PatternError
	if _, err := a.h.URL(r, "bad"); !errors.As(err, &pe) || pe.Pattern != "/a//b" {
		t.Errorf("URL(bad) = %v, want its *PatternError", err)
	}
	if _, err := a.h.URL(r, "pots", "id", "7"); !errors.Is(err, urlfor.ErrUnknownEndpoint) || !strings.Contains(err.Error(), `"post"`) {
		t.Errorf("URL(pots) = %v, want unknown with a suggestion", err)
	}
	if _, err := a.h.URL(r, "post", "id", ".."); !errors.Is(err, urlfor.ErrInvalidParam) {
		t.Errorf("URL(post, id, ..) = %v, want ErrInvalidParam", err)
	}
	if _, err := a.h.URL(r, "post"); !errors.Is(err, urlfor.ErrMissingParam) {
		t.Errorf("URL(post) = %v, want ErrMissingParam", err)
	}
	if _, err := a.h.AbsoluteURL(nil, "post", "id", "7"); !errors.Is(err, urlfor.ErrBadCall) {
		t.Errorf("AbsoluteURL(nil) = %v, want ErrBadCall", err)
	}
	if a.h.ServeMux() != a.mux {
		t.Error("ServeMux() is not the joined mux")
	}
}

// Host routes take the request's scheme; X-Forwarded-* count only with
// TrustProxy.
func TestSchemesAndProxies(t *testing.T) {
	for _, trust := range []bool{false, true} {
		var opts []partyhttp.Option
		if trust {
			opts = append(opts, partyhttp.TrustProxy())
		}
		a := newPages(t, opts...)
		root := http.NewServeMux()
		root.Handle("/pages/", http.StripPrefix("/pages", a.mux))
		if _, err := core.New(root, []string{"/pages/__invite__/"}); err != nil {
			t.Fatal(err)
		}
		plain := httptest.NewRequest("GET", "http://site.test/x", nil)
		tlsReq := httptest.NewRequest("GET", "https://site.test/x", nil)
		tlsReq.TLS = &tls.ConnectionState{}
		proxied := httptest.NewRequest("GET", "http://internal:8080/x", nil)
		proxied.Header.Set("X-Forwarded-Proto", "https, http")
		proxied.Header.Set("X-Forwarded-Host", "public.test")
		check := func(what, got string, err error, want string) {
			t.Helper()
			if err != nil || got != want {
				t.Errorf("trust=%v %s = %q, %v; want %q", trust, what, got, err, want)
			}
		}
		u, err := a.h.URL(plain, "about")
		check("URL(plain, about)", u, err, "http://pages.test/pages/about")
		u, err = a.h.URL(tlsReq, "about")
		check("URL(tls, about)", u, err, "https://pages.test/pages/about")
		u, err = a.h.URL(nil, "about")
		check("URL(nil, about)", u, err, "http://pages.test/pages/about")
		u, err = a.h.AbsoluteURL(tlsReq, "post", "id", "1")
		check("AbsoluteURL(tls)", u, err, "https://site.test/pages/posts/1")
		u, err = a.h.AbsoluteURL(proxied, "post", "id", "1")
		want := "http://internal:8080/pages/posts/1"
		wantAbout := "http://pages.test/pages/about"
		if trust {
			want, wantAbout = "https://public.test/pages/posts/1", "https://pages.test/pages/about"
		}
		check("AbsoluteURL(proxied)", u, err, want)
		u, err = a.h.URL(proxied, "about")
		check("URL(proxied, about)", u, err, wantAbout)
		u, err = a.h.URL(proxied, "post", "id", "1")
		check("URL(proxied, post)", u, err, "/pages/posts/1")
	}
}

// A failed join answers 500, and core.New reports the invitation.
func TestJoinFailureIsA500(t *testing.T) {
	a, b := newApp(t, partyhttp.Namespace("same")), newApp(t, partyhttp.Namespace("same"))
	root := http.NewServeMux()
	root.Handle("/a/", http.StripPrefix("/a", a.mux))
	root.Handle("/b/", http.StripPrefix("/b", b.mux))
	_, err := core.New(root, []string{"/a/__invite__/", "/b/__invite__/"})
	var ie *core.InvitationError
	if !errors.As(err, &ie) || ie.Path != "/b/__invite__/" || ie.Status != http.StatusInternalServerError {
		t.Fatalf("core.New = %v, want a 500 for /b/__invite__/", err)
	}
	if _, err := b.h.Participant(); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("the app that failed to join has a participant: %v", err)
	}
}

// An app behind a dispatcher that does not strip its prefix registers full
// paths and the full invite route.
func TestJoinWithFullPaths(t *testing.T) {
	a := newApp(t, partyhttp.InviteRoute("/blog/__invite__/"), partyhttp.Namespace("blog"))
	a.mux.Named("post").HandleFunc("GET /blog/posts/{id}", endpoint("blog:post", "id"))
	root := http.NewServeMux()
	root.Handle("/blog/", a.mux) // no StripPrefix
	p, err := core.New(root, []string{"/blog/__invite__/"})
	if err != nil {
		t.Fatal(err)
	}
	u, err := urlfor.New(p).URL("blog:post", "id", "x/y")
	if err != nil || u != "/blog/posts/x%2Fy" {
		t.Fatalf("URL = %q, %v", u, err)
	}
	srv := httptest.NewServer(p)
	defer srv.Close()
	if h := hitOf(t, u, do(t, srv, "GET", u)); h.Route != "blog:post" || h.Values["id"] != "x/y" {
		t.Errorf("GET %s = %+v", u, h)
	}
}
