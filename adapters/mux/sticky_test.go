package partymux_test

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

	"github.com/gorilla/mux"
	partymux "github.com/partyline-go/partyline/adapters/mux"
	"github.com/partyline-go/partyline/core"
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

// varsHandler answers the route's name and its variables, "name k=v ...",
// in the order of keys.
func varsHandler(keys ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		out := mux.CurrentRoute(r).GetName()
		for _, k := range keys {
			out += " " + k + "=" + mux.Vars(r)[k]
		}
		fmt.Fprint(w, out)
	}
}

// fetch requests url without following redirects and returns the
// response and its body.
func fetch(t testing.TB, url string) (*http.Response, string) {
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

// blogRouter is a mux blog with a sticky lang and a signer; encoded makes
// it UseEncodedPath.
func blogRouter(t *testing.T, signer *urlfor.Signer, encoded bool) (*mux.Router, *partymux.Handle) {
	t.Helper()
	r := mux.NewRouter()
	if encoded {
		r.UseEncodedPath()
	}
	h, err := partymux.Join(r, partymux.Sticky("lang"), partymux.SignWith(signer))
	if err != nil {
		t.Fatal(err)
	}
	r.HandleFunc("/{lang}/posts/{id}", func(w http.ResponseWriter, r *http.Request) {
		answer(w,
			func() (string, error) { return h.URL(r, "about") },
			func() (string, error) { return h.URL(r, "about", "lang", "en") },
			func() (string, error) { return partymux.URL(r, "about") },
			func() (string, error) { return h.AbsoluteURL(r, "about") },
			func() (string, error) { return h.URL(r, "shop:cart") },
			func() (string, error) { return h.URL(nil, "about") },
		)
	}).Name("post")
	r.HandleFunc("/{lang}/about", varsHandler("lang")).Name("about")
	r.HandleFunc("/contact", func(w http.ResponseWriter, r *http.Request) {
		answer(w, func() (string, error) { return h.URL(r, "about") })
	}).Name("contact")
	r.HandleFunc("/{lang}/old", func(w http.ResponseWriter, r *http.Request) {
		if err := h.Redirect(w, r, http.StatusFound, "about"); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})
	r.HandleFunc("/{lang}/posts/{id}/links", func(w http.ResponseWriter, r *http.Request) {
		next, err1 := h.Link(r, "next", "post", "id", "8")
		canonical, err2 := h.Link(r, "canonical", "post", "id", mux.Vars(r)["id"], "lang", "en")
		if err := errors.Join(err1, err2); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Link", urlfor.JoinLinks(next, canonical))
	})
	r.HandleFunc("/{lang}/share/{id}", func(w http.ResponseWriter, r *http.Request) {
		expires := time.Now().Add(time.Hour)
		if r.URL.Query().Get("expired") != "" {
			expires = time.Now().Add(-time.Second)
		}
		name := "download"
		if r.URL.Query().Get("file") != "" {
			name = "file"
		}
		answer(w, func() (string, error) { return h.SignedURL(r, expires, name, "id", mux.Vars(r)["id"]) })
	})
	// Around one handler, and in a subrouter's Use.
	r.Handle("/{lang}/download/{id}", partymux.ValidateSignature(signer)(varsHandler("lang", "id"))).Name("download")
	files := r.PathPrefix("/{lang}/files").Subrouter()
	files.Use(partymux.ValidateSignature(signer))
	files.HandleFunc("/{id}", varsHandler("lang", "id")).Name("file")
	return r, h
}

// stickyParty serves a default blog at /blog, one that UseEncodedPath at
// /enc and a shop at /shop, all behind http.StripPrefix.
func stickyParty(t *testing.T, signer *urlfor.Signer) (blog, enc *partymux.Handle, base string) {
	t.Helper()
	b, blog := blogRouter(t, signer, false)
	e, enc := blogRouter(t, signer, true)
	shop := mux.NewRouter()
	if _, err := partymux.Join(shop); err != nil {
		t.Fatal(err)
	}
	shop.HandleFunc("/{lang}/cart", varsHandler("lang")).Name("cart")
	dispatch := http.NewServeMux()
	dispatch.Handle("/blog/", http.StripPrefix("/blog", b))
	dispatch.Handle("/enc/", http.StripPrefix("/enc", e))
	dispatch.Handle("/shop/", http.StripPrefix("/shop", shop))
	party, err := core.New(dispatch, []string{"/blog/__invite__/", "/enc/__invite__/", "/shop/__invite__/"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(party)
	t.Cleanup(srv.Close)
	return blog, enc, srv.URL
}

// A handler's URLs take the lang of the request's route when not given:
// in its own app, through the package-level URL and in another app; a
// given lang wins; the value is the one mux.Vars holds, unescaped after
// UseEncodedPath; a route without lang and a nil request fill nothing.
func TestSticky(t *testing.T) {
	_, _, base := stickyParty(t, testSigner(t))
	host := strings.TrimPrefix(base, "http://")
	missing := `error: urlfor: about: missing parameter "lang" for pattern "/{lang}/about"`
	for _, app := range []string{"/blog", "/enc"} {
		for _, c := range []struct{ lang, vars string }{
			{"fr", "fr"},
			{"pt%20BR", "pt BR"},
			{"100%25", "100%"},
		} {
			path := app + "/" + c.lang + "/posts/7"
			want := []string{
				app + "/" + c.lang + "/about", app + "/en/about", app + "/" + c.lang + "/about",
				"http://" + host + app + "/" + c.lang + "/about", "/shop/" + c.lang + "/cart", missing,
			}
			resp, body := fetch(t, base+path)
			got := strings.Split(strings.TrimSuffix(body, "\n"), "\n")
			if resp.StatusCode != http.StatusOK || strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("GET %s: %d\n got %q\nwant %q", path, resp.StatusCode, got, want)
				continue
			}
			// The sticky URLs reach their routes with the request's lang,
			// as mux.Vars holds it (escaped after UseEncodedPath).
			lang := c.vars
			if app == "/enc" {
				lang = c.lang
			}
			for u, lang := range map[string]string{got[0]: lang, got[4]: c.vars} {
				if _, body := fetch(t, base+u); !strings.HasSuffix(body, " lang="+lang) {
					t.Errorf("GET %s: %q, want lang=%s", u, body, lang)
				}
			}
		}
	}
	if _, body := fetch(t, base+"/blog/contact"); body != missing+"\n" {
		t.Errorf("a route without lang: %q", body)
	}
	resp, _ := fetch(t, base+"/enc/de/old")
	if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusFound || loc != "/enc/de/about" {
		t.Errorf("Redirect: %d %q", resp.StatusCode, loc)
	}
}

// Outside a request nothing is sticky.
func TestStickyNilRequest(t *testing.T) {
	h, _, _ := stickyParty(t, testSigner(t))
	_, err := h.URL(nil, "about")
	if !errors.Is(err, urlfor.ErrMissingParam) {
		t.Errorf("URL(nil): %v, want ErrMissingParam", err)
	}
	if u, err := h.URL(nil, "about", "lang", "it"); u != "/blog/it/about" || err != nil {
		t.Errorf("URL(nil) with lang: %q, %v", u, err)
	}
}

// A URL signed by the handle passes ValidateSignature, around a handler
// and in a subrouter's Use, behind http.StripPrefix; one tampered with,
// extended, expired or unsigned gets 403 with the reason, as text.
func TestSignedURL(t *testing.T) {
	_, _, base := stickyParty(t, testSigner(t))
	for _, c := range []struct{ share, want string }{
		{"/blog/fr/share/9", "/blog/fr/download/9?expires="},
		{"/blog/fr/share/9?file=1", "/blog/fr/files/9?expires="},
	} {
		_, body := fetch(t, base+c.share)
		signed := strings.TrimSpace(body)
		if !strings.HasPrefix(signed, c.want) || !strings.Contains(signed, "&signature=") {
			t.Fatalf("SignedURL = %q", signed)
		}
		if resp, body := fetch(t, base+signed); resp.StatusCode != http.StatusOK || !strings.HasSuffix(body, " lang=fr id=9") {
			t.Errorf("GET %s: %d %q", signed, resp.StatusCode, body)
		}
		_, body = fetch(t, base+c.share+"&expired=1")
		if !strings.Contains(c.share, "?") {
			_, body = fetch(t, base+c.share+"?expired=1")
		}
		expired := strings.TrimSpace(body)
		i := strings.Index(signed, "expires=") + len("expires=")
		tampered := signed[:i] + string(signed[i]^1) + signed[i+1:]
		for _, bad := range []struct{ name, url, reason string }{
			{"tampered query byte", tampered, urlfor.ErrSignatureInvalid.Error()},
			{"tampered path", strings.Replace(signed, "/9?", "/8?", 1), urlfor.ErrSignatureInvalid.Error()},
			{"extra parameter", signed + "&admin=1", urlfor.ErrSignatureInvalid.Error()},
			{"expired", expired, urlfor.ErrSignatureExpired.Error()},
			{"unsigned", signed[:strings.Index(signed, "?")], urlfor.ErrSignatureMissing.Error()},
		} {
			resp, body := fetch(t, base+bad.url)
			if resp.StatusCode != http.StatusForbidden || !strings.HasPrefix(body, bad.reason) ||
				!strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
				t.Errorf("%s: GET %s: %d %q (%s), want 403 %q", bad.name, bad.url, resp.StatusCode, body, resp.Header.Get("Content-Type"), bad.reason)
			}
		}
	}
}

// ValidateSignature(nil) is a set-up mistake: it panics at once.
func TestValidateSignatureNil(t *testing.T) {
	defer func() {
		if v := recover(); v == nil || !strings.Contains(fmt.Sprint(v), "partymux: ValidateSignature") {
			t.Errorf("recovered %v", v)
		}
	}()
	partymux.ValidateSignature(nil)
	t.Error("no panic")
}

// A handler sets Link headers built by name; the client reads them back.
func TestLinkHeader(t *testing.T) {
	_, _, base := stickyParty(t, testSigner(t))
	resp, _ := fetch(t, base+"/blog/fr/posts/7/links")
	want := `</blog/fr/posts/8>; rel="next", </blog/en/posts/7>; rel="canonical"`
	if got := resp.Header.Get("Link"); resp.StatusCode != http.StatusOK || got != want {
		t.Errorf("Link: %d %q, want %q", resp.StatusCode, got, want)
	}
}
