package urlfor_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/partyline-go/partyline/urlfor"
)

// seeds is the escaping catalogue of issue 3, for every fuzz target.
var seeds = []string{
	"", "7", "hello-world", "a/b", "a?b", "a#b", "100%", "%2F", "%", "a b", " ", "+", "a+b",
	"\t", "\n", "\x7f", "\x01", "café", "日本", "🎉", ".", "..", "...", ".a", "a.",
	"{id}", ":id", "*", "*path", "{rest...}", "\xff", "a\x00b", "\x00", "//", "/x", "x/",
	"a//b", "a/./b", "a/../b", "/", "$&+:=@", "!'()*,;", `"<>\^` + "`{|}", "&", "=", "#", "?",
	"\xc3", "\xed\xa0\x80", "\u2028", "\ufeff", "ǅ", "a/b/c.txt", "..%2F..%2Fetc",
}

// paramServer is the real dispatcher of the law: an http.ServeMux whose
// handler answers the value it received.
func paramServer(pattern, param string) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Value", url.PathEscape(r.PathValue(param)))
	})
	return mux
}

// served requests u from h and returns the value the handler received, or
// ok false when the request did not reach it.
func served(t *testing.T, h http.Handler, u string) (string, bool) {
	req, err := http.NewRequest("GET", "http://example.com"+u, nil)
	if err != nil {
		t.Fatalf("http.NewRequest(%q): %v", u, err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	got, ok := rec.Result().Header["X-Value"]
	if !ok || rec.Code != http.StatusOK {
		return "", false
	}
	v, err := url.PathUnescape(got[0])
	if err != nil {
		t.Fatalf("X-Value %q: %v", got[0], err)
	}
	return v, true
}

// paramAcceptable is the documented rule for one parameter value.
func paramAcceptable(v string) bool {
	return v != "" && v != "." && v != ".." && utf8.ValidString(v) && !strings.Contains(v, "\x00")
}

// FuzzParamRoundTrip: for any value v, "/posts/{id}" either refuses it with
// a *ParamError, or builds a path that net/url splits back into exactly v,
// that equals "/posts/" + v written as net/url writes a path with "/" as
// "%2F", that net/url parses with no RawPath unless v holds "/" (so routers
// reading RawPath see decoded text), and that http.ServeMux routes
// to "/posts/{id}" with id = v.
func FuzzParamRoundTrip(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	tpl, err := urlfor.NewTemplate("/posts/{id}", []urlfor.Part{urlfor.Literal("/posts/"), urlfor.Param("id")})
	if err != nil {
		f.Fatal(err)
	}
	server := paramServer("GET /posts/{id}", "id")
	f.Fuzz(func(t *testing.T, v string) {
		got, err := tpl.Build("id", v)
		if err != nil {
			var pe *urlfor.ParamError
			if !errors.As(err, &pe) || !errors.Is(err, urlfor.ErrInvalidParam) || pe.Param != "id" {
				t.Fatalf("Build(%q): %v is not an invalid-parameter *ParamError", v, err)
			}
			if paramAcceptable(v) {
				t.Fatalf("Build(%q) refused an acceptable value: %v", v, err)
			}
			return
		}
		if !paramAcceptable(v) {
			t.Fatalf("Build(%q) = %q: the value should be refused", v, got)
		}
		if want := "/posts/" + strings.ReplaceAll(netPath(v), "/", "%2F"); got != want {
			t.Fatalf("Build(%q) = %q, net/url gives %q", v, got, want)
		}
		u, err := url.Parse(got)
		if err != nil {
			t.Fatalf("url.Parse(%q): %v", got, err)
		}
		if (u.RawPath == "") == strings.Contains(v, "/") {
			t.Fatalf("Build(%q) = %q: net/url keeps RawPath %q", v, got, u.RawPath)
		}
		if u.RawQuery != "" || u.Fragment != "" || u.Host != "" || u.Scheme != "" {
			t.Fatalf("Build(%q) = %q is not a bare path: %#v", v, got, u)
		}
		segs := strings.Split(u.EscapedPath(), "/")
		if len(segs) != 3 || segs[0] != "" || segs[1] != "posts" {
			t.Fatalf("Build(%q) = %q splits into %q", v, got, segs)
		}
		back, err := url.PathUnescape(segs[2])
		if err != nil || back != v {
			t.Fatalf("Build(%q) = %q gives back %q, %v", v, got, back, err)
		}
		// http.ServeMux cannot route a segment that is exactly "%2F": it
		// unescapes segments before matching and takes "/" for its
		// trailing-slash marker, so "/posts/%2F" is a 404 (while "%2Fa" and
		// "a%2Fb" work). An adapter for ServeMux must refuse that value.
		if v == "/" {
			return
		}
		if back, ok := served(t, server, got); !ok || back != v {
			t.Fatalf("GET %s through http.ServeMux: reached %v, value %q; want %q", got, ok, back, v)
		}
	})
}

// netPath is s written as part of a path the way net/url writes one
// (url.URL.EscapedPath), the escaping urlfor promises (package doc).
func netPath(s string) string { return (&url.URL{Path: "/" + s}).EscapedPath()[1:] }

// wildcardAcceptable is the documented rule for a wildcard value.
func wildcardAcceptable(v string) bool {
	if !utf8.ValidString(v) || strings.Contains(v, "\x00") {
		return false
	}
	if v == "" {
		return true
	}
	for _, seg := range strings.Split(v, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return false
		}
	}
	return true
}

// FuzzWildcardRoundTrip: a wildcard value either is refused, or the built
// path is "/files/" + the value written as net/url writes a path (so it
// parses with no RawPath), its segments, unescaped and joined by "/", give
// it back exactly, and http.ServeMux's "{path...}" delivers it.
func FuzzWildcardRoundTrip(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	tpl, err := urlfor.NewTemplate("/files/{path...}", []urlfor.Part{urlfor.Literal("/files/"), urlfor.Wildcard("path")})
	if err != nil {
		f.Fatal(err)
	}
	server := paramServer("GET /files/{path...}", "path")
	f.Fuzz(func(t *testing.T, v string) {
		got, err := tpl.Build("path", v)
		if err != nil {
			if !errors.Is(err, urlfor.ErrInvalidParam) {
				t.Fatalf("Build(%q): %v is not ErrInvalidParam", v, err)
			}
			if wildcardAcceptable(v) {
				t.Fatalf("Build(%q) refused an acceptable value: %v", v, err)
			}
			return
		}
		if !wildcardAcceptable(v) {
			t.Fatalf("Build(%q) = %q: the value should be refused", v, got)
		}
		if want := "/files/" + netPath(v); got != want {
			t.Fatalf("Build(%q) = %q, want %q", v, got, want)
		}
		u, err := url.Parse(got)
		if err != nil {
			t.Fatalf("url.Parse(%q): %v", got, err)
		}
		if u.RawPath != "" {
			t.Fatalf("Build(%q) = %q: net/url keeps RawPath %q", v, got, u.RawPath)
		}
		if u.RawQuery != "" || u.Fragment != "" || u.Host != "" {
			t.Fatalf("Build(%q) = %q is not a bare path", v, got)
		}
		rest, ok := strings.CutPrefix(u.EscapedPath(), "/files/")
		if !ok {
			t.Fatalf("Build(%q) = %q", v, got)
		}
		segs := strings.Split(rest, "/")
		for i, s := range segs {
			if segs[i], err = url.PathUnescape(s); err != nil {
				t.Fatalf("segment %q: %v", s, err)
			}
		}
		if back := strings.Join(segs, "/"); back != v {
			t.Fatalf("Build(%q) = %q gives back %q", v, got, back)
		}
		if back, ok := served(t, server, got); !ok || back != v {
			t.Fatalf("GET %s through http.ServeMux: reached %v, value %q; want %q", got, ok, back, v)
		}
	})
}

// FuzzQueryRoundTrip: extra pairs come back from url.ParseQuery exactly,
// in the order url.Values.Encode gives (sorted by key, repeated keys in
// the order given), and a fragment comes back from url.Parse.
func FuzzQueryRoundTrip(f *testing.F) {
	for i, s := range seeds {
		f.Add("q", s, seeds[(i+7)%len(seeds)], "x", seeds[(i+3)%len(seeds)])
	}
	f.Add("q", "red shoes", "q", "again", "top")
	f.Add("b", "1", "a", "2", "")
	f.Add("", "x", "y", "z", "")
	r := urlfor.Route{Name: "post", Pattern: "/posts/{id}"}
	var err error
	r.Path, err = urlfor.NewTemplate(r.Pattern, []urlfor.Part{urlfor.Literal("/posts/"), urlfor.Param("id")})
	if err != nil {
		f.Fatal(err)
	}
	text := func(s string) bool { return utf8.ValidString(s) && !strings.Contains(s, "\x00") }
	f.Fuzz(func(t *testing.T, k1, v1, k2, v2, fragment string) {
		if k1 == "id" || k2 == "id" {
			return // a route parameter, not a query pair
		}
		req := &urlfor.Request{Pairs: []string{"id", "7", k1, v1, k2, v2}, Fragment: fragment}
		got, err := r.Build("/blog", req)
		valid := k1 != "" && k2 != "" && text(k1) && text(v1) && text(k2) && text(v2) && text(fragment)
		if err != nil {
			if valid {
				t.Fatalf("Build(%q) refused acceptable pairs: %v", req.Pairs, err)
			}
			if !errors.Is(err, urlfor.ErrBadCall) && !errors.Is(err, urlfor.ErrInvalidParam) {
				t.Fatalf("Build(%q): %v is neither ErrBadCall nor ErrInvalidParam", req.Pairs, err)
			}
			return
		}
		if !valid {
			t.Fatalf("Build(%q, fragment %q) = %q: should be refused", req.Pairs, fragment, got)
		}
		u, err := url.Parse(got)
		if err != nil {
			t.Fatalf("url.Parse(%q): %v", got, err)
		}
		if u.Path != "/blog/posts/7" || u.Fragment != fragment {
			t.Fatalf("Build = %q: path %q, fragment %q; want fragment %q", got, u.Path, u.Fragment, fragment)
		}
		q, err := url.ParseQuery(u.RawQuery)
		if err != nil {
			t.Fatalf("url.ParseQuery(%q): %v", u.RawQuery, err)
		}
		want := url.Values{}
		want.Add(k1, v1)
		want.Add(k2, v2)
		if len(q) != len(want) {
			t.Fatalf("query %q parses to %v, want %v", u.RawQuery, q, want)
		}
		for k, vs := range want {
			if g := q[k]; len(g) != len(vs) || strings.Join(g, "\x00") != strings.Join(vs, "\x00") {
				t.Fatalf("query %q: %q = %q, want %q", u.RawQuery, k, g, vs)
			}
		}
		if enc := want.Encode(); u.RawQuery != enc {
			t.Fatalf("query %q, url.Values.Encode gives %q", u.RawQuery, enc)
		}
	})
}
