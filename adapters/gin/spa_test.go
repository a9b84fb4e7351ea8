package partygin_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
	partygin "github.com/partyline-go/partyline/adapters/gin"
	"github.com/partyline-go/partyline/core"
)

// spa is a single-page app's fallback: every path gets the page.
func spa(c *gin.Context) { c.String(http.StatusOK, "page "+c.Param("path")) }

// A single-page app, a root catch-all beside which gin allows no other GET
// route, joins with JoinAhead called before the catch-all is registered:
// the invitation is answered ahead of routing, the fallback serves every
// other path, and the invite route stays sealed.
func TestSPAJoinAheadThenCatchAll(t *testing.T) {
	for _, at := range []string{"", "/app"} {
		e := gin.New()
		h, err := partygin.JoinAhead(e)
		if err != nil {
			t.Fatal(err)
		}
		r := h.Router(e)
		r.Named("page").GET("/*path", spa)
		r.Named("item").POST("/api/items/:id", report)
		blog := gin.New()
		bh, err := partygin.Join(blog, partygin.Namespace("blog"))
		if err != nil {
			t.Fatal(err)
		}
		bh.Router(blog).Named("post").GET("/posts/:id", report)
		p, srv := party(t, mount{at, e}, mount{"/blog", blog})
		for _, inv := range p.Invitations() {
			if !inv.Joined || inv.Status != http.StatusOK {
				t.Fatalf("at %q: invitation %+v", at, inv)
			}
		}

		u, err := h.URL(nil, "page", "path", "a b/c")
		if want := at + "/a%20b/c"; err != nil || u != want {
			t.Fatalf("at %q: URL(page) = %q, %v; want %q", at, u, err, want)
		}
		for _, path := range []string{u, at + "/", at + "/deep/link?x=1", at + "/__invite__x", at + "/x/__invite__/"} {
			resp, body := get(t, noRedirects, srv, path)
			if resp.StatusCode != http.StatusOK || !strings.HasPrefix(body, "page /") {
				t.Errorf("at %q: GET %s: %d %q, want the page", at, path, resp.StatusCode, body)
			}
		}
		if _, body := get(t, noRedirects, srv, u); body != "page /a b/c" {
			t.Errorf("at %q: GET %s: %q", at, u, body)
		}
		if u, err := h.URL(nil, "item", "id", "7"); err != nil || u != at+"/api/items/7" {
			t.Errorf("at %q: URL(item) = %q, %v", at, u, err)
		} else if resp, err := srv.Client().Post(srv.URL+u, "text/plain", nil); err != nil || resp.StatusCode != http.StatusOK {
			t.Errorf("at %q: POST %s: %v %v", at, u, resp, err)
		}
		if u, err := bh.URL(nil, "page", "path", "x"); err != nil || u != at+"/x" {
			t.Errorf("at %q: the blog's URL(page) = %q, %v", at, u, err)
		}

		// Sealed: from outside the party answers; on the bare engine the
		// invite route does, never the page.
		for _, method := range []string{http.MethodGet, http.MethodPost, http.MethodHead} {
			req, _ := http.NewRequest(method, srv.URL+at+core.DefaultInvitePath, nil)
			resp, err := noRedirects.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusNotFound {
				t.Errorf("at %q: %s %s from outside: %d, want 404", at, method, core.DefaultInvitePath, resp.StatusCode)
			}
			for _, forged := range []bool{false, true} {
				req := httptest.NewRequest(method, core.DefaultInvitePath, nil)
				if forged {
					req.Header.Set(core.TokenHeader, strings.Repeat("0", 32))
				}
				rec := httptest.NewRecorder()
				e.ServeHTTP(rec, req)
				if rec.Code != http.StatusNotFound || strings.HasPrefix(rec.Body.String(), "page /") {
					t.Errorf("at %q: %s %s on the engine (forged token %v): %d %q, want 404", at, method, core.DefaultInvitePath, forged, rec.Code, rec.Body)
				}
			}
		}
	}
}

