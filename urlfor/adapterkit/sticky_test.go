package adapterkit_test

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// stickyApp is a ServeMux app whose handle reads r.PathValue for sticky
// parameters, the way partyhttp does.
func stickyApp(t *testing.T, opts ...adapterkit.Option) (*http.ServeMux, adapterkit.HTTPHandle) {
	t.Helper()
	pattern := func(p string) urlfor.Route {
		tm, err := urlfor.NewTemplate(p, []urlfor.Part{urlfor.Literal("/"), urlfor.Param("lang"), urlfor.Literal("/posts/"), urlfor.Param("id")})
		if err != nil {
			t.Fatal(err)
		}
		return urlfor.Route{Name: "post", Pattern: p, Path: tm}
	}
	m := adapterkit.NewMember("partyx", "x", adapterkit.NewConfig(opts), urlfor.SourceFunc(func() []urlfor.Route { return []urlfor.Route{pattern("/{lang}/posts/{id}")} }))
	h := adapterkit.NewHTTPHandle(m).WithParams(func(r *http.Request, k string) (string, bool) {
		v := r.PathValue(k)
		return v, v != ""
	})
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+core.DefaultInvitePath+"{$}", m.ServeInvite)
	return mux, h
}

func TestStickySignedLink(t *testing.T) {
	signer, err := urlfor.NewSigner(bytes.Repeat([]byte("k"), 32))
	if err != nil {
		t.Fatal(err)
	}
	mux, h := stickyApp(t, adapterkit.Sticky("lang"), adapterkit.SignWith(signer))
	got := map[string]string{}
	mux.HandleFunc("GET /{lang}/posts/{id}", func(w http.ResponseWriter, r *http.Request) {
		var err error
		if got["url"], err = h.URL(r, "post", "id", "8"); err != nil {
			got["url"] = err.Error()
		}
		got["given"], _ = h.URL(r, "post", "id", "8", "lang", "en")
		got["signed"], _ = h.SignedURL(r, time.Now().Add(time.Hour), "post", "id", "9")
		got["link"], _ = h.Link(r, "next", "post", "id", "10")
	})
	if _, err := core.New(http.StripPrefix("/blog", mux), []string{"/blog/__invite__/"}); err != nil {
		t.Fatal(err)
	}
	mux.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/fr/posts/7", nil))
	if got["url"] != "/blog/fr/posts/8" || got["given"] != "/blog/en/posts/8" {
		t.Errorf("sticky lang: %q, given: %q", got["url"], got["given"])
	}
	if got["link"] != `</blog/fr/posts/10>; rel="next"` {
		t.Errorf("Link = %q", got["link"])
	}
	if !strings.HasPrefix(got["signed"], "/blog/fr/posts/9?expires=") || signer.Verify(httptest.NewRequest("GET", got["signed"], nil)) != nil {
		t.Errorf("SignedURL = %q", got["signed"])
	}
	// Outside a request nothing is sticky: lang is missing.
	if _, err := h.URL(nil, "post", "id", "8"); !errors.Is(err, urlfor.ErrMissingParam) {
		t.Errorf("URL(nil): %v, want ErrMissingParam", err)
	}
	// Without a signer, SignedURL is a bad call.
	_, plain := stickyApp(t)
	if _, err := plain.SignedURL(nil, time.Now(), "post"); !errors.Is(err, urlfor.ErrBadCall) {
		t.Errorf("SignedURL without a signer: %v", err)
	}
}
