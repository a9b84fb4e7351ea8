package partyecho

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/partyline-go/partyline/urlfor"
)

// TestParsePattern translates echo's own syntax, builds a URL, routes it
// through a real echo router with the same route, and checks that echo
// matched that route and handed back the values: through Param always,
// through c.Param unless a one-segment value holds "/" (cParamExact). Where echo's Reverse is
// right for the same route (reverse is set) it must agree with us.
func TestParsePattern(t *testing.T) {
	tests := []struct {
		pattern string   // as registered with e.GET
		route   string   // as echo stores it (normalizePathSlash)
		pairs   []string // key, value...
		want    string
		reverse []any // positional params for e.Reverse when its output is right; nil when it is not
	}{
		{pattern: "/", route: "/", want: "/", reverse: []any{}},
		{pattern: "", route: "/", want: "/", reverse: []any{}},
		{pattern: "/posts", route: "/posts", want: "/posts", reverse: []any{}},
		{pattern: "posts/:id", route: "/posts/:id", pairs: []string{"id", "7"}, want: "/posts/7", reverse: []any{"7"}},
		{pattern: "/posts/:id", route: "/posts/:id", pairs: []string{"id", "7"}, want: "/posts/7", reverse: []any{7}},
		{pattern: "/posts/:id/", route: "/posts/:id/", pairs: []string{"id", "7"}, want: "/posts/7/", reverse: []any{7}},
		{pattern: "/users/:uid/posts/:pid", route: "/users/:uid/posts/:pid", pairs: []string{"uid", "42", "pid", "7"}, want: "/users/42/posts/7", reverse: []any{42, 7}},
		// echo's Reverse splices values raw: these are where it is wrong.
		{pattern: "/posts/:id", route: "/posts/:id", pairs: []string{"id", "a b"}, want: "/posts/a%20b"},
		{pattern: "/posts/:id", route: "/posts/:id", pairs: []string{"id", "a/b"}, want: "/posts/a%2Fb"},
		{pattern: "/posts/:id", route: "/posts/:id", pairs: []string{"id", "été"}, want: "/posts/%C3%A9t%C3%A9"},
		{pattern: "/posts/:id", route: "/posts/:id", pairs: []string{"id", "a?b#c"}, want: "/posts/a%3Fb%23c"},
		{pattern: "/posts/:id", route: "/posts/:id", pairs: []string{"id", "a;b,c"}, want: "/posts/a;b,c", reverse: []any{"a;b,c"}},
		{pattern: "/posts/:id", route: "/posts/:id", pairs: []string{"id", "Smith, John"}, want: "/posts/Smith,%20John"},
		{pattern: "/posts/:id", route: "/posts/:id", pairs: []string{"id", "100%"}, want: "/posts/100%25"},
		{pattern: "/posts/:id", route: "/posts/:id", pairs: []string{"id", "%2F"}, want: "/posts/%252F"},
		{pattern: "/posts/:id", route: "/posts/:id", pairs: []string{"id", ":id"}, want: "/posts/:id", reverse: []any{":id"}},
		{pattern: "/posts/:id", route: "/posts/:id", pairs: []string{"id", "{id}"}, want: "/posts/%7Bid%7D"},
		{pattern: "/posts/:id", route: "/posts/:id", pairs: []string{"id", "a+b"}, want: "/posts/a+b", reverse: []any{"a+b"}},
		// A parameter's name runs to the next "/": echo has no literal after
		// a parameter in a segment.
		{pattern: "/:id.json", route: "/:id.json", pairs: []string{"id.json", "5"}, want: "/5", reverse: []any{5}},
		{pattern: "/v:version/items", route: "/v:version/items", pairs: []string{"version", "2"}, want: "/v2/items", reverse: []any{2}},
		// "\:" is a literal colon.
		{pattern: `/a\:b/:id`, route: `/a\:b/:id`, pairs: []string{"id", "1"}, want: "/a:b/1", reverse: []any{1}},
		{pattern: `/time/12\:00`, route: `/time/12\:00`, want: "/time/12:00", reverse: []any{}},
		// Static text is written as net/url writes it, which echo reads
		// back in the decoded path.
		{pattern: `/back\slash`, route: `/back\slash`, want: `/back%5Cslash`},
		{pattern: "/café/:id", route: "/café/:id", pairs: []string{"id", "x y"}, want: "/caf%C3%A9/x%20y"},
		{pattern: "/c%20d/:id", route: "/c%20d/:id", pairs: []string{"id", "100%"}, want: "/c%2520d/100%25"},
		{pattern: "/100%/:id", route: "/100%/:id", pairs: []string{"id", "7"}, want: "/100%25/7"},
		// The wildcard "*" takes the rest of the path.
		{pattern: "/files/*", route: "/files/*", pairs: []string{"*", "a/b.txt"}, want: "/files/a/b.txt", reverse: []any{"a/b.txt"}},
		{pattern: "/files/*", route: "/files/*", pairs: []string{"*", ""}, want: "/files/", reverse: []any{""}},
		{pattern: "/files/*", route: "/files/*", pairs: []string{"*", "a b/c"}, want: "/files/a%20b/c"},
		{pattern: "/files/*", route: "/files/*", pairs: []string{"*", "x/a;b"}, want: "/files/x/a;b", reverse: []any{"x/a;b"}},
		{pattern: "/files/*", route: "/files/*", pairs: []string{"*", "100%/a%2Fb"}, want: "/files/100%25/a%252Fb"},
		{pattern: "/users/:id/files/*", route: "/users/:id/files/*", pairs: []string{"id", "9", "*", "docs/cv.pdf"}, want: "/users/9/files/docs/cv.pdf", reverse: []any{9, "docs/cv.pdf"}},
		{pattern: "/static*", route: "/static*", pairs: []string{"*", "css/site.css"}, want: "/staticcss/site.css", reverse: []any{"css/site.css"}},
		{pattern: "*", route: "/*", pairs: []string{"*", "any/thing"}, want: "/any/thing", reverse: []any{"any/thing"}},
	}
	for _, tt := range tests {
		t.Run(tt.pattern+" "+tt.want, func(t *testing.T) {
			tmpl, err := compile(tt.pattern, nil)
			if err != nil {
				t.Fatalf("compile(%q): %v", tt.pattern, err)
			}
			got, err := tmpl.Build(tt.pairs...)
			if err != nil || got != tt.want {
				t.Fatalf("Build(%q) = %q, %v; want %q", tt.pairs, got, err, tt.want)
			}

			e := echo.New()
			r := e.GET(tt.pattern, record)
			r.Name = "it"
			if r.Path != tt.route {
				t.Fatalf("echo stored %q, want %q", r.Path, tt.route)
			}
			if tt.reverse != nil {
				if rev := e.Reverse("it", tt.reverse...); rev != tt.want {
					t.Errorf("e.Reverse = %q, we build %q", rev, tt.want)
				}
			} else if rev := e.Reverse("it", values(tt.pairs)...); rev == tt.want {
				t.Errorf("e.Reverse = %q agrees with us: mark the row as one where echo is right", rev)
			}

			rec := httptest.NewRecorder()
			e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, got, nil))
			if rec.Code != http.StatusOK {
				t.Fatalf("GET %s: %d %s", got, rec.Code, rec.Body)
			}
			var s seen
			if err := json.Unmarshal(rec.Body.Bytes(), &s); err != nil {
				t.Fatal(err)
			}
			if s.Route != tt.route {
				t.Errorf("GET %s reached %q, want %q", got, s.Route, tt.route)
			}
			for i := 0; i < len(tt.pairs); i += 2 {
				k, v := tt.pairs[i], tt.pairs[i+1]
				if s.Exact[k] != v || cParamExact(tt.pairs) && s.Raw[k] != v {
					t.Errorf("GET %s: %s: c.Param = %q, Param = %q; want %q", got, k, s.Raw[k], s.Exact[k], v)
				}
			}
		})
	}
}

