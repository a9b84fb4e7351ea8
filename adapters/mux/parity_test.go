package partymux

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/gorilla/mux"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// parityKind is how our URL relates to mux's Route.URL for one case.
type parityKind int

const (
	// same: mux builds a URL that routes back, and ours is the same string.
	same parityKind = iota
	// muxBroken: mux builds a URL that does not reach the route with the
	// values given; we refuse.
	muxBroken
	// bothRefuse: mux and partymux both return an error.
	bothRefuse
	// spelled: both route back; ours is spelled differently (why says how).
	spelled
	// overRefusal: mux's URL routes back, we refuse (why says why).
	overRefusal
	// oursOnly: mux refuses, ours routes back.
	oursOnly
	// diverges: both route back, to different values (why says why).
	diverges
)

type parityCase struct {
	upstream string // the gorilla/mux v1.8.1 test (file, function, case title) mirrored, or "extra"
	encoded  bool   // on a router with UseEncodedPath
	route    func(r *mux.Router) *mux.Route
	pairs    []string
	kind     parityKind
	why      string
}

// TestParityWithMuxURL builds every case with mux's own Route.URL(...).String()
// and with partymux, on a router mounted at the root of a party (so that
// mux's URL, which knows nothing of mount prefixes, is comparable), and
// checks the stated relation: where mux builds a URL that reaches the route
// with the given values, ours is the same string (or one of the documented
// exceptions); where mux's URL does not come back, we refuse. Whether a URL
// comes back is checked by requesting it through core.New and a real server
// (a synthetic request matched by the router for a scheme other than http).
func TestParityWithMuxURL(t *testing.T) {
	path := func(tpl string) func(*mux.Router) *mux.Route {
		return func(r *mux.Router) *mux.Route { return r.Path(tpl) }
	}
	const (
		emptyPath  = `mux leaves the path of a route without one empty ("http://host"); urlfor paths start with "/", the same resource for http (RFC 3986 §6.2.3)`
		slashVar   = `a variable whose regexp can match "/" but is not last: mux's regexp could split a value holding "/" elsewhere, so partymux refuses "/" there`
		adjacent   = "two variables with nothing between them: urlfor templates need literal text between parameters"
		hostLabel  = "host values must be host labels (RFC 1123); mux's default [^.]+ accepts more"
		buildVars  = "BuildVarsFunc rewrites the values inside mux's URL; partymux cannot read it (unexported) and builds the values given"
		escapedVar = `mux's URL checks the value against [^/]+, not its escaped form; with UseEncodedPath "a/b" is sent as "a%2Fb" and comes back`
	)
	cases := []parityCase{
		// old_test.go TestUrlBuilding (urlBuildingTests, in order).
		{upstream: "old_test.go TestUrlBuilding #1 Host(foo.domain.com)", route: func(r *mux.Router) *mux.Route { return r.Host("foo.domain.com") }, kind: spelled, why: emptyPath},
		{upstream: "old_test.go TestUrlBuilding #2 Host({subdomain}.domain.com)", route: func(r *mux.Router) *mux.Route { return r.Host("{subdomain}.domain.com") },
			pairs: []string{"subdomain", "bar"}, kind: spelled, why: emptyPath},
		{upstream: "old_test.go TestUrlBuilding #3 Host({subdomain}.domain.com:{port:.*})", route: func(r *mux.Router) *mux.Route { return r.Host("{subdomain}.domain.com:{port:.*}") },
			pairs: []string{"subdomain", "bar", "port", "65535"}, kind: spelled, why: emptyPath},
		{upstream: "old_test.go TestUrlBuilding #4 Host+Path(/articles)", route: func(r *mux.Router) *mux.Route { return r.Host("foo.domain.com").Path("/articles") }},
		{upstream: "old_test.go TestUrlBuilding #5 Path(/articles)", route: path("/articles")},
		{upstream: "old_test.go TestUrlBuilding #6 Path(/articles/{category}/{id:[0-9]+})", route: path("/articles/{category}/{id:[0-9]+}"),
			pairs: []string{"category", "technology", "id", "42"}},
		{upstream: "old_test.go TestUrlBuilding #7 Host({subdomain}...)+Path", route: func(r *mux.Router) *mux.Route {
			return r.Host("{subdomain}.domain.com").Path("/articles/{category}/{id:[0-9]+}")
		}, pairs: []string{"subdomain", "foo", "category", "technology", "id", "42"}},
		{upstream: "old_test.go TestUrlBuilding #8 Host(example.com).Schemes(https, http)", route: func(r *mux.Router) *mux.Route {
			return r.Host("example.com").Schemes("https", "http")
		}, kind: spelled, why: emptyPath},

		// mux_test.go TestPath.
		{upstream: "mux_test.go TestPath: Path route with pattern, match", route: path("/111/{v1:[0-9]{3}}/333"), pairs: []string{"v1", "222"}},
		{upstream: "mux_test.go TestPath: Path route with multiple patterns, match", route: path("/{v1:[0-9]{3}}/{v2:[0-9]{3}}/{v3:[0-9]{3}}"),
			pairs: []string{"v1", "111", "v2", "222", "v3", "333"}},
		{upstream: "mux_test.go TestPath: Path route with multiple patterns with pipe, match (a)", route: path("/{category:a|(?:b/c)}/{product}/{id:[0-9]+}"),
			pairs: []string{"category", "a", "product", "product_name", "id", "1"}},
		{upstream: "mux_test.go TestPath: Path route with multiple patterns with pipe, match (b/c)", route: path("/{category:a|(?:b/c)}/{product}/{id:[0-9]+}"),
			pairs: []string{"category", "b/c", "product", "product_name", "id", "1"}, kind: overRefusal, why: slashVar},
		{upstream: "mux_test.go TestPath: Path route with hyphenated name and pattern, match", route: path("/111/{v-1:[0-9]{3}}/333"), pairs: []string{"v-1", "222"}},
		{upstream: "mux_test.go TestPath: Path route with multiple hyphenated names and patterns with pipe and case insensitive, match",
			route: path("/{type:(?i:daily|mini|variety)}-{date:\\d{4,4}-\\d{2,2}-\\d{2,2}}"), pairs: []string{"type", "daily", "date", "2016-01-01"}},
		{upstream: "mux_test.go TestPath: Path route with empty match right after other match", route: path(`/{v1:[0-9]*}{v2:[a-z]*}/{v3:[0-9]*}`),
			pairs: []string{"v1", "111", "v2", "", "v3", "222"}, kind: overRefusal, why: adjacent},
		{upstream: "mux_test.go TestPath: Path route with single pattern with pipe, match (b/c)", route: path("/{category:a|b/c}"), pairs: []string{"category", "b/c"}},
		{upstream: "mux_test.go TestPath: Path route with multiple patterns with pipe, match (b/c)", route: path("/{category:a|b/c}/{product}/{id:[0-9]+}"),
			pairs: []string{"category", "b/c", "product", "product_name", "id", "1"}, kind: overRefusal, why: slashVar},

		// mux_test.go TestPathPrefix.
		{upstream: "mux_test.go TestPathPrefix: PathPrefix route, match", route: func(r *mux.Router) *mux.Route { return r.PathPrefix("/111") }},
		{upstream: "mux_test.go TestPathPrefix: PathPrefix route with pattern, match", route: func(r *mux.Router) *mux.Route { return r.PathPrefix("/111/{v1:[0-9]{3}}") },
			pairs: []string{"v1", "222"}},
		{upstream: "mux_test.go TestPathPrefix: PathPrefix route with multiple patterns, match", route: func(r *mux.Router) *mux.Route {
			return r.PathPrefix("/{v1:[0-9]{3}}/{v2:[0-9]{3}}")
		}, pairs: []string{"v1", "111", "v2", "222"}},

		// mux_test.go TestSchemeHostPath.
		{upstream: "mux_test.go TestSchemeHostPath: Scheme, Host, and Path route, match", route: func(r *mux.Router) *mux.Route {
			return r.Schemes("https").Host("aaa.bbb.ccc").Path("/111/222/333")
		}},
		{upstream: "mux_test.go TestSchemeHostPath: Host and Path route with pattern, match", route: func(r *mux.Router) *mux.Route {
			return r.Host("aaa.{v1:[a-z]{3}}.ccc").Path("/111/{v2:[0-9]{3}}/333")
		}, pairs: []string{"v1", "bbb", "v2", "222"}},
		{upstream: "mux_test.go TestSchemeHostPath: Scheme, Host, and Path route with host and path patterns, match", route: func(r *mux.Router) *mux.Route {
			return r.Schemes("ftp", "ssss").Host("aaa.{v1:[a-z]{3}}.ccc").Path("/111/{v2:[0-9]{3}}/333")
		}, pairs: []string{"v1", "bbb", "v2", "222"}},
		{upstream: "mux_test.go TestSchemeHostPath: Host and Path route with multiple patterns, match", route: func(r *mux.Router) *mux.Route {
			return r.Host("{v1:[a-z]{3}}.{v2:[a-z]{3}}.{v3:[a-z]{3}}").Path("/{v4:[0-9]{3}}/{v5:[0-9]{3}}/{v6:[0-9]{3}}")
		}, pairs: []string{"v1", "aaa", "v2", "bbb", "v3", "ccc", "v4", "111", "v5", "222", "v6", "333"}},

		// mux_test.go TestHost.
		{upstream: "mux_test.go TestHost: Host route with pattern, match with request header", route: func(r *mux.Router) *mux.Route {
			return r.Host("aaa.{v1:[a-z]{3}}.ccc:1{v2:(?:23|4)}")
		}, pairs: []string{"v1", "bbb", "v2", "23"}, kind: spelled, why: emptyPath},

		// mux_test.go TestQueries, on Path("/api") as in its case "Queries route, match with a query string".
		{upstream: "mux_test.go TestQueries: Queries route, match with a query string", route: func(r *mux.Router) *mux.Route {
			return r.Host("www.example.com").Path("/api").Queries("foo", "bar", "baz", "ding")
		}},
		{upstream: "mux_test.go TestQueries: Queries route with multiple patterns, match", route: func(r *mux.Router) *mux.Route {
			return r.Path("/api").Queries("foo", "{v1}", "baz", "{v2}")
		}, pairs: []string{"v1", "bar", "v2", "ding"}},
		{upstream: "mux_test.go TestQueries: Queries route with regexp pattern with quantifier, additional capturing group", route: func(r *mux.Router) *mux.Route {
			return r.Path("/api").Queries("foo", "{v1:[0-9]{1}(?:a|b)}")
		}, pairs: []string{"v1", "1a"}},
		{upstream: "mux_test.go TestQueries: Queries route with regexp pattern, regexp does not match", route: func(r *mux.Router) *mux.Route {
			return r.Path("/api").Queries("foo", "{v1:[0-9]+}")
		}, pairs: []string{"v1", "a"}, kind: bothRefuse},
		{upstream: "mux_test.go TestQueries: Queries route with empty value, should match", route: func(r *mux.Router) *mux.Route {
			return r.Path("/api").Queries("foo", "")
		}},
		{upstream: "mux_test.go TestQueries: Queries route with pattern, match, escaped value", route: func(r *mux.Router) *mux.Route {
			return r.Path("/api").Queries("foo", "{v1}")
		}, pairs: []string{"v1", "%bar& /=?"}},
		{upstream: "mux_test.go TestQueries: Queries route with pattern, match (no path, as upstream)", route: func(r *mux.Router) *mux.Route {
			return r.Queries("foo", "{v1}")
		}, pairs: []string{"v1", "bar"}, kind: spelled, why: emptyPath},

		// mux_test.go TestSubRouter.
		{upstream: "mux_test.go TestSubRouter: subrouter1 Host({v1:[a-z]+}.google.com).Path(/{v2:[a-z]+})", route: func(r *mux.Router) *mux.Route {
			return r.Host("{v1:[a-z]+}.google.com").Subrouter().Path("/{v2:[a-z]+}")
		}, pairs: []string{"v1", "aaa", "v2", "bbb"}},
		{upstream: "mux_test.go TestSubRouter: subrouter2 PathPrefix(/foo/{v1}).Path(/baz/{v2})", route: func(r *mux.Router) *mux.Route {
			return r.PathPrefix("/foo/{v1}").Subrouter().Path("/baz/{v2}")
		}, pairs: []string{"v1", "bar", "v2", "ding"}},
		{upstream: "mux_test.go TestSubRouter: subrouter3 PathPrefix(/foo).Path(/)", route: func(r *mux.Router) *mux.Route { return r.PathPrefix("/foo").Subrouter().Path("/") }},
		{upstream: "mux_test.go TestSubRouter: subrouter3 PathPrefix(/foo).Path()", route: func(r *mux.Router) *mux.Route { return r.PathPrefix("/foo").Subrouter().Path("") }},
		{upstream: "mux_test.go TestSubRouter: subrouter5 PathPrefix(/{category}).Path(/)", route: func(r *mux.Router) *mux.Route {
			return r.PathPrefix("/{category}").Subrouter().Path("/")
		}, pairs: []string{"category", "baz"}},

		// mux_test.go TestUseEncodedPath.
		{upstream: "mux_test.go TestUseEncodedPath: URL with encoded slash does match", encoded: true, route: path("/v1/{v1}/v2"),
			pairs: []string{"v1", "1/2"}, kind: oursOnly, why: escapedVar},
		{upstream: "mux_test.go TestUseEncodedPath: the var mux.Vars gives, 1%2F2, built back", encoded: true, route: path("/v1/{v1}/v2"),
			pairs: []string{"v1", "1%2F2"}},

		// mux_test.go TestBuildVarsFunc.
		{upstream: "mux_test.go TestBuildVarsFunc: BuildVarsFunc set on route and parent route", route: func(r *mux.Router) *mux.Route {
			return r.PathPrefix(`/{v1:\d}`).BuildVarsFunc(func(v map[string]string) map[string]string { v["v1"] = "2"; return v }).
				Subrouter().Path(`/{v2:\w}`).BuildVarsFunc(func(v map[string]string) map[string]string { v["v2"] = "b"; return v })
		}, pairs: []string{"v1", "1", "v2", "a"}, kind: diverges, why: buildVars},

		// Extra values, on the routes above.
		{upstream: "extra", route: path("/articles/{category}/{id:[0-9]+}"), pairs: []string{"category", "a b?c#d%é", "id", "42"}},
		// urlfor keeps raw what Go's url.URL keeps raw in a path ("$&+,:;=@"),
		// and mux's URL is url.URL's: every value without "/" is spelled alike.
		{upstream: "extra", route: path("/articles/{category}/{id:[0-9]+}"), pairs: []string{"category", "a;b,c", "id", "42"}},
		{upstream: "extra", route: path("/articles/{category}/{id:[0-9]+}"), pairs: []string{"category", "Smith, John", "id", "42"}},
		{upstream: "extra", route: path("/articles/{category}/{id:[0-9]+}"), pairs: []string{"category", "$&+,:;=@", "id", "42"}},
		{upstream: "extra", route: path("/articles/{category}/{id:[0-9]+}"), pairs: []string{"category", "!'()*[]<>\"", "id", "42"}},
		{upstream: "extra", route: path("/files/{path:.*}"), pairs: []string{"path", "a,b/c;d e"}},
		{upstream: "extra", route: path("/m;x/{a}"), pairs: []string{"a", "y,z"}},
		{upstream: "extra", route: path("/articles/{category}/{id:[0-9]+}"), pairs: []string{"category", "a/b", "id", "42"}, kind: bothRefuse},
		{upstream: "extra", route: path("/articles/{category}/{id:[0-9]+}"), pairs: []string{"category", "..", "id", "42"}, kind: muxBroken},
		{upstream: "extra", route: path("/files/{path:.*}"), pairs: []string{"path", "css/site.css"}},
		{upstream: "extra", route: path("/files/{path:.*}"), pairs: []string{"path", "a//b"}, kind: muxBroken},
		{upstream: "extra", route: path("/files/{path:.*}"), pairs: []string{"path", "../../etc/passwd"}, kind: muxBroken},
		{upstream: "extra", route: path("/files/{path:.*}"), pairs: []string{"path", "a/"}, kind: overRefusal, why: "an empty last segment in a wildcard value is refused"},
		{upstream: "extra", route: path("/articles/{category:.+}/{id}"), pairs: []string{"category", "a/b", "id", "1"}, kind: overRefusal, why: slashVar},
		{upstream: "extra", route: path("/a/{id:[0-9]*}/b"), pairs: []string{"id", ""}, kind: muxBroken},
		{upstream: "extra", route: path("/n/{name}.{ext}"), pairs: []string{"name", "a", "ext", "b.c"}, kind: muxBroken},
		{upstream: "extra", route: path("/n/{name}.json"), pairs: []string{"name", "a.b"}},
		{upstream: "extra", route: func(r *mux.Router) *mux.Route { return r.Host("{sub}.example.com").Path("/") }, pairs: []string{"sub", "a/b"}, kind: muxBroken},
		{upstream: "extra", route: func(r *mux.Router) *mux.Route { return r.Host("{sub}.example.com").Path("/") }, pairs: []string{"sub", "a_b"}, kind: overRefusal, why: hostLabel},
		{upstream: "extra", route: func(r *mux.Router) *mux.Route { return r.Path("/s").Queries("q", "{q}") }, pairs: []string{"q", "a&b=c d+"}},
		{upstream: "extra", route: func(r *mux.Router) *mux.Route { return r.Path("/s").Queries("q", "{q}") }, pairs: []string{"q", "a\nb"}, kind: muxBroken}, // mux checks the escaped value "a%0Ab"; matching sees "a\nb", which ".*" refuses
		{upstream: "extra", encoded: true, route: path("/v1/{v1}/v2"), pairs: []string{"v1", "a b"}},
		{upstream: "extra", encoded: true, route: path("/m/{a:[a-z ]+}"), pairs: []string{"a", "a b"}, kind: muxBroken},
	}
	for i, c := range cases {
		env := newParityEnv(t, c)
		name := c.upstream
		if name == "extra" {
			name = "extra " + strings.Join(c.pairs, "=")
		}
		muxURL, muxErr := env.route.URL(c.pairs...)
		ours, ourErr := env.builder.URL("c", c.pairs...)
		var muxBack bool
		if muxErr == nil {
			muxBack = env.routesBack(t, muxURL.String(), c.pairs)
		}
		ourBack := ourErr == nil && env.routesBack(t, ours, c.pairs)
		fail := func(want string) {
			t.Errorf("#%d %s %q: want %s (%s)\n  mux:  %v, %v, routes back %v\n  ours: %q, %v, routes back %v",
				i, name, c.pairs, want, c.why, muxURL, muxErr, muxBack, ours, ourErr, ourBack)
		}
		switch c.kind {
		case same:
			if muxErr != nil || !muxBack || ourErr != nil || ours != muxURL.String() {
				fail("the same URL as mux, routing back")
			}
		case muxBroken:
			if muxErr != nil || muxBack || ourErr == nil {
				fail("mux to build a URL that does not route back, and us to refuse")
			}
		case bothRefuse:
			if muxErr == nil || ourErr == nil {
				fail("both to refuse")
			}
		case spelled:
			if muxErr != nil || !muxBack || !ourBack || ours == muxURL.String() {
				fail("both to route back, spelled differently")
			}
		case overRefusal:
			if muxErr != nil || !muxBack || ourErr == nil {
				fail("mux to route back and us to refuse")
			}
		case oursOnly:
			if muxErr == nil || !ourBack {
				fail("mux to refuse and us to route back")
			}
		case diverges:
			if muxErr != nil || !ourBack || ours == muxURL.String() {
				fail("ours to route back with the given values, mux's to differ")
			}
		}
		if ourErr != nil && !errorsIsAny(ourErr, urlfor.ErrInvalidParam, urlfor.ErrMissingParam, urlfor.ErrInvalidTemplate) {
			t.Errorf("#%d %s: our error is not typed: %v", i, name, ourErr)
		}
	}
}

