package partychi

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

func TestSplitPattern(t *testing.T) {
	type tk = adapterkit.Token
	lit, p, re, wild := adapterkit.Lit, adapterkit.P, adapterkit.Re, adapterkit.Wild
	tests := []struct {
		pattern string
		want    []tk
		err     string
	}{
		{"/", []tk{lit("/")}, ""},
		{"/posts/{id}", []tk{lit("/posts/"), p("id")}, ""},
		{"/posts/{id}/edit", []tk{lit("/posts/"), p("id"), lit("/edit")}, ""},
		{"/posts/{id:[0-9]+}", []tk{lit("/posts/"), re("id", "[0-9]+")}, ""},
		{"/d/{id:[0-9]{3}}.txt", []tk{lit("/d/"), re("id", "[0-9]{3}"), lit(".txt")}, ""},
		{"/r/{x:a:b}", []tk{lit("/r/"), re("x", "a:b")}, ""},
		{"/docs/{name}.json", []tk{lit("/docs/"), p("name"), lit(".json")}, ""},
		{"/{a}-{b}", []tk{lit("/"), p("a"), lit("-"), p("b")}, ""},
		{"/files/*", []tk{lit("/files/"), wild("*")}, ""},
		{"/{id}/*", []tk{lit("/"), p("id"), lit("/"), wild("*")}, ""},
		{"/a*", []tk{lit("/a"), wild("*")}, ""},
		{"/*", []tk{lit("/"), wild("*")}, ""},
		{"/x/{re:[a-z]*}", []tk{lit("/x/"), re("re", "[a-z]*")}, ""},
		{"/x/*/y", nil, "not the last byte"},
		{"/x/{id", nil, "no closing"},
		{"/x/{id:[0-9]{3}", nil, "no closing"},
		{"/x/{:[0-9]}", nil, "no name"},
	}
	for _, tt := range tests {
		got, err := splitPattern(tt.pattern)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("splitPattern(%q) error %v, want %q", tt.pattern, err, tt.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitPattern(%q) = %+v, %v; want %+v", tt.pattern, got, err, tt.want)
		}
	}
}

