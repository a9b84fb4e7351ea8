package adaptertest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/core"
)

// testInviteSealed checks that invitations stay in-process: from outside,
// an invite path is answered 404 by the party and never reaches the app
// (core.Party.ServeHTTP); and the app's own invite route, asked without an
// invitation, answers 404 too (wsgi_party: an invite route answers only
// its invitation), so an app served without a party, or behind a
// dispatcher that forgets the guard, leaks nothing.
func (s *suite) testInviteSealed(t *testing.T) {
	s.requireDialect(t, itemRoute)
	routes := []Route{itemRoute}

	t.Run("ThroughParty", func(t *testing.T) {
		const rule = "sealed invite path (core.Party answers 404 to an invite path from outside, in any case or escaping, and the request never reaches the app)"
		app := s.newApp(t, routes, Options{})
		pt := s.serve(t, mount{prefix: "/mnt", app: app})
		paths := []string{"/mnt/__invite__/", "/mnt/__invite__", "/mnt/__INVITE__/", "/mnt/%5F%5Finvite%5F%5F/", "/mnt/__invite__/?x=1"}
		for _, method := range []string{http.MethodGet, http.MethodPost} {
			for _, p := range paths {
				before := pt.reached.Load()
				resp, err := s.do(pt.srv, method, p)
				reached := pt.reached.Load() != before
				if err != nil || resp.status != http.StatusNotFound || reached {
					t.Errorf("%s: %s %s = %d %v, reached the app: %v; want 404 from the party", rule, method, p, resp.status, err, reached)
				}
			}
		}
	})

	t.Run("BareApp", func(t *testing.T) {
		const rule = "an invite route answers only its invitation (wsgi_party): asked directly, with no party, it is 404"
		fresh := s.newApp(t, routes, Options{})
		joined := s.newApp(t, routes, Options{})
		s.serve(t, mount{prefix: "/mnt", app: joined})
		for _, a := range []struct {
			which string
			app   *App
		}{{"an app never invited", fresh}, {"an app already joined", joined}} {
			for _, forged := range []bool{false, true} {
				req := httptest.NewRequest(http.MethodGet, core.DefaultInvitePath, nil)
				if forged {
					// A token nobody issued: only the party resolves tokens.
					req.Header.Set(core.TokenHeader, strings.Repeat("0", 32))
				}
				rec := httptest.NewRecorder()
				a.app.Handler.ServeHTTP(rec, req)
				if rec.Code != http.StatusNotFound {
					t.Errorf("%s: GET %s on the handler of %s (forged token: %v) = %d, want 404", rule, core.DefaultInvitePath, a.which, forged, rec.Code)
				}
			}
			// Other methods may be 405 where the router says so; never a success.
			rec := httptest.NewRecorder()
			a.app.Handler.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, core.DefaultInvitePath, nil))
			if rec.Code < 400 {
				t.Errorf("%s: POST %s on the handler of %s = %d, want 404 (or 405)", rule, core.DefaultInvitePath, a.which, rec.Code)
			}
		}
	})
}
