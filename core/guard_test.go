package core_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/partyline-go/partyline/core"
)

// inviteTargets returns request targets (as sent on the request line) that
// name the invite path prefix+"/__invite__/" in a way some router would
// forgive: the party must answer all of them 404 without calling the
// dispatcher.
func inviteTargets(prefix string) []string {
	base := prefix + "/__invite__/"
	ts := []string{
		base,
		prefix + "/__invite__",                 // no trailing slash
		base + "?x=1",                          // a query
		base + "?",                             // an empty query
		base + "?" + core.TokenHeader + "=abc", // a query that looks like a token
		strings.ToUpper(base),                  // upper case: /BLOG/__INVITE__/
		prefix + "/__Invite__/",                // mixed case
		prefix + "/%5F%5Finvite%5F%5F/",        // percent-encoded, upper-case hex
		prefix + "/%5f%5finvite%5f%5f/",        // percent-encoded, lower-case hex
		prefix + "/__%69nvite__/",              // a letter percent-encoded
		"/" + base,                             // a leading //
		prefix + "//__invite__/",               // // inside
		base + "/",                             // a trailing //
		"/." + base,                            // /./ at the start
		prefix + "/./__invite__/",              // /./ inside
		prefix + "/x/../__invite__/",           // /x/../ inside
		base + ".",                             // a trailing /.
		prefix + "/%2E/__invite__/",            // an encoded /./
		"http://example.com" + base,            // absolute form
	}
	if prefix != "" {
		ts = append(ts, prefix+"%2F__invite__/") // an encoded slash
	}
	return ts
}

// countingHandler counts the requests that reach it.
type countingHandler struct {
	n atomic.Int32
	h http.Handler
}

func (c *countingHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.n.Add(1)
	c.h.ServeHTTP(w, r)
}

// Every method, query and spelling of an invite path from outside gets 404
// from the party itself: the dispatcher never sees it.
func TestServeHTTPHidesInvitePaths(t *testing.T) {
	tr := newTrioApps(nil)
	spy := &countingHandler{h: tr.mux}
	p, err := core.New(spy, invitePaths(trioPrefixes...))
	if err != nil {
		t.Fatal(err)
	}
	spy.n.Store(0)
	for _, prefix := range trioPrefixes {
		for _, target := range inviteTargets(prefix) {
			for _, method := range []string{"GET", "POST", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS"} {
				rec := httptest.NewRecorder()
				p.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
				if rec.Code != http.StatusNotFound {
					t.Errorf("%s %s = %d, want 404", method, target, rec.Code)
				}
			}
		}
	}
	if n := spy.n.Load(); n != 0 {
		t.Errorf("%d outside requests for invite paths reached the dispatcher", n)
	}
	for _, a := range tr.apps() {
		if n := a.accepted.Load(); n != 1 {
			t.Errorf("app %s accepted %d invitations, want 1", a.name, n)
		}
	}
}

// Paths that only look like invite paths pass through; those that reach an
// invite route are refused by AcceptInvitation, so no app joins again.
func TestServeHTTPPassesLookalikes(t *testing.T) {
	tr := newTrioApps(nil)
	spy := &countingHandler{h: tr.mux}
	p, err := core.New(spy, invitePaths(trioPrefixes...))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		target string
		status int
	}{
		{"/hello", 200},
		{"/blog/hello", 200},
		{"/shop/hello?x=1", 200},
		{"/", 404},
		{"/__invite__/extra", 404}, // reaches root's invite route, refused
		{"/blog/__invite__/x/y", 404},
		{"/blog/__invite", 404},
		{"/blog/__invite__x/", 404},
		{"/blog/_invite_/", 404},
		{"/blogs/__invite__/", 404},
		{"/blog/x/__invite__/", 404},
		{"/x/blog/__invite__/", 404},
		{"/__invite__.html", 404},
		{"/blog/__invite__/%2E%2E/hello", 0}, // cleans to /blog/hello: not an invite path
	} {
		spy.n.Store(0)
		rec := httptest.NewRecorder()
		p.ServeHTTP(rec, httptest.NewRequest("GET", tc.target, nil))
		if spy.n.Load() != 1 {
			t.Errorf("GET %s did not reach the dispatcher", tc.target)
		}
		if tc.status != 0 && rec.Code != tc.status {
			t.Errorf("GET %s = %d, want %d", tc.target, rec.Code, tc.status)
		}
	}
	for _, a := range tr.apps() {
		if n := a.accepted.Load(); n != 1 {
			t.Errorf("app %s accepted %d invitations, want 1", a.name, n)
		}
	}
}

