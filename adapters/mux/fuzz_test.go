package partymux

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"

	"github.com/gorilla/mux"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// fuzzRoute is one route of the fuzzed apps: how to ask for it with two
// values, and what its handler must see.
type fuzzRoute struct {
	name  string
	add   func(r *mux.Router) *mux.Route
	pairs func(v1, v2 string) []string
	// pathVars are the route's path variables (escaped in mux.Vars when the
	// router uses the encoded path), queryVars its query variables (always
	// decoded by mux), by name, as given in pairs.
	pathVars, queryVars []string
	// path, for a PathPrefix route: the decoded path the handler must see.
	path func(given map[string]string) string
	// extra query pairs the handler must see in r.URL.Query().
	extra []string
}

var fuzzRoutes = []fuzzRoute{
	// Static siblings registered before the routes whose values they
	// take ("new" from item, "docs/readme" from raw, "logo.png" from
	// static): mux tries routes in order.
	{name: "itemnew", add: func(r *mux.Router) *mux.Route { return r.Path("/items/new") },
		pairs: func(string, string) []string { return nil }},
	{name: "itemlatest", add: func(r *mux.Router) *mux.Route { return r.Path("/items/latest") },
		pairs: func(string, string) []string { return nil }},
	{name: "readme", add: func(r *mux.Router) *mux.Route { return r.Path("/raw/docs/readme") },
		pairs: func(string, string) []string { return nil }},
	{name: "logo", add: func(r *mux.Router) *mux.Route { return r.Path("/static/logo.png") },
		pairs: func(string, string) []string { return nil }},
	{name: "item", add: func(r *mux.Router) *mux.Route { return r.Path("/items/{id}") },
		pairs: func(a, _ string) []string { return []string{"id", a} }, pathVars: []string{"id"}},
	{name: "num", add: func(r *mux.Router) *mux.Route { return r.Path("/n/{id:[0-9]+}") },
		pairs: func(a, _ string) []string { return []string{"id", a} }, pathVars: []string{"id"}},
	{name: "file", add: func(r *mux.Router) *mux.Route { return r.Path("/files/{name}.json") },
		pairs: func(a, _ string) []string { return []string{"name", a} }, pathVars: []string{"name"}},
	{name: "pair", add: func(r *mux.Router) *mux.Route { return r.Path("/p/{a}-{b}") },
		pairs: func(a, b string) []string { return []string{"a", a, "b", b} }, pathVars: []string{"a", "b"}},
	{name: "dotted", add: func(r *mux.Router) *mux.Route { return r.Path("/d/{name}.{ext}/x") },
		pairs: func(a, b string) []string { return []string{"name", a, "ext", b} }, pathVars: []string{"name", "ext"}},
	{name: "typed", add: func(r *mux.Router) *mux.Route { return r.Path("/t/{type:[a-z]+}-{rest}") },
		pairs: func(a, b string) []string { return []string{"type", b, "rest", a} }, pathVars: []string{"type", "rest"}},
	{name: "spaced", add: func(r *mux.Router) *mux.Route { return r.Path("/m/{a:[a-z %]+}/x") },
		pairs: func(a, _ string) []string { return []string{"a", a} }, pathVars: []string{"a"}},
	{name: "subdelim", add: func(r *mux.Router) *mux.Route { return r.Path("/sd/{a:[a-z,;]+}") },
		pairs: func(a, _ string) []string { return []string{"a", a} }, pathVars: []string{"a"}},
	{name: "alt", add: func(r *mux.Router) *mux.Route { return r.Path("/c/{cat:a|(?:b/c)|.b}/{id}") },
		pairs: func(a, b string) []string { return []string{"cat", a, "id", b} }, pathVars: []string{"cat", "id"}},
	{name: "raw", add: func(r *mux.Router) *mux.Route { return r.Path("/raw/{path:.*}") },
		pairs: func(a, _ string) []string { return []string{"path", a} }, pathVars: []string{"path"}},
	{name: "static", add: func(r *mux.Router) *mux.Route { return r.PathPrefix("/static/") },
		pairs: func(a, _ string) []string { return []string{RestParam, a} },
		path:  func(g map[string]string) string { return "/static/" + g[RestParam] }},
	{name: "s", add: func(r *mux.Router) *mux.Route { return r.PathPrefix("/pre") },
		pairs: func(a, _ string) []string { return []string{RestParam, a} },
		path:  func(g map[string]string) string { return "/pre/" + g[RestParam] }},
	{name: "user", add: func(r *mux.Router) *mux.Route { return r.PathPrefix("/u/{id}") },
		pairs: func(a, b string) []string { return []string{"id", a, RestParam, b} }, pathVars: []string{"id"},
		path: func(g map[string]string) string { return "/u/" + g["id"] + "/" + g[RestParam] }},
	{name: "search", add: func(r *mux.Router) *mux.Route { return r.Path("/search/{kind}").Queries("q", "{q}") },
		pairs: func(a, b string) []string { return []string{"kind", b, "q", a, "x", a} }, pathVars: []string{"kind"}, queryVars: []string{"q"},
		extra: []string{"x"}},
	{name: "host", add: func(r *mux.Router) *mux.Route { return r.Host("{sub}.example.com").Path("/h/{id}") },
		pairs: func(a, b string) []string { return []string{"id", a, "sub", b} }, pathVars: []string{"id"}, queryVars: []string{"sub"}},
}

