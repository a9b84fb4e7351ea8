package adaptertest

import (
	"errors"
	"net/http"
	"testing"

	"github.com/partyline-go/partyline/urlfor"
)

// testOptions checks the options every adapter shares (adapterkit.Option):
// Namespace names the app, InviteRoute moves the invite route, and by
// default the namespace is the mount prefix without its "/"
// (urlfor.Config).
func (s *suite) testOptions(t *testing.T) {
	s.requireDialect(t, itemRoute)
	routes := []Route{itemRoute}
	item := Params(itemRoute.Pattern)

	t.Run("Namespace", func(t *testing.T) {
		const rule = "Namespace(ns) qualifies the app's endpoints as ns:name, instead of the mount prefix"
		app := s.newApp(t, routes, Options{Namespace: "x"})
		pt := s.serve(t, mount{prefix: "/mnt", app: app})
		s.wantURL(t, app, "/mnt/items/7", "x:item", "id", "7")
		rep := newReporter(t)
		s.law(rep, pt, app, "/mnt", call{name: "item", ask: "x:item", params: item, values: []string{"7"}})
		if _, err := app.URL("mnt:item", "id", "7"); !errors.Is(err, urlfor.ErrUnknownEndpoint) {
			t.Errorf("%s: URL(\"mnt:item\") with Namespace(\"x\") = %v, want urlfor.ErrUnknownEndpoint", rule, err)
		}
	})

	t.Run("InviteRoute", func(t *testing.T) {
		const rule = "InviteRoute(route) registers the invite route there: the party invites prefix+route"
		app := s.newApp(t, routes, Options{InviteRoute: "/_join/"})
		pt := s.serve(t, mount{prefix: "/mnt", app: app, invite: "/_join/"})
		s.wantURL(t, app, "/mnt/items/7", "item", "id", "7")
		rep := newReporter(t)
		s.law(rep, pt, app, "/mnt", call{name: "item", params: item, values: []string{"7"}})
		before := pt.reached.Load()
		resp, err := s.do(pt.srv, http.MethodGet, "/mnt/_join/")
		if err != nil || resp.status != http.StatusNotFound || pt.reached.Load() != before {
			t.Errorf("%s: GET /mnt/_join/ from outside = %d %v (reached the app: %v), want 404 from the party", rule, resp.status, err, pt.reached.Load() != before)
		}
	})

	t.Run("DefaultNamespace", func(t *testing.T) {
		app := s.newApp(t, routes, Options{})
		s.serve(t, mount{prefix: "/mnt", app: app})
		s.wantURL(t, app, "/mnt/items/7", "mnt:item", "id", "7")
	})
}
