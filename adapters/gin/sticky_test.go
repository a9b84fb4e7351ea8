package partygin_test

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	partygin "github.com/partyline-go/partyline/adapters/gin"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
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
func built(c *gin.Context, u string, err error) {
	if err != nil {
		u = "error: " + err.Error()
	}
	c.String(http.StatusOK, "%s", u)
}

// builder is a handler that answers with the URL ?build= names, built with
// ?with= as the pairs ("k=v,k=v") through the builder ?via= chooses.
func builder(h *partygin.Handle) gin.HandlerFunc {
	return func(c *gin.Context) {
		var pairs []string
		for _, kv := range strings.Split(c.Query("with"), ",") {
			if k, v, ok := strings.Cut(kv, "="); ok {
				pairs = append(pairs, k, v)
			}
		}
		name := c.Query("build")
		switch c.Query("via") {
		case "package":
			u, err := partygin.URL(c, name, pairs...)
			built(c, u, err)
		case "absolute":
			u, err := h.AbsoluteURL(c, name, pairs...)
			built(c, u, err)
		case "nil":
			u, err := h.URL(nil, name, pairs...)
			built(c, u, err)
		case "redirect":
			if err := partygin.Redirect(c, http.StatusFound, name, pairs...); err != nil {
				built(c, "", err)
			}
		case "signed":
			u, err := h.SignedURL(c, time.Now().Add(time.Hour), name, pairs...)
			built(c, u, err)
		case "expired":
			u, err := h.SignedURL(c, time.Now().Add(-time.Minute), name, pairs...)
			built(c, u, err)
		case "link":
			next, err := h.Link(c, "next", name, pairs...)
			if err != nil {
				built(c, "", err)
				return
			}
			canonical, err := h.Link(c, "canonical", "post", "lang", "en", "id", "1")
			if err != nil {
				built(c, "", err)
				return
			}
			c.Header("Link", urlfor.JoinLinks(next, canonical))
			c.String(http.StatusOK, "linked")
		default:
			u, err := h.URL(c, name, pairs...)
			built(c, u, err)
		}
	}
}

// stickyParty serves, over real HTTP, a gin blog at /blog with
// Sticky("lang", "path") and SignWith(signer) in the engine mode set
// gives it, a gin shop at /shop without options, and a framework-less
// mirror at /mirror whose "{path...}" wildcard takes no leading "/".
func stickyParty(t *testing.T, signer *urlfor.Signer, set func(*gin.Engine)) (*httptest.Server, *partygin.Handle, *partygin.Handle) {
	t.Helper()
	blog := gin.New()
	set(blog)
	h, err := partygin.Join(blog, partygin.Sticky("lang", "path"), partygin.SignWith(signer))
	if err != nil {
		t.Fatal(err)
	}
	blog.Use(h.Middleware())
	r := h.Router(blog)
	r.Named("post").GET("/:lang/posts/:id", builder(h))
	r.Named("about").GET("/:lang/about", builder(h))
	r.Named("static").GET("/static/about", builder(h))
	r.Named("home").GET("/home", builder(h))
	r.Named("docs").GET("/docs/*path", builder(h))
	r.Named("file").GET("/:lang/files/:name", partygin.ValidateSignature(signer), func(c *gin.Context) {
		c.String(http.StatusOK, "file %s", c.Param("name"))
	})

	shop := gin.New()
	hs, err := partygin.Join(shop)
	if err != nil {
		t.Fatal(err)
	}
	shop.Use(hs.Middleware())
	hs.Router(shop).Named("cart").GET("/:lang/cart", builder(hs))

	mirror := urlfortest.NewApp("mirror", urlfortest.Route("copy", "GET", "/copy/{path...}", urlfor.Literal("/copy/"), urlfor.Wildcard("path")))
	_, srv := party(t, mount{"/blog", blog}, mount{"/shop", shop}, mount{"/mirror", mirror})
	return srv, h, hs
}

