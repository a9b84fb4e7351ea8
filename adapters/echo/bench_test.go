package partyecho

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/labstack/echo/v4"
)

// BenchmarkURL builds the URL of a two-parameter route from inside the app
// with h.URL and with the package-level URL (which finds the handle through
// c.Echo()), next to echo's own e.Reverse for the same route, in apps of
// 10 and 1000 routes. Our URL carries the mount prefix and escapes the
// values; echo's Reverse does neither and scans its route map.
func BenchmarkURL(b *testing.B) {
	for _, n := range []int{10, 1000} {
		e := echo.New()
		for i := range n - 1 {
			e.GET(fmt.Sprintf("/filler%d/:id", i), record).Name = fmt.Sprintf("filler%d", i)
		}
		e.GET("/users/:uid/posts/:pid", record).Name = "target"
		h := mustJoin(b, e)
		party(b, app{"/blog", e})
		c := ctx(e, "/")
		if u, err := h.URL(c, "target", "uid", "42", "pid", "7"); err != nil || u != "/blog/users/42/posts/7" {
			b.Fatalf("URL = %q, %v", u, err)
		}
		if u := e.Reverse("target", "42", "7"); u != "/users/42/posts/7" {
			b.Fatalf("Reverse = %q", u)
		}
		b.Run(fmt.Sprintf("routes=%d/Handle.URL", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := h.URL(c, "target", "uid", "42", "pid", "7"); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("routes=%d/partyecho.URL", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := URL(c, "target", "uid", "42", "pid", "7"); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("routes=%d/echo.Reverse", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if e.Reverse("target", "42", "7") == "" {
					b.Fatal("empty")
				}
			}
		})
	}
}

// BenchmarkReadRoutes reads and translates an app's routes, shadow
// analysis included: what the invitation costs, and a miss after echo
// registered a route.
func BenchmarkReadRoutes(b *testing.B) {
	for _, n := range []int{10, 1000} {
		e := echo.New()
		for i := range n {
			e.GET(fmt.Sprintf("/section%d/:id", i%50), record).Name = fmt.Sprintf("r%d", i)
			e.GET(fmt.Sprintf("/section%d/static%d", i%50, i), record)
		}
		h := mustJoin(b, e)
		want := len(h.src.Routes())
		b.Run(fmt.Sprintf("routes=%d", want), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if len(h.src.Routes()) != want {
					b.Fatal("routes lost")
				}
			}
		})
		runtime.KeepAlive(e) // the handle holds its app weakly
	}
}

// BenchmarkSiblings builds a route beside static siblings that take values
// from its parameters ("/users/:uid/posts/new" beside
// "/users/:uid/posts/:pid"), next to the same build without them: the
// refusals are exact values, checked in a few comparisons, not a regexp
// (issue 11: within 1.2x).
func BenchmarkSiblings(b *testing.B) {
	for _, siblings := range []bool{false, true} {
		e := echo.New()
		e.GET("/users/:uid/posts/:pid", record).Name = "target"
		if siblings {
			for _, s := range []string{"new", "latest", "drafts", "popular"} {
				e.GET("/users/:uid/posts/"+s, record)
				e.GET("/users/"+s, record)
			}
		}
		h := mustJoin(b, e)
		party(b, app{"/blog", e})
		if _, err := h.URL(nil, "target", "uid", "new", "pid", "new"); err == nil && siblings {
			b.Fatal("a taken value built")
		}
		b.Run(fmt.Sprintf("siblings=%v", siblings), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := h.URL(nil, "target", "uid", "42", "pid", "7"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