// fuzzParty is one party with two copies of the fuzzed routes: "dec"
// matches the decoded path (mux's default), "enc" the escaped one
// (UseEncodedPath). Both sit behind http.ServeMux and http.StripPrefix,
// wrapped by core.New, served by one httptest server.
type fuzzParty struct {
	srv     *httptest.Server
	client  *http.Client
	builder *urlfor.Builder
}

var (
	fuzzOnce sync.Once
	fuzzP    *fuzzParty
	fuzzErr  error
)

func newFuzzParty() (*fuzzParty, error) {
	dispatcher := http.NewServeMux()
	for _, ns := range []string{"dec", "enc"} {
		r := mux.NewRouter()
		if ns == "enc" {
			r.UseEncodedPath()
		}
		if _, err := Join(r); err != nil {
			return nil, err
		}
		for _, fr := range fuzzRoutes {
			fr.add(r).HandlerFunc(reportHandler).Name(fr.name)
		}
		dispatcher.Handle("/"+ns+"/", http.StripPrefix("/"+ns, r))
	}
	party, err := core.New(dispatcher, []string{"/dec/__invite__/", "/enc/__invite__/"})
	if err != nil {
		return nil, err
	}
	srv := httptest.NewServer(party)
	return &fuzzParty{srv: srv, client: noRedirects(srv), builder: urlfor.New(party)}, nil
}

// roundTrip checks the law for one route and one pair of values in one
// app: the URL is refused with a typed error, or it reaches the route with
// the same values.
func (fp *fuzzParty) roundTrip(t testing.TB, ns string, fr fuzzRoute, v1, v2 string) {
	t.Helper()
	pairs := fr.pairs(v1, v2)
	u, err := fp.builder.URL(ns+":"+fr.name, pairs...)
	if err != nil {
		var pe *urlfor.ParamError
		if !errors.As(err, &pe) || !errors.Is(err, urlfor.ErrInvalidParam) {
			t.Fatalf("%s:%s %q: error is not an invalid-parameter error: %v", ns, fr.name, pairs, err)
		}
		return
	}
	status, rep := fetch(t, fp.client, fp.srv, u)
	if status != http.StatusOK || rep.Route != fr.name {
		t.Fatalf("%s:%s %q: URL %q answered %d from route %q", ns, fr.name, pairs, u, status, rep.Route)
	}
	given := map[string]string{}
	for i := 0; i < len(pairs); i += 2 {
		given[pairs[i]] = pairs[i+1]
	}
	for _, k := range fr.pathVars {
		got := rep.Vars[k]
		if ns == "enc" {
			// mux.Vars hold the escaped text when the router matches the
			// encoded path; handlers unescape it.
			if got, err = url.PathUnescape(got); err != nil {
				t.Fatalf("%s:%s %q: URL %q: var %s %q does not unescape: %v", ns, fr.name, pairs, u, k, rep.Vars[k], err)
			}
		}
		if got != given[k] {
			t.Fatalf("%s:%s %q: URL %q: var %s = %q, want %q", ns, fr.name, pairs, u, k, got, given[k])
		}
	}
	for _, k := range fr.queryVars {
		if rep.Vars[k] != given[k] {
			t.Fatalf("%s:%s %q: URL %q: var %s = %q, want %q", ns, fr.name, pairs, u, k, rep.Vars[k], given[k])
		}
	}
	for _, k := range fr.extra {
		if vs := rep.Query[k]; len(vs) != 1 || vs[0] != given[k] {
			t.Fatalf("%s:%s %q: URL %q: query %s = %q, want %q", ns, fr.name, pairs, u, k, vs, given[k])
		}
	}
	if fr.path != nil {
		if want := fr.path(given); rep.Path != want {
			t.Fatalf("%s:%s %q: URL %q: path %q, want %q", ns, fr.name, pairs, u, rep.Path, want)
		}
	}
}

