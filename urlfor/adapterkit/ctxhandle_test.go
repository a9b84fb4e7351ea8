package adapterkit_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// ctx is a framework's context, as an adapter of it sees one: the request
// it serves and a response it writes redirects to.
type ctx struct {
	r *http.Request
	w *httptest.ResponseRecorder
}

// xhandle is the Handle of an adapter of that framework.
type xhandle struct {
	adapterkit.ContextHandle[*ctx]
}

func newXHandle(m *adapterkit.Member, opts ...adapterkit.ContextOption) *xhandle {
	request := func(c *ctx) *http.Request {
		if c == nil || c.r == nil {
			return nil
		}
		return c.r
	}
	redirect := func(c *ctx, code int, u string) error {
		http.Redirect(c.w, c.r, u, code)
		return nil
	}
	return &xhandle{adapterkit.NewContextHandle(m, request, redirect, opts...)}
}

// joinedMember is a member with "post" (/posts/{id}) and a host route
// "about", joined at /x.
func joinedMember(t *testing.T, opts ...adapterkit.Option) *adapterkit.Member {
	t.Helper()
	post, _ := urlfor.NewTemplate("/posts/{id}", []urlfor.Part{urlfor.Literal("/posts/"), urlfor.Param("id")})
	about, _ := urlfor.NewTemplate("/about", []urlfor.Part{urlfor.Literal("/about")})
	host, _ := urlfor.NewHostTemplate("example.com", []urlfor.Part{urlfor.Literal("example.com")})
	src := urlfor.SourceFunc(func() []urlfor.Route {
		return []urlfor.Route{{Name: "post", Pattern: "/posts/{id}", Path: post}, {Name: "about", Pattern: "example.com/about", Path: about, Host: host}}
	})
	m := adapterkit.NewMember("partyx", "x", adapterkit.NewConfig(opts), src)
	mux := http.NewServeMux()
	mux.Handle("/x/", http.StripPrefix("/x", http.HandlerFunc(m.ServeInvite)))
	if _, err := core.New(mux, []string{"/x/__invite__/"}); err != nil {
		t.Fatal(err)
	}
	return m
}

// ContextHandle's methods are the member's, shaped to the framework's
// context: URL does not read it, AbsoluteURL reads its request, Redirect
// writes through the framework only for a context with a request, a
// checked code and a built URL.
func TestContextHandle(t *testing.T) {
	m := joinedMember(t, adapterkit.TrustProxy())
	var h adapterkit.ContextURLs[*ctx] = newXHandle(m)
	r := httptest.NewRequest("GET", "https://site.org/", nil)
	c := &ctx{r: r, w: httptest.NewRecorder()}
	if u, err := h.URL(nil, "post", "id", "a b"); u != "/x/posts/a%20b" || err != nil {
		t.Errorf("URL(nil) = %q, %v", u, err)
	}
	if u, err := h.URL(c, "about"); u != "http://example.com/x/about" || err != nil {
		t.Errorf("URL of a host route = %q, %v", u, err)
	}
	if u, err := h.AbsoluteURL(c, "post", "id", "7"); u != "https://site.org/x/posts/7" || err != nil {
		t.Errorf("AbsoluteURL = %q, %v", u, err)
	}
	r.Header.Set("X-Forwarded-Host", "proxy.org")
	if u, err := h.AbsoluteURL(c, "post", "id", "7"); u != "https://proxy.org/x/posts/7" || err != nil {
		t.Errorf("AbsoluteURL behind a trusted proxy = %q, %v", u, err)
	}
	if _, err := h.AbsoluteURL(nil, "post", "id", "7"); !errors.Is(err, urlfor.ErrBadCall) {
		t.Errorf("AbsoluteURL(nil): %v", err)
	}
	if err := h.Redirect(c, http.StatusSeeOther, "post", "id", "7"); err != nil || c.w.Code != 303 || c.w.Header().Get("Location") != "/x/posts/7" {
		t.Errorf("Redirect: %v, %d %q", err, c.w.Code, c.w.Header().Get("Location"))
	}
	for _, call := range []struct {
		code int
		name string
		c    *ctx
		want error
	}{
		{http.StatusOK, "nope", nil, (*urlfor.RedirectCodeError)(nil)},                               // the code first
		{http.StatusFound, "nope", nil, urlfor.ErrBadCall},                                           // then the context
		{http.StatusFound, "nope", &ctx{r: r, w: httptest.NewRecorder()}, urlfor.ErrUnknownEndpoint}, // then the URL
		{http.StatusFound, "nope", &ctx{w: httptest.NewRecorder()}, urlfor.ErrBadCall},               // a context without a request
		{http.StatusFound, "post", &ctx{r: r, w: httptest.NewRecorder()}, urlfor.ErrMissingParam},
	} {
		w := httptest.NewRecorder()
		if call.c != nil {
			w = call.c.w
		}
		err := h.Redirect(call.c, call.code, call.name)
		var rce *urlfor.RedirectCodeError
		if _, isCode := call.want.(*urlfor.RedirectCodeError); isCode && !errors.As(err, &rce) || !isCode && !errors.Is(err, call.want) {
			t.Errorf("Redirect(%d, %q) = %v, want %v", call.code, call.name, err, call.want)
		}
		if w.Body.Len() != 0 || len(w.Header()) != 0 {
			t.Errorf("Redirect(%d, %q) wrote %q", call.code, call.name, w.Body)
		}
	}
	xh := newXHandle(m)
	if p, err := xh.Participant(); err != nil || p.MountPrefix() != "/x" {
		t.Errorf("Participant = %v, %v", p, err)
	}
	if xh.FuncMap()["urlFor"] == nil {
		t.Error("FuncMap has no urlFor")
	}
}

