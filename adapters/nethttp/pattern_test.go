package partyhttp

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/urlfor"
)

// patternCase is one ServeMux pattern: what the parser makes of it, checked
// against what http.ServeMux itself does with the pattern and the URL.
type patternCase struct {
	pattern string
	method  string   // the route's Method
	pairs   []string // parameters to build with
	want    string   // the URL; "" when the route must carry an error
	mux     muxSays  // what http.ServeMux does with the pattern
	errHas  string   // part of the route's error, when want is ""
}

type muxSays int

const (
	muxServes  muxSays = iota // accepts it, and the built URL reaches it
	muxRejects                // panics when it is registered
	muxStrands                // accepts it, but no URL a client sends reaches it
)

var patternCases = []patternCase{
	// The path dialect of Go 1.22, one feature at a time.
	{pattern: "/", pairs: nil, want: "/"},
	{pattern: "/", pairs: []string{"*", "a/b c"}, want: "/a/b%20c"},
	{pattern: "/{$}", want: "/"},
	{pattern: "/posts/{$}", want: "/posts/"},
	{pattern: "/about", want: "/about"},
	{pattern: "GET /posts/{id}", method: "GET", pairs: []string{"id", "7"}, want: "/posts/7"},
	{pattern: "GET  /posts/{id}", method: "GET", pairs: []string{"id", "7"}, want: "/posts/7"},
	{pattern: "DELETE\t/posts/{id}", method: "DELETE", pairs: []string{"id", "7"}, want: "/posts/7"},
	{pattern: "get /lower", method: "get", want: "/lower"},
	{pattern: "/posts/{id}/comments/{cid}", pairs: []string{"id", "7", "cid", "c 1"}, want: "/posts/7/comments/c%201"},
	{pattern: "/{a}/{b}/{c}", pairs: []string{"a", "x", "b", "y", "c", "z"}, want: "/x/y/z"},
	{pattern: "/posts/{id}/", pairs: []string{"id", "7"}, want: "/posts/7/"},
	{pattern: "/posts/{id}/", pairs: []string{"id", "7", "*", "edit"}, want: "/posts/7/edit"},
	{pattern: "/posts/{id}/{$}", pairs: []string{"id", "7"}, want: "/posts/7/"},
	{pattern: "/files/{path...}", pairs: []string{"path", "a/b/c.txt"}, want: "/files/a/b/c.txt"},
	{pattern: "/files/{path...}", pairs: []string{"path", ""}, want: "/files/"},
	{pattern: "/files/{path...}", pairs: []string{"path", "a b/%/?"}, want: "/files/a%20b/%25/%3F"},
	{pattern: "/{path...}", pairs: []string{"path", "x/y"}, want: "/x/y"},
	{pattern: "/static/", want: "/static/"},
	{pattern: "/static/", pairs: []string{"*", "css/site.css"}, want: "/static/css/site.css"},
	{pattern: "/{_Ünïcode9}", pairs: []string{"_Ünïcode9", "v"}, want: "/v"},
	// Values: escaped per segment; "%2F" stays in its segment.
	{pattern: "/p/{id}", pairs: []string{"id", "a/b"}, want: "/p/a%2Fb"},
	{pattern: "/p/{id}", pairs: []string{"id", "café"}, want: "/p/caf%C3%A9"},
	{pattern: "/p/{id}", pairs: []string{"id", "{id}"}, want: "/p/%7Bid%7D"},
	{pattern: "/p/{id}", pairs: []string{"id", "a+b:c=d@e$f&g"}, want: "/p/a+b:c=d@e$f&g"},
	{pattern: "/p/{id}", pairs: []string{"id", "a;b,c!"}, want: "/p/a;b,c%21"}, // "," and ";" raw, as Go writes them
	{pattern: "/p/{id}", pairs: []string{"id", "Smith, John"}, want: "/p/Smith,%20John"},
	{pattern: "/p/{id}", pairs: []string{"id", "!'()*"}, want: "/p/%21%27%28%29%2A"},
	{pattern: "/p/{id}", pairs: []string{"id", "a/b;c"}, want: "/p/a%2Fb;c"},
	{pattern: "/f/{path...}", pairs: []string{"path", "a,b/c;d e"}, want: "/f/a,b/c;d%20e"},
	{pattern: "/p/{id}", pairs: []string{"id", "%2F"}, want: "/p/%252F"},
	{pattern: "/p/{id}", pairs: []string{"id", "7", "q", "x y"}, want: "/p/7?q=x+y"},
	// Literal segments: ServeMux decodes them, so they are re-escaped.
	{pattern: "/caf%C3%A9", want: "/caf%C3%A9"},
	{pattern: "/café", want: "/caf%C3%A9"},
	{pattern: "/a%2Fb", want: "/a%2Fb"},
	{pattern: "/a%2fb", want: "/a%2Fb"},
	{pattern: "/a+b:c@d", want: "/a+b:c@d"},
	{pattern: "/%", want: "/%25"},
	{pattern: "/%zz", want: "/%25zz"},
	{pattern: "/a}", want: "/a%7D"},
	{pattern: "/a;b", want: "/a;b"},
	{pattern: "/a%3Bb,c", want: "/a;b,c"},
	{pattern: "/*", want: "/%2A"},
	{pattern: "/a%20b!", want: "/a%20b%21"},
	{pattern: "/a?b", want: "/a%3Fb"},
	// Hosts: the URL is absolute.
	{pattern: "example.com/about", want: "http://example.com/about"},
	{pattern: "GET api.example.com/v1/{id}", method: "GET", pairs: []string{"id", "7"}, want: "http://api.example.com/v1/7"},
	{pattern: "example.com/{$}", want: "http://example.com/"},
	{pattern: "127.0.0.1/x", want: "http://127.0.0.1/x"},

	// Refused by ServeMux: the parser refuses them too.
	{pattern: "", mux: muxRejects, errHas: "empty"},
	{pattern: "GET", mux: muxRejects, errHas: "no path"},
	{pattern: "example.com", mux: muxRejects, errHas: "no path"},
	{pattern: "/a b", mux: muxRejects, errHas: "invalid method"},
	{pattern: "G(T /x", mux: muxRejects, errHas: "invalid method"},
	{pattern: "{sub}.example.com/", mux: muxRejects, errHas: "wildcard in its host"},
	{pattern: "/a/{x}.json", mux: muxRejects, errHas: "whole segment"},
	{pattern: "/a/x{y}", mux: muxRejects, errHas: "whole segment"},
	{pattern: "/a{$}", mux: muxRejects, errHas: "whole segment"},
	{pattern: "/a/{x...}/b", mux: muxRejects, errHas: "before its end"},
	{pattern: "/a/{x...}/", mux: muxRejects, errHas: "before its end"},
	{pattern: "/{$}/a", mux: muxRejects, errHas: "before its end"},
	{pattern: "/{x}/{x}", mux: muxRejects, errHas: "twice"},
	{pattern: "/{x}/{x...}", mux: muxRejects, errHas: "twice"},
	{pattern: "/{1x}", mux: muxRejects, errHas: "not a Go identifier"},
	{pattern: "/{x-y}", mux: muxRejects, errHas: "not a Go identifier"},
	{pattern: "/{}", mux: muxRejects, errHas: "empty wildcard"},
	{pattern: "/{...}", mux: muxRejects, errHas: "empty wildcard"},
	{pattern: "GET /a//b", mux: muxRejects, errHas: "segment"},
	{pattern: "GET /a/../b", mux: muxRejects, errHas: "segment"},

	// Accepted by ServeMux, but no URL reaches them: listed with an error.
	{pattern: "/a//b", mux: muxStrands, errHas: "redirects"},
	{pattern: "//a", mux: muxStrands, errHas: "redirects"},
	{pattern: "/a/./b", mux: muxStrands, errHas: "redirects"},
	{pattern: "/a/..", mux: muxStrands, errHas: "redirects"},
	{pattern: "/a/%2E%2E/b", mux: muxStrands, errHas: "dot segment"},
	{pattern: "/%2e", mux: muxStrands, errHas: "dot segment"},
	{pattern: "example.com:8080/a", mux: muxStrands, errHas: "port"},
	{pattern: "Example.com/a", mux: muxStrands, errHas: "upper-case"},
	{pattern: "exa_mple.com/a", mux: muxStrands, errHas: "not a host name"},
}

