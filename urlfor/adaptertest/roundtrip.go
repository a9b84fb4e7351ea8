package adaptertest

import "testing"

// The routes RoundTrip builds: one parameter filling one segment, and a
// trailing wildcard. Every router has the first.
var (
	itemRoute = Route{Name: "item", Pattern: "/items/{id}"}
	fileRoute = Route{Name: "file", Pattern: "/files/{path...}"}
)

// testRoundTrip checks the law (DESIGN.md, urlfor) for every value of the
// catalogue, alone on its route: the adapter may refuse a value with a
// typed error, but a URL it builds must come back as the same endpoint
// with the same value.
func (s *suite) testRoundTrip(t *testing.T) {
	s.requireDialect(t, itemRoute)
	routes := []Route{itemRoute}
	_, wildcard := s.d.Dialect(fileRoute.Pattern)
	if wildcard {
		routes = append(routes, fileRoute)
	}
	app := s.newApp(t, routes, Options{})
	pt := s.serve(t, mount{prefix: "/mnt", app: app})
	t.Run("param", func(t *testing.T) { s.roundTrip(t, pt, app, itemRoute) })
	t.Run("wildcard", func(t *testing.T) {
		if !wildcard {
			t.Skipf("%s cannot say %q (Dialect returned false)", s.d.Framework, fileRoute.Pattern)
		}
		s.roundTrip(t, pt, app, fileRoute)
	})
}

func (s *suite) roundTrip(t *testing.T, pt *party, app *App, r Route) {
	rep := newReporter(t)
	params := Params(r.Pattern)
	built := 0
	var refusals []string
	for _, v := range catalogue() {
		switch s.law(rep, pt, app, "/mnt", call{name: r.Name, params: params, values: []string{v}}) {
		case reached:
			built++
		case refused:
			refusals = append(refusals, v)
			if v == "abc" {
				rep.errorf(ruleCoverage, "URL(%q, %q, \"abc\") was refused", r.Name, params[0].Name)
			}
		}
	}
	t.Logf("%s: %d values round-tripped, %d refused: %q", r.Pattern, built, len(refusals), refusals)
}

// requireDialect fails t when the driver cannot say a pattern every
// router has.
func (s *suite) requireDialect(t testing.TB, r Route) {
	t.Helper()
	if _, ok := s.d.Dialect(r.Pattern); !ok {
		t.Fatalf("Dialect cannot say %q, which every router can: the suite needs it", r.Pattern)
	}
}