// TestSticky: a handler of "/:lang/posts/:id" builds "about" (and the
// shop's cart) without lang and gets the request's; a given lang wins; a
// sticky value is checked like any other; a route without lang and a nil
// context fill nothing; a catch-all's value loses gin's leading "/".
func TestSticky(t *testing.T) {
	srv, h, _ := stickyParty(t, testSigner(t), func(*gin.Engine) {})
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
		{"/blog/a%20b/posts/7?build=shop:cart", "/shop/a%20b/cart"},
		// "*path" hands "/a/b"; the sticky value is "a/b".
		{"/blog/docs/a/b?build=mirror:copy", "/mirror/copy/a/b"},
		{"/blog/docs/a/b?build=docs", "/blog/docs/a/b"},
		// Checked like a given value: "static" would reach /static/about.
		{"/blog/static/posts/7?build=about", "error: taken"},
		{"/blog/home?build=about", "error: missing"},
		{"/blog/fr/posts/7?build=about&via=nil", "error: missing"},
		// The shop has no Sticky option: its handle fills nothing.
		{"/shop/fr/cart?build=blog:about&via=package", "error: missing"},
	} {
		resp, body := get(t, noRedirects, srv, c.path)
		switch {
		case resp.StatusCode != http.StatusOK:
			t.Errorf("GET %s: %d %s", c.path, resp.StatusCode, body)
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

	resp, _ := get(t, noRedirects, srv, "/blog/fr/posts/7?build=shop:cart&via=redirect")
	if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/shop/fr/cart" {
		t.Errorf("Redirect: %d to %q, want 302 to /shop/fr/cart", resp.StatusCode, resp.Header.Get("Location"))
	}
	if _, err := h.URL(nil, "about"); !errors.Is(err, urlfor.ErrMissingParam) {
		t.Errorf("URL(nil, about): %v, want ErrMissingParam", err)
	}
	if _, err := h.URL(&gin.Context{Params: gin.Params{{Key: "lang", Value: "fr"}}}, "about"); !errors.Is(err, urlfor.ErrMissingParam) {
		t.Errorf("URL(a context without a request, about): %v, want ErrMissingParam", err)
	}
}

// TestStickyEngineModes: the sticky value is the one the client meant in
// every engine mode, where c.Param is raw text in some ("a%2Cb", "%C3%A9")
// and decoded in others.
func TestStickyEngineModes(t *testing.T) {
	for _, m := range engineModes {
		t.Run(m.name, func(t *testing.T) {
			srv, _, _ := stickyParty(t, testSigner(t), m.set)
			for _, c := range [][2]string{
				{"/blog/a%2Cb/posts/7?build=shop:cart", "/shop/a,b/cart"},
				{"/blog/caf%C3%A9/posts/7?build=shop:cart", "/shop/caf%C3%A9/cart"},
				{"/blog/a%20b/posts/7?build=about", "/blog/a%20b/about"},
				{"/blog/docs/a%2Cb/c?build=mirror:copy", "/mirror/copy/a,b/c"},
			} {
				if resp, body := get(t, noRedirects, srv, c[0]); resp.StatusCode != http.StatusOK || body != c[1] {
					t.Errorf("GET %s: %d %q, want %q", c[0], resp.StatusCode, body, c[1])
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
	srv, _, shop := stickyParty(t, testSigner(t), func(*gin.Engine) {})
	resp, signed := get(t, noRedirects, srv, "/blog/fr/posts/7?build=file&with=name=a%20b.pdf&via=signed")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(signed, "/blog/fr/files/a%20b.pdf?expires=") {
		t.Fatalf("SignedURL: %d %q", resp.StatusCode, signed)
	}
	_, expired := get(t, noRedirects, srv, "/blog/fr/posts/7?build=file&with=name=a.pdf&via=expired")
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
		resp, body := get(t, noRedirects, srv, c.url)
		if resp.StatusCode != c.status {
			t.Errorf("%s: GET %s: %d %q, want %d", c.name, c.url, resp.StatusCode, body, c.status)
			continue
		}
		if c.reason == nil {
			if body != "file a b.pdf" {
				t.Errorf("%s: body %q", c.name, body)
			}
			continue
		}
		if !strings.HasPrefix(body, c.reason.Error()) || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
			t.Errorf("%s: %q (%s), want %q as text/plain", c.name, body, resp.Header.Get("Content-Type"), c.reason)
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
		partygin.ValidateSignature(nil)
	}()
}

// TestLink: a handler sets a Link header of two link-values built by
// name (the first with the sticky lang); the client reads them back.
func TestLink(t *testing.T) {
	srv, h, _ := stickyParty(t, testSigner(t), func(*gin.Engine) {})
	resp, body := get(t, noRedirects, srv, "/blog/fr/posts/7?build=post&with=id=8&via=link")
	want := `</blog/fr/posts/8>; rel="next", </blog/en/posts/1>; rel="canonical"`
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Link") != want {
		t.Errorf("Link: %d %q, header %q, want %q", resp.StatusCode, body, resp.Header.Get("Link"), want)
	}
	if _, err := h.Link(nil, "", "post", "lang", "en", "id", "1"); !errors.Is(err, urlfor.ErrBadCall) {
		t.Errorf("Link with an empty rel: %v, want ErrBadCall", err)
	}
}
