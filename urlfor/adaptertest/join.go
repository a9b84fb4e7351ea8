package adaptertest

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// testJoin checks the entry point: an app joins and builds, joins once, and
// refuses malformed options before touching the app, with adapterkit's
// errors (one vocabulary for every adapter, so errors.Is works whichever
// adapter made the error).
func (s *suite) testJoin(t *testing.T) {
	s.requireDialect(t, itemRoute)
	routes := []Route{itemRoute}

	t.Run("JoinsAndBuilds", func(t *testing.T) {
		app := s.newApp(t, routes, Options{})
		pt := s.serve(t, mount{prefix: "/mnt", app: app})
		s.wantURL(t, app, "/mnt/items/7", "item", "id", "7")
		rep := newReporter(t)
		s.law(rep, pt, app, "/mnt", call{name: "item", params: Params(itemRoute.Pattern), values: []string{"7"}})
	})

	t.Run("JoinAgain", func(t *testing.T) {
		app := s.newApp(t, routes, Options{})
		pt := s.serve(t, mount{prefix: "/mnt", app: app})
		if app.JoinAgain == nil {
			t.Fatal("the driver's App has no JoinAgain: the suite cannot check that an app joins once")
		}
		const rule = "one membership per app (wsgi_party: an app joins one party once; adapterkit.ErrAlreadyJoined)"
		err := app.JoinAgain()
		switch {
		case err == nil:
			t.Errorf("%s: a second Join of the same app succeeded", rule)
		case !errors.Is(err, adapterkit.ErrAlreadyJoined):
			t.Errorf("%s: a second Join = %T %q, want an error matching adapterkit.ErrAlreadyJoined", rule, err, err)
		}
		checkPrefix(t, err)
		// The refused Join must not have undone the first one.
		s.wantURL(t, app, "/mnt/items/7", "item", "id", "7")
		rep := newReporter(t)
		s.law(rep, pt, app, "/mnt", call{name: "item", params: Params(itemRoute.Pattern), values: []string{"7"}})
	})

	t.Run("MountedTwice", func(t *testing.T) {
		const rule = "an app joins one party once: a second mount's invitation is declined, and core.New fails naming where the app joined (core.ErrAlreadyJoined)"
		app := s.newApp(t, routes, Options{Namespace: "x"})
		dispatcher := http.NewServeMux()
		dispatcher.Handle("/a/", http.StripPrefix("/a", app.Handler))
		dispatcher.Handle("/b/", http.StripPrefix("/b", app.Handler))
		_, err := core.New(dispatcher, []string{"/a" + core.DefaultInvitePath, "/b" + core.DefaultInvitePath})
		if !errors.Is(err, core.ErrAlreadyJoined) || !strings.Contains(err.Error(), "/a"+core.DefaultInvitePath) {
			t.Errorf("%s: core.New = %v", rule, err)
		}
		s.wantURL(t, app, "/a/items/7", "item", "id", "7")
	})

	t.Run("SecondParty", func(t *testing.T) {
		const rule = "an app on a party declines a second party's invitation, naming where it joined, and keeps its links (core.ErrAlreadyJoined)"
		app := s.newApp(t, routes, Options{Namespace: "x"})
		s.serve(t, mount{prefix: "/a", app: app})
		dispatcher := http.NewServeMux()
		dispatcher.Handle("/b/", http.StripPrefix("/b", app.Handler))
		_, err := core.New(dispatcher, []string{"/b" + core.DefaultInvitePath})
		if !errors.Is(err, core.ErrAlreadyJoined) || !strings.Contains(err.Error(), "/a"+core.DefaultInvitePath) {
			t.Errorf("%s: core.New = %v", rule, err)
		}
		s.wantURL(t, app, "/a/items/7", "item", "id", "7")
	})

	t.Run("InvitePathWithoutSlash", func(t *testing.T) {
		const rule = "an invite path listed without its trailing slash joins, or core.New fails saying which path to list"
		app := s.newApp(t, routes, Options{})
		dispatcher := http.NewServeMux()
		dispatcher.Handle("/mnt/", http.StripPrefix("/mnt", app.Handler))
		unslashed := "/mnt" + strings.TrimSuffix(core.DefaultInvitePath, "/")
		_, err := core.New(dispatcher, []string{unslashed})
		switch {
		case err == nil:
			s.wantURL(t, app, "/mnt/items/7", "mnt:item", "id", "7")
		case !errors.Is(err, core.ErrNotJoined) || !strings.Contains(err.Error(), unslashed+"/"):
			t.Errorf("%s: core.New = %v", rule, err)
		}
	})

	bad := []struct {
		name string
		o    Options
	}{
		{"InviteRouteWithoutSlash", Options{InviteRoute: "no-slash"}},
		{"NamespaceWithColon", Options{Namespace: "a:b"}},
	}
	for _, b := range bad {
		t.Run(b.name, func(t *testing.T) {
			const rule = "options are checked (adapterkit.Config.Check: an invite route starts with \"/\", a namespace has no \":\"; adapterkit.ErrInvalidOption)"
			app, err := s.tryNewApp(t, routes, b.o)
			switch {
			case err == nil:
				t.Errorf("%s: Join with %+v succeeded (app %v)", rule, b.o, app != nil)
			case !errors.Is(err, adapterkit.ErrInvalidOption):
				t.Errorf("%s: Join with %+v = %T %q, want an error matching adapterkit.ErrInvalidOption", rule, b.o, err, err)
			}
			checkPrefix(t, err)
		})
	}
}

// checkPrefix fails t when err's text does not start with the adapter's
// package name (DESIGN.md, Conventions: partyecho, partychi, ...).
func checkPrefix(t testing.TB, err error) {
	t.Helper()
	if err != nil && !strings.HasPrefix(err.Error(), "party") {
		t.Errorf("error text starts with the adapter's package name (DESIGN.md, Conventions): %q", err)
	}
}

// wantURL fails t unless app builds exactly want for name and pairs: the
// mount prefix followed by the route's path, for plain values.
func (s *suite) wantURL(t testing.TB, app *App, want, name string, pairs ...string) {
	t.Helper()
	got, err := app.URL(name, pairs...)
	if err != nil || got != want {
		t.Errorf("a URL is the mount prefix followed by the route's path: URL(%q, %q) = %q, %v; want %q", name, pairs, got, err, want)
	}
}
