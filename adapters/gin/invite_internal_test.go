package partygin

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/gin-gonic/gin"
)

// TestInviteConflictIsGins checks inviteConflict's rule against gin: for a
// route the app has, it reports a conflict exactly when gin panics on
// registering the invite route after it.
func TestInviteConflictIsGins(t *testing.T) {
	nop := func(*gin.Context) {}
	for _, invite := range []string{"/__invite__/", "/shop/__invite__/", "/_party"} {
		for _, pattern := range []string{
			"/*path", "/__invite__/*x", "/__invite__/x/*y", "/__inv/*x", "/shop/*x", "/shop/__invite__/*x", "/sh/*x",
			"/__invite__/", "/__invite__", "/shop/__invite__/", "/_party", "/_party/", "/_party/*x",
			"/:page", "/:page/", "/:a/*b", "/__:x/", "/__invite__/:x", "/shop/:x/", "/:shop/__invite__/*x",
			`/a\:b/*x`, "/a/*x", "/",
		} {
			e := gin.New()
			e.GET(pattern, nop)
			got := inviteConflict(e.Routes(), []string{http.MethodGet}, invite) != nil
			panicked := func() (v any) {
				defer func() { v = recover() }()
				e.GET(invite, nop)
				return nil
			}()
			if got != (panicked != nil) {
				t.Errorf("route %s, invite route %s: inviteConflict %v, gin panics: %v", pattern, invite, got, panicked)
			}
		}
	}
	// Routes of other methods do not conflict.
	e := gin.New()
	e.POST("/*path", nop)
	if err := inviteConflict(e.Routes(), []string{http.MethodGet}, "/__invite__/"); err != nil {
		t.Errorf("a POST catch-all conflicts with the GET invite route: %v", err)
	}
}

// TestCleanPathIsGins: atInviteRoute cleans paths as gin's cleanPath does
// (gin's own is unexported), which RemoveExtraSlash applies before
// matching: an engine with RemoveExtraSlash and a route at the cleaned
// path serves the path.
func TestCleanPathIsGins(t *testing.T) {
	for _, p := range []string{"/", "//", "/a", "/a/", "//a//", "/a/./b/", "/a/../b", "/a/..", "/a/.", "/../a/", "/a/b/../..", "/a//b/./"} {
		e := gin.New()
		e.RemoveExtraSlash = true
		e.RedirectTrailingSlash = false
		want := cleanPath(p)
		e.GET(want, func(c *gin.Context) { c.Status(http.StatusTeapot) })
		rec := serveTest(e, p)
		if rec != http.StatusTeapot {
			t.Errorf("cleanPath(%q) = %q, which gin does not serve for it (%d)", p, want, rec)
		}
	}
}

// serveTest sends GET p (the path as given, not parsed) to e and returns
// the status.
func serveTest(e *gin.Engine, p string) int {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.URL = &url.URL{Path: p}
	e.ServeHTTP(rec, req)
	return rec.Code
}
