package partyfiberv3_test

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v3"
	partyfiberv3 "github.com/partyline-go/partyline/adapters/fiberv3"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// newSigner is a signer with a fixed test key.
func newSigner(t testing.TB) *urlfor.Signer {
	t.Helper()
	s, err := urlfor.NewSigner(bytes.Repeat([]byte("k"), 32))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// built answers with u, or with the error's text after "error: ".
func built(c fiber.Ctx, u string, err error) error {
	if err != nil {
		return c.SendString("error: " + err.Error())
	}
	return c.SendString(u)
}

// stickyParty is a blog (fiber, Sticky("lang"), SignWith(signer)) at /blog
// and a shop (fiber, no options) at /shop, over real HTTP. The blog's
// "/:lang/posts/:id" answers with the URL ?build= names, built with
// ?with= as the pairs ("k=v,k=v") and ?via= choosing the builder.
func stickyParty(t *testing.T, signer *urlfor.Signer) (*httptest.Server, *partyfiberv3.Handle) {
	t.Helper()
	blog := fiber.New()
	h, err := partyfiberv3.Join(blog, partyfiberv3.Sticky("lang"), partyfiberv3.SignWith(signer))
	if err != nil {
		t.Fatal(err)
	}
	build := func(c fiber.Ctx) error {
		var pairs []string
		for _, kv := range strings.Split(c.Query("with"), ",") {
			if k, v, ok := strings.Cut(kv, "="); ok {
				pairs = append(pairs, k, v)
			}
		}
		name := c.Query("build")
		switch c.Query("via") {
		case "package":
			u, err := partyfiberv3.URL(c, name, pairs...)
			return built(c, u, err)
		case "absolute":
			u, err := h.AbsoluteURL(c, name, pairs...)
			return built(c, u, err)
		case "nil":
			u, err := h.URL(nil, name, pairs...)
			return built(c, u, err)
		case "redirect":
			if err := h.Redirect(c, fiber.StatusFound, name, pairs...); err != nil {
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
			c.Set("Link", urlfor.JoinLinks(next, canonical))
			return c.SendString("linked")
		}
		u, err := h.URL(c, name, pairs...)
		return built(c, u, err)
	}
	blog.Get("/:lang/posts/:id", build).Name("post")
	blog.Get("/:lang<alpha>/about", build).Name("about")
	blog.Get("/home", build).Name("home")
	blog.Get("/opt/:lang?", build).Name("opt")
	blog.Get("/:lang/files/:name", partyfiberv3.ValidateSignature(signer), func(c fiber.Ctx) error {
		name, err := partyfiberv3.Param(c, "name")
		if err != nil {
			return err
		}
		return c.SendString("file " + name)
	}).Name("file")

	shop := fiber.New()
	if _, err := partyfiberv3.Join(shop); err != nil {
		t.Fatal(err)
	}
	shop.Get("/:lang/cart", build).Name("cart")

	srv := serve(t, newParty(t, mount{"/blog", partyfiberv3.Handler(blog)}, mount{"/shop", partyfiberv3.Handler(shop)}))
	return srv, h
}

// TestSticky: a handler of "/:lang/posts/:id" builds "about" (and the
// shop's cart) without lang and gets the request's, read as Param reads
// it; a given lang wins; a sticky value is checked like any other; a route
// without lang, an optional lang left out and a nil context fill nothing.
func TestSticky(t *testing.T) {
	srv, _ := stickyParty(t, newSigner(t))
	for _, c := range []struct {
		path, want string
	}{
		{"/blog/fr/posts/7?build=about", "/blog/fr/about"},
		{"/blog/fr/posts/7?build=about&with=lang=en", "/blog/en/about"},
		{"/blog/fr/posts/7?build=post&with=id=8", "/blog/fr/posts/8"},
		{"/blog/fr/posts/7?build=shop:cart", "/shop/fr/cart"},
		{"/blog/fr/posts/7?build=shop:cart&via=package", "/shop/fr/cart"},
		{"/blog/fr/posts/7?build=about&via=absolute", srv.URL + "/blog/fr/about"},
		// Exact: "a b" arrives as "a%20b", c.Params hands "a%20b", Param and
		// the sticky value "a b".
		{"/blog/a%20b/posts/7?build=shop:cart", "/shop/a%20b/cart"},
		// Checked like a given value: "about" takes letters only.
		{"/blog/12/posts/7?build=about", "error: refused"},
		{"/blog/home?build=about", "error: missing"},
		{"/blog/opt/?build=about", "error: missing"},
		{"/blog/opt/de?build=about", "/blog/de/about"},
		{"/blog/fr/posts/7?build=about&via=nil", "error: missing"},
		// The shop has no Sticky option: its handle fills nothing.
		{"/shop/fr/cart?build=blog:about&via=package", "error: missing"},
	} {
		status, body, _ := get(t, nil, srv.URL+c.path)
		switch {
		case status != http.StatusOK:
			t.Errorf("GET %s: %d %s", c.path, status, body)
		case c.want == "error: missing":
			if !strings.Contains(body, "missing parameter \"lang\"") {
				t.Errorf("GET %s: %q, want a missing lang", c.path, body)
			}
		case c.want == "error: refused":
			if !strings.Contains(body, `parameter "lang" value "12"`) {
				t.Errorf("GET %s: %q, want lang \"12\" refused", c.path, body)
			}
		case body != c.want:
			t.Errorf("GET %s = %q, want %q", c.path, body, c.want)
		}
	}
	status, _, resp := get(t, nil, srv.URL+"/blog/fr/posts/7?build=about&via=redirect")
	if loc := resp.Header.Get("Location"); status != http.StatusFound || loc != "/blog/fr/about" {
		t.Errorf("Redirect: %d to %q, want 302 to /blog/fr/about", status, loc)
	}
}

// TestStickyNilContext: without a context nothing is filled.
func TestStickyNilContext(t *testing.T) {
	_, h := stickyParty(t, newSigner(t))
	if _, err := h.URL(nil, "about"); !errors.Is(err, urlfor.ErrMissingParam) {
		t.Errorf("URL(nil): %v, want ErrMissingParam", err)
	}
	if u, err := h.URL(nil, "about", "lang", "en"); err != nil || u != "/blog/en/about" {
		t.Errorf("URL(nil, lang en) = %q, %v", u, err)
	}
}

// TestSignedURL: a URL from Handle.SignedURL (sticky lang included) passes
// ValidateSignature over real HTTP; a changed byte of the path or the
// query, an added, removed or repeated pair, another key and expiry are
// 403 with the reason as text/plain; a reordered query still passes.
func TestSignedURL(t *testing.T) {
	signer := newSigner(t)
	srv, _ := stickyParty(t, signer)
	_, signed, _ := get(t, nil, srv.URL+"/blog/fr/posts/7?build=file&with=name=report%202026.pdf,v=1&via=signed")
	if !strings.HasPrefix(signed, "/blog/fr/files/report%202026.pdf?v=1&expires=") {
		t.Fatalf("SignedURL = %q", signed)
	}
	_, expired, _ := get(t, nil, srv.URL+"/blog/fr/posts/7?build=file&with=name=a.pdf&via=expired")
	other, err := urlfor.NewSigner(bytes.Repeat([]byte("o"), 32))
	if err != nil {
		t.Fatal(err)
	}
	otherKey, err := other.Sign("/blog/fr/files/report%202026.pdf?v=1", time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	path, query, _ := strings.Cut(signed, "?")
	pairs := strings.Split(query, "&")
	for _, c := range []struct {
		name, url string
		want      error
	}{
		{"signed", signed, nil},
		{"reordered", path + "?" + strings.Join([]string{pairs[2], pairs[0], pairs[1]}, "&"), nil},
		{"query byte", strings.Replace(signed, "v=1", "v=2", 1), urlfor.ErrSignatureInvalid},
		{"path byte", strings.Replace(signed, "report", "rePort", 1), urlfor.ErrSignatureInvalid},
		{"escape", strings.Replace(signed, "%20", "+", 1), urlfor.ErrSignatureInvalid},
		{"other lang", strings.Replace(signed, "/fr/", "/en/", 1), urlfor.ErrSignatureInvalid},
		{"extra param", signed + "&admin=1", urlfor.ErrSignatureInvalid},
		{"empty extra param", signed + "&admin", urlfor.ErrSignatureInvalid},
		{"removed param", path + "?" + pairs[1] + "&" + pairs[2], urlfor.ErrSignatureInvalid},
		{"repeated signature", signed + "&" + pairs[2], urlfor.ErrSignatureInvalid},
		{"other key", otherKey, urlfor.ErrSignatureInvalid},
		{"expired", expired, urlfor.ErrSignatureExpired},
		{"unsigned", path + "?v=1", urlfor.ErrSignatureMissing},
	} {
		status, body, resp := get(t, nil, srv.URL+c.url)
		if c.want == nil {
			if status != http.StatusOK || body != "file report 2026.pdf" {
				t.Errorf("%s: GET %s: %d %q, want 200", c.name, c.url, status, body)
			}
			continue
		}
		if status != http.StatusForbidden || !strings.HasPrefix(body, c.want.Error()) {
			t.Errorf("%s: GET %s: %d %q, want 403 %q", c.name, c.url, status, body, c.want)
		}
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
			t.Errorf("%s: Content-Type %q", c.name, ct)
		}
	}
}

// TestValidateSignatureHost: a URL signed absolute verifies on its host
// and scheme only: the Host header as sent, and TLS as the bridge saw it.
func TestValidateSignatureHost(t *testing.T) {
	signer := newSigner(t)
	app := fiber.New()
	app.Get("/d/:f", partyfiberv3.ValidateSignature(signer), func(c fiber.Ctx) error { return c.SendString("ok") })
	// Never joined: the path is the app's own.
	plain := serve(t, partyfiberv3.Handler(app))
	tlsSrv := httptest.NewTLSServer(partyfiberv3.Handler(app))
	t.Cleanup(tlsSrv.Close)
	exp := time.Now().Add(time.Hour)
	sign := func(u string) string {
		s, err := signer.Sign(u, exp)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	for _, c := range []struct {
		name, url string
		client    *http.Client
		host      string
		want      int
	}{
		{"path", plain.URL + sign("/d/x"), nil, "", http.StatusOK},
		{"host", sign(plain.URL + "/d/x"), nil, "", http.StatusOK},
		{"host in capitals", sign(strings.ToUpper(plain.URL[:4]) + plain.URL[4:] + "/d/x"), nil, "", http.StatusOK},
		{"other host", sign("http://example.com/d/x"), nil, "", http.StatusForbidden},
		{"other host header", sign(plain.URL + "/d/x"), nil, "example.com", http.StatusForbidden},
		{"https", sign(tlsSrv.URL + "/d/x"), tlsSrv.Client(), "", http.StatusOK},
		{"http signed, https used", strings.Replace(sign("http"+strings.TrimPrefix(tlsSrv.URL, "https")+"/d/x"), "http:", "https:", 1), tlsSrv.Client(), "", http.StatusForbidden},
	} {
		u, err := url.Parse(c.url)
		if err != nil {
			t.Fatal(err)
		}
		if u.Host == "example.com" {
			u.Host = strings.TrimPrefix(plain.URL, "http://")
		}
		client := c.client
		if c.host != "" {
			client = &http.Client{Transport: hostTransport(c.host)}
		}
		status, body, _ := get(t, client, u.String())
		if status != c.want {
			t.Errorf("%s: GET %s: %d %q, want %d", c.name, u, status, body, c.want)
		}
	}
}

// hostTransport sends requests with Host set to host.
type hostTransport string

func (h hostTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Host = string(h)
	return http.DefaultTransport.RoundTrip(r)
}

// TestValidateSignatureNil: a nil signer is a set-up error.
func TestValidateSignatureNil(t *testing.T) {
	defer func() {
		if v := recover(); v == nil || !strings.Contains(v.(string), "ValidateSignature needs a signer") {
			t.Errorf("recovered %v", v)
		}
	}()
	partyfiberv3.ValidateSignature(nil)
	t.Error("no panic")
}

// TestLinkHeader: Handle.Link values joined into a Link header reach the
// client, parsed back as RFC 8288 link-values, sticky lang included.
func TestLinkHeader(t *testing.T) {
	srv, _ := stickyParty(t, newSigner(t))
	status, body, resp := get(t, nil, srv.URL+"/blog/fr/posts/7?build=post&with=id=8,page=2&via=link")
	if status != http.StatusOK || body != "linked" {
		t.Fatalf("GET: %d %q", status, body)
	}
	got := resp.Header.Get("Link")
	if want := `</blog/fr/posts/8?page=2>; rel="next", </blog/en/posts/1>; rel="canonical"`; got != want {
		t.Errorf("Link = %q, want %q", got, want)
	}
	rels := map[string]string{}
	for _, v := range strings.Split(got, ", ") {
		target, params, _ := strings.Cut(v, ">; ")
		rel, ok := strings.CutPrefix(params, "rel=")
		if !ok || !strings.HasPrefix(target, "<") {
			t.Fatalf("link-value %q", v)
		}
		rels[strings.Trim(rel, `"`)] = strings.TrimPrefix(target, "<")
	}
	next, err := url.Parse(srv.URL + rels["next"])
	if err != nil || next.Path != "/blog/fr/posts/8" || next.Query().Get("page") != "2" {
		t.Errorf("next = %v, %v", next, err)
	}
	status, _, _ = get(t, nil, next.String())
	if status != http.StatusOK {
		t.Errorf("GET next: %d", status)
	}
}

// TestValidateSignatureFullPaths: an app that registered its full paths
// behind a dispatcher that keeps the prefix (mount prefix "") verifies the
// path as it is.
func TestValidateSignatureFullPaths(t *testing.T) {
	signer := newSigner(t)
	app := fiber.New()
	h, err := partyfiberv3.Join(app, partyfiberv3.InviteRoute("/blog/__invite__/"), partyfiberv3.SignWith(signer))
	if err != nil {
		t.Fatal(err)
	}
	app.Get("/blog/files/:name", partyfiberv3.ValidateSignature(signer), func(c fiber.Ctx) error { return c.SendString("ok") }).Name("file")
	app.Get("/blog/share", func(c fiber.Ctx) error {
		u, err := h.SignedURL(c, time.Now().Add(time.Hour), "file", "name", "a b")
		return built(c, u, err)
	})
	mux := http.NewServeMux()
	mux.Handle("/blog/", partyfiberv3.Handler(app))
	party, err := core.New(mux, []string{"/blog/__invite__/"})
	if err != nil {
		t.Fatal(err)
	}
	srv := serve(t, party)
	_, signed, _ := get(t, nil, srv.URL+"/blog/share")
	if !strings.HasPrefix(signed, "/blog/files/a%20b?expires=") {
		t.Fatalf("SignedURL = %q", signed)
	}
	if status, body, _ := get(t, nil, srv.URL+signed); status != http.StatusOK {
		t.Errorf("GET %s: %d %q", signed, status, body)
	}
	if status, _, _ := get(t, nil, srv.URL+strings.Replace(signed, "a%20b", "a%20c", 1)); status != http.StatusForbidden {
		t.Errorf("tampered: %d, want 403", status)
	}
}
