package partyhttp_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/partyline-go/partyline/adapters/nethttp"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// fixedSigner is a signer with a fixed key.
func fixedSigner(t testing.TB) *urlfor.Signer {
	t.Helper()
	s, err := urlfor.NewSigner(bytes.Repeat([]byte("k"), 32))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// writeURLs writes the URLs a handler built, one a line, or the error.
func writeURLs(w http.ResponseWriter, urls ...func() (string, error)) {
	for _, f := range urls {
		u, err := f()
		if err != nil {
			u = "error: " + err.Error()
		}
		fmt.Fprintln(w, u)
	}
}

// pathValues answers "name k=v ..." with r.PathValue of keys.
func pathValues(name string, keys ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		out := name
		for _, k := range keys {
			out += " " + k + "=" + r.PathValue(k)
		}
		fmt.Fprint(w, out)
	}
}

// getURL requests url without following redirects and returns the
// response and its body.
func getURL(t testing.TB, url string) (*http.Response, string) {
	t.Helper()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	return resp, string(b)
}

// stickyParty serves a blog with a sticky lang and a signer at /blog and
// a shop at /shop, behind http.StripPrefix.
func stickyParty(t *testing.T, signer *urlfor.Signer) (*partyhttp.Handle, string) {
	t.Helper()
	blog := partyhttp.NewServeMux()
	h, err := partyhttp.Join(blog, partyhttp.Sticky("lang", "rest"), partyhttp.SignWith(signer))
	if err != nil {
		t.Fatal(err)
	}
	blog.Named("post").Handle("GET /{lang}/posts/{id}", h.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeURLs(w,
			func() (string, error) { return h.URL(r, "about") },
			func() (string, error) { return h.URL(r, "about", "lang", "en") },
			func() (string, error) { return partyhttp.URL(r, "about") },
			func() (string, error) { return h.AbsoluteURL(r, "about") },
			func() (string, error) { return h.URL(r, "shop:cart") },
			func() (string, error) { return h.URL(nil, "about") },
		)
	})))
	blog.Named("about").HandleFunc("GET /{lang}/about", pathValues("about", "lang"))
	blog.Named("contact").HandleFunc("GET /contact", func(w http.ResponseWriter, r *http.Request) {
		writeURLs(w, func() (string, error) { return h.URL(r, "about") })
	})
	// An empty "{rest...}" is a wildcard of the pattern (r.Pattern says
	// so where r.PathValue's "" cannot): it is filled, empty.
	blog.Named("docs").HandleFunc("GET /{lang}/docs/{rest...}", func(w http.ResponseWriter, r *http.Request) {
		writeURLs(w, func() (string, error) { return h.URL(r, "docs") })
	})
	blog.HandleFunc("GET /{lang}/old", func(w http.ResponseWriter, r *http.Request) {
		if err := h.Redirect(w, r, http.StatusFound, "about"); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})
	blog.HandleFunc("GET /{lang}/posts/{id}/links", func(w http.ResponseWriter, r *http.Request) {
		next, err1 := h.Link(r, "next", "post", "id", "8")
		canonical, err2 := h.Link(r, "canonical", "post", "id", r.PathValue("id"), "lang", "en")
		if err := errors.Join(err1, err2); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Link", urlfor.JoinLinks(next, canonical))
	})
	blog.HandleFunc("GET /{lang}/share/{id}", func(w http.ResponseWriter, r *http.Request) {
		expires := time.Now().Add(time.Hour)
		if r.URL.Query().Get("expired") != "" {
			expires = time.Now().Add(-time.Second)
		}
		writeURLs(w, func() (string, error) { return h.SignedURL(r, expires, "download", "id", r.PathValue("id")) })
	})
	blog.Named("download").Handle("GET /{lang}/download/{id}", partyhttp.ValidateSignature(signer)(pathValues("download", "lang", "id")))

	shop := partyhttp.NewServeMux()
	if _, err := partyhttp.Join(shop); err != nil {
		t.Fatal(err)
	}
	shop.Named("cart").HandleFunc("GET /{lang}/cart", pathValues("cart", "lang"))

	dispatch := http.NewServeMux()
	dispatch.Handle("/blog/", http.StripPrefix("/blog", blog))
	dispatch.Handle("/shop/", http.StripPrefix("/shop", shop))
	party, err := core.New(dispatch, []string{"/blog/__invite__/", "/shop/__invite__/"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(party)
	t.Cleanup(srv.Close)
	return h, srv.URL
}

// A handler's URLs take the lang of the request's pattern when not given:
// in its own app, through the package-level URL and in another app; a
// given lang wins; the value is r.PathValue's ("x/y" from "x%2Fy"); a
// pattern without lang and a nil request fill nothing.
func TestSticky(t *testing.T) {
	_, base := stickyParty(t, fixedSigner(t))
	host := strings.TrimPrefix(base, "http://")
	missing := `error: urlfor: about: missing parameter "lang" for pattern "GET /{lang}/about"`
	for _, c := range []struct{ lang, value string }{
		{"fr", "fr"},
		{"pt%20BR", "pt BR"},
		{"x%2Fy", "x/y"},
		{"100%25", "100%"},
	} {
		path := "/blog/" + c.lang + "/posts/7"
		want := []string{
			"/blog/" + c.lang + "/about", "/blog/en/about", "/blog/" + c.lang + "/about",
			"http://" + host + "/blog/" + c.lang + "/about", "/shop/" + c.lang + "/cart", missing,
		}
		resp, body := getURL(t, base+path)
		got := strings.Split(strings.TrimSuffix(body, "\n"), "\n")
		if resp.StatusCode != http.StatusOK || strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("GET %s: %d\n got %q\nwant %q", path, resp.StatusCode, got, want)
			continue
		}
		// The sticky URLs reach their routes with the request's lang.
		for _, u := range []string{got[0], got[4]} {
			if _, body := getURL(t, base+u); !strings.HasSuffix(body, " lang="+c.value) {
				t.Errorf("GET %s: %q, want lang=%s", u, body, c.value)
			}
		}
	}
	if _, body := getURL(t, base+"/blog/contact"); body != missing+"\n" {
		t.Errorf("a pattern without lang: %q", body)
	}
	if _, body := getURL(t, base+"/blog/fr/docs/a/b"); body != "/blog/fr/docs/a/b\n" {
		t.Errorf("a sticky {rest...}: %q", body)
	}
	if _, body := getURL(t, base+"/blog/fr/docs/"); body != "/blog/fr/docs/\n" {
		t.Errorf("an empty sticky {rest...}: %q", body)
	}
	resp, _ := getURL(t, base+"/blog/de/old")
	if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusFound || loc != "/blog/de/about" {
		t.Errorf("Redirect: %d %q", resp.StatusCode, loc)
	}
}

