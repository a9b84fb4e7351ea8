package bench

import (
	"errors"
	"fmt"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	fiberv3 "github.com/gofiber/fiber/v3"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/valyala/fasthttp"
)

// crossApp is the URL every cross-app benchmark builds: the echo app's
// "post", mounted at /blog.
const crossApp = "/blog" + local

// The same route of the echo v5 app (at /blog5) and of the fiber v3 app (at
// /events), and the URLs partyline builds for them.
const (
	echov5Name  = "blog5:post"
	echov5URL   = "/blog5" + local
	fiberv3Name = "events:post"
	fiberv3URL  = "/events" + local
)

// Sinks keep results alive where a benchmark does not use b.Loop's.
var (
	sink    string
	errSink error
)

// BenchmarkURL builds the URL of the same two-parameter route, in a party
// of seven apps of 10 and of 1000 routes each:
//
//   - partyline/Builder: urlfor.New(party).URL("blog:post", ...), from
//     outside every app;
//   - partyline/Builder_echov5 and partyline/Builder_fiberv3: the same, to
//     the echo v5 app's endpoint ("blog5:post") and to the fiber v3 app's
//     ("events:post");
//   - partyline/Handle: a gin handle building the echo app's URL, as a gin
//     handler would (local-first: the gin app is looked at first, then the
//     party's directory);
//   - echo/Reverse: echo v4's e.Reverse on the echo app itself (no mount
//     prefix, no escaping);
//   - mux/URL: gorilla/mux's router.Get(name).URL(...).String() on the mux
//     app (no mount prefix; mux escapes);
//   - fiber/GetRouteURL: fiber v2's c.GetRouteURL on the fiber app, with a
//     fiber.Map made per call as a handler makes it (no mount prefix, no
//     escaping).
//   - echov5/Reverse: echo v5's e.Router().Routes().Reverse on the echo v5
//     app (no mount prefix, values written with %v, unescaped: echo #2165;
//     it scans the route list);
//   - fiberv3/GetRouteURL: fiber v3's c.GetRouteURL on the fiber v3 app,
//     with a fiber.Map made per call (no mount prefix, raw values, a
//     missing one left empty: fiber #4604).
//
// BenchmarkURLFloor is the least any builder can do for the same URL.
func BenchmarkURL(b *testing.B) {
	for _, n := range sizes {
		f := party(b, n)
		b.Run(fmt.Sprintf("routes=%d/partyline/Builder", n), func(b *testing.B) {
			ub := f.builder
			check(b, "Builder.URL")(ub.URL("blog:post", "year", year, "slug", slug))
			b.ReportAllocs()
			cpu := startCPU()
			for b.Loop() {
				ub.URL("blog:post", "year", year, "slug", slug)
			}
			cpu.report(b)
		})
		for _, to := range []struct{ kind, name, want string }{
			{"Builder_echov5", echov5Name, echov5URL},
			{"Builder_fiberv3", fiberv3Name, fiberv3URL},
		} {
			b.Run(fmt.Sprintf("routes=%d/partyline/%s", n, to.kind), func(b *testing.B) {
				ub := f.builder
				if u, err := ub.URL(to.name, "year", year, "slug", slug); err != nil || u != to.want {
					b.Fatalf("Builder.URL(%q) = %q, %v; want %q", to.name, u, err, to.want)
				}
				b.ReportAllocs()
				cpu := startCPU()
				for b.Loop() {
					ub.URL(to.name, "year", year, "slug", slug)
				}
				cpu.report(b)
			})
		}
		b.Run(fmt.Sprintf("routes=%d/partyline/Handle", n), func(b *testing.B) {
			h := f.ginHandle
			c := gin.CreateTestContextOnly(httptest.NewRecorder(), f.gin)
			check(b, "gin Handle.URL")(h.URL(c, "blog:post", "year", year, "slug", slug))
			b.ReportAllocs()
			cpu := startCPU()
			for b.Loop() {
				h.URL(c, "blog:post", "year", year, "slug", slug)
			}
			cpu.report(b)
		})
		b.Run(fmt.Sprintf("routes=%d/echo/Reverse", n), func(b *testing.B) {
			e := f.echo
			if u := e.Reverse("post", year, slug); u != local {
				b.Fatalf("echo Reverse = %q, want %q", u, local)
			}
			b.ReportAllocs()
			cpu := startCPU()
			for b.Loop() {
				e.Reverse("post", year, slug)
			}
			cpu.report(b)
		})
		b.Run(fmt.Sprintf("routes=%d/mux/URL", n), func(b *testing.B) {
			r := f.mux
			u, err := r.Get("post").URL("year", year, "slug", slug)
			if err != nil || u.String() != local {
				b.Fatalf("mux URL = %v, %v; want %q", u, err, local)
			}
			b.ReportAllocs()
			cpu := startCPU()
			for b.Loop() {
				u, _ := r.Get("post").URL("year", year, "slug", slug)
				sink = u.String()
			}
			cpu.report(b)
		})
		b.Run(fmt.Sprintf("routes=%d/fiber/GetRouteURL", n), func(b *testing.B) {
			app := f.fiber
			c := app.AcquireCtx(&fasthttp.RequestCtx{})
			defer app.ReleaseCtx(c)
			u, err := c.GetRouteURL("post", fiber.Map{"year": year, "slug": slug})
			if err != nil || u != local {
				b.Fatalf("fiber GetRouteURL = %q, %v; want %q", u, err, local)
			}
			b.ReportAllocs()
			cpu := startCPU()
			for b.Loop() {
				c.GetRouteURL("post", fiber.Map{"year": year, "slug": slug})
			}
			cpu.report(b)
		})
		b.Run(fmt.Sprintf("routes=%d/echov5/Reverse", n), func(b *testing.B) {
			routes := f.echo5.Router().Routes()
			if u, err := routes.Reverse("post", year, slug); err != nil || u != local {
				b.Fatalf("echo v5 Routes().Reverse = %q, %v; want %q", u, err, local)
			}
			e := f.echo5
			b.ReportAllocs()
			cpu := startCPU()
			for b.Loop() {
				e.Router().Routes().Reverse("post", year, slug)
			}
			cpu.report(b)
		})
		b.Run(fmt.Sprintf("routes=%d/fiberv3/GetRouteURL", n), func(b *testing.B) {
			app := f.fiber3
			c := app.AcquireCtx(&fasthttp.RequestCtx{})
			defer app.ReleaseCtx(c)
			u, err := c.GetRouteURL("post", fiberv3.Map{"year": year, "slug": slug})
			if err != nil || u != local {
				b.Fatalf("fiber v3 GetRouteURL = %q, %v; want %q", u, err, local)
			}
			b.ReportAllocs()
			cpu := startCPU()
			for b.Loop() {
				c.GetRouteURL("post", fiberv3.Map{"year": year, "slug": slug})
			}
			cpu.report(b)
		})
	}
}

