package partyfiberv3_test

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/middleware/adaptor"
	partyfiberv3 "github.com/partyline-go/partyline/adapters/fiberv3"
	"github.com/partyline-go/partyline/core"
)

// Each test here measures one thing fiber v3's adaptor.FiberApp gets wrong
// when mounted in net/http, on the bare adaptor (the failure, recorded: if
// fiber fixes it, the test says so and the fix goes) and through
// partyfiberv3.Handler (fixed).

// pathApp answers GET /pages/:id with "path=<c.Path()> id=<id> host=<c.Host()>".
func pathApp() *fiber.App {
	app := fiber.New()
	app.Get("/pages/:id", func(c fiber.Ctx) error {
		return c.SendString("path=" + c.Path() + " id=" + c.Params("id") + " host=" + c.Host())
	})
	app.Get("/*", func(c fiber.Ctx) error { return c.SendString("path=" + c.Path() + " host=" + c.Host()) })
	return app
}

// TestBridgeStripPrefix: the adaptor routes r.RequestURI, which
// http.StripPrefix leaves alone; the bridge routes the stripped path.
func TestBridgeStripPrefix(t *testing.T) {
	app := pathApp()
	for _, c := range []struct {
		name string
		h    http.Handler
		want string
	}{
		{"bare adaptor", adaptor.FiberApp(app), "path=/legacy/pages/1%2F2 "},
		{"bridge", partyfiberv3.Handler(app), "path=/pages/1%2F2 id=1%2F2 "},
	} {
		mux, _ := newDispatcher(mount{"/legacy", c.h})
		code, body, _ := get(t, nil, serve(t, mux).URL+"/legacy/pages/1%2F2?x=1")
		if code != 200 || !strings.HasPrefix(body, c.want) {
			t.Errorf("%s: %d %q, want %q", c.name, code, body, c.want)
		}
	}
}

// TestBridgeRequestURI: a request made by hand has no RequestURI (the
// adaptor routes "/"), a path starting with "//" is read by fasthttp as a
// host, and an empty Host stays empty: the bridge routes r.URL and takes
// its host. The caller's request is not modified.
func TestBridgeRequestURI(t *testing.T) {
	app := pathApp()
	bare, bridge := adaptor.FiberApp(app), partyfiberv3.Handler(app)
	for _, c := range []struct {
		name       string
		r          func() *http.Request
		bare, want string
	}{
		{"empty RequestURI", func() *http.Request {
			r := httptest.NewRequest("GET", "/pages/1", nil)
			r.RequestURI = ""
			return r
		}, "path=/ host=example.com", "path=/pages/1 id=1 host=example.com"},
		{"path //", func() *http.Request {
			r := httptest.NewRequest("GET", "/", nil)
			r.URL.Path, r.RequestURI = "//evil.example/x", "//evil.example/x"
			return r
		}, "path=/x host=example.com", "path=//evil.example/x host=example.com"},
		{"empty Host", func() *http.Request {
			r := httptest.NewRequest("GET", "http://example.org/a", nil)
			r.Host = ""
			return r
		}, "path=/a host=", "path=/a host=example.org"},
	} {
		if got := record(bare, c.r()).Body.String(); got != c.bare {
			t.Errorf("bare adaptor, %s: %q, want %q (if fiber fixed it, drop the fix)", c.name, got, c.bare)
		}
		r := c.r()
		uri, host := r.RequestURI, r.Host
		if got := record(bridge, r).Body.String(); got != c.want {
			t.Errorf("bridge, %s: %q, want %q", c.name, got, c.want)
		}
		if r.RequestURI != uri || r.Host != host {
			t.Errorf("bridge, %s: the caller's request changed", c.name)
		}
	}
	if w := record(partyfiberv3.Handler(nil), httptest.NewRequest("GET", "/", nil)); w.Code != 500 {
		t.Errorf("nil app: %d", w.Code)
	}
	r := httptest.NewRequest("GET", "/", nil)
	r.URL = nil
	if w := record(bridge, r); w.Code != 500 {
		t.Errorf("nil URL: %d", w.Code)
	}
}

// schemeApp joins and answers with AbsoluteURL and fiber's own c.Scheme().
func schemeApp(t *testing.T, opts ...partyfiberv3.Option) *fiber.App {
	app := fiber.New()
	h, err := partyfiberv3.Join(app, opts...)
	if err != nil {
		t.Fatal(err)
	}
	app.Get("/pages/:id", func(c fiber.Ctx) error {
		u, err := h.AbsoluteURL(c, "page", "id", c.Params("id"))
		if err != nil {
			return c.SendString("error: " + err.Error())
		}
		return c.SendString(u + " " + c.Scheme())
	}).Name("page")
	return app
}