// parityEnv is one case's router, joined and mounted at the root of a
// party served over HTTP.
type parityEnv struct {
	router  *mux.Router
	route   *mux.Route
	builder *urlfor.Builder
	srv     *httptest.Server
	client  *http.Client
	encoded bool
}

func newParityEnv(t *testing.T, c parityCase) *parityEnv {
	t.Helper()
	r := mux.NewRouter()
	if c.encoded {
		r.UseEncodedPath()
	}
	if _, err := Join(r); err != nil {
		t.Fatal(err)
	}
	rt := c.route(r).HandlerFunc(reportHandler).Name("c")
	d := http.NewServeMux()
	d.Handle("/", r)
	party, err := core.New(d, []string{core.DefaultInvitePath})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(party)
	t.Cleanup(srv.Close)
	return &parityEnv{router: r, route: rt, builder: urlfor.New(party), srv: srv, client: noRedirects(srv), encoded: c.encoded}
}

// routesBack reports whether u reaches the case's route with the values
// of pairs (url.PathUnescape'd in mux.Vars of an encoded-path router).
// An http URL is requested from the server; another scheme, which the
// plain-HTTP server cannot carry, is matched by the router directly.
func (e *parityEnv) routesBack(t *testing.T, u string, pairs []string) bool {
	t.Helper()
	var rep report
	parsed, err := url.Parse(u)
	if err != nil {
		return false // mux escapes a "/" in a host as "%2F", which no URL parser takes
	}
	if parsed.Scheme != "" && parsed.Scheme != "http" {
		var m mux.RouteMatch
		if !e.router.Match(httptest.NewRequest(http.MethodGet, u, nil), &m) || m.Route != e.route {
			return false
		}
		rep = report{Route: "c", Vars: m.Vars}
	} else {
		status := 0
		status, rep = fetch(t, e.client, e.srv, u)
		if status != http.StatusOK {
			return false
		}
	}
	if rep.Route != "c" {
		return false
	}
	for i := 0; i < len(pairs); i += 2 {
		got := rep.Vars[pairs[i]]
		if e.encoded {
			var err error
			if got, err = url.PathUnescape(got); err != nil {
				return false
			}
		}
		if got != pairs[i+1] {
			return false
		}
	}
	return true
}