// TestTranslate checks the parser against ServeMux: a pattern ServeMux
// refuses is an error; one it accepts but never matches is a listed error;
// every other one builds a URL that the real ServeMux routes back to the
// pattern, with r.PathValue giving the values back.
func TestTranslate(t *testing.T) {
	for _, tc := range patternCases {
		t.Run(fmt.Sprintf("%q", tc.pattern), func(t *testing.T) {
			r := translate("it", tc.pattern)
			if r.Name != "it" || r.Pattern != tc.pattern {
				t.Errorf("route = %q %q, want the name and pattern given", r.Name, r.Pattern)
			}
			muxErr := registerOn(http.NewServeMux(), tc.pattern)
			if (muxErr != nil) != (tc.mux == muxRejects) {
				t.Fatalf("http.ServeMux: %v; the table says rejects=%v", muxErr, tc.mux == muxRejects)
			}
			if tc.want == "" {
				var pe *PatternError
				if !errors.As(r.Err, &pe) || !errors.Is(r.Err, urlfor.ErrInvalidTemplate) || !strings.Contains(r.Err.Error(), tc.errHas) {
					t.Fatalf("route error = %v, want a *PatternError containing %q", r.Err, tc.errHas)
				}
				if !strings.HasPrefix(r.Err.Error(), "partyhttp: ") {
					t.Errorf("error %q does not start with the package name", r.Err)
				}
				if _, err := r.Build("", &urlfor.Request{Name: "it"}); err != r.Err {
					t.Errorf("Build = %v, want the route's error", err)
				}
				return
			}
			if r.Err != nil {
				t.Fatalf("route error: %v", r.Err)
			}
			if r.Method != tc.method {
				t.Errorf("Method = %q, want %q", r.Method, tc.method)
			}
			got, err := r.Build("", &urlfor.Request{Name: "it", Pairs: tc.pairs})
			if err != nil || got != tc.want {
				t.Fatalf("Build(%q) = %q, %v; want %q", tc.pairs, got, err, tc.want)
			}
			checkServeMuxRoutes(t, tc, got)
		})
	}
}

