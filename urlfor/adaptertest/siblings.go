package adaptertest

import (
	"fmt"
	"testing"
)

// scenario is a route set in which routes compete for URLs: the URL built
// for one route, with the wrong value, is also a URL of another, and the
// router's precedence (most specific first in net/http and chi, first
// registered in gorilla/mux, static before parameter in echo and gin)
// decides which one serves it.
type scenario struct {
	name   string
	routes []Route // registered in this order
}

func route(name string, p Pattern) Route { return Route{Name: name, Pattern: p} }

// scenarios are the competitions every adapter must get right: the values
// a sibling takes are refused, every other value round-trips. Where order
// matters to some router (first match wins in gorilla/mux and fiber), both
// orders are apps of their own.
func scenarios() []scenario {
	return []scenario{
		{"static-beside-param/static-first", []Route{route("new", "/posts/new"), route("post", "/posts/{id}")}},
		{"static-beside-param/param-first", []Route{route("post", "/posts/{id}"), route("new", "/posts/new")}},
		{"static-beside-param/unnamed-static", []Route{route("", "/posts/new"), route("post", "/posts/{id}")}},
		{"param-beside-wildcard/param-first", []Route{route("one", "/f/{id}"), route("rest", "/f/{rest...}")}},
		{"param-beside-wildcard/wildcard-first", []Route{route("rest", "/f/{rest...}"), route("one", "/f/{id}")}},
		{"static-beside-wildcard/static-first", []Route{route("readme", "/f/readme"), route("rest", "/f/{rest...}")}},
		{"static-beside-wildcard/wildcard-first", []Route{route("rest", "/f/{rest...}"), route("readme", "/f/readme")}},
		{"letter-case", []Route{route("upper", "/c/NEW"), route("item", "/c/{id}")}},
		{"trailing-slash", []Route{route("bare", "/t/{id}"), route("slash", "/t/{id}/")}},
		{"prefix-family/prefix-first", []Route{route("draft", "/items/draft-{n}"), route("item", "/items/{id}")}},
		{"prefix-family/prefix-last", []Route{route("item", "/items/{id}"), route("draft", "/items/draft-{n}")}},
		{"constrained-beside-plain/constrained-first", []Route{route("year", "/r/{y:[0-9]+}"), route("any", "/r/{id}")}},
		{"constrained-beside-plain/plain-first", []Route{route("any", "/r/{id}"), route("year", "/r/{y:[0-9]+}")}},
		{"in-segment/param-first", []Route{route("json", "/e/{id}.json"), route("newjson", "/e/new.json")}},
		{"in-segment/static-first", []Route{route("newjson", "/e/new.json"), route("json", "/e/{id}.json")}},
		// A router that does not backtrack sends "/p/new/edit" to the
		// static branch "new" and answers 404.
		{"backtracking/static-first", []Route{route("new", "/p/new"), route("edit", "/p/{id}/edit")}},
		{"backtracking/param-first", []Route{route("edit", "/p/{id}/edit"), route("new", "/p/new")}},
		// A route of another method takes nothing from a GET route: "new"
		// is refused by none, or by an adapter unsure of the method.
		{"other-method", []Route{{Method: "POST", Pattern: "/posts/new"}, route("post", "/posts/{id}")}},
	}
}

// testSiblings runs every scenario: for every named route, every candidate
// value builds to a URL that reaches that route with that value, or is
// refused with a typed error.
func (s *suite) testSiblings(t *testing.T) {
	for _, sc := range scenarios() {
		t.Run(sc.name, func(t *testing.T) { s.sibling(t, sc) })
	}
}

func (s *suite) sibling(t *testing.T, sc scenario) {
	s.dialect(t, sc.routes)
	app, err := s.tryNewApp(t, sc.routes, Options{})
	if err != nil {
		t.Skipf("%s refuses to register %s together (not a failure of the adapter): %v", s.d.Framework, describeRoutes(sc.routes), err)
	}
	checkApp(t, app)
	pt := s.serve(t, mount{prefix: "/mnt", app: app})
	rep := newReporter(t)
	defer func() {
		if rep.failed() {
			t.Logf("routes, in registration order: %s", describeRoutes(sc.routes))
		}
	}()
	for _, r := range sc.routes {
		if r.Name == "" {
			continue // it competes, but has no URL
		}
		params := Params(r.Pattern)
		if len(params) == 0 {
			s.law(rep, pt, app, "/mnt", call{name: r.Name})
			continue
		}
		for i, p := range params {
			for _, v := range candidates(sc.routes, r, p) {
				values := make([]string, len(params))
				for j := range values {
					values[j] = "x1"
				}
				values[i] = v
				s.law(rep, pt, app, "/mnt", call{name: r.Name, params: params, values: values})
			}
		}
	}
}

// tryNewApp is the driver's NewApp with a panic turned into an error:
// several frameworks panic on a route set they refuse (gin's tree on a
// wildcard beside a parameter; net/http's ServeMux on a conflict).
func (s *suite) tryNewApp(t testing.TB, routes []Route, o Options) (app *App, err error) {
	defer func() {
		if v := recover(); v != nil {
			app, err = nil, fmt.Errorf("panic: %v", v)
		}
	}()
	return s.d.NewApp(t, routes, o)
}