// TestBridgeScheme: the adaptor drops the TLS state, so AbsoluteURL says
// https only through the bridge's header, which a client cannot forge;
// X-Forwarded-* count only with TrustProxy. fiber's own c.Scheme() says
// http behind any adaptor.
func TestBridgeScheme(t *testing.T) {
	plain, trusting, bare := schemeApp(t), schemeApp(t, partyfiberv3.TrustProxy()), schemeApp(t)
	mux, invites := newDispatcher(mount{"/legacy", partyfiberv3.Handler(plain)}, mount{"/trust", partyfiberv3.Handler(trusting)})
	mux.Handle("/", adaptor.FiberApp(bare)) // at the root: the bare adaptor routes it
	p, err := core.New(mux, append(invites, "/__invite__/"))
	if err != nil {
		t.Fatal(err)
	}
	tlsSrv := httptest.NewTLSServer(p)
	t.Cleanup(tlsSrv.Close)
	srv := serve(t, p)
	host := func(s *httptest.Server) string { return s.Listener.Addr().String() }
	for _, c := range []struct {
		name   string
		srv    *httptest.Server
		path   string
		header []string
		want   string
	}{
		{"tls, bare adaptor", tlsSrv, "/pages/7", nil, "http://" + host(tlsSrv) + "/pages/7 http"},
		{"tls", tlsSrv, "/legacy/pages/7", nil, "https://" + host(tlsSrv) + "/legacy/pages/7 http"},
		{"plain", srv, "/legacy/pages/7", nil, "http://" + host(srv) + "/legacy/pages/7 http"},
		{"forged bridge header", srv, "/legacy/pages/7", []string{partyfiberv3.BridgeHeader, "https 0123"}, "http://" + host(srv) + "/legacy/pages/7 http"},
		{"forwarded, untrusted", srv, "/legacy/pages/7", []string{"X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example"}, "http://" + host(srv) + "/legacy/pages/7 http"},
		{"forwarded, trusted", srv, "/trust/pages/7", []string{"X-Forwarded-Proto", "https", "X-Forwarded-Host", "shop.example"}, "https://shop.example/trust/pages/7 http"},
		{"tls, client sends the header", tlsSrv, "/legacy/pages/7", []string{partyfiberv3.BridgeHeader, "http x"}, "https://" + host(tlsSrv) + "/legacy/pages/7 http"},
		{"bad forwarded host", srv, "/trust/pages/7", []string{"X-Forwarded-Host", "a/b"}, "error: urlfor: bad call: origin host"},
	} {
		code, body, _ := get(t, c.srv.Client(), c.srv.URL+c.path, c.header...)
		if code != 200 || !strings.HasPrefix(body, c.want) {
			t.Errorf("%s: %d %q, want %q", c.name, code, body, c.want)
		}
	}
}

// TestBridgeHeaderNotForgeableOnFiberServer: the same invited app served by
// fiber's own server: a client cannot make AbsoluteURL say https with the
// bridge's header (its key is the process's).
func TestBridgeHeaderNotForgeableOnFiberServer(t *testing.T) {
	app := schemeApp(t)
	newParty(t, mount{"/legacy", partyfiberv3.Handler(app)})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go app.Listener(ln, fiber.ListenConfig{DisableStartupMessage: true})
	t.Cleanup(func() { _ = app.Shutdown() })
	base := "http://" + ln.Addr().String()
	for _, forged := range []string{"https not-the-key", "https", "https " + strings.Repeat("0", 26)} {
		code, body, _ := get(t, nil, base+"/pages/7", partyfiberv3.BridgeHeader, forged)
		if want := base + "/legacy/pages/7 http"; code != 200 || body != want {
			t.Errorf("direct fiber, %q: %d %q, want %q", forged, code, body, want)
		}
	}
}

// TestBridgeHeaders: the adaptor keeps the last of repeated values (but
// cookies); the bridge joins them. The caller's header map is not modified.
func TestBridgeHeaders(t *testing.T) {
	app := fiber.New()
	app.Get("/h", func(c fiber.Ctx) error {
		return c.SendString(c.Get("Accept") + "|" + c.Cookies("a") + c.Cookies("b"))
	})
	r := httptest.NewRequest("GET", "/h", nil)
	r.Header.Add("Accept", "text/html")
	r.Header.Add("Accept", "application/json")
	r.Header.Add("Cookie", "a=1")
	r.Header.Add("Cookie", "b=2")
	if got := record(adaptor.FiberApp(app), r.Clone(r.Context())).Body.String(); got != "application/json|12" {
		t.Errorf("bare adaptor: %q (if fiber keeps both now, drop the fix)", got)
	}
	if got := record(partyfiberv3.Handler(app), r).Body.String(); got != "text/html, application/json|12" {
		t.Errorf("bridge: %q", got)
	}
	if len(r.Header["Accept"]) != 2 {
		t.Errorf("bridge modified the caller's headers: %v", r.Header)
	}
}

