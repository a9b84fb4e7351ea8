package partyhttp_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/partyline-go/partyline/adapters/nethttp"
)

// muxPatterns is a route table that exercises what ServeMux does besides
// matching: methods (405 with Allow, HEAD for GET), hosts, subtrees and
// their redirect, {$}, wildcards, precedence.
var muxPatterns = []string{
	"GET /posts/{id}",
	"POST /posts/{id}",
	"/posts/{id}/comments/{cid}",
	"GET /posts/latest",
	"/files/{path...}",
	"/static/",
	"/exact/{$}",
	"example.com/",
	"example.com/posts/{id}",
	"GET /{$}",
}

var muxRequests = []struct{ method, target, host string }{
	{"GET", "/posts/7", ""},
	{"HEAD", "/posts/7", ""},
	{"POST", "/posts/7", ""},
	{"DELETE", "/posts/7", ""},
	{"GET", "/posts/latest", ""},
	{"GET", "/posts/a%2Fb", ""},
	{"GET", "/posts/7/comments/8", ""},
	{"GET", "/files/", ""},
	{"GET", "/files/a/b%2Fc", ""},
	{"GET", "/files/a//b", ""},
	{"GET", "/files/a/../b?x=1", ""},
	{"GET", "/static", ""},
	{"GET", "/static/css/x.css", ""},
	{"GET", "/exact/", ""},
	{"GET", "/exact/x", ""},
	{"GET", "/", ""},
	{"GET", "/nothing", ""},
	{"GET", "/", "example.com"},
	{"GET", "/posts/7", "example.com"},
	{"GET", "/posts/7", "example.com:8080"},
	{"GET", "/other", "example.com"},
}