// TestParsePatternThroughChi builds URLs from chi patterns and requests
// them from a real chi router that has the pattern: each must reach it with
// the same values, or be refused, as the table says.
func TestParsePatternThroughChi(t *testing.T) {
	tests := []struct {
		pattern string
		pairs   []string
		want    string // the URL, or "" for a refusal
	}{
		{"/posts/{id}", []string{"id", "7"}, "/posts/7"},
		{"/posts/{id}", []string{"id", "a b"}, "/posts/a%20b"},
		{"/posts/{id}", []string{"id", "a/b"}, "/posts/a%2Fb"},
		{"/posts/{id}", []string{"id", "50%"}, "/posts/50%25"},
		{"/posts/{id}", []string{"id", "a,b;c"}, "/posts/a,b;c"}, // raw, as Go writes them: no RawPath
		{"/posts/{id}", []string{"id", "Smith, John"}, "/posts/Smith,%20John"},
		{"/posts/{id}", []string{"id", "a/b,c d"}, "/posts/a%2Fb,c%20d"},
		{"/posts/{id}", []string{"id", "é"}, "/posts/%C3%A9"},
		{"/posts/{id}", []string{"id", "{id}"}, "/posts/%7Bid%7D"},
		{"/posts/{id}", []string{"id", ".."}, ""},
		{"/posts/{id}", []string{"id", ""}, ""},
		{"/posts/{id}/edit", []string{"id", "7"}, "/posts/7/edit"},
		{"/posts/{id:[0-9]+}", []string{"id", "42"}, "/posts/42"},
		{"/posts/{id:[0-9]+}", []string{"id", "x"}, ""},
		{"/posts/{id:[0-9]{3}}", []string{"id", "123"}, "/posts/123"},
		{"/posts/{id:[0-9]{3}}", []string{"id", "1234"}, ""},
		{"/n/{name:[a-z ]+}", []string{"name", "ab"}, "/n/ab"},
		{"/n/{name:[a-z ]+}", []string{"name", "a b"}, "/n/a%20b"}, // no RawPath possible: checked decoded
		{"/n/{name:[a-z/ ]+}", []string{"name", "a/b"}, ""},        // "%2F" would give a RawPath
		{"/n/{name:[a-z ]+}/*", []string{"name", "a b", "*", "x/y,z"}, "/n/a%20b/x/y,z"},
		{"/n/{name:[a-z ]+}/{o}", []string{"name", "a b", "o", "x"}, ""}, // {o} may hold "/": checked escaped then
		{"/n/{name:[a-z ]+}/{o}", []string{"name", "ab", "o", "x/y"}, "/n/ab/x%2Fy"},
		{"/n/{name:[a-z,]+}/{o}", []string{"name", "a,b", "o", "x"}, "/n/a,b/x"}, // "," reads the same escaped and decoded
		{"/n/{a:[a-z ]+}/{b:[a-z ]+}", []string{"a", "a b", "b", "c d"}, "/n/a%20b/c%20d"},
		{"/alt/{x:a|b}", []string{"x", "a"}, "/alt/a"},
		{"/alt/{x:a|b}", []string{"x", "ab"}, ""}, // chi's "^a|b$" would take it; we anchor the whole
		{"/docs/{name}.json", []string{"name", "readme"}, "/docs/readme.json"},
		{"/docs/{name}.json", []string{"name", "a.b"}, ""}, // chi ends {name} at the first "."
		{"/{a}-{b}", []string{"a", "x", "b", "y-z"}, "/x-y-z"},
		{"/{a}-{b}", []string{"a", "x-y", "b", "z"}, ""},
		{"/files/*", []string{"*", "a/b/c.txt"}, "/files/a/b/c.txt"},
		{"/files/*", []string{"*", ""}, "/files/"},
		{"/files/*", []string{"*", "a b/c"}, "/files/a%20b/c"},
		{"/files/*", []string{"*", "a//b"}, ""},
		{"/files/*", []string{"*", "a/../b"}, ""},
		{"/a*", []string{"*", "bc"}, "/abc"},
		{"/über/{id}", []string{"id", "7"}, "/%C3%BCber/7"},
		{"/über/{id}", []string{"id", "a b"}, "/%C3%BCber/a%20b"},
		{"/über/{id}", []string{"id", "a/b"}, ""}, // would need a RawPath, where "über" no longer matches
		{"/über/{id}", []string{"id", "a,b"}, "/%C3%BCber/a,b"},
		{"/über/{id}", []string{"id", "a;b c"}, "/%C3%BCber/a;b%20c"},
		{"/über/*", []string{"*", "a/b"}, "/%C3%BCber/a/b"},
		{"/über/*", []string{"*", "a;b"}, "/%C3%BCber/a;b"},
		{"/über/*", []string{"*", "x,y/a;b c"}, "/%C3%BCber/x,y/a;b%20c"},
		{"/über/{id}/*", []string{"id", "a,b", "*", "c;d/e"}, "/%C3%BCber/a,b/c;d/e"},
		{"/über/{id}/*", []string{"id", "a/b", "*", "c"}, ""},
		{"/x/{a}ü", []string{"a", "ab"}, "/x/ab%C3%BC"},
		{"/x/{a}ü", []string{"a", "é"}, ""}, // "é" starts with the byte chi stops at
		{"/x/{a}ü", []string{"a", "ё"}, "/x/%D1%91%C3%BC"},
		{"/x/{a}!", []string{"a", "a!b"}, ""},
		{"/x/{a}!", []string{"a", "ab"}, "/x/ab%21"},
		{"/100%/{a}", []string{"a", "x"}, "/100%25/x"},
		{"/k/{a:(?i)k}", []string{"a", "K"}, "/k/K"},
		{"/k/{a:(?i)k}", []string{"a", "\u212a"}, "/k/%E2%84%AA"},   // KELVIN SIGN folds to k; seen decoded
		{"/k/{a:(?i)k}/{b}", []string{"a", "\u212a", "b", "x"}, ""}, // {b} may give a RawPath: seen escaped
	}
	for _, tt := range tests {
		tpl, err := parsePattern(tt.pattern, nil)
		if err != nil {
			t.Errorf("parsePattern(%q): %v", tt.pattern, err)
			continue
		}
		u, err := tpl.Build(tt.pairs...)
		if tt.want == "" {
			if err == nil {
				t.Errorf("%s %q: built %q, want a refusal", tt.pattern, tt.pairs, u)
			} else if !errors.Is(err, urlfor.ErrInvalidParam) && !errors.Is(err, urlfor.ErrMissingParam) {
				t.Errorf("%s %q: error %v, want a parameter error", tt.pattern, tt.pairs, err)
			}
			continue
		}
		if err != nil || u != tt.want {
			t.Errorf("%s %q: built %q, %v; want %q", tt.pattern, tt.pairs, u, err, tt.want)
			continue
		}
		checkRoutes(t, tt.pattern, u, tt.pairs)
	}
}

