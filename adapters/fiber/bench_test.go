package partyfiber_test

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/adaptor"
	partyfiber "github.com/partyline-go/partyline/adapters/fiber"
	"github.com/partyline-go/partyline/core"
	"github.com/valyala/fasthttp"
)

// BenchmarkURL compares our URL with fiber's c.GetRouteURL for the same
// route (the last one added, "/r<n-1>/:id"), in apps of 10 and 1000 named
// routes. GetRouteURL scans the route table (app.GetRoute) and takes a
// fiber.Map; ours is a map lookup in the party's directory and one
// allocation.
func BenchmarkURL(b *testing.B) {
	for _, n := range []int{10, 1000} {
		app := fiber.New()
		h, err := partyfiber.Join(app)
		if err != nil {
			b.Fatal(err)
		}
		for i := range n {
			app.Get("/r"+strconv.Itoa(i)+"/:id", func(c *fiber.Ctx) error { return nil }).Name("r" + strconv.Itoa(i))
		}
		if _, err := core.New(partyfiber.Handler(app), []string{core.DefaultInvitePath}); err != nil {
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
		app.ReleaseCtx(c)
	}
}

// discard is a ResponseWriter that keeps nothing, so that the benchmark
// measures the handlers.
type discard struct{ h http.Header }

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) Write(p []byte) (int, error) { return len(p), nil }
func (d *discard) WriteHeader(int)             {}

// BenchmarkBridge is the bridge's per-request overhead next to the bare
// adaptor, on the same app and request (GET /pages/7?x=1, a few headers):
// a request the bridge can pass as it is (an app at the root), one as
// http.StripPrefix hands it on (RequestURI still "/legacy/..."; the bare
// adaptor would 404 it), and one over TLS (headers copied).
func BenchmarkBridge(b *testing.B) {
	app := fiber.New()
	app.Get("/pages/:id", func(c *fiber.Ctx) error { return c.SendString(c.Params("id")) })
	newReq := func() *http.Request {
		r := httptest.NewRequest("GET", "/pages/7?x=1", nil)
		r.Header.Set("Accept", "text/html")
		r.Header.Set("User-Agent", "bench")
		r.Header.Set("Cookie", "a=1")
		return r
	}
	root := newReq()
	stripped := newReq()
	stripped.RequestURI = "/legacy/pages/7?x=1"
	overTLS := newReq()
	overTLS.TLS = &tls.ConnectionState{}
	for _, c := range []struct {
		name string
		h    http.Handler
		r    *http.Request
	}{
		{"adaptor", adaptor.FiberApp(app), root},
		{"bridge", partyfiber.Handler(app), root},
		{"bridge/stripped", partyfiber.Handler(app), stripped},
		{"bridge/tls", partyfiber.Handler(app), overTLS},
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