// BenchmarkURLFloor builds the same URL as BenchmarkURL by hand: the mount
// prefix and the literal text concatenated with the values, each escaped
// with url.PathEscape. Nothing looked up, nothing checked.
func BenchmarkURLFloor(b *testing.B) {
	// Variables, not constants: the compiler must not fold the URL.
	y, s := year, slug
	if u := floor(y, s); u != crossApp {
		b.Fatalf("floor = %q, want %q", u, crossApp)
	}
	b.ReportAllocs()
	cpu := startCPU()
	for b.Loop() {
		floor(y, s)
	}
	cpu.report(b)
}

//go:noinline
func floor(y, s string) string {
	return "/blog/posts/" + url.PathEscape(y) + "/" + url.PathEscape(s)
}

// BenchmarkURLMiss builds, in the namespace of each app at 10 and 1000
// routes, its "post" (known) and a name it does not have ("pots", unknown):
// a failed build must stay cheap (issue 14: at most 3x a successful one)
// while a route added late is still found. echo, fiber and net/http's
// partyhttp.ServeMux tell urlfor cheaply whether their routes changed
// (urlfor.Versioned: a miss costs a map lookup); gin, gorilla/mux and chi
// have no add-route hook, and a miss re-reads their routes only within a
// budget (at most a tenth of the wall time, see urlfor.Versioned). The
// "did you mean" suggestions are not computed: the message is never read.
func BenchmarkURLMiss(b *testing.B) {
	for _, n := range sizes {
		f := party(b, n)
		for _, m := range mounts {
			ns := m.prefix[1:]
			for _, c := range []struct{ kind, name string }{{"known", ns + ":post"}, {"unknown", ns + ":pots"}} {
				b.Run(fmt.Sprintf("routes=%d/ns=%s/%s", n, ns, c.kind), func(b *testing.B) {
					ub := f.builder
					u, err := ub.URL(c.name, "year", year, "slug", slug)
					switch {
					case c.kind == "known" && (err != nil || u != m.prefix+local):
						b.Fatalf("URL(%q) = %q, %v; want %q", c.name, u, err, m.prefix+local)
					case c.kind == "unknown" && !errors.Is(err, urlfor.ErrUnknownEndpoint):
						b.Fatalf("URL(%q) = %q, %v; want an unknown endpoint error", c.name, u, err)
					}
					b.ReportAllocs()
					cpu := startCPU()
					for b.Loop() {
						sink, errSink = ub.URL(c.name, "year", year, "slug", slug)
					}
					cpu.report(b)
				})
			}
		}
	}
}

// BenchmarkReread times one re-read of each app's routes at 1000 routes
// (urlfor.Participant.Refresh: the adapter's Source read and compared
// whole), what a miss costs when it re-reads. For gin, gorilla/mux and chi
// it sets how soon a route added after the invitation is found under a
// stream of misses: at once for the first three, then one re-read per ten
// times this (urlfor.Versioned); for the others it is paid only when a
// route was added.
func BenchmarkReread(b *testing.B) {
	f := party(b, 1000)
	byNS := map[string]*urlfor.Participant{}
	for _, p := range f.builder.Participants() {
		byNS[p.Namespace()] = p
	}
	for _, m := range mounts {
		p := byNS[m.prefix[1:]]
		if p == nil {
			b.Fatalf("no participant %s", m.prefix[1:])
		}
		b.Run(fmt.Sprintf("routes=1000/ns=%s", m.prefix[1:]), func(b *testing.B) {
			b.ReportAllocs()
			cpu := startCPU()
			for b.Loop() {
				p.Refresh()
			}
			cpu.report(b)
		})
	}
}

// check returns a function that fails b unless a build gave crossApp.
func check(b *testing.B, what string) func(string, error) {
	return func(u string, err error) {
		b.Helper()
		if err != nil || u != crossApp {
			b.Fatalf("%s = %q, %v; want %q", what, u, err, crossApp)
		}
	}
}
