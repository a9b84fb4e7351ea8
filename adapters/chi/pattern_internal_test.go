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
		{"/posts/{id}", []string{"id", "a,b;c"}, "/posts/a%2Cb%3Bc"},
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
		{"/n/{name:[a-z ]+}", []string{"name", "a b"}, ""}, // checked escaped when the URL has a RawPath
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
		{"/über/{id}", []string{"id", "a,b"}, ""},
		{"/über/*", []string{"*", "a/b"}, "/%C3%BCber/a/b"},
		{"/über/*", []string{"*", "a;b"}, ""},
		{"/x/{a}ü", []string{"a", "ab"}, "/x/ab%C3%BC"},
		{"/x/{a}ü", []string{"a", "é"}, ""}, // "é" starts with the byte chi stops at
		{"/x/{a}ü", []string{"a", "ё"}, "/x/%D1%91%C3%BC"},
		{"/x/{a}!", []string{"a", "a!b"}, ""},
		{"/x/{a}!", []string{"a", "ab"}, "/x/ab%21"},
		{"/100%/{a}", []string{"a", "x"}, "/100%25/x"},
		{"/k/{a:(?i)k}", []string{"a", "K"}, "/k/K"},
		{"/k/{a:(?i)k}", []string{"a", "\u212a"}, ""}, // KELVIN SIGN folds to k but needs escaping
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

// checkRoutes requests u from a chi router that has only pattern and checks
// the values URLParam gives.
func checkRoutes(t *testing.T, pattern, u string, pairs []string) {
	t.Helper()
	r := chi.NewRouter()
	var got map[string]string
	r.Get(pattern, func(w http.ResponseWriter, r *http.Request) {
		got = map[string]string{}
		for i := 0; i < len(pairs); i += 2 {
			got[pairs[i]] = URLParam(r, pairs[i])
		}
	})
	req, err := http.NewRequest(http.MethodGet, "http://example.com"+u, nil)
	if err != nil {
		t.Errorf("%s: %q: %v", pattern, u, err)
		return
	}
	rec := httptest.NewRecorder()
	r.ServeHTTP(rec, req)
	if got == nil {
		t.Errorf("%s: %q did not reach the route (status %d)", pattern, u, rec.Code)
		return
	}
	for i := 0; i < len(pairs); i += 2 {
		if got[pairs[i]] != pairs[i+1] {
			t.Errorf("%s: %q gave %s=%q, want %q", pattern, u, pairs[i], got[pairs[i]], pairs[i+1])
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

// TestForcesRawPath checks the set of bytes that give a URL a RawPath when
// urlfor escapes them, against net/url itself.
func TestForcesRawPath(t *testing.T) {
	tpl, err := urlfor.NewTemplate("/{x}", []urlfor.Part{urlfor.Literal("/"), urlfor.Param("x")})
	if err != nil {
		t.Fatal(err)
	}
	var forces []byte
	for c := 1; c < utf8.RuneSelf; c++ {
		u, err := tpl.Build("x", "a"+string(rune(c)))
		if err != nil {
			continue // "." and ".." are refused; "a." is not, so nothing is lost
		}
		parsed, err := url.ParseRequestURI(u)
		if err != nil {
			t.Fatalf("%q: %v", u, err)
		}
		if parsed.RawPath != "" {
			forces = append(forces, byte(c))
		}
		if needsEscape(string(rune(c))) != (u != "/a"+string(rune(c))) && c != '/' && c != ',' && c != ';' {
			t.Errorf("byte %q: needsEscape disagrees with urlfor's escaping %q", c, u)
		}
	}
	if !sameBytes(string(forces), forcesRawPath) {
		t.Errorf("bytes that force a RawPath: %q, want %q", forces, forcesRawPath)
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