// checkServeMuxRoutes serves u with a real http.ServeMux holding the pattern
// and checks the match and the values.
func checkServeMuxRoutes(t *testing.T, tc patternCase, u string) {
	t.Helper()
	var gotPattern string
	values := map[string]string{}
	var path string
	mux := http.NewServeMux()
	mux.HandleFunc(tc.pattern, func(w http.ResponseWriter, r *http.Request) {
		gotPattern, path = r.Pattern, r.URL.Path
		for i := 0; i+1 < len(tc.pairs); i += 2 {
			values[tc.pairs[i]] = r.PathValue(tc.pairs[i])
		}
	})
	method := tc.method
	if method == "" {
		method = http.MethodGet
	}
	req := httptest.NewRequest(method, u, nil)
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || gotPattern != tc.pattern {
		t.Fatalf("%s %s: status %d, pattern %q; want 200 from %q", method, u, rec.Code, gotPattern, tc.pattern)
	}
	// The path is spelled as Go spells it (urlfor's escaping, literals
	// included): net/url keeps a RawPath only for a "/" inside a segment.
	if (req.URL.RawPath != "") != strings.Contains(u, "%2F") {
		t.Errorf("%s: RawPath %q; want one exactly when a segment holds \"%%2F\"", u, req.URL.RawPath)
	}
	for i := 0; i+1 < len(tc.pairs); i += 2 {
		k, v := tc.pairs[i], tc.pairs[i+1]
		switch {
		case k == SubtreeParam:
			if !strings.HasSuffix(path, "/"+v) {
				t.Errorf("path %q does not end with the subtree value %q", path, v)
			}
		case strings.Contains(u, "?"+k+"=") || strings.Contains(u, "&"+k+"="):
			// a query pair
		case values[k] != v:
			t.Errorf("r.PathValue(%q) = %q, want %q", k, values[k], v)
		}
	}
}