// Outside a request nothing is sticky.
func TestStickyNilRequest(t *testing.T) {
	h, _ := stickyParty(t, fixedSigner(t))
	_, err := h.URL(nil, "about")
	if !errors.Is(err, urlfor.ErrMissingParam) {
		t.Errorf("URL(nil): %v, want ErrMissingParam", err)
	}
	if u, err := h.URL(nil, "about", "lang", "it"); u != "/blog/it/about" || err != nil {
		t.Errorf("URL(nil) with lang: %q, %v", u, err)
	}
}

// A URL signed by the handle passes ValidateSignature behind
// http.StripPrefix; one tampered with, extended, expired or unsigned gets
// 403 with the reason, as text.
func TestSignedURL(t *testing.T) {
	_, base := stickyParty(t, fixedSigner(t))
	_, body := getURL(t, base+"/blog/fr/share/9")
	signed := strings.TrimSpace(body)
	if !strings.HasPrefix(signed, "/blog/fr/download/9?expires=") || !strings.Contains(signed, "&signature=") {
		t.Fatalf("SignedURL = %q", signed)
	}
	if resp, body := getURL(t, base+signed); resp.StatusCode != http.StatusOK || body != "download lang=fr id=9" {
		t.Errorf("GET %s: %d %q", signed, resp.StatusCode, body)
	}
	_, body = getURL(t, base+"/blog/fr/share/9?expired=1")
	expired := strings.TrimSpace(body)
	i := strings.Index(signed, "expires=") + len("expires=")
	tampered := signed[:i] + string(signed[i]^1) + signed[i+1:]
	for _, c := range []struct{ name, url, reason string }{
		{"tampered query byte", tampered, urlfor.ErrSignatureInvalid.Error()},
		{"tampered path", strings.Replace(signed, "/9?", "/8?", 1), urlfor.ErrSignatureInvalid.Error()},
		{"extra parameter", signed + "&admin=1", urlfor.ErrSignatureInvalid.Error()},
		{"expired", expired, urlfor.ErrSignatureExpired.Error()},
		{"unsigned", "/blog/fr/download/9", urlfor.ErrSignatureMissing.Error()},
	} {
		resp, body := getURL(t, base+c.url)
		if resp.StatusCode != http.StatusForbidden || !strings.HasPrefix(body, c.reason) ||
			!strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
			t.Errorf("%s: GET %s: %d %q (%s), want 403 %q", c.name, c.url, resp.StatusCode, body, resp.Header.Get("Content-Type"), c.reason)
		}
	}
}

// ValidateSignature(nil) is a set-up mistake: it panics at once.
func TestValidateSignatureNil(t *testing.T) {
	defer func() {
		if v := recover(); v == nil || !strings.Contains(fmt.Sprint(v), "partyhttp: ValidateSignature") {
			t.Errorf("recovered %v", v)
		}
	}()
	partyhttp.ValidateSignature(nil)
	t.Error("no panic")
}

// A handler sets Link headers built by name; the client reads them back.
func TestLinkHeader(t *testing.T) {
	_, base := stickyParty(t, fixedSigner(t))
	resp, _ := getURL(t, base+"/blog/fr/posts/7/links")
	want := `</blog/fr/posts/8>; rel="next", </blog/en/posts/7>; rel="canonical"`
	if got := resp.Header.Get("Link"); resp.StatusCode != http.StatusOK || got != want {
		t.Errorf("Link: %d %q, want %q", resp.StatusCode, got, want)
	}
}
