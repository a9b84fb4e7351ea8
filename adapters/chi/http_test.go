package partychi_test

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"
	partychi "github.com/partyline-go/partyline/adapters/chi"
	"github.com/partyline-go/partyline/urlfor"
)

// Routes registered after the invitation are found (the source walks the
// live router on a miss), and served.
func TestRoutesAddedAfterInvitation(t *testing.T) {
	r := chi.NewRouter()
	h := mustJoin(t, r)
	r.With(partychi.Name("home")).Get("/", echo("home"))
	srv := server(t, mustParty(t, stripMux(map[string]http.Handler{"/app": r}), "/app/__invite__/"))

	_, err := h.URL(nil, "late", "id", "1")
	wantErrIs(t, err, urlfor.ErrUnknownEndpoint)

	r.Route("/late", func(r chi.Router) {
		r.With(partychi.Name("late")).Get("/{id}", echo("late", "id"))
	})
	u := mustURL(t, h, "late", "id", "1")
	if u != "/app/late/1" {
		t.Fatalf("URL = %q", u)
	}
	if got := getHit(t, srv.URL+u); got.Endpoint != "late" || got.Params["id"] != "1" {
		t.Errorf("reached %+v", got)
	}
}

// How soon a late route is found when a stream of misses has spent
// urlfor's re-read budget (chi has no add-route hook, see the package doc):
// within ten re-reads' time without help, and at once after Refresh on the
// participant. Both are served.
func TestLateRouteUnderAStreamOfMisses(t *testing.T) {
	r := chi.NewRouter()
	h := mustJoin(t, r)
	r.With(partychi.Name("home")).Get("/", echo("home"))
	srv := server(t, mustParty(t, stripMux(map[string]http.Handler{"/app": r}), "/app/__invite__/"))
	p, err := h.Participant()
	if err != nil {
		t.Fatal(err)
	}
	misses := func() {
		for range 20 {
			_, err := h.URL(nil, "nope")
			wantErrIs(t, err, urlfor.ErrUnknownEndpoint)
		}
	}

	misses()
	r.With(partychi.Name("soon")).Get("/soon/{id}", echo("soon", "id"))
	deadline := time.Now().Add(5 * time.Second)
	u, err := h.URL(nil, "soon", "id", "1")
	for ; err != nil && time.Now().Before(deadline); u, err = h.URL(nil, "soon", "id", "1") {
		wantErrIs(t, err, urlfor.ErrUnknownEndpoint)
		time.Sleep(time.Millisecond)
	}
	if err != nil || u != "/app/soon/1" {
		t.Fatalf("URL(soon) = %q, %v after 5s of misses", u, err)
	}

	misses()
	r.With(partychi.Name("now")).Get("/now/{id}", echo("now", "id"))
	if !p.Refresh() {
		t.Error("Refresh() = false after a route was added")
	}
	if u := mustURL(t, h, "now", "id", "2"); u != "/app/now/2" {
		t.Fatalf("URL(now) = %q", u)
	}
	for _, c := range []struct{ u, endpoint, id string }{{"/app/soon/1", "soon", "1"}, {"/app/now/2", "now", "2"}} {
		if got := getHit(t, srv.URL+c.u); got.Endpoint != c.endpoint || got.Params["id"] != c.id {
			t.Errorf("GET %s reached %+v", c.u, got)
		}
	}
}

// Redirect answers with the URL, and a client following it lands on the
// endpoint with the values; a status that is not 3xx is refused.
func TestRedirectFollowed(t *testing.T) {
	r := chi.NewRouter()
	h := mustJoin(t, r)
	r.With(partychi.Name("post")).Get("/posts/{id}", echo("post", "id"))
	r.Get("/old/{id}", func(w http.ResponseWriter, r *http.Request) {
		if err := h.Redirect(w, r, http.StatusMovedPermanently, "post", "id", partychi.URLParam(r, "id")); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})
	r.Get("/bad", func(w http.ResponseWriter, r *http.Request) {
		err := h.Redirect(w, r, http.StatusOK, "post", "id", "1")
		var rc *urlfor.RedirectCodeError
		if !errors.As(err, &rc) || rc.Code != http.StatusOK || !errors.Is(err, urlfor.ErrBadCall) {
			t.Errorf("Redirect(200): %v", err)
		}
		w.WriteHeader(http.StatusTeapot)
	})
	srv := server(t, mustParty(t, stripMux(map[string]http.Handler{"/app": r}), "/app/__invite__/"))

	resp, err := noRedirects.Get(srv.URL + "/app/old/a%20b%2Fc")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/app/posts/a%20b%2Fc" {
		t.Errorf("redirect: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if got := getHitFollowing(t, srv.URL+"/app/old/a%20b%2Fc"); got.Endpoint != "post" || got.Params["id"] != "a b/c" {
		t.Errorf("followed to %+v", got)
	}
	if status, _ := get(t, noRedirects, srv.URL+"/app/bad"); status != http.StatusTeapot {
		t.Errorf("/bad: %d", status)
	}
}