func registerOn(mux *http.ServeMux, pattern string) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("%v", v)
		}
	}()
	mux.HandleFunc(pattern, func(http.ResponseWriter, *http.Request) {})
	return nil
}

// Every pattern the wrapper accepts is one http.ServeMux accepts, and the
// refused ones are not listed.
func TestWrapperListsWhatServeMuxAccepts(t *testing.T) {
	m := NewServeMux()
	accepted := 0
	for _, tc := range patternCases {
		err := func() (err error) {
			defer func() {
				if v := recover(); v != nil {
					err = fmt.Errorf("%v", v)
				}
			}()
			m.HandleFunc(tc.pattern, func(http.ResponseWriter, *http.Request) {})
			return nil
		}()
		if err != nil && strings.Contains(err.Error(), "conflicts with") {
			continue // the same path listed twice in the table
		}
		if (err != nil) != (tc.mux == muxRejects) {
			t.Errorf("%q: %v; the table says rejects=%v", tc.pattern, err, tc.mux == muxRejects)
		}
		if err == nil {
			accepted++
			if last := m.Routes()[len(m.Routes())-1]; last.Pattern != tc.pattern {
				t.Errorf("%q: last listed route is %q", tc.pattern, last.Pattern)
			}
		}
	}
	if n := len(m.Routes()); n != accepted || m.RoutesVersion() != uint64(accepted) {
		t.Errorf("%d routes listed, version %d; want %d", n, m.RoutesVersion(), accepted)
	}
}

// A parameter value of "/" alone is the one value ServeMux cannot route
// back: its segment "%2F" decodes to "/", which ServeMux's routing tree reads
// as a trailing slash, and a single wildcard never matches that. The
// adapter refuses it; values that merely hold "/" round-trip.
func TestSlashAloneIsRefused(t *testing.T) {
	r := translate("post", "GET /p/{id}")
	mux := http.NewServeMux()
	var got string
	mux.HandleFunc("GET /p/{id}", func(w http.ResponseWriter, r *http.Request) { got = r.PathValue("id") })
	for _, v := range []string{"/", "//", "a/", "/a", "a/b"} {
		u := "/p/" + strings.ReplaceAll(v, "/", "%2F")
		rec := httptest.NewRecorder()
		got = "(not reached)"
		mux.ServeHTTP(rec, httptest.NewRequest("GET", u, nil))
		routes := rec.Code == http.StatusOK && got == v
		built, err := r.Build("", &urlfor.Request{Name: "post", Pairs: []string{"id", v}})
		switch {
		case routes && (err != nil || built != u):
			t.Errorf("ServeMux routes %s back to %q, but Build(%q) = %q, %v", u, v, v, built, err)
		case !routes && !errors.Is(err, urlfor.ErrInvalidParam):
			t.Errorf("ServeMux does not route %s back to %q (%d, %q), but Build(%q) = %q, %v", u, v, rec.Code, got, v, built, err)
		case v == "/" && routes:
			t.Errorf("ServeMux now routes %s back: the refusal of \"/\" can go", u)
		}
	}
}

// BenchmarkNotSlash measures what refusing "/" alone costs a build of a
// two-parameter route, next to the same template without it (it was a
// regexp constraint, twice the build; now a taken value).
func BenchmarkNotSlash(b *testing.B) {
	with := translate("c", "GET /posts/{id}/comments/{cid}")
	tmpl, err := urlfor.NewTemplate("GET /posts/{id}/comments/{cid}", []urlfor.Part{
		urlfor.Literal("/posts/"), urlfor.Param("id"), urlfor.Literal("/comments/"), urlfor.Param("cid"),
	})
	if err != nil {
		b.Fatal(err)
	}
	without := urlfor.Route{Name: "c", Pattern: "GET /posts/{id}/comments/{cid}", Path: tmpl}
	for _, r := range []struct {
		name  string
		route *urlfor.Route
	}{{"slashAlone", &with}, {"none", &without}} {
		b.Run(r.name, func(b *testing.B) {
			req := &urlfor.Request{Name: "c", Pairs: []string{"id", "7", "cid", "42"}}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := r.route.Build("/pages", req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