// Registered before the app joins, a root catch-all already has its
// handler chain, which nothing can precede: Join and JoinAhead say so, name
// the route and the fix, and leave the engine as it was. (gin, asked to
// add the invite route, would panic.)
func TestSPACatchAllBeforeJoin(t *testing.T) {
	for name, join := range map[string]func(*gin.Engine, ...partygin.Option) (*partygin.Handle, error){
		"Join": partygin.Join, "JoinAhead": partygin.JoinAhead,
	} {
		e := gin.New()
		e.GET("/*path", spa)
		h, err := join(e)
		var ce *partygin.InviteConflictError
		if h != nil || !errors.As(err, &ce) || !errors.Is(err, partygin.ErrInvalidOption) {
			t.Fatalf("%s: %v, %v; want an InviteConflictError", name, h, err)
		}
		if *ce != (partygin.InviteConflictError{Method: "GET", Route: "/*path", InviteRoute: "/__invite__/"}) {
			t.Errorf("%s: %+v", name, *ce)
		}
		if msg := err.Error(); !strings.HasPrefix(msg, "partygin: ") || !strings.Contains(msg, "GET /*path") || !strings.Contains(msg, "JoinAhead first") {
			t.Errorf("%s: %q names neither the route nor the fix", name, msg)
		}
		if routes := e.Routes(); len(routes) != 1 {
			t.Errorf("%s left routes behind: %v", name, routes)
		}
		if rec := serve(e, http.MethodGet, "/__invite__/"); rec.Code != http.StatusOK || rec.Body.String() != "page /__invite__/" {
			t.Errorf("%s: the engine changed: %d %q", name, rec.Code, rec.Body)
		}
		// The engine can still join, once the route is out of the way in
		// another engine: nothing was recorded.
		if _, err := join(gin.New()); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	// The invite route itself: another invite route is the fix.
	e := gin.New()
	e.GET("/__invite__/", spa)
	var ce *partygin.InviteConflictError
	if _, err := partygin.Join(e); !errors.As(err, &ce) || !strings.Contains(err.Error(), "partygin.InviteRoute") {
		t.Errorf("Join beside the invite route: %v", err)
	}
	if _, err := partygin.Join(e, partygin.InviteRoute("/_party/")); err != nil {
		t.Errorf("Join with another invite route: %v", err)
	}
}

// After Join, whose invite route is a static route, gin refuses a root
// catch-all: why JoinAhead exists. After JoinAhead it registers, for
// methods that had no route; one that had routes keeps Join's invite route
// (gin allows no root catch-all there anyway).
func TestSPACatchAllAfterJoin(t *testing.T) {
	e := gin.New()
	if _, err := partygin.Join(e); err != nil {
		t.Fatal(err)
	}
	if v := registersOn(e, http.MethodGet, "/*path"); v == nil || !strings.Contains(v.(string), "__invite__") {
		t.Errorf("gin took a root catch-all beside Join's invite route: %v", v)
	}

	e = gin.New()
	e.POST("/api/items/:id", report)
	h, err := partygin.JoinAhead(e)
	if err != nil {
		t.Fatal(err)
	}
	if v := registersOn(e, http.MethodGet, "/*path"); v != nil {
		t.Fatalf("gin refused a root catch-all after JoinAhead: %v", v)
	}
	var methods []string
	for _, ri := range e.Routes() {
		if ri.Path == core.DefaultInvitePath {
			methods = append(methods, ri.Method)
		}
	}
	if len(methods) != 1 || methods[0] != http.MethodPost {
		t.Errorf("JoinAhead registered the invite route for %v, want POST only", methods)
	}
	p, _ := party(t, mount{"/app", e})
	if inv := p.Invitations(); !inv[0].Joined {
		t.Errorf("invitation: %+v", inv[0])
	}
	if rec := serve(e, http.MethodPost, "/__invite__/"); rec.Code != http.StatusNotFound {
		t.Errorf("POST /__invite__/: %d", rec.Code)
	}
	if _, err := h.Participant(); err != nil {
		t.Error(err)
	}
}

// JoinAhead's limit, which its doc states: in a method that gets a root
// parameter, gin redirects the invite path (its trailing slash
// recommendation) before any middleware runs, and the app does not join.
// Join's static invite route wins there.
func TestJoinAheadLosesInvitationsGinRedirects(t *testing.T) {
	for name, join := range map[string]func(*gin.Engine, ...partygin.Option) (*partygin.Handle, error){
		"Join": partygin.Join, "JoinAhead": partygin.JoinAhead,
	} {
		e := gin.New()
		if _, err := join(e); err != nil {
			t.Fatal(err)
		}
		e.GET("/:page", report)
		mux, invites := dispatcher(mount{"/app", e})
		_, err := core.New(mux, invites)
		var ie *core.InvitationError
		switch {
		case name == "Join" && err != nil:
			t.Errorf("%s: core.New = %v, want the app joined", name, err)
		case name == "JoinAhead" && (!errors.As(err, &ie) || ie.Status != http.StatusMovedPermanently):
			t.Errorf("%s: core.New = %v, want it to fail with gin's 301", name, err)
		}
	}
}

// JoinAhead answers the invite route where gin would match it in the
// engine's mode, and nothing else.
func TestJoinAheadMatchesAsGin(t *testing.T) {
	tests := []struct {
		set    func(*gin.Engine)
		path   string
		sealed bool
	}{
		{func(*gin.Engine) {}, "/__invite__/", true},
		{func(*gin.Engine) {}, "/%5F%5Finvite__/", true}, // the decoded path
		{func(*gin.Engine) {}, "//__invite__/", false},
		{func(e *gin.Engine) { e.RemoveExtraSlash = true }, "//__invite__//", true},
		{func(e *gin.Engine) { e.RemoveExtraSlash = true }, "/x/../__invite__/.", true},
		{func(e *gin.Engine) { e.UseRawPath = true }, "/%5F%5Finvite__/", false}, // the raw path
		{func(e *gin.Engine) { e.UseRawPath = true }, "/__invite__/", true},
		{func(e *gin.Engine) { e.UseEscapedPath = true }, "/__invite__/", true},
		{func(e *gin.Engine) { e.UseEscapedPath = true }, "/%5F%5Finvite__/", false},
	}
	for _, tt := range tests {
		e := gin.New()
		tt.set(e)
		if _, err := partygin.JoinAhead(e); err != nil {
			t.Fatal(err)
		}
		e.GET("/*path", spa)
		rec := serve(e, http.MethodGet, tt.path)
		if sealed := rec.Code == http.StatusNotFound; sealed != tt.sealed {
			t.Errorf("GET %s (%+v): %d %q, want sealed %v", tt.path, e, rec.Code, rec.Body, tt.sealed)
		}
	}
}

// serve sends a request for target to h and returns the recorded answer.
func serve(h http.Handler, method, target string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec
}

// registersOn returns what gin panics with when pattern is registered on
// e for method, or nil.
func registersOn(e *gin.Engine, method, pattern string) (v any) {
	defer func() { v = recover() }()
	e.Handle(method, pattern, spa)
	return nil
}
