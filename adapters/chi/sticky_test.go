package partychi_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"
	partychi "github.com/partyline-go/partyline/adapters/chi"
	"github.com/partyline-go/partyline/urlfor"
)

// testSigner is a signer with a fixed key.
func testSigner(t testing.TB) *urlfor.Signer {
	t.Helper()
	s, err := urlfor.NewSigner(bytes.Repeat([]byte("k"), 32))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// answer writes the URLs a handler built, one a line, or the error.
func answer(w http.ResponseWriter, urls ...func() (string, error)) {
	for _, f := range urls {
		u, err := f()
		if err != nil {
			u = "error: " + err.Error()
		}
		fmt.Fprintln(w, u)
	}
}

// fetch requests url without following redirects and returns the
// response, its body read, and the body.
func fetch(t testing.TB, url string) (*http.Response, string) {
	t.Helper()
	resp, err := noRedirects.Get(url)
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

// stickyBlog is a chi blog with a sticky lang and a signer, and a chi
// shop, mounted under /blog and /shop by a ServeMux with http.StripPrefix
// (strip) or by a chi router's Mount; the party is served over HTTP.
func stickyBlog(t *testing.T, signer *urlfor.Signer, strip bool) (*partychi.Handle, string) {
	t.Helper()
	blog := chi.NewRouter()
	h := mustJoin(t, blog, partychi.Sticky("lang"), partychi.SignWith(signer))
	blog.With(h.Middleware, partychi.Name("post")).Get("/{lang}/posts/{id}", func(w http.ResponseWriter, r *http.Request) {
		answer(w,
			func() (string, error) { return h.URL(r, "about") },
			func() (string, error) { return h.URL(r, "about", "lang", "en") },
			func() (string, error) { return partychi.URL(r, "about") },
			func() (string, error) { return h.AbsoluteURL(r, "about") },
			func() (string, error) { return h.URL(r, "shop:cart") },
			func() (string, error) { return h.URL(nil, "about") },
		)
	})
	blog.With(partychi.Name("about")).Get("/{lang}/about", echo("about", "lang"))
	blog.With(partychi.Name("contact")).Get("/contact", func(w http.ResponseWriter, r *http.Request) {
		answer(w, func() (string, error) { return h.URL(r, "about") })
	})
	blog.Get("/{lang}/old", func(w http.ResponseWriter, r *http.Request) {
		if err := h.Redirect(w, r, http.StatusFound, "about"); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})
	blog.Get("/{lang}/posts/{id}/links", func(w http.ResponseWriter, r *http.Request) {
		next, err1 := h.Link(r, "next", "post", "id", "8")
		canonical, err2 := h.Link(r, "canonical", "post", "id", partychi.URLParam(r, "id"), "lang", "en")
		if err := errors.Join(err1, err2); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Link", urlfor.JoinLinks(next, canonical))
	})
	blog.Get("/{lang}/share/{id}", func(w http.ResponseWriter, r *http.Request) {
		expires := time.Now().Add(time.Hour)
		if r.URL.Query().Get("expired") != "" {
			expires = time.Now().Add(-time.Second)
		}
		answer(w, func() (string, error) { return h.SignedURL(r, expires, "download", "id", partychi.URLParam(r, "id")) })
	})
	blog.With(partychi.Name("download"), partychi.ValidateSignature(signer)).Get("/{lang}/download/{id}", echo("download", "lang", "id"))

	shop := chi.NewRouter()
	mustJoin(t, shop)
	shop.With(partychi.Name("cart")).Get("/{lang}/cart", echo("cart", "lang"))

	var dispatcher http.Handler = stripMux(map[string]http.Handler{"/blog": blog, "/shop": shop})
	if !strip {
		top := chi.NewRouter()
		top.Mount("/blog", blog)
		top.Mount("/shop", shop)
		dispatcher = top
	}
	srv := server(t, mustParty(t, dispatcher, "/blog/__invite__/", "/shop/__invite__/"))
	return h, srv.URL
}

// dispatchers names the two ways stickyBlog mounts the apps.
var dispatchers = []struct {
	name  string
	strip bool
}{{"StripPrefix", true}, {"chi Mount", false}}

// A handler's URLs take the lang of the request's route when not given:
// in its own app, through the package-level URL and in another app; a
// given lang wins, a lang chi hands escaped (a "/" in it) is read as
// URLParam reads it, a route without lang and a nil request fill nothing.
func TestSticky(t *testing.T) {
	for _, d := range dispatchers {
		t.Run(d.name, func(t *testing.T) {
			_, base := stickyBlog(t, testSigner(t), d.strip)
			host := strings.TrimPrefix(base, "http://")
			missing := `error: urlfor: about: missing parameter "lang" for pattern "/{lang}/about"`
			for _, c := range []struct {
				path string
				want []string
			}{
				{"/blog/fr/posts/7", []string{"/blog/fr/about", "/blog/en/about", "/blog/fr/about", "http://" + host + "/blog/fr/about", "/shop/fr/cart", missing}},
				{"/blog/pt%20BR/posts/7", []string{"/blog/pt%20BR/about", "/blog/en/about", "/blog/pt%20BR/about", "http://" + host + "/blog/pt%20BR/about", "/shop/pt%20BR/cart", missing}},
				{"/blog/x%2Fy/posts/7", []string{"/blog/x%2Fy/about", "/blog/en/about", "/blog/x%2Fy/about", "http://" + host + "/blog/x%2Fy/about", "/shop/x%2Fy/cart", missing}},
				{"/blog/contact", []string{missing}},
			} {
				status, body := get(t, noRedirects, base+c.path)
				got := strings.Split(strings.TrimSuffix(body, "\n"), "\n")
				if status != http.StatusOK || len(got) != len(c.want) {
					t.Fatalf("GET %s: %d %q", c.path, status, body)
				}
				for i, want := range c.want {
					if got[i] != want {
						t.Errorf("GET %s: line %d = %q, want %q", c.path, i, got[i], want)
					}
				}
				// The sticky URL reaches its route with the request's lang.
				if strings.HasPrefix(got[0], "/") {
					want := getHit(t, base+c.path[:strings.Index(c.path, "/posts/")]+"/about")
					if hit := getHit(t, base+got[0]); hit.Params["lang"] != want.Params["lang"] || hit.Endpoint != "about" {
						t.Errorf("GET %s: %+v, want lang %q", got[0], hit, want.Params["lang"])
					}
				}
			}
			// Redirect fills it too.
			resp, _ := fetch(t, base+"/blog/de/old")
			if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusFound || loc != "/blog/de/about" {
				t.Errorf("Redirect: %d %q", resp.StatusCode, loc)
			}
		})
	}
}

// Outside a request nothing is sticky.
func TestStickyNilRequest(t *testing.T) {
	h, _ := stickyBlog(t, testSigner(t), true)
	_, err := h.URL(nil, "about")
	wantErrIs(t, err, urlfor.ErrMissingParam)
	if u, err := h.URL(nil, "about", "lang", "it"); u != "/blog/it/about" || err != nil {
		t.Errorf("URL(nil) with lang: %q, %v", u, err)
	}
}

// A URL signed by the handle passes ValidateSignature; one tampered with,
// extended, expired or unsigned gets 403 with the reason, as text. Both
// dispatchers: under http.StripPrefix the middleware still sees the path
// that was signed.
func TestSignedURL(t *testing.T) {
	for _, d := range dispatchers {
		t.Run(d.name, func(t *testing.T) {
			_, base := stickyBlog(t, testSigner(t), d.strip)
			_, body := get(t, noRedirects, base+"/blog/fr/share/9")
			signed := strings.TrimSpace(body)
			if !strings.HasPrefix(signed, "/blog/fr/download/9?expires=") || !strings.Contains(signed, "&signature=") {
				t.Fatalf("SignedURL = %q", signed)
			}
			if hit := getHit(t, base+signed); hit.Endpoint != "download" || hit.Params["lang"] != "fr" || hit.Params["id"] != "9" {
				t.Errorf("GET %s: %+v", signed, hit)
			}
			_, body = get(t, noRedirects, base+"/blog/fr/share/9?expired=1")
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
				resp, b := fetch(t, base+c.url)
				if resp.StatusCode != http.StatusForbidden || !strings.HasPrefix(b, c.reason) ||
					!strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
					t.Errorf("%s: GET %s: %d %q (%s), want 403 %q", c.name, c.url, resp.StatusCode, b, resp.Header.Get("Content-Type"), c.reason)
				}
			}
		})
	}
}

// ValidateSignature(nil) is a set-up mistake: it panics at once.
func TestValidateSignatureNil(t *testing.T) {
	defer func() {
		if v := recover(); v == nil || !strings.Contains(fmt.Sprint(v), "partychi: ValidateSignature") {
			t.Errorf("recovered %v", v)
		}
	}()
	partychi.ValidateSignature(nil)
	t.Error("no panic")
}

// A handler sets Link headers built by name; the client reads them back.
func TestLinkHeader(t *testing.T) {
	_, base := stickyBlog(t, testSigner(t), true)
	resp, _ := fetch(t, base+"/blog/fr/posts/7/links")
	want := `</blog/fr/posts/8>; rel="next", </blog/en/posts/7>; rel="canonical"`
	if got := resp.Header.Get("Link"); resp.StatusCode != http.StatusOK || got != want {
		t.Errorf("Link: %d %q, want %q", resp.StatusCode, got, want)
	}
}