// The wrapper answers every request exactly as an http.ServeMux with the
// same patterns: status, Location, Allow, body, r.Pattern and r.PathValue.
func TestServeMuxIsAServeMux(t *testing.T) {
	std := http.NewServeMux()
	ours := partyhttp.NewServeMux()
	for _, p := range muxPatterns {
		h := endpoint(p, "id", "cid", "path")
		std.HandleFunc(p, h)
		ours.HandleFunc(p, h)
	}
	for _, rq := range muxRequests {
		answer := func(h http.Handler) string {
			req := httptest.NewRequest(rq.method, rq.target, nil)
			if rq.host != "" {
				req.Host = rq.host
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			_, pattern := h.(interface {
				Handler(*http.Request) (http.Handler, string)
			}).Handler(req)
			return fmt.Sprintf("%d Location=%q Allow=%q Handler=%q %s", rec.Code, rec.Header().Get("Location"), rec.Header().Get("Allow"), pattern, rec.Body)
		}
		want, got := answer(std), answer(ours)
		if got != want {
			t.Errorf("%s %s (host %q):\n got %s\nwant %s", rq.method, rq.target, rq.host, got, want)
		}
	}
	if n := len(ours.Routes()); n != len(muxPatterns) {
		t.Errorf("%d routes listed, want %d", n, len(muxPatterns))
	}
}

// The wrapper panics where http.ServeMux panics, and then lists nothing new.
func TestServeMuxPanicsLikeServeMux(t *testing.T) {
	cases := []struct {
		name     string
		register func(reg registrar)
	}{
		{"equivalent pattern", func(r registrar) { r.HandleFunc("GET /posts/{name}", nop) }},
		{"same pattern", func(r registrar) { r.HandleFunc("GET /posts/{id}", nop) }},
		{"method and path conflict", func(r registrar) { r.Handle("/posts/latest", http.HandlerFunc(nop)) }},
		{"invalid pattern", func(r registrar) { r.HandleFunc("/a/{x", nop) }},
		{"empty pattern", func(r registrar) { r.HandleFunc("", nop) }},
		{"nil handler", func(r registrar) { r.Handle("/nil", nil) }},
		{"nil func", func(r registrar) { r.HandleFunc("/nilfunc", nil) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			std := http.NewServeMux()
			std.HandleFunc("GET /posts/{id}", nop)
			std.HandleFunc("GET /posts/{id}/comments/{cid}", nop)
			ours := partyhttp.NewServeMux()
			ours.Named("post").HandleFunc("GET /posts/{id}", nop)
			ours.HandleFunc("GET /posts/{id}/comments/{cid}", nop)
			stdPanic, ourPanic := panicOf(func() { tc.register(std) }), panicOf(func() { tc.register(ours) })
			if stdPanic == "" || ourPanic == "" {
				t.Fatalf("http.ServeMux panicked with %q, the wrapper with %q; want both", stdPanic, ourPanic)
			}
			if n, v := len(ours.Routes()), ours.RoutesVersion(); n != 2 || v != 2 {
				t.Errorf("after the panic: %d routes, version %d; want 2 and 2", n, v)
			}
		})
	}
}

// Names are checked when the route is registered; a bad name panics and
// registers nothing.
func TestNamedPanics(t *testing.T) {
	cases := []struct{ name, pattern, want string }{
		{"", "/a", "empty route name"},
		{"blog:post", "/b", `contains ":"`},
		{"post", "/c", `is already the name of "GET /posts/{id}" (at `},
	}
	for _, tc := range cases {
		m := partyhttp.NewServeMux()
		m.Named("post").HandleFunc("GET /posts/{id}", nop)
		for _, how := range []string{"Handle", "HandleFunc"} {
			got := panicOf(func() {
				if how == "Handle" {
					m.Named(tc.name).Handle(tc.pattern, http.HandlerFunc(nop))
				} else {
					m.Named(tc.name).HandleFunc(tc.pattern, nop)
				}
			})
			if !strings.Contains(got, tc.want) || !strings.HasPrefix(got, "partyhttp: ") {
				t.Errorf("Named(%q).%s(%q) panicked with %q, want %q", tc.name, how, tc.pattern, got, tc.want)
			}
			if _, p := m.Handler(httptest.NewRequest("GET", tc.pattern, nil)); p != "" {
				t.Errorf("Named(%q).%s(%q) registered the pattern", tc.name, how, tc.pattern)
			}
		}
		if n := len(m.Routes()); n != 1 {
			t.Errorf("%d routes after the panics, want 1", n)
		}
	}
	var zero partyhttp.Named
	if got := panicOf(func() { zero.HandleFunc("/z", nop) }); !strings.Contains(got, "without a ServeMux") {
		t.Errorf("the zero Named panicked with %q", got)
	}
}

// Routes lists named and unnamed routes in order, with methods and
// patterns; the version counts registrations.
func TestRoutesListing(t *testing.T) {
	var m partyhttp.ServeMux // the zero value works, as http.ServeMux's does
	if len(m.Routes()) != 0 || m.RoutesVersion() != 0 {
		t.Fatal("a new ServeMux lists routes")
	}
	m.Named("post").HandleFunc("GET /posts/{id}", nop)
	m.Handle("POST /posts/{id}", http.HandlerFunc(nop))
	m.Named("files").Handle("/files/{path...}", http.HandlerFunc(nop))
	var got []string
	for _, r := range m.Routes() {
		got = append(got, fmt.Sprintf("%s|%s|%s|%v", r.Name, r.Method, r.Pattern, r.Path.Params()))
	}
	want := []string{"post|GET|GET /posts/{id}|[id]", "|POST|POST /posts/{id}|[id]", "files||/files/{path...}|[path]"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Routes:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if v := m.RoutesVersion(); v != 3 {
		t.Errorf("RoutesVersion = %d, want 3", v)
	}
	rec := httptest.NewRecorder()
	m.ServeHTTP(rec, httptest.NewRequest("GET", "/posts/1", nil))
	if rec.Code != http.StatusOK {
		t.Errorf("the zero ServeMux served %d", rec.Code)
	}
}

// Registering while serving and listing is safe (run with -race), and a
// listing taken earlier never changes.
func TestConcurrentRegistration(t *testing.T) {
	m := partyhttp.NewServeMux()
	m.Named("r0").HandleFunc("GET /r/0", nop)
	early := m.Routes()
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := range 50 {
				m.Named(fmt.Sprintf("r%d-%d", w, i)).HandleFunc(fmt.Sprintf("GET /r/%d/%d", w, i), nop)
			}
		})
	}
	for range 4 {
		wg.Go(func() {
			for range 100 {
				rec := httptest.NewRecorder()
				m.ServeHTTP(rec, httptest.NewRequest("GET", "/r/0", nil))
				for _, r := range m.Routes() {
					_ = r.Name
				}
			}
		})
	}
	wg.Wait()
	if len(early) != 1 || early[0].Name != "r0" {
		t.Errorf("an early listing changed: %v", early)
	}
	if n := len(m.Routes()); n != 201 || m.RoutesVersion() != 201 {
		t.Errorf("%d routes, version %d; want 201", n, m.RoutesVersion())
	}
}

type registrar interface {
	Handle(string, http.Handler)
	HandleFunc(string, func(http.ResponseWriter, *http.Request))
}

// Both are registrars: the wrapper keeps ServeMux's method signatures.
var (
	_ registrar = http.NewServeMux()
	_ registrar = partyhttp.NewServeMux()
	_ registrar = partyhttp.NewServeMux().Named("x")
)

func nop(http.ResponseWriter, *http.Request) {}

func panicOf(f func()) (msg string) {
	defer func() {
		if v := recover(); v != nil {
			msg = fmt.Sprint(v)
		}
	}()
	f()
	return ""
}

// A conflict panic names the user's lines, as http.ServeMux's does, not the
// wrapper's.
func TestConflictPanicNamesTheUsersCode(t *testing.T) {
	m := partyhttp.NewServeMux()
	m.Named("post").HandleFunc("GET /posts/{id}", nop) // the line below + 1
	_, file, line, _ := runtime.Caller(0)
	got := panicOf(func() { m.Handle("GET /posts/{slug}", http.HandlerFunc(nop)) })
	first := fmt.Sprintf("(registered at %s:%d)", file, line+1)
	second := fmt.Sprintf("(registered at %s:%d)", file, line-1)
	if !strings.Contains(got, `pattern "GET /posts/{slug}" `+first) || !strings.Contains(got, `pattern "GET /posts/{id}" `+second) {
		t.Errorf("panic %q\ndoes not name %s and %s", got, first, second)
	}
}