// checkRoutes requests u over HTTP from a chi router that has only pattern
// and checks the values URLParam gives, and those chi.URLParam gives where
// the URL has no RawPath, that is where no parameter's value holds "/"
// (TestForcesRawPath).
func checkRoutes(t *testing.T, pattern, u string, pairs []string) {
	t.Helper()
	r := chi.NewRouter()
	type read struct{ native, param map[string]string }
	got := make(chan read, 1)
	r.Get(pattern, func(w http.ResponseWriter, r *http.Request) {
		g := read{map[string]string{}, map[string]string{}}
		for i := 0; i < len(pairs); i += 2 {
			g.native[pairs[i]] = chi.URLParam(r, pairs[i])
			g.param[pairs[i]] = URLParam(r, pairs[i])
		}
		got <- g
	})
	srv := httptest.NewServer(r)
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL + u)
	if err != nil {
		t.Errorf("%s: GET %q: %v", pattern, u, err)
		return
	}
	resp.Body.Close()
	var g read
	select {
	case g = <-got:
	default:
		t.Errorf("%s: %q did not reach the route (status %d)", pattern, u, resp.StatusCode)
		return
	}
	nativeExact := true
	for i := 0; i < len(pairs); i += 2 {
		nativeExact = nativeExact && (pairs[i] == "*" || !strings.Contains(pairs[i+1], "/"))
	}
	for i := 0; i < len(pairs); i += 2 {
		k, v := pairs[i], pairs[i+1]
		if g.param[k] != v {
			t.Errorf("%s: %q gave URLParam %s=%q, want %q", pattern, u, k, g.param[k], v)
		}
		if nativeExact && g.native[k] != v {
			t.Errorf("%s: %q gave chi.URLParam %s=%q, want %q", pattern, u, k, g.native[k], v)
		}
	}
}

// chi ends a parameter at the first byte of the literal after it and does
// not backtrack, which is why the templates refuse that byte (and are not
// urlfor.Backtracking).
func TestChiDoesNotBacktrack(t *testing.T) {
	r := chi.NewRouter()
	r.Get("/docs/{name}.json", func(w http.ResponseWriter, r *http.Request) {})
	r.Get("/d/{a}-{b}/x", func(w http.ResponseWriter, r *http.Request) {})
	rec := httptest.NewRecorder()
	r.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/docs/a.b.json", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("/docs/a.b.json: %d; chi backtracks now: use urlfor.Backtracking", rec.Code)
	}
	rctx := chi.NewRouteContext()
	if !r.Match(rctx, http.MethodGet, "/d/a-b-c/x") || rctx.URLParam("a") != "a" || rctx.URLParam("b") != "b-c" {
		t.Errorf("/d/a-b-c/x: a=%q b=%q, want the first \"-\" to end a", rctx.URLParam("a"), rctx.URLParam("b"))
	}
}

// Patterns that cannot be translated are errors, never panics.
func TestParsePatternErrors(t *testing.T) {
	for _, p := range []string{"/x/{id", "/x/*/y", "/{}", "/{a}{b}", "/{a}/{a}", "/x/{id:[}", "/x/{id:(}", "/\xff/{id}", "x/{id}"} {
		if _, err := parsePattern(p, nil); !errors.Is(err, urlfor.ErrInvalidTemplate) {
			t.Errorf("parsePattern(%q): %v, want an invalid-template error", p, err)
		}
	}
}

// TestForcesRawPath derives, from urlfor's escaping and net/url, the bytes
// that give a built URL a RawPath (on which chi then routes), in a
// parameter and in a wildcard, and checks forcesRawPath against it. It also
// checks needsEscape against urlfor: the two escape the same bytes but
// forcesRawPath.
func TestForcesRawPath(t *testing.T) {
	param, err := urlfor.NewTemplate("/{x}", []urlfor.Part{urlfor.Literal("/"), urlfor.Param("x")})
	if err != nil {
		t.Fatal(err)
	}
	wild, err := urlfor.NewTemplate("/*", []urlfor.Part{urlfor.Literal("/"), urlfor.Wildcard("x")})
	if err != nil {
		t.Fatal(err)
	}
	forces := func(tpl *urlfor.Template, v string) bool {
		u, err := tpl.Build("x", v)
		if err != nil {
			return false // "." and ".." are refused; "a." is not, so nothing is lost
		}
		parsed, err := url.ParseRequestURI(u)
		if err != nil {
			t.Fatalf("%q: %v", u, err)
		}
		return parsed.RawPath != ""
	}
	var inParam []byte
	for c := 1; c < 256; c++ {
		s := string([]byte{byte(c)})
		if c >= utf8.RuneSelf {
			s = string(rune(c)) // a byte alone is not valid UTF-8: its rune
		}
		if forces(param, "a"+s) {
			inParam = append(inParam, byte(c))
		}
		if forces(wild, "a"+s+"/b"+s) {
			t.Errorf("wildcard value %q gives a RawPath", "a"+s+"/b"+s)
		}
		if c >= utf8.RuneSelf || strings.ContainsRune(forcesRawPath, rune(c)) {
			continue
		}
		u, _ := param.Build("x", "a"+s)
		if needsEscape(s) != (u != "/a"+s) {
			t.Errorf("byte %q: needsEscape disagrees with urlfor's escaping %q", c, u)
		}
	}
	if !sameBytes(string(inParam), forcesRawPath) {
		t.Errorf("bytes that force a RawPath: %q, want %q", inParam, forcesRawPath)
	}
}

