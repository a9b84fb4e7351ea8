package adaptertest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/partyline-go/partyline/core"
)

// mount is one app of a test party.
type mount struct {
	prefix string // where the dispatcher mounts it: "/mnt"
	app    *App
	invite string // the app's local invite route; core.DefaultInvitePath when ""
}

// party is a running test party: an http.ServeMux that mounts each app
// under http.StripPrefix, core.New around it, and a loopback server.
type party struct {
	p   *core.Party
	srv *httptest.Server
	// reached counts requests that got past the party into an app, so a
	// check can tell a 404 of the party's guard from one of the app.
	reached atomic.Int64
}

// serve starts a party of mounts and fails t unless every app accepted its
// invitation.
func (s *suite) serve(t testing.TB, mounts ...mount) *party {
	t.Helper()
	pt := &party{}
	dispatcher := http.NewServeMux()
	invites := make([]string, 0, len(mounts))
	for _, m := range mounts {
		h := m.app.Handler
		dispatcher.Handle(m.prefix+"/", http.StripPrefix(m.prefix, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			pt.reached.Add(1)
			h.ServeHTTP(w, r)
		})))
		invite := m.invite
		if invite == "" {
			invite = core.DefaultInvitePath
		}
		invites = append(invites, m.prefix+invite)
	}
	p, err := core.New(dispatcher, invites)
	if err != nil {
		t.Fatalf("joining (an adapter answers its invitation with 200 and joins): core.New: %v", err)
	}
	for _, inv := range p.Invitations() {
		if !inv.Joined {
			t.Fatalf("joining (the invite route accepts the invitation with core.AcceptInvitation): the app invited at %s did not join; it answered %d", inv.Path, inv.Status)
		}
	}
	pt.p = p
	pt.srv = httptest.NewServer(p)
	t.Cleanup(pt.srv.Close)
	return pt
}

// newApp makes an app through the driver and fails t if it cannot.
func (s *suite) newApp(t testing.TB, routes []Route, o Options) *App {
	t.Helper()
	app, err := s.d.NewApp(t, routes, o)
	if err != nil {
		t.Fatalf("NewApp(%s) with options %+v: %v", describeRoutes(routes), o, err)
	}
	checkApp(t, app)
	return app
}

// checkApp fails t for an App the suite cannot use.
func checkApp(t testing.TB, app *App) {
	t.Helper()
	switch {
	case app == nil:
		t.Fatal("the driver's NewApp returned a nil *App and no error")
	case app.Handler == nil:
		t.Fatal("the driver's App has no Handler")
	case app.URL == nil:
		t.Fatal("the driver's App has no URL func")
	}
}

// dialect translates routes and skips t with the reason when the driver's
// framework cannot say one of them.
func (s *suite) dialect(t testing.TB, routes []Route) {
	t.Helper()
	for _, r := range routes {
		if _, ok := s.d.Dialect(r.Pattern); !ok {
			t.Skipf("%s cannot say the pattern %q (Dialect returned false)", s.d.Framework, r.Pattern)
		}
	}
}

func describeRoutes(routes []Route) string {
	parts := make([]string, len(routes))
	for i, r := range routes {
		name := r.Name
		if name == "" {
			name = "(unnamed)"
		}
		parts[i] = name + " " + string(r.Pattern)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