// FuzzRoundTrip is the round-trip law: for any two values, every route of
// both apps either refuses them with an invalid-parameter error, or builds
// a URL that, requested through core.New, http.ServeMux, http.StripPrefix
// and a real server, reaches the same route with the same mux.Vars
// (url.PathUnescape'd for the app that matches the encoded path) and the
// same query values.
func FuzzRoundTrip(f *testing.F) {
	seeds := []string{
		"", " ", "a b", "/", "a/b", "/a", "a/", "a//b", "%2F", "a%2Fb", "%", "%zz", "?", "#", "a?b#c",
		"..", ".", "a/..", "../a", "./a", "a/./b", "...", "é", "日本", "{id}", ":id", "*", "+", ";", "a;b=c",
		"a.b", "a.b.json", "a-b", "x.json", "b/c", "a", ".b", "7", "0", "\n", "\x00", "\xff", "~user",
		"__invite__", "a&b=c", "$&+:=@", "!'()*,", "[]", "a,b;c", "Smith, John", "$&+,:;=@", "\\", "%252F", "a b/c d", "-",
		"new", "latest", "docs/readme", "logo.png", "NEW",
	}
	for _, s := range seeds {
		f.Add(s, "x")
		f.Add("x", s)
	}
	f.Add("a-b", "c-d")
	f.Add("a.b", "c.d")
	f.Add("abc", "a")
	fuzzOnce.Do(func() { fuzzP, fuzzErr = newFuzzParty() })
	if fuzzErr != nil {
		f.Fatal(fuzzErr)
	}
	fp := fuzzP
	f.Fuzz(func(t *testing.T, v1, v2 string) {
		for _, ns := range []string{"dec", "enc"} {
			for _, fr := range fuzzRoutes {
				fp.roundTrip(t, ns, fr, v1, v2)
			}
		}
	})
}

