package partyechov5

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/labstack/echo/v5"
)

// BenchmarkURL builds the URL of a two-parameter route from inside the app
// with h.URL and with the package-level URL (which finds the handle
// through c.Echo()), next to echo's own e.Router().Routes().Reverse for the
// same route, in apps of 10 and 1000 routes. Our URL carries the mount
// prefix and escapes the values; echo's Reverse does neither (echo #2165)
// and scans the route list.
func BenchmarkURL(b *testing.B) {
	for _, n := range []int{10, 1000} {
		e := echo.New()
		for i := range n - 1 {
			Named(e, fmt.Sprintf("filler%d", i)).GET(fmt.Sprintf("/filler%d/:id", i), record)
		}
		Named(e, "target").GET("/users/:uid/posts/:pid", record)
		h := mustJoin(b, e)
		party(b, app{"/blog", e})
		c := ctx(e, "/")
		if u, err := h.URL(c, "target", "uid", "42", "pid", "7"); err != nil || u != "/blog/users/42/posts/7" {
			b.Fatalf("URL = %q, %v", u, err)
		}
		routes := e.Router().Routes()
		if u, err := routes.Reverse("target", "42", "7"); err != nil || u != "/users/42/posts/7" {
			b.Fatalf("Reverse = %q, %v", u, err)
		}
		b.Run(fmt.Sprintf("routes=%d/Handle.URL", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := h.URL(c, "target", "uid", "42", "pid", "7"); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("routes=%d/partyechov5.URL", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := URL(c, "target", "uid", "42", "pid", "7"); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("routes=%d/Routes.Reverse", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := e.Router().Routes().Reverse("target", "42", "7"); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("routes=%d/miss", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := h.URL(c, "nope"); err == nil {
					b.Fatal("built")
				}
			}
		})
	}
}

// BenchmarkSiblings builds a route beside static siblings that take values
// from its parameters ("/users/:uid/posts/new" beside
// "/users/:uid/posts/:pid"), next to the same build without them: the
// refusals are exact values, checked in a few comparisons.
func BenchmarkSiblings(b *testing.B) {
	for _, siblings := range []bool{false, true} {
		e := echo.New()
		Named(e, "target").GET("/users/:uid/posts/:pid", record)
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

// BenchmarkReadRoutes reads and translates an app's routes, the router
// asked about every sibling: what the invitation costs, and a miss after
// echo added a route.
func BenchmarkReadRoutes(b *testing.B) {
	for _, n := range []int{10, 1000} {
		e := echo.New()
		for i := range n {
			Named(e, fmt.Sprintf("r%d", i)).GET(fmt.Sprintf("/section%d/:id", i%50), record)
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