// A party without invite paths hides nothing.
func TestServeHTTPWithoutInvitesHidesNothing(t *testing.T) {
	app := newTestApp("root", nil)
	p, err := core.New(app, nil)
	if err != nil {
		t.Fatal(err)
	}
	p.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/__invite__/", nil))
	if app.reached.Load() != 1 || app.accepted.Load() != 0 {
		t.Errorf("invite route reached %d times, accepted %d; want 1 and 0", app.reached.Load(), app.accepted.Load())
	}
}

// The token header is removed from outside requests before the app sees
// them; the caller's request is left as it was; other headers pass.
func TestServeHTTPStripsTheTokenHeader(t *testing.T) {
	var seen http.Header
	var joined atomic.Int32
	app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := core.AcceptInvitation(r); ok {
			joined.Add(1)
		}
		seen = r.Header.Clone()
	})
	p, err := core.New(app, invitePaths("/blog"))
	if err != nil {
		t.Fatal(err)
	}
	joined.Store(0)
	for _, values := range [][]string{
		{"0123456789abcdef0123456789abcdef"},
		{""},
		{"a", "b"},
	} {
		req := httptest.NewRequest(http.MethodGet, "/hello", nil)
		req.Header[core.TokenHeader] = values
		req.Header.Set("X-Kept", "yes")
		p.ServeHTTP(httptest.NewRecorder(), req)
		if _, ok := seen[core.TokenHeader]; ok {
			t.Errorf("the app saw %s: %q", core.TokenHeader, seen.Values(core.TokenHeader))
		}
		if seen.Get("X-Kept") != "yes" {
			t.Errorf("the app lost another header: %v", seen)
		}
		if got := req.Header[core.TokenHeader]; len(got) != len(values) {
			t.Errorf("the caller's request was changed: %s = %q", core.TokenHeader, got)
		}
	}
	if joined.Load() != 0 {
		t.Error("an outside request joined the party")
	}
}

// IsInvitePath agrees with ServeHTTP on the path ServeHTTP looks at: the
// request's percent-decoded URL.Path.
func TestIsInvitePathAgreesWithServeHTTP(t *testing.T) {
	tr := newTrio(t, nil)
	for _, prefix := range trioPrefixes {
		for _, target := range inviteTargets(prefix) {
			u := httptest.NewRequest(http.MethodGet, target, nil).URL
			// IsInvitePath takes the path as sent, escaped, and decodes it
			// as net/http does.
			for _, p := range []string{u.EscapedPath(), strings.ReplaceAll(u.EscapedPath(), "_", "%5F")} {
				if !tr.party.IsInvitePath(p) {
					t.Errorf("IsInvitePath(%q) = false, but ServeHTTP answers 404 for %s", p, target)
				}
			}
		}
	}
	// Over 256 bytes, decoding allocates but decides the same.
	long := "/blog" + strings.Repeat("/x/..", 60) + "/%5F%5Finvite%5F%5F/"
	if !tr.party.IsInvitePath(long) {
		t.Errorf("IsInvitePath(%q) = false", long)
	}
	for _, p := range []string{"/", "/hello", "/blog/hello", "/__invite__/x", "/blog/__invite", "/blogs/__invite__/", "/__invite__.html", "",
		"/blog/%5F%5Finvite%5F%5", "/blog/%zz__invite__/", "/blog%2Fx/__invite__x/", "/blog/__invite__%2Fx"} {
		if tr.party.IsInvitePath(p) {
			t.Errorf("IsInvitePath(%q) = true", p)
		}
	}
}

// An InviteGuard answers as the party of the same invite paths does.
func TestInviteGuard(t *testing.T) {
	paths := []string{"/__invite__/", "/blog/__invite__/", "/api/_party"}
	p, err := core.New(http.NotFoundHandler(), paths, core.AllowDecline())
	if err != nil {
		t.Fatal(err)
	}
	var g *core.InviteGuard = core.NewInviteGuard(paths)
	for _, path := range []string{"/blog/__invite__/", "/blog/__INVITE__", "/blog//__invite__", "/blog/%5F_invite__/", "/api/_party/", "/api/_party", "/blog/posts", "/", "/__invite__", "/x/__invite__"} {
		if got, want := g.IsInvitePath(path), p.IsInvitePath(path); got != want {
			t.Errorf("InviteGuard.IsInvitePath(%q) = %v, the party says %v", path, got, want)
		}
	}
}