// TestBridgeBodies: the adaptor answers 413 to a sized body beyond
// Config.BodyLimit but cuts a chunked one silently; the bridge answers 413
// to both.
func TestBridgeBodies(t *testing.T) {
	app := fiber.New(fiber.Config{BodyLimit: 16})
	app.Post("/echo", func(c fiber.Ctx) error { return c.Send(c.Body()) })
	onlyReader := func(s string) io.Reader { return struct{ io.Reader }{strings.NewReader(s)} }
	for _, c := range []struct {
		name string
		h    http.Handler
		body io.Reader
		size int64
		code int
		want string
	}{
		{"bare, chunked, too large", adaptor.FiberApp(app), onlyReader(strings.Repeat("x", 100)), -1, 200, strings.Repeat("x", 16)},
		{"bare, sized, too large", adaptor.FiberApp(app), strings.NewReader(strings.Repeat("x", 17)), 17, 413, "Request Entity Too Large"},
		{"sized", partyfiberv3.Handler(app), strings.NewReader("hello"), 5, 200, "hello"},
		{"chunked", partyfiberv3.Handler(app), onlyReader("hello chunks"), -1, 200, "hello chunks"},
		{"sized, too large", partyfiberv3.Handler(app), strings.NewReader(strings.Repeat("x", 17)), 17, 413, "Request Entity Too Large"},
		{"chunked, too large", partyfiberv3.Handler(app), onlyReader(strings.Repeat("x", 100)), -1, 413, "Request Entity Too Large"},
		{"chunked, at the limit", partyfiberv3.Handler(app), onlyReader(strings.Repeat("x", 16)), -1, 200, strings.Repeat("x", 16)},
	} {
		srv := serve(t, c.h)
		req, err := http.NewRequest("POST", srv.URL+"/echo", c.body)
		if err != nil {
			t.Fatal(err)
		}
		req.ContentLength = c.size
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.code || strings.TrimSpace(string(b)) != c.want {
			t.Errorf("%s: %d %q, want %d %q", c.name, resp.StatusCode, b, c.code, c.want)
		}
	}
}

type ctxKey struct{}

// TestInvitationCrossesAsHeader: the adaptor gives fiber a fresh request,
// so the party's request context never reaches the invite route, its
// headers do: the invite handler rebuilds the request with core's token
// header (core.AcceptInvitation), and an app joins through the bare
// adaptor as through the bridge.
func TestInvitationCrossesAsHeader(t *testing.T) {
	app := fiber.New()
	app.Get("/ctx", func(c fiber.Ctx) error {
		v, _ := c.Context().Value(ctxKey{}).(string)
		return c.SendString("ctx=" + v + " token=" + c.Get(core.TokenHeader))
	})
	r := httptest.NewRequest("GET", "/ctx", nil)
	r.Header.Set(core.TokenHeader, "tok")
	r = r.WithContext(context.WithValue(r.Context(), ctxKey{}, "party"))
	if got := record(adaptor.FiberApp(app), r).Body.String(); got != "ctx= token=tok" {
		t.Errorf("bare adaptor: %q (if the context crosses now, update Join's doc)", got)
	}
	h, err := partyfiberv3.Join(app)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := core.New(adaptor.FiberApp(app), []string{"/__invite__/"}); err != nil {
		t.Fatalf("joining through the bare adaptor: %v", err)
	}
	if _, err := h.Participant(); err != nil {
		t.Fatal(err)
	}
}

// TestAdaptorFixedInV3 records what partyfiber's bridge fixes for fiber
// v2's adaptor and v3's no longer needs, so the bridge leaves it alone: a
// remote address that is not ip:port is no longer a 500, and a streamed
// response reaches the client as it is written.
func TestAdaptorFixedInV3(t *testing.T) {
	app := fiber.New()
	app.Get("/ip", func(c fiber.Ctx) error { return c.SendString(c.IP()) })
	for _, remote := range []string{"pipe", "@", "[::1]", "", "192.0.2.7"} {
		r := httptest.NewRequest("GET", "/ip", nil)
		r.RemoteAddr = remote
		if w := record(adaptor.FiberApp(app), r); w.Code != 200 {
			t.Errorf("remote address %q: %d", remote, w.Code)
		}
	}
	release := make(chan struct{})
	app.Get("/stream", func(c fiber.Ctx) error {
		return c.SendStreamWriter(func(w *bufio.Writer) {
			w.WriteString("one\n")
			w.Flush()
			<-release
			w.WriteString("two\n")
		})
	})
	srv := serve(t, partyfiberv3.Handler(app))
	resp, err := http.Get(srv.URL + "/stream")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	line := make(chan string, 1)
	go func() { s, _ := bufio.NewReader(resp.Body).ReadString('\n'); line <- s }()
	select {
	case s := <-line:
		if s != "one\n" {
			t.Errorf("first line %q", s)
		}
	case <-time.After(5 * time.Second):
		t.Error("nothing before the stream ended: the adaptor buffers again")
	}
	close(release)
}
