package partyfiberv3_test

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/middleware/adaptor"
	partyfiberv3 "github.com/partyline-go/partyline/adapters/fiberv3"
	"github.com/partyline-go/partyline/core"
	"github.com/valyala/fasthttp"
)

// BenchmarkURL compares our URL with fiber v3's c.GetRouteURL for the same
// route (the last one added, "/r<n-1>/:id"), in apps of 10 and 1000 named
// routes, and an unknown name. GetRouteURL scans the route stack
// (app.GetRoute) and takes a fiber.Map; ours is a map lookup in the
// party's directory and one allocation; a miss re-reads nothing
// (OnRoute/OnName say nothing changed).
func BenchmarkURL(b *testing.B) {
	for _, n := range []int{10, 1000} {
		app := fiber.New()
		h, err := partyfiberv3.Join(app)
		if err != nil {
			b.Fatal(err)
		}
		for i := range n {
			app.Get("/r"+strconv.Itoa(i)+"/:id", func(c fiber.Ctx) error { return nil }).Name("r" + strconv.Itoa(i))
		}
		if _, err := core.New(partyfiberv3.Handler(app), []string{core.DefaultInvitePath}); err != nil {
			b.Fatal(err)
		}
		c := app.AcquireCtx(&fasthttp.RequestCtx{})
		name := "r" + strconv.Itoa(n-1)
		want := "/r" + strconv.Itoa(n-1) + "/42"
		b.Run("ours/routes="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if u, err := h.URL(c, name, "id", "42"); err != nil || u != want {
					b.Fatal(u, err)
				}
			}
		})
		b.Run("GetRouteURL/routes="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if u, err := c.GetRouteURL(name, fiber.Map{"id": "42"}); err != nil || u != want {
					b.Fatal(u, err)
				}
			}
		})
		b.Run("miss/routes="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := h.URL(c, "nope", "id", "42"); err == nil {
					b.Fatal("built an unknown name")
				}
			}
		})
		app.ReleaseCtx(c)
	}
}

// discard is a ResponseWriter that keeps nothing.
type discard struct{ h http.Header }

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) Write(p []byte) (int, error) { return len(p), nil }
func (d *discard) WriteHeader(int)             {}

// BenchmarkBridge is the bridge's per-request cost next to the bare
// adaptor, on the same app and request (GET /pages/7?x=1): one the bridge
// passes as it is, one as http.StripPrefix hands it on (RequestURI still
// "/events/..."; the bare adaptor would 404 it), and one over TLS (headers
// copied). "adaptor/routes=1000" is the same request to an app of 1000
// more routes: fiber v3's adaptor calls app.Handler() on every request,
// whose startupProcess takes the app's mutex and re-checks every GET route
// for its automatic HEAD route (router.go ensureAutoHeadRoutesLocked), so
// a request costs O(routes) before it is routed.
func BenchmarkBridge(b *testing.B) {
	app, big := fiber.New(), fiber.New()
	app.Get("/pages/:id", func(c fiber.Ctx) error { return c.SendString(c.Params("id")) })
	for i := range 1000 {
		big.Get("/r"+strconv.Itoa(i)+"/:id", func(c fiber.Ctx) error { return nil })
	}
	big.Get("/pages/:id", func(c fiber.Ctx) error { return c.SendString(c.Params("id")) })
	newReq := func() *http.Request {
		r := httptest.NewRequest("GET", "/pages/7?x=1", nil)
		r.Header.Set("Accept", "text/html")
		r.Header.Set("User-Agent", "bench")
		return r
	}
	root, stripped, overTLS := newReq(), newReq(), newReq()
	stripped.RequestURI = "/events/pages/7?x=1"
	overTLS.TLS = &tls.ConnectionState{}
	for _, c := range []struct {
		name string
		h    http.Handler
		r    *http.Request
	}{
		{"adaptor", adaptor.FiberApp(app), root},
		{"adaptor/routes=1000", adaptor.FiberApp(big), root},
		{"bridge", partyfiberv3.Handler(app), root},
		{"bridge/stripped", partyfiberv3.Handler(app), stripped},
		{"bridge/tls", partyfiberv3.Handler(app), overTLS},
	} {
		b.Run(c.name, func(b *testing.B) {
			w := &discard{h: http.Header{}}
			b.ReportAllocs()
			for b.Loop() {
				clear(w.h)
				c.h.ServeHTTP(w, c.r)
			}
		})
	}
}