// escapeLiteral must escape exactly as net/url's default path encoding.
func TestEscapeLiteral(t *testing.T) {
	for _, s := range []string{"/über/", "/a b/", "/100%/", "/x!y/", "/$&+,/:;=@-._~/", "/plain/"} {
		want := (&url.URL{Path: s}).EscapedPath()
		if got := escapeLiteral(s); got != want {
			t.Errorf("escapeLiteral(%q) = %q, want %q", s, got, want)
		}
		if needsEscape(s) != (want != s) {
			t.Errorf("needsEscape(%q) = %v", s, needsEscape(s))
		}
	}
}

// A constraint restricted to raw segment bytes accepts exactly the values
// that match the original and need no escaping.
func TestRestrictRegexp(t *testing.T) {
	res := []string{`[0-9]+`, `.+`, `(?s).*`, `[a-z ]+`, `(?i)k+`, `a|b c`, `[^/]+`, `\w+`, `\pL+`, `x{2,3}`, `(?i)straße`, `^a$`}
	values := []string{"", "0", "12", "a", "b c", "a b", "k", "K", "\u212a", "ab", "xx", "xxx", "x-y", "straße", "STRASSE", "é", "a\nb", "~", "%", "/", ",", "a"}
	for _, re := range res {
		r, err := adapterkit.RestrictRegexp(re, adapterkit.RawSegmentRunes)
		if err != nil {
			t.Fatalf("%q: %v", re, err)
		}
		orig := regexp.MustCompile(`^(?:` + re + `)$`)
		got := regexp.MustCompile(`^(?:` + r + `)$`)
		for _, v := range values {
			want := orig.MatchString(v) && allIn(v, adapterkit.RawSegmentRunes)
			if got.MatchString(v) != want {
				t.Errorf("restrict(%q) = %q: %q matches %v, want %v", re, r, v, !want, want)
			}
		}
	}
	if _, err := adapterkit.RestrictRegexp("(", adapterkit.RawSegmentRunes); err == nil {
		t.Error("restrictRegexp accepted a broken regexp")
	}
}

func allIn(s string, set adapterkit.RuneSet) bool {
	for _, r := range s {
		if !set.Contains(r) {
			return false
		}
	}
	return true
}

func TestRuneSets(t *testing.T) {
	for _, tt := range []struct {
		b    byte
		want adapterkit.RuneSet
	}{
		{'!', adapterkit.RuneSet{'!', '!'}},
		{0xC3, adapterkit.RuneSet{0xC0, 0xFF}},
		{0xC2, adapterkit.RuneSet{0x80, 0xBF}},
		{0xE0, adapterkit.RuneSet{0x800, 0xFFF}},
		{0xE2, adapterkit.RuneSet{0x2000, 0x2FFF}},
		{0xF0, adapterkit.RuneSet{0x10000, 0x3FFFF}},
		{0xF4, adapterkit.RuneSet{0x100000, 0x10FFFF}},
		{0x80, nil},
		{0xC0, nil},
		{0xFF, nil},
	} {
		got := adapterkit.RunesStartingWith(tt.b)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("runesStartingWith(%#x) = %#x, want %#x", tt.b, got, tt.want)
		}
		for i := 0; i < len(got); i += 2 {
			for _, r := range []rune{got[i], got[i+1]} {
				if utf8.ValidRune(r) && utf8.AppendRune(nil, r)[0] != tt.b {
					t.Errorf("%#x: rune %U does not start with it", tt.b, r)
				}
			}
		}
	}
	a := adapterkit.RuneSet{'a', 'z'}
	if got := a.Minus(adapterkit.RuneSet{'m', 'm'}); !reflect.DeepEqual(got, adapterkit.RuneSet{'a', 'l', 'n', 'z'}) {
		t.Errorf("subtract = %q", got)
	}
	if got := (adapterkit.RuneSet{'a', 'c'}).Union(adapterkit.RuneSet{'b', 'e', 'x', 'x'}); !reflect.DeepEqual(got, adapterkit.RuneSet{'a', 'e', 'x', 'x'}) {
		t.Errorf("union = %q", got)
	}
	if got := adapterkit.AllRunes.Complement(); len(got) != 0 {
		t.Errorf("complement(all) = %q", got)
	}
}

func sameBytes(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if !strings.Contains(b, a[i:i+1]) {
			return false
		}
	}
	return true
}