// TestRoundTripRefusals pins values each mode must refuse, and values it
// must build, so that the fuzz target cannot pass by refusing everything.
func TestRoundTripRefusals(t *testing.T) {
	fuzzOnce.Do(func() { fuzzP, fuzzErr = newFuzzParty() })
	if fuzzErr != nil {
		t.Fatal(fuzzErr)
	}
	b := fuzzP.builder
	cases := []struct {
		ns, name string
		pairs    []string
		want     string // "" when refused
	}{
		{"dec", "item", []string{"id", "a b"}, "/dec/items/a%20b"},
		{"dec", "item", []string{"id", "a/b"}, ""},                 // "%2F" is "/" to a decoded-path router
		{"enc", "item", []string{"id", "a/b"}, "/enc/items/a%2Fb"}, // and comes back with UseEncodedPath
		{"enc", "item", []string{"id", "a//b"}, ""},                // an empty piece
		{"enc", "item", []string{"id", "../x"}, ""},                // a dot piece
		{"dec", "item", []string{"id", ".."}, ""},
		{"dec", "file", []string{"name", "a.b"}, "/dec/files/a.b.json"}, // backtracking
		{"dec", "pair", []string{"a", "a-b", "b", "c"}, ""},             // "-" in a shared segment
		{"dec", "pair", []string{"a", "a", "b", "c-d"}, ""},
		{"dec", "pair", []string{"a", "a.b", "b", "c"}, "/dec/p/a.b-c"},
		{"dec", "typed", []string{"type", "x", "rest", "a-b-c"}, "/dec/t/x-a-b-c"}, // [a-z]+ cannot take the "-"
		{"enc", "typed", []string{"type", "x", "rest", "a-b/c"}, "/enc/t/x-a-b%2Fc"},
		{"enc", "pair", []string{"a", "x", "b", "c/d"}, ""}, // a shared segment: escape-invariant values only
		{"dec", "spaced", []string{"a", "a b"}, "/dec/m/a%20b/x"},
		{"enc", "spaced", []string{"a", "a b"}, ""}, // the regexp sees "a%20b"
		{"enc", "spaced", []string{"a", "ab"}, "/enc/m/ab/x"},
		{"enc", "subdelim", []string{"a", "a,b;c"}, "/enc/sd/a,b;c"}, // kept raw: no RawPath, the regexp sees them
		{"dec", "raw", []string{"path", "a/b c"}, "/dec/raw/a/b%20c"},
		{"dec", "raw", []string{"path", "a//b"}, ""},
		{"dec", "static", []string{RestParam, "css/site.css"}, "/dec/static/css/site.css"},
		{"dec", "static", nil, "/dec/static/"},
		{"dec", "s", nil, "/dec/pre"},
		{"dec", "s", []string{RestParam, "x"}, "/dec/pre/x"},
		{"dec", "search", []string{"kind", "k", "q", "a b&c"}, "/dec/search/k?q=a+b%26c"},
		{"dec", "search", []string{"kind", "k", "q", "a\nb"}, ""}, // mux's ".*" stops at a newline
		{"dec", "host", []string{"sub", "news", "id", "7"}, "http://news.example.com/dec/h/7"},
		{"dec", "host", []string{"sub", "a.b", "id", "7"}, ""},
		{"dec", "alt", []string{"cat", "b/c", "id", "1"}, ""}, // over-refused: see the parity test
		{"dec", "alt", []string{"cat", "a", "id", "1"}, "/dec/c/a/1"},
		// "," and ";" are raw, as Go's url.URL and mux's Route.URL write them.
		{"dec", "item", []string{"id", "a,b;c"}, "/dec/items/a,b;c"},
		{"dec", "item", []string{"id", "Smith, John"}, "/dec/items/Smith,%20John"},
		{"enc", "item", []string{"id", "a,b;c"}, "/enc/items/a,b;c"},
		{"dec", "raw", []string{"path", "a,b/c;d"}, "/dec/raw/a,b/c;d"},
		{"dec", "subdelim", []string{"a", "a,b;c"}, "/dec/sd/a,b;c"},
	}
	for _, c := range cases {
		got, err := b.URL(c.ns+":"+c.name, c.pairs...)
		switch {
		case c.want == "" && err == nil:
			t.Errorf("%s:%s %q = %q, want an error", c.ns, c.name, c.pairs, got)
		case c.want == "" && !errors.Is(err, urlfor.ErrInvalidParam):
			t.Errorf("%s:%s %q: error %v, want an invalid-parameter error", c.ns, c.name, c.pairs, err)
		case c.want != "" && (err != nil || got != c.want):
			t.Errorf("%s:%s %q = %q, %v; want %q", c.ns, c.name, c.pairs, got, err, c.want)
		}
		if c.want != "" && err == nil {
			status, rep := fetch(t, fuzzP.client, fuzzP.srv, got)
			if status != http.StatusOK || rep.Route != c.name {
				t.Errorf("%s:%s: GET %q answered %d from route %q", c.ns, c.name, got, status, rep.Route)
			}
			// mux.Vars of the decoded-path app are the values given.
			for i := 0; c.ns == "dec" && i+1 < len(c.pairs); i += 2 {
				if v, ok := rep.Vars[c.pairs[i]]; c.pairs[i] != RestParam && (!ok || v != c.pairs[i+1]) {
					t.Errorf("%s:%s: GET %q gave mux.Vars[%q] = %q, want %q", c.ns, c.name, got, c.pairs[i], v, c.pairs[i+1])
				}
			}
		}
	}
}