func getHitFollowing(t *testing.T, url string) hit {
	t.Helper()
	status, body := get(t, http.DefaultClient, url)
	if status != http.StatusOK {
		t.Fatalf("GET %s: %d %q", url, status, body)
	}
	return decodeHit(t, body)
}

// AbsoluteURL uses the request's scheme and host; X-Forwarded-* only with
// TrustProxy.
func TestAbsoluteURL(t *testing.T) {
	for _, trust := range []bool{false, true} {
		r := chi.NewRouter()
		var opts []partychi.Option
		if trust {
			opts = append(opts, partychi.TrustProxy())
		}
		h := mustJoin(t, r, opts...)
		r.With(partychi.Name("post")).Get("/posts/{id}", echo("post", "id"))
		r.Get("/abs", func(w http.ResponseWriter, r *http.Request) {
			u, err := h.AbsoluteURL(r, "post", "id", "7")
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			w.Write([]byte(u))
		})
		srv := server(t, mustParty(t, stripMux(map[string]http.Handler{"/app": r}), "/app/__invite__/"))

		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/app/abs", nil)
		req.Header.Set("X-Forwarded-Proto", "https")
		req.Header.Set("X-Forwarded-Host", "example.com")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		want := srv.URL + "/app/posts/7"
		if trust {
			want = "https://example.com/app/posts/7"
		}
		if string(b) != want {
			t.Errorf("trust=%v: AbsoluteURL = %q, want %q", trust, string(b), want)
		}
		if !trust {
			if got := getHit(t, string(b)); got.Params["id"] != "7" {
				t.Errorf("absolute URL reached %+v", got)
			}
		}
	}
	r := chi.NewRouter()
	h := mustJoin(t, r)
	_, err := h.AbsoluteURL(nil, "x")
	wantErrIs(t, err, urlfor.ErrBadCall)
}

// The package-level helpers find the handle Middleware put in the context;
// without it they fail with ErrNoHandle, which wraps urlfor.ErrNotInvited.
func TestPackageLevelHelpers(t *testing.T) {
	r := chi.NewRouter()
	h := mustJoin(t, r)
	r.Group(func(r chi.Router) {
		r.Use(h.Middleware)
		r.With(partychi.Name("post")).Get("/posts/{id}", echo("post", "id"))
		r.Get("/link", func(w http.ResponseWriter, r *http.Request) {
			u, err := partychi.URL(r, "post", "id", "1")
			if err != nil {
				t.Errorf("URL: %v", err)
			}
			abs, err := partychi.AbsoluteURL(r, "post", "id", "1")
			if err != nil || abs != "http://"+r.Host+u {
				t.Errorf("AbsoluteURL = %q, %v", abs, err)
			}
			if got, ok := partychi.FromRequest(r); !ok || got != h {
				t.Error("FromRequest did not find the handle")
			}
			w.Write([]byte(u))
		})
		r.Get("/go", func(w http.ResponseWriter, r *http.Request) {
			if err := partychi.Redirect(w, r, http.StatusSeeOther, "post", "id", "2"); err != nil {
				t.Errorf("Redirect: %v", err)
			}
		})
	})
	r.Get("/outside", func(w http.ResponseWriter, r *http.Request) {
		_, err := partychi.URL(r, "post", "id", "1")
		_, err2 := partychi.AbsoluteURL(r, "post", "id", "1")
		err3 := partychi.Redirect(w, r, http.StatusFound, "post", "id", "1")
		for _, e := range []error{err, err2, err3} {
			if !errors.Is(e, partychi.ErrNoHandle) || !errors.Is(e, urlfor.ErrNotInvited) {
				t.Errorf("without Middleware: %v", e)
			}
		}
		w.WriteHeader(http.StatusNoContent)
	})
	srv := server(t, mustParty(t, stripMux(map[string]http.Handler{"/app": r}), "/app/__invite__/"))

	if status, body := get(t, noRedirects, srv.URL+"/app/link"); status != 200 || body != "/app/posts/1" {
		t.Errorf("/link: %d %q", status, body)
	}
	if got := getHitFollowing(t, srv.URL+"/app/go"); got.Params["id"] != "2" {
		t.Errorf("/go followed to %+v", got)
	}
	if status, _ := get(t, noRedirects, srv.URL+"/app/outside"); status != http.StatusNoContent {
		t.Errorf("/outside: %d", status)
	}
	if _, ok := partychi.FromRequest(nil); ok {
		t.Error("FromRequest(nil) found a handle")
	}
	if _, ok := partychi.FromRequest(httptest.NewRequest(http.MethodGet, "/", nil)); ok {
		t.Error("FromRequest found a handle in a bare request")
	}
}
