package adaptertest

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/urlfor"
)

// testErrors checks that the handle's failures are urlfor's typed errors
// (DESIGN.md, urlfor: unknown endpoint with "did you mean", missing
// parameter, ambiguity, not invited yet), not the framework's own.
func (s *suite) testErrors(t *testing.T) {
	s.requireDialect(t, itemRoute)
	routes := []Route{itemRoute}

	t.Run("NotInvited", func(t *testing.T) {
		app := s.newApp(t, routes, Options{})
		if _, err := app.URL("item", "id", "7"); !errors.Is(err, urlfor.ErrNotInvited) {
			t.Errorf("before the invitation a build fails with urlfor.ErrNotInvited: URL(\"item\") = %v", err)
		}
	})

	t.Run("UnknownEndpoint", func(t *testing.T) {
		const rule = "an unknown name is a *urlfor.UnknownEndpointError (errors.Is urlfor.ErrUnknownEndpoint) suggesting close names"
		app := s.newApp(t, routes, Options{})
		s.serve(t, mount{prefix: "/mnt", app: app})
		for _, typo := range []string{"mnt:iten", "mnt:itm"} {
			_, err := app.URL(typo, "id", "7")
			var ue *urlfor.UnknownEndpointError
			switch {
			case !errors.As(err, &ue) || !errors.Is(err, urlfor.ErrUnknownEndpoint):
				t.Errorf("%s: URL(%q) = %T %v", rule, typo, err, err)
			case !strings.Contains(err.Error(), "did you mean") || !strings.Contains(err.Error(), `"mnt:item"`):
				t.Errorf("%s: URL(%q) = %q, want \"did you mean\" naming \"mnt:item\"", rule, typo, err)
			}
		}
	})

	t.Run("MissingParam", func(t *testing.T) {
		const rule = "a missing parameter is a *urlfor.ParamError with Missing set (errors.Is urlfor.ErrMissingParam)"
		app := s.newApp(t, routes, Options{})
		s.serve(t, mount{prefix: "/mnt", app: app})
		_, err := app.URL("item")
		var pe *urlfor.ParamError
		switch {
		case !errors.As(err, &pe) || !errors.Is(err, urlfor.ErrMissingParam):
			t.Errorf("%s: URL(\"item\") = %T %v", rule, err, err)
		case !pe.Missing || pe.Param != "id":
			t.Errorf("%s: URL(\"item\") = %+v, want Missing for \"id\"", rule, *pe)
		}
	})

	t.Run("Ambiguous", func(t *testing.T) {
		const rule = "a bare name two apps have is a *urlfor.AmbiguousError (errors.Is urlfor.ErrAmbiguous) listing both"
		a := s.newApp(t, routes, Options{})
		b := s.newApp(t, routes, Options{})
		third := []Route{{Name: "other", Pattern: "/other"}}
		s.requireDialect(t, third[0])
		c := s.newApp(t, third, Options{})
		pt := s.serve(t, mount{prefix: "/a", app: a}, mount{prefix: "/b", app: b}, mount{prefix: "/c", app: c})
		check := func(who string, build func(string, ...string) (string, error)) {
			t.Helper()
			_, err := build("item", "id", "7")
			var ae *urlfor.AmbiguousError
			if !errors.As(err, &ae) || !errors.Is(err, urlfor.ErrAmbiguous) {
				t.Errorf("%s: %s URL(\"item\") = %T %v", rule, who, err, err)
				return
			}
			for _, ns := range []string{"a:item", "b:item"} {
				if !slices.ContainsFunc(ae.Candidates, func(c string) bool { return strings.HasPrefix(c, ns) }) {
					t.Errorf("%s: %s URL(\"item\") candidates %q lack %q", rule, who, ae.Candidates, ns)
				}
			}
		}
		check("the party's urlfor.Builder:", urlfor.New(pt.p).URL)
		check("a third app's handle:", c.URL)
		// Qualified names and local names are not ambiguous: inside an app,
		// a bare name is the app's own endpoint first (README, Adapters).
		s.wantURL(t, c, "/a/items/7", "a:item", "id", "7")
		s.wantURL(t, a, "/a/items/7", "item", "id", "7")
		s.wantURL(t, b, "/b/items/7", "item", "id", "7")
	})
}