func values(pairs []string) []any {
	var vs []any
	for i := 1; i < len(pairs); i += 2 {
		vs = append(vs, pairs[i])
	}
	return vs
}

// TestParsePatternErrors: echo paths that cannot be built are errors, not
// panics and not silently wrong templates.
func TestParsePatternErrors(t *testing.T) {
	for _, pattern := range []string{
		"/a/:",          // ":" without a name: echo makes a parameter named ""
		"/a/:/b",        // the same, mid-path
		"/files/*/meta", // echo's "*" swallows "/meta": the text is never matched
		"/a*b",          // the same inside a segment
		"/*/*",          // two wildcards
		"/:id/:id",      // one name twice: c.Param sees only the first
	} {
		t.Run(pattern, func(t *testing.T) {
			tmpl, err := compile(pattern, nil)
			if err == nil {
				t.Fatalf("compile(%q) = %v, want an error", pattern, tmpl.Params())
			}
			var pe *PatternError
			if !errors.As(err, &pe) || pe.Pattern != pattern {
				t.Errorf("err = %v (%T), want a *PatternError for %q", err, err, pattern)
			}
			errorIs(t, err, urlfor.ErrInvalidTemplate)
		})
	}
}

// TestBuildRefuses: values that clients and routers rewrite or drop are
// refused with a *urlfor.ParamError.
func TestBuildRefuses(t *testing.T) {
	tests := []struct {
		pattern string
		pairs   []string
	}{
		{"/posts/:id", []string{"id", ""}},       // an empty segment
		{"/posts/:id", []string{"id", "."}},      // a dot segment
		{"/posts/:id", []string{"id", ".."}},     // a dot segment
		{"/posts/:id", []string{"id", "a\x00"}},  // NUL
		{"/posts/:id", []string{"id", "\xff"}},   // not UTF-8
		{"/posts/:id", []string{}},               // missing
		{"/files/*", []string{"*", "a//b"}},      // empty segment
		{"/files/*", []string{"*", "a/../b"}},    // dot segment
		{"/files/*", []string{"*", "/etc/pass"}}, // leading "/": an empty first segment
		// Static text net/url writes otherwise is met only in the decoded
		// path, and "%2F" would give the request a RawPath.
		{"/café/:id", []string{"id", "a/b"}},
		{"/c%20d/:id", []string{"id", "a/b"}},
	}
	for _, tt := range tests {
		tmpl, err := compile(tt.pattern, nil)
		if err != nil {
			t.Fatal(err)
		}
		u, err := tmpl.Build(tt.pairs...)
		var pe *urlfor.ParamError
		if !errors.As(err, &pe) {
			t.Errorf("%s %q: Build = %q, %v; want a *urlfor.ParamError", tt.pattern, tt.pairs, u, err)
		}
	}
}
