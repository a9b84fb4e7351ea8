package partyechov5_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v5"
	partyechov5 "github.com/partyline-go/partyline/adapters/echov5"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// testSigner is a signer with a fixed test key.
func testSigner(t testing.TB) *urlfor.Signer {
	t.Helper()
	s, err := urlfor.NewSigner(bytes.Repeat([]byte("k"), 32))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// built answers with u, or with "error: " and the error.
func built(c *echo.Context, u string, err error) error {
	if err != nil {
		return c.String(http.StatusOK, "error: "+err.Error())
	}
	return c.String(http.StatusOK, u)
}

// builder is a handler that answers with the URL ?build= names, built with
// ?with= as the pairs ("k=v,k=v") through the builder ?via= chooses.
func builder(h *partyechov5.Handle) echo.HandlerFunc {
	return func(c *echo.Context) error {
		var pairs []string
		for _, kv := range strings.Split(c.QueryParam("with"), ",") {
			if k, v, ok := strings.Cut(kv, "="); ok {
				pairs = append(pairs, k, v)
			}
		}
		name := c.QueryParam("build")
		switch c.QueryParam("via") {
		case "package":
			u, err := partyechov5.URL(c, name, pairs...)
			return built(c, u, err)
		case "absolute":
			u, err := h.AbsoluteURL(c, name, pairs...)
			return built(c, u, err)
		case "nil":
			u, err := h.URL(nil, name, pairs...)
			return built(c, u, err)
		case "redirect":
			if err := partyechov5.Redirect(c, http.StatusFound, name, pairs...); err != nil {
				return built(c, "", err)
			}
			return nil
		case "signed":
			u, err := h.SignedURL(c, time.Now().Add(time.Hour), name, pairs...)
			return built(c, u, err)
		case "expired":
			u, err := h.SignedURL(c, time.Now().Add(-time.Minute), name, pairs...)
			return built(c, u, err)
		case "link":
			next, err := h.Link(c, "next", name, pairs...)
			if err != nil {
				return built(c, "", err)
			}
			canonical, err := h.Link(c, "canonical", "post", "lang", "en", "id", "1")
			if err != nil {
				return built(c, "", err)
			}
			c.Response().Header().Set("Link", urlfor.JoinLinks(next, canonical))
			return c.String(http.StatusOK, "linked")
		}
		u, err := h.URL(c, name, pairs...)
		return built(c, u, err)
	}
}

// stickyParty serves, over real HTTP, an echo blog at /blog with
// Sticky("lang") and SignWith(signer), and an echo shop at /shop without
// options.
func stickyParty(t *testing.T, signer *urlfor.Signer) (*httptest.Server, *partyechov5.Handle, *partyechov5.Handle) {
	t.Helper()
	return stickyPartyOf(t, signer, echo.New())
}

// stickyPartyOf is stickyParty with blog as the blog's app.
func stickyPartyOf(t *testing.T, signer *urlfor.Signer, blog *echo.Echo) (*httptest.Server, *partyechov5.Handle, *partyechov5.Handle) {
	t.Helper()
	h, err := partyechov5.Join(blog, partyechov5.Sticky("lang"), partyechov5.SignWith(signer))
	if err != nil {
		t.Fatal(err)
	}
	partyechov5.Named(blog, "post").GET("/:lang/posts/:id", builder(h))
	partyechov5.Named(blog, "about").GET("/:lang/about", builder(h))
	partyechov5.Named(blog, "static").GET("/static/about", builder(h))
	partyechov5.Named(blog, "home").GET("/home", builder(h))
	partyechov5.Named(blog, "file").GET("/:lang/files/:name", func(c *echo.Context) error {
		name, err := partyechov5.Param(c, "name")
		if err != nil {
			return err
		}
		return c.String(http.StatusOK, "file "+name)
	}, partyechov5.ValidateSignature(signer))

	shop := echo.New()
	hs, err := partyechov5.Join(shop)
	if err != nil {
		t.Fatal(err)
	}
	partyechov5.Named(shop, "cart").GET("/:lang/cart", builder(hs))

	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", blog))
	mux.Handle("/shop/", http.StripPrefix("/shop", shop))
	p, err := core.New(mux, []string{"/blog" + core.DefaultInvitePath, "/shop" + core.DefaultInvitePath})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(p)
	t.Cleanup(srv.Close)
	return srv, h, hs
}

// fetch GETs u without following redirects: status, body, header.
func fetch(t *testing.T, u string) (int, string, http.Header) {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, string(b), res.Header
}

// TestSticky: a handler of "/:lang/posts/:id" builds "about" (and the
// shop's cart) without lang and gets the request's, read as Param reads
// it; a given lang wins; a sticky value is checked like any other; a route
// without lang and a nil context fill nothing.
func TestSticky(t *testing.T) {
	srv, h, _ := stickyParty(t, testSigner(t))
	for _, c := range []struct {
		path, want string
	}{
		{"/blog/fr/posts/7?build=about", "/blog/fr/about"},
		{"/blog/fr/posts/7?build=about&with=lang=en", "/blog/en/about"},
		{"/blog/fr/posts/7?build=post&with=id=8", "/blog/fr/posts/8"},
		{"/blog/fr/posts/7?build=shop:cart", "/shop/fr/cart"},
		{"/blog/fr/posts/7?build=shop:cart&via=package", "/shop/fr/cart"},
		{"/blog/fr/posts/7?build=about&via=absolute", srv.URL + "/blog/fr/about"},
		{"/blog/fr/about?build=post&with=id=1", "/blog/fr/posts/1"},
		// Exact: echo hands c.Param "a%2Fb" raw (the request has a RawPath),
		// Param and the sticky value "a/b"; decoded "a b" stays "a b".
		{"/blog/a%2Fb/posts/7?build=shop:cart", "/shop/a%2Fb/cart"},
		{"/blog/a%20b/posts/7?build=shop:cart", "/shop/a%20b/cart"},
		// Checked like a given value: "static" would reach /static/about.
		{"/blog/static/posts/7?build=about", "error: taken"},
		{"/blog/home?build=about", "error: missing"},
		{"/blog/fr/posts/7?build=about&via=nil", "error: missing"},
		// The shop has no Sticky option: its handle fills nothing.
		{"/shop/fr/cart?build=blog:about&via=package", "error: missing"},
	} {
		status, body, _ := fetch(t, srv.URL+c.path)
		switch {
		case status != http.StatusOK:
			t.Errorf("GET %s: %d %s", c.path, status, body)
		case c.want == "error: missing":
			if !strings.Contains(body, `missing parameter "lang"`) {
				t.Errorf("GET %s: %q, want a missing lang", c.path, body)
			}
		case c.want == "error: taken":
			if !strings.Contains(body, `"static"`) || !strings.Contains(body, "/static/about") {
				t.Errorf("GET %s: %q, want lang \"static\" refused, taken by /static/about", c.path, body)
			}
		case body != c.want:
			t.Errorf("GET %s: %q, want %q", c.path, body, c.want)
		}
	}

	status, _, header := fetch(t, srv.URL+"/blog/fr/posts/7?build=shop:cart&via=redirect")
	if status != http.StatusFound || header.Get("Location") != "/shop/fr/cart" {
		t.Errorf("Redirect: %d to %q, want 302 to /shop/fr/cart", status, header.Get("Location"))
	}
	if _, err := h.URL(nil, "about"); !errors.Is(err, urlfor.ErrMissingParam) {
		t.Errorf("URL(nil, about): %v, want ErrMissingParam", err)
	}
}

// TestStickyRouterConfigs: the sticky value is the one the client meant
// in every RouterConfig, where c.Param is raw text in some ("a%2Cb") and
// decoded in others.
func TestStickyRouterConfigs(t *testing.T) {
	for _, set := range settings {
		t.Run(set.name, func(t *testing.T) {
			srv, _, _ := stickyPartyOf(t, testSigner(t), newEcho(set.config, set.concurrent))
			cases := [][2]string{
				{"/blog/a%2Cb/posts/7?build=shop:cart", "/shop/a,b/cart"},
				{"/blog/100%25/posts/7?build=shop:cart", "/shop/100%25/cart"},
				{"/blog/a%20b/posts/7?build=about", "/blog/a%20b/about"},
			}
			if !set.config.UseEscapedPathForMatching { // which matches the decoded path, where "%2F" is "/"
				cases = append(cases, [2]string{"/blog/a%2Fb/posts/7?build=shop:cart", "/shop/a%2Fb/cart"})
			}
			for _, c := range cases {
				if status, body, _ := fetch(t, srv.URL+c[0]); status != http.StatusOK || body != c[1] {
					t.Errorf("GET %s: %d %q, want %q", c[0], status, body, c[1])
				}
			}
		})
	}
}

// TestSignedURL: a URL SignedURL built passes ValidateSignature (200);
// a changed byte of the path or the query, an added parameter, an expired
// or unsigned URL get 403 with the reason as text/plain; reordering the
// query does not matter.
func TestSignedURL(t *testing.T) {
	srv, _, shop := stickyParty(t, testSigner(t))
	status, signed, _ := fetch(t, srv.URL+"/blog/fr/posts/7?build=file&with=name=a%20b.pdf&via=signed")
	if status != http.StatusOK || !strings.HasPrefix(signed, "/blog/fr/files/a%20b.pdf?expires=") {
		t.Fatalf("SignedURL: %d %q", status, signed)
	}
	_, expired, _ := fetch(t, srv.URL+"/blog/fr/posts/7?build=file&with=name=a.pdf&via=expired")
	path, query, _ := strings.Cut(signed, "?")
	expires, signature, _ := strings.Cut(query, "&")
	flip := func(s string, i int) string {
		b := []byte(s)
		b[i] ^= 1
		return string(b)
	}
	for _, c := range []struct {
		name, url string
		status    int
		reason    error
	}{
		{"signed", signed, http.StatusOK, nil},
		{"reordered", path + "?" + signature + "&" + expires, http.StatusOK, nil},
		{"path byte", strings.Replace(signed, "a%20b.pdf", "a%20c.pdf", 1), http.StatusForbidden, urlfor.ErrSignatureInvalid},
		{"query byte", flip(signed, len(signed)-3), http.StatusForbidden, urlfor.ErrSignatureInvalid},
		{"expiry byte", strings.Replace(signed, "expires=", "expires=1", 1), http.StatusForbidden, urlfor.ErrSignatureInvalid},
		{"extra param", signed + "&admin=1", http.StatusForbidden, urlfor.ErrSignatureInvalid},
		{"expired", expired, http.StatusForbidden, urlfor.ErrSignatureExpired},
		{"unsigned", path, http.StatusForbidden, urlfor.ErrSignatureMissing},
	} {
		status, body, header := fetch(t, srv.URL+c.url)
		if status != c.status {
			t.Errorf("%s: GET %s: %d %q, want %d", c.name, c.url, status, body, c.status)
			continue
		}
		if c.reason == nil {
			if body != "file a b.pdf" {
				t.Errorf("%s: body %q", c.name, body)
			}
			continue
		}
		if !strings.HasPrefix(body, c.reason.Error()) || !strings.HasPrefix(header.Get("Content-Type"), "text/plain") {
			t.Errorf("%s: %q (%s), want %q as text/plain", c.name, body, header.Get("Content-Type"), c.reason)
		}
	}

	if _, err := shop.SignedURL(nil, time.Now(), "cart", "lang", "fr"); !errors.Is(err, urlfor.ErrBadCall) {
		t.Errorf("SignedURL without SignWith: %v, want ErrBadCall", err)
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("ValidateSignature(nil) did not panic")
			}
		}()
		partyechov5.ValidateSignature(nil)
	}()
}

// TestLink: a handler sets a Link header of two link-values built by
// name (the first with the sticky lang); the client reads them back.
func TestLink(t *testing.T) {
	srv, h, _ := stickyParty(t, testSigner(t))
	status, body, header := fetch(t, srv.URL+"/blog/fr/posts/7?build=post&with=id=8&via=link")
	want := `</blog/fr/posts/8>; rel="next", </blog/en/posts/1>; rel="canonical"`
	if status != http.StatusOK || header.Get("Link") != want {
		t.Errorf("Link: %d %q, header %q, want %q", status, body, header.Get("Link"), want)
	}
	if _, err := h.Link(nil, "", "post", "lang", "en", "id", "1"); !errors.Is(err, urlfor.ErrBadCall) {
		t.Errorf("Link with an empty rel: %v, want ErrBadCall", err)
	}
}