// RedirectCodes narrows the codes before anything is built or written.
func TestContextHandleRedirectCodes(t *testing.T) {
	only303 := func(code int) error {
		if code != http.StatusSeeOther {
			return &urlfor.RedirectCodeError{Code: code}
		}
		return nil
	}
	h := newXHandle(joinedMember(t), adapterkit.RedirectCodes(only303))
	c := &ctx{r: httptest.NewRequest("GET", "/", nil), w: httptest.NewRecorder()}
	var rce *urlfor.RedirectCodeError
	if err := h.Redirect(c, http.StatusFound, "nope"); !errors.As(err, &rce) || rce.Code != 302 || c.w.Header().Get("Location") != "" {
		t.Errorf("Redirect(302) = %v", err)
	}
	if err := h.Redirect(c, http.StatusSeeOther, "post", "id", "1"); err != nil || c.w.Header().Get("Location") != "/x/posts/1" {
		t.Errorf("Redirect(303) = %v", err)
	}
}

// Before the invitation, every build fails with ErrNotInvited.
func TestContextHandleNotInvited(t *testing.T) {
	m := adapterkit.NewMember("partyx", "x", adapterkit.NewConfig(nil), urlfor.SourceFunc(func() []urlfor.Route { return nil }))
	h := newXHandle(m)
	c := &ctx{r: httptest.NewRequest("GET", "/", nil), w: httptest.NewRecorder()}
	if _, err := h.URL(c, "post"); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("URL: %v", err)
	}
	if _, err := h.Participant(); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("Participant: %v", err)
	}
}

// Lookup finds the handle from the context alone, or answers NoHandle; a
// bad redirect code is reported first either way.
func TestLookup(t *testing.T) {
	h := newXHandle(joinedMember(t))
	noHandle := adapterkit.Errorf("partyx", adapterkit.ErrNoHandle, "join the app")
	known := httptest.NewRequest("GET", "http://site.org/", nil)
	l := adapterkit.Lookup[*ctx, *xhandle]{
		Find: func(c *ctx) (*xhandle, bool) {
			if c == nil || c.r != known {
				return nil, false
			}
			return h, true
		},
		NoHandle: noHandle,
	}
	c := &ctx{r: known, w: httptest.NewRecorder()}
	if u, err := l.URL(c, "post", "id", "7"); u != "/x/posts/7" || err != nil {
		t.Errorf("URL = %q, %v", u, err)
	}
	if u, err := l.AbsoluteURL(c, "post", "id", "7"); u != "http://site.org/x/posts/7" || err != nil {
		t.Errorf("AbsoluteURL = %q, %v", u, err)
	}
	if err := l.Redirect(c, http.StatusFound, "post", "id", "7"); err != nil || c.w.Header().Get("Location") != "/x/posts/7" {
		t.Errorf("Redirect = %v", err)
	}
	other := &ctx{r: httptest.NewRequest("GET", "/", nil), w: httptest.NewRecorder()}
	for _, o := range []*ctx{nil, other} {
		if _, err := l.URL(o, "post", "id", "7"); err != noHandle || !errors.Is(err, urlfor.ErrNotInvited) {
			t.Errorf("URL without a handle: %v", err)
		}
		if _, err := l.AbsoluteURL(o, "post", "id", "7"); err != noHandle {
			t.Errorf("AbsoluteURL without a handle: %v", err)
		}
		if err := l.Redirect(o, http.StatusFound, "post", "id", "7"); err != noHandle {
			t.Errorf("Redirect without a handle: %v", err)
		}
		var rce *urlfor.RedirectCodeError
		if err := l.Redirect(o, http.StatusOK, "post", "id", "7"); !errors.As(err, &rce) {
			t.Errorf("Redirect(200) without a handle: %v", err)
		}
	}
}

// An adapter for a framework with its own context type embeds a
// ContextHandle in its Handle: the handle's methods are then the
// contract's, shaped to that context.
func ExampleContextHandle() {
	type Ctx struct{ R *http.Request } // the framework's context
	type Handle struct {
		adapterkit.ContextHandle[*Ctx]
	}
	post, _ := urlfor.NewTemplate("/posts/{id}", []urlfor.Part{urlfor.Literal("/posts/"), urlfor.Param("id")})
	m := adapterkit.NewMember("partyx", "x", adapterkit.NewConfig(nil), urlfor.SourceFunc(func() []urlfor.Route {
		return []urlfor.Route{{Name: "post", Pattern: "/posts/{id}", Path: post}}
	}))
	h := &Handle{adapterkit.NewContextHandle(m,
		func(c *Ctx) *http.Request {
			if c == nil {
				return nil
			}
			return c.R
		},
		func(c *Ctx, code int, url string) error { return errors.New("the framework's redirect") },
	)}
	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", http.HandlerFunc(m.ServeInvite)))
	if _, err := core.New(mux, []string{"/blog/__invite__/"}); err != nil {
		fmt.Println(err)
	}
	c := &Ctx{R: httptest.NewRequest("GET", "https://example.org/", nil)}
	fmt.Println(h.URL(c, "post", "id", "7"))
	fmt.Println(h.AbsoluteURL(c, "post", "id", "7"))
	fmt.Println(h.Redirect(c, http.StatusOK, "post", "id", "7"))
	// Output:
	// /blog/posts/7 <nil>
	// https://example.org/blog/posts/7 <nil>
	// urlfor: redirect status 200 is not a 3xx status
}
