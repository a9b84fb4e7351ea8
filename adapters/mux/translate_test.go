package partymux

import (
	"errors"
	"net/http"
	"testing"

	"github.com/gorilla/mux"
	"github.com/partyline-go/partyline/urlfor"
)

// TestTranslate compiles routes of a router in each mode and builds them
// without a party (urlfor.Route.Build with no prefix).
func TestTranslate(t *testing.T) {
	type build struct {
		pairs []string
		want  string // "" for a refusal
	}
	cases := []struct {
		name   string
		route  func(r *mux.Router) *mux.Route
		mode   pathMode // modeUnknown: a Headers matcher defeats the probe
		params []string
		builds []build
	}{
		{"decoded param", func(r *mux.Router) *mux.Route { return r.Path("/a/{id}") }, modeDecoded, []string{"id"}, []build{
			{[]string{"id", "x y"}, "/a/x%20y"}, {[]string{"id", "x/y"}, ""}, {[]string{"id", "{id}"}, "/a/%7Bid%7D"}, {[]string{"id", ":id"}, "/a/:id"},
		}},
		{"encoded param", func(r *mux.Router) *mux.Route { return r.Path("/a/{id}") }, modeEncoded, []string{"id"}, []build{
			{[]string{"id", "x y"}, "/a/x%20y"}, {[]string{"id", "x/y"}, "/a/x%2Fy"}, {[]string{"id", "x//y"}, ""}, {[]string{"id", "./y"}, ""},
		}},
		{"unknown mode param", func(r *mux.Router) *mux.Route { return r.Path("/a/{id}").Headers("X-Key", "k") }, modeUnknown, []string{"id"}, []build{
			{[]string{"id", "x y"}, "/a/x%20y"}, {[]string{"id", "x/y"}, ""},
		}},
		{"decoded constraint", func(r *mux.Router) *mux.Route { return r.Path("/a/{id:[a-z ]+}") }, modeDecoded, []string{"id"}, []build{
			{[]string{"id", "x y"}, "/a/x%20y"}, {[]string{"id", "x1"}, ""},
		}},
		{"encoded constraint", func(r *mux.Router) *mux.Route { return r.Path("/a/{id:[a-z ]+}") }, modeEncoded, []string{"id"}, []build{
			{[]string{"id", "x y"}, ""}, {[]string{"id", "xy"}, "/a/xy"},
		}},
		{"unknown mode constraint", func(r *mux.Router) *mux.Route { return r.Path("/a/{id:[a-z ]+}").Headers("X-Key", "k") }, modeUnknown, []string{"id"}, []build{
			{[]string{"id", "x y"}, ""}, {[]string{"id", "xy"}, "/a/xy"},
		}},
		{"trailing slashy variable is a wildcard", func(r *mux.Router) *mux.Route { return r.Path("/f/{p:.+}") }, modeDecoded, []string{"p"}, []build{
			{[]string{"p", "a/b c"}, "/f/a/b%20c"}, {[]string{"p", ""}, ""}, {[]string{"p", "a/../b"}, ""},
		}},
		{"slashy variable after another slashy one stays a parameter", func(r *mux.Router) *mux.Route { return r.Path("/f/{a:.+}/{p:.+}") }, modeDecoded, []string{"a", "p"}, []build{
			{[]string{"a", "x", "p", "y/z"}, ""}, {[]string{"a", "x", "p", "y"}, "/f/x/y"},
		}},
		{"prefix with slash", func(r *mux.Router) *mux.Route { return r.PathPrefix("/s/") }, modeDecoded, []string{RestParam}, []build{
			{nil, "/s/"}, {[]string{RestParam, "a/b"}, "/s/a/b"}, {[]string{RestParam, "/a"}, ""},
		}},
		{"prefix without slash", func(r *mux.Router) *mux.Route { return r.PathPrefix("/s") }, modeDecoded, []string{RestParam}, []build{
			{nil, "/s"}, {[]string{RestParam, "a/b"}, "/s/a/b"},
		}},
		{"prefix ending with a variable", func(r *mux.Router) *mux.Route { return r.PathPrefix("/u/{id}") }, modeDecoded, []string{"id", RestParam}, []build{
			{[]string{"id", "7"}, "/u/7"}, {[]string{"id", "7", RestParam, "x"}, "/u/7/x"},
		}},
		{"prefix with a slashy variable has no rest", func(r *mux.Router) *mux.Route { return r.PathPrefix("/{a:.*}/x/") }, modeDecoded, []string{"a"}, []build{
			{[]string{"a", "q"}, "/q/x/"}, {[]string{"a", "q", RestParam, "z"}, "/q/x/?%2A=z"},
		}},
		{"prefix ending with an alternation", func(r *mux.Router) *mux.Route { return r.PathPrefix("/u/{id:a|ab}") }, modeDecoded, nil, nil},
		{"query", func(r *mux.Router) *mux.Route { return r.Path("/q").Queries("a", "{a:[0-9]+}", "b", "lit", "c", "") }, modeDecoded, nil, []build{
			{[]string{"a", "1"}, "/q?a=1&b=lit&c="}, {[]string{"a", "x"}, ""}, {nil, ""},
		}},
		{"query mixing text and a variable", func(r *mux.Router) *mux.Route { return r.Path("/q").Queries("a", "x{a}") }, modeDecoded, nil, nil},
		{"literal text escaped", func(r *mux.Router) *mux.Route { return r.Path("/a b/{id}") }, modeDecoded, []string{"id"}, []build{
			{[]string{"id", "1"}, "/a%20b/1"},
		}},
		{"literal text an escaped path cannot hold", func(r *mux.Router) *mux.Route { return r.Path("/a b/{id}") }, modeEncoded, nil, nil},
		{"shared label in a host", func(r *mux.Router) *mux.Route { return r.Host("{a}-{b}.example.com").Path("/") }, modeDecoded, nil, []build{
			{[]string{"a", "x", "b", "y"}, "http://x-y.example.com/"}, {[]string{"a", "x-z", "b", "y"}, ""},
		}},
		{"split label in a host", func(r *mux.Router) *mux.Route { return r.Host("{a:[a-z]+}-{b}.example.com").Path("/") }, modeDecoded, nil, []build{
			{[]string{"a", "x", "b", "y-z"}, "http://x-y-z.example.com/"},
		}},
		{"no path", func(r *mux.Router) *mux.Route { return r.Methods(http.MethodPost) }, modeDecoded, nil, []build{{nil, "/"}}},
	}
	for _, c := range cases {
		r := mux.NewRouter()
		if c.mode == modeEncoded {
			r.UseEncodedPath()
		}
		rt := c.route(r).Name("r")
		s := readRoute(rt)
		if toks, _ := parseTemplate(s.path); needsMode(toks) && c.builds != nil {
			if got := probeMode(rt, s, toks); got != c.mode {
				t.Errorf("%s: probed %v, want %v", c.name, got, c.mode)
			}
		}
		route := translate(rt, s).route
		if c.builds == nil {
			var re *RouteError
			if !errors.As(route.Err, &re) || re.Name != "r" {
				t.Errorf("%s: Err = %v, want a RouteError", c.name, route.Err)
			}
			if _, err := route.Build("", &urlfor.Request{}); !errors.Is(err, route.Err) {
				t.Errorf("%s: Build = %v, want the route's error", c.name, err)
			}
			continue
		}
		if route.Err != nil {
			t.Errorf("%s: %v", c.name, route.Err)
			continue
		}
		if c.params != nil {
			if got := route.Path.Params(); !equalStrings(got, c.params) {
				t.Errorf("%s: params %q, want %q", c.name, got, c.params)
			}
		}
		for _, b := range c.builds {
			got, err := route.Build("", &urlfor.Request{Pairs: b.pairs})
			switch {
			case b.want == "" && err == nil:
				t.Errorf("%s %q = %q, want a refusal", c.name, b.pairs, got)
			case b.want != "" && (err != nil || got != b.want):
				t.Errorf("%s %q = %q, %v; want %q", c.name, b.pairs, got, err, b.want)
			}
		}
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestSourceCache checks that a walk reuses translations and sees changes.
func TestSourceCache(t *testing.T) {
	r := mux.NewRouter()
	a := r.Path("/a/{id}").Name("a")
	s := &source{router: r}
	first := s.Routes()
	second := s.Routes()
	if len(first) != 1 || first[0].Path != second[0].Path {
		t.Fatalf("the translation was not cached: %v %v", first, second)
	}
	a.Methods(http.MethodPut)
	third := s.Routes()
	if third[0].Method != http.MethodPut || third[0].Path == first[0].Path {
		t.Fatalf("a changed route was not translated again: %+v", third[0])
	}
	r.Path("/x").Name("x").Name("y") // mux: a route named twice is an error
	routes := s.Routes()
	if len(routes) != 2 || routes[1].Name != "x" || routes[1].Err == nil {
		t.Fatalf("a route with a mux error: %+v", routes)
	}
}
