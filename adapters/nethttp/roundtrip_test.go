package partyhttp_test

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/partyline-go/partyline/adapters/nethttp"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// roundTripServer is one app at /pages behind an http.ServeMux with
// http.StripPrefix, wrapped by core.New, on a real server.
func roundTripServer(t testing.TB) (*partyhttp.Handle, *httptest.Server) {
	m := partyhttp.NewServeMux()
	h, err := partyhttp.Join(m)
	if err != nil {
		t.Fatal(err)
	}
	m.Named("post").HandleFunc("GET /p/{id}", endpoint("post", "id"))
	m.Named("comment").HandleFunc("GET /posts/{id}/comments/{cid}", endpoint("comment", "id", "cid"))
	m.Named("file").HandleFunc("/files/{path...}", endpoint("file", "path"))
	m.Named("static").HandleFunc("/static/", endpoint("static"))
	// Static siblings, registered after the routes they take values from:
	// ServeMux prefers them whatever the order (shadow.go).
	m.Named("new").HandleFunc("GET /p/new", endpoint("new"))
	m.Named("latest").HandleFunc("GET /p/latest", endpoint("latest"))
	m.Named("newcomments").HandleFunc("GET /posts/new/comments/{cid}", endpoint("newcomments", "cid"))
	m.Named("readme").HandleFunc("/files/readme", endpoint("readme"))
	m.Named("logo").HandleFunc("/static/logo.png", endpoint("logo"))
	root := http.NewServeMux()
	root.Handle("/pages/", http.StripPrefix("/pages", m))
	p, err := core.New(root, []string{"/pages/__invite__/"})
	if err != nil {
		t.Fatal(err)
	}
	return h, httptest.NewServer(p)
}

// refusable says whether the adapter may refuse v (a segment value, or a
// multi-segment one): what urlfor refuses for every router, and "/" alone
// in a segment. ServeMux routes every other value back, so any other
// refusal fails the test.
func refusable(v string, multi bool) bool {
	if !utf8.ValidString(v) || strings.IndexByte(v, 0) >= 0 {
		return true
	}
	if !multi {
		// "/" alone: its segment, "%2F", decodes to what ServeMux's tree
		// reads as a trailing slash.
		return v == "" || v == "." || v == ".." || v == "/"
	}
	if v == "" {
		return false
	}
	for seg := range strings.SplitSeq(v, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return true
		}
	}
	return false
}

// shadowed is what the static siblings of roundTripServer take, by
// endpoint and parameter: refusing exactly those is the adapter's job.
func shadowed(route, v string) bool {
	switch route {
	case "post":
		return v == "new" || v == "latest"
	case "comment":
		return v == "new"
	case "file":
		return v == "readme"
	case "static":
		return v == "logo.png"
	}
	return false
}

// FuzzRoundTrip is the round-trip law: for any values, URL either fails
// (and only for a value urlfor refuses for every router) or builds a URL
// that, requested from a real server through core.New, http.ServeMux and
// http.StripPrefix, reaches the same endpoint, where r.PathValue gives the
// same values back (ServeMux's documented decoding: a segment, or the
// remainder, percent-decoded), and the query the same extra pairs.
func FuzzRoundTrip(f *testing.F) {
	seeds := []string{
		" ", "/", "%2F", "%", "?", "#", "..", ".", "é", "日本", "{id}", ":id", "a/b", "+", ";", "",
		"a//b", "a/./b", "a/../b", "/a", "a/", "%zz", "%25", "a b/c d", "\x00", "\xff", "__invite__",
		"~!$&'()*,=@", "[::1]", "\\", "a\tb\r\n", "%2E%2E", "\u202e", "x?y#z",
		"new", "latest", "NEW", "newer", "readme", "readme/x", "logo.png", "logo.png/x",
	}
	for _, s := range seeds {
		f.Add(s, "7")
		f.Add("7", s)
		f.Add(s, s)
	}
	h, srv := roundTripServer(f)
	f.Cleanup(srv.Close)
	client := *srv.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	client.Timeout = 10 * time.Second // a hang fails the input instead of stalling the fuzzer

	f.Fuzz(func(t *testing.T, a, b string) {
		get := func(u string) hit {
			t.Helper()
			req, err := http.NewRequest(http.MethodGet, srv.URL+u, nil)
			if err != nil {
				t.Fatalf("the client cannot parse %q: %v", u, err)
			}
			if got := req.URL.RequestURI(); got != u {
				t.Fatalf("the client would send %q for %q", got, u)
			}
			resp, err := client.Do(req)
			if err != nil {
				t.Fatalf("GET %s: %v", u, err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			var got hit
			if resp.StatusCode != http.StatusOK || json.Unmarshal(body, &got) != nil {
				t.Fatalf("GET %s = %d %q", u, resp.StatusCode, body)
			}
			return got
		}
		build := func(refuse bool, name string, pairs ...string) (string, bool) {
			t.Helper()
			u, err := h.URL(nil, name, pairs...)
			switch {
			case err == nil && !strings.HasPrefix(u, "/pages/"):
				t.Fatalf("URL(%s, %q) = %q, outside the app", name, pairs, u)
			case err != nil && !refuse:
				t.Fatalf("URL(%s, %q) refused a value ServeMux routes back: %v", name, pairs, err)
			case err != nil && !errors.Is(err, urlfor.ErrInvalidParam):
				t.Fatalf("URL(%s, %q): %v, want ErrInvalidParam", name, pairs, err)
			}
			return u, err == nil
		}

		if u, ok := build(refusable(a, false) || refusable(b, false) || shadowed("comment", a), "comment", "id", a, "cid", b); ok {
			if got := get(u); got.Route != "comment" || got.Values["id"] != a || got.Values["cid"] != b {
				t.Errorf("GET %s = %s %q %q; want comment %q %q", u, got.Route, got.Values["id"], got.Values["cid"], a, b)
			}
		}
		if u, ok := build(refusable(a, true) || shadowed("file", a), "file", "path", a); ok {
			if got := get(u); got.Route != "file" || got.Values["path"] != a {
				t.Errorf("GET %s = %s %q; want file %q", u, got.Route, got.Values["path"], a)
			}
		}
		if u, ok := build(refusable(b, true) || shadowed("static", b), "static", partyhttp.SubtreeParam, b); ok {
			if got := get(u); got.Route != "static" || got.Path != "/static/"+b {
				t.Errorf("GET %s = %s %q; want static at /static/%s", u, got.Route, got.Path, b)
			}
		}
		// Extra pairs become the query, and come back as given.
		if u, ok := build(refusable(a, false) || shadowed("post", a) || refusable(b, true) && b != "", "post", "id", a, "q", b); ok {
			got := get(u)
			q, err := url.ParseQuery(got.Query)
			if got.Route != "post" || got.Values["id"] != a || err != nil || len(q["q"]) != 1 || q["q"][0] != b {
				t.Errorf("GET %s = %s %q ?%s; want post %q ?q=%q", u, got.Route, got.Values["id"], got.Query, a, b)
			}
		}
	})
}
