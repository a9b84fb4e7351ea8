package partyhttp_test

import (
	"crypto/tls"
	"errors"
	"net/http"
	"net/http/httptest"
	"runtime"
	"testing"
	"weak"

	"github.com/partyline-go/partyline/adapters/nethttp"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// The package-level helpers find the handle that Handle.Middleware put in
// the request context, and fail with ErrNoHandle (writing nothing) without
// it.
func TestFromRequest(t *testing.T) {
	a := newPages(t)
	root := http.NewServeMux()
	root.Handle("/pages/", http.StripPrefix("/pages", a.h.Middleware(a.mux)))
	if _, err := core.New(root, []string{"/pages/__invite__/"}); err != nil {
		t.Fatal(err)
	}
	var got []string
	a.mux.Named("ctx").HandleFunc("GET /ctx/{id}", func(w http.ResponseWriter, r *http.Request) {
		h, ok := partyhttp.FromRequest(r)
		u, err := partyhttp.URL(r, "post", "id", r.PathValue("id"))
		abs, err2 := partyhttp.AbsoluteURL(r, "post", "id", r.PathValue("id"))
		got = append(got, u, abs)
		if !ok || h != a.h || err != nil || err2 != nil {
			t.Errorf("FromRequest = %v, %v; URL: %v; AbsoluteURL: %v", h, ok, err, err2)
		}
		if err := partyhttp.Redirect(w, r, http.StatusFound, "post", "id", r.PathValue("id")); err != nil {
			t.Errorf("Redirect: %v", err)
		}
	})
	rec := httptest.NewRecorder()
	root.ServeHTTP(rec, httptest.NewRequest("GET", "http://site.test/pages/ctx/a%2Fb", nil))
	if rec.Code != http.StatusFound || rec.Header().Get("Location") != "/pages/posts/a%2Fb" ||
		len(got) != 2 || got[0] != "/pages/posts/a%2Fb" || got[1] != "http://site.test/pages/posts/a%2Fb" {
		t.Errorf("through the middleware: %d %q, URLs %q", rec.Code, rec.Header().Get("Location"), got)
	}

	bare := httptest.NewRequest("GET", "/x", nil)
	for _, r := range []*http.Request{bare, nil} {
		if h, ok := partyhttp.FromRequest(r); ok || h != nil {
			t.Errorf("FromRequest without the middleware = %v, %v", h, ok)
		}
	}
	if _, err := partyhttp.URL(bare, "post", "id", "1"); !errors.Is(err, partyhttp.ErrNoHandle) || !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("URL without a handle = %v", err)
	}
	if _, err := partyhttp.AbsoluteURL(bare, "post", "id", "1"); !errors.Is(err, partyhttp.ErrNoHandle) {
		t.Errorf("AbsoluteURL without a handle = %v", err)
	}
	rec = httptest.NewRecorder()
	if err := partyhttp.Redirect(rec, bare, http.StatusFound, "post", "id", "1"); !errors.Is(err, partyhttp.ErrNoHandle) || rec.Header().Get("Location") != "" {
		t.Errorf("Redirect without a handle = %v, Location %q", err, rec.Header().Get("Location"))
	}
}

// A redirect to a host pattern keeps the request's scheme, as URL does.
func TestRedirectToAHostPattern(t *testing.T) {
	a := newPages(t)
	root := http.NewServeMux()
	root.Handle("/pages/", http.StripPrefix("/pages", a.mux))
	if _, err := core.New(root, []string{"/pages/__invite__/"}); err != nil {
		t.Fatal(err)
	}
	r := httptest.NewRequest("GET", "https://site.test/x", nil)
	r.TLS = &tls.ConnectionState{}
	rec := httptest.NewRecorder()
	if err := a.h.Redirect(rec, r, http.StatusFound, "about"); err != nil || rec.Header().Get("Location") != "https://pages.test/pages/about" {
		t.Errorf("Redirect(about) = %v, Location %q", err, rec.Header().Get("Location"))
	}
}

// A joined ServeMux that is otherwise garbage is not kept alive by the
// adapter (its registry of joined apps is weak).
func TestJoinedServeMuxIsCollected(t *testing.T) {
	mux := partyhttp.NewServeMux()
	if _, err := partyhttp.Join(mux); err != nil {
		t.Fatal(err)
	}
	mux.Named("post").HandleFunc("GET /posts/{id}", nop)
	w := weak.Make(mux)
	mux = nil
	for range 10 {
		if runtime.GC(); w.Value() == nil {
			return
		}
	}
	t.Error("a joined ServeMux that nothing references was not collected")
}
