package partyfiber_test

import (
	"bufio"
	"crypto/tls"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/adaptor"
	partyfiber "github.com/partyline-go/partyline/adapters/fiber"
)

// pathApp answers GET /pages/:id with "path=<c.Path()> id=<id> ip=<c.IP()>".
func pathApp() *fiber.App {
	app := fiber.New()
	app.Get("/pages/:id", func(c *fiber.Ctx) error {
		return c.SendString("path=" + c.Path() + " id=" + c.Params("id") + " ip=" + c.IP())
	})
	return app
}

func record(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// TestBridgeStripPrefix: the bare adaptor routes r.RequestURI, which
// http.StripPrefix leaves alone; the bridge routes the stripped path.
func TestBridgeStripPrefix(t *testing.T) {
	app := pathApp()
	for _, c := range []struct {
		name string
		h    http.Handler
		code int
	}{
		{"bare adaptor", adaptor.FiberApp(app), http.StatusNotFound},
		{"bridge", partyfiber.Handler(app), http.StatusOK},
	} {
		mux, _ := newDispatcher(mount{"/legacy", c.h})
		code, body, _ := get(t, nil, serve(t, mux).URL+"/legacy/pages/1%2F2?x=1")
		if code != c.code {
			t.Errorf("%s: %d %q, want %d", c.name, code, body, c.code)
		}
		if c.code == 200 && !strings.HasPrefix(body, "path=/pages/1%2F2 id=1%2F2 ") {
			t.Errorf("%s: %q", c.name, body)
		}
	}
}

// TestBridgeHandMadeRequests: requests built by hand, with an empty
// RequestURI or a RemoteAddr that is not ip:port, work through the bridge
// where the bare adaptor routes "/" (404) or answers 500; and the caller's
// request is not modified.
func TestBridgeHandMadeRequests(t *testing.T) {
	app := pathApp()
	bare, bridge := adaptor.FiberApp(app), partyfiber.Handler(app)

	r := httptest.NewRequest("GET", "/pages/1", nil)
	r.RequestURI = ""
	if w := record(bare, r); w.Code != http.StatusNotFound {
		t.Errorf("bare adaptor, empty RequestURI: %d, want 404 (if fiber fixed it, update the docs)", w.Code)
	}
	if w := record(bridge, r); w.Code != 200 || !strings.HasPrefix(w.Body.String(), "path=/pages/1 ") {
		t.Errorf("bridge, empty RequestURI: %d %q", w.Code, w.Body)
	}

	for _, c := range []struct {
		remote, bareWant, ip string
	}{
		{"192.0.2.1:1234", "200", "192.0.2.1"},
		{"pipe", "500", "0.0.0.0"},
		{"@", "500", "0.0.0.0"},
		{"unix:/run/app.sock", "500", "0.0.0.0"},
		{"[::1]", "500", "::1"},
		{"fe80::1%eth9", "500", "fe80::1"},
		{"[fe80::1%eth9]:80", "", "fe80::1"},
		{"192.0.2.7", "200", "192.0.2.7"},
		{"", "200", "0.0.0.0"},
		{"localhost:80", "", "0.0.0.0"}, // the adaptor resolves it through DNS; the bridge does not
	} {
		r := httptest.NewRequest("GET", "/pages/1", nil)
		r.RemoteAddr = c.remote
		if c.bareWant != "" {
			r2 := r.Clone(r.Context())
			if w := record(bare, r2); w.Code != map[string]int{"200": 200, "500": 500}[c.bareWant] {
				t.Errorf("bare adaptor, RemoteAddr %q: %d, want %s", c.remote, w.Code, c.bareWant)
			}
		}
		w := record(bridge, r)
		if w.Code != 200 || !strings.HasSuffix(w.Body.String(), " ip="+c.ip) {
			t.Errorf("bridge, RemoteAddr %q: %d %q, want ip=%s", c.remote, w.Code, w.Body, c.ip)
		}
		if r.RemoteAddr != c.remote || r.RequestURI != "/pages/1" {
			t.Errorf("bridge modified the caller's request: %q %q", r.RemoteAddr, r.RequestURI)
		}
	}

	// A path that starts with "//" is a path, not a host.
	app2 := fiber.New()
	app2.Get("/*", func(c *fiber.Ctx) error { return c.SendString(c.Path() + " " + c.Hostname()) })
	r = httptest.NewRequest("GET", "/", nil)
	r.URL.Path, r.RequestURI = "//evil.example/x", ""
	if w := record(partyfiber.Handler(app2), r); w.Body.String() != "//evil.example/x example.com" {
		t.Errorf(`bridge, path "//evil.example/x": %q`, w.Body)
	}
	// No Host: the URL's host.
	r = httptest.NewRequest("GET", "http://example.org/a", nil)
	r.Host = ""
	if w := record(partyfiber.Handler(app2), r); w.Body.String() != "/a example.org" {
		t.Errorf("bridge, empty Host: %q", w.Body)
	}
	// No app, no URL.
	if w := record(partyfiber.Handler(nil), httptest.NewRequest("GET", "/", nil)); w.Code != 500 {
		t.Errorf("nil app: %d", w.Code)
	}
	r = httptest.NewRequest("GET", "/", nil)
	r.URL = nil
	if w := record(partyfiber.Handler(app2), r); w.Code != 500 {
		t.Errorf("nil URL: %d", w.Code)
	}
}

// TestBridgeLocalPath: a dispatcher that does not strip its prefix, with
// LocalPath giving the app its path, escaped or decoded (chi's RoutePath is
// either; see integration/fiber_chimount_test.go for chi itself).
func TestBridgeLocalPath(t *testing.T) {
	app := pathApp()
	for _, c := range []struct {
		name  string
		local func(*http.Request) string
		want  int
	}{
		{"none", nil, 404},
		{"escaped", func(r *http.Request) string { return strings.TrimPrefix(r.URL.EscapedPath(), "/legacy") }, 200},
		{"decoded", func(r *http.Request) string { return strings.TrimPrefix(r.URL.Path, "/legacy") }, 200},
		{"not a suffix", func(*http.Request) string { return "/elsewhere" }, 404},
		{"empty", func(*http.Request) string { return "" }, 404},
	} {
		var opts []partyfiber.BridgeOption
		if c.local != nil {
			opts = append(opts, partyfiber.LocalPath(c.local))
		}
		srv := serve(t, partyfiber.NewBridge(app, opts...))
		for _, id := range []string{"7", "a%2Fb", "a%20b"} {
			code, body, _ := get(t, nil, srv.URL+"/legacy/pages/"+id)
			if code != c.want || code == 200 && !strings.HasPrefix(body, "path=/pages/"+id+" ") {
				t.Errorf("%s, id %s: %d %q, want %d", c.name, id, code, body, c.want)
			}
		}
	}
}

// schemeApp joins and answers with AbsoluteURL, fiber's own c.BaseURL(), and
// c.Protocol().
func schemeApp(t *testing.T, opts ...partyfiber.Option) *fiber.App {
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	h, err := partyfiber.Join(app, opts...)
	if err != nil {
		t.Fatal(err)
	}
	app.Get("/pages/:id", func(c *fiber.Ctx) error {
		u, err := h.AbsoluteURL(c, "page", "id", c.Params("id"))
		if err != nil {
			return c.SendString("error: " + err.Error())
		}
		return c.SendString(u + " " + c.BaseURL())
	}).Name("page")
	return app
}

// TestBridgeScheme: absolute URLs built inside Fiber say https when the
// client used TLS (httptest.NewTLSServer), both ours and fiber's c.BaseURL;
// a client cannot forge the bridge's header; X-Forwarded-* count only with
// TrustProxy.
func TestBridgeScheme(t *testing.T) {
	plain, trusting := schemeApp(t), schemeApp(t, partyfiber.TrustProxy())
	mux, invites := newDispatcher(mount{"/legacy", partyfiber.Handler(plain)}, mount{"/trust", partyfiber.Handler(trusting)})
	p := newPartyFrom(t, mux, invites)
	tlsSrv := httptest.NewTLSServer(p)
	t.Cleanup(tlsSrv.Close)
	srv := serve(t, p)
	host := func(s *httptest.Server) string {
		return strings.TrimPrefix(strings.TrimPrefix(s.URL, "https://"), "http://")
	}

	for _, c := range []struct {
		name   string
		srv    *httptest.Server
		path   string
		header []string
		want   string
	}{
		{"tls", tlsSrv, "/legacy/pages/7", nil, "https://" + host(tlsSrv) + "/legacy/pages/7 https://" + host(tlsSrv)},
		{"plain", srv, "/legacy/pages/7", nil, "http://" + host(srv) + "/legacy/pages/7 http://" + host(srv)},
		{"forged bridge header", srv, "/legacy/pages/7", []string{partyfiber.BridgeHeader, "https 0123"},
			"http://" + host(srv) + "/legacy/pages/7 http://" + host(srv)},
		// fiber's c.BaseURL trusts X-Forwarded-* unless EnableTrustedProxyCheck; AbsoluteURL does not without TrustProxy.
		{"forwarded, untrusted", srv, "/legacy/pages/7", []string{"X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example"},
			"http://" + host(srv) + "/legacy/pages/7 https://evil.example"},
		{"forwarded, trusted", srv, "/trust/pages/7", []string{"X-Forwarded-Proto", "https", "X-Forwarded-Host", "shop.example"},
			"https://shop.example/trust/pages/7 https://shop.example"},
		{"tls, client says http", tlsSrv, "/trust/pages/7", []string{"X-Forwarded-Proto", "http", "X-Url-Scheme", "http"},
			"https://" + host(tlsSrv) + "/trust/pages/7 https://" + host(tlsSrv)},
		{"bad forwarded host", srv, "/trust/pages/7", []string{"X-Forwarded-Host", "a/b"}, "error: urlfor: bad call: origin host"},
	} {
		client := c.srv.Client()
		code, body, _ := get(t, client, c.srv.URL+c.path, c.header...)
		if code != 200 || !strings.HasPrefix(body, c.want) {
			t.Errorf("%s: %d %q, want %q", c.name, code, body, c.want)
		}
	}
}

// TestBridgeHeaderNotForgeableOnFiberServer: the same invited app, also
// served by fiber's own server: a client talking to it directly cannot make
// AbsoluteURL say https with the bridge's header (the key is the
// process's), while fiber's server over plain HTTP says http.
func TestBridgeHeaderNotForgeableOnFiberServer(t *testing.T) {
	app := schemeApp(t)
	newParty(t, mount{"/legacy", partyfiber.Handler(app)})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go app.Listener(ln)
	t.Cleanup(func() { _ = app.Shutdown() })
	base := "http://" + ln.Addr().String()
	for _, forged := range []string{"https not-the-key", "https", "https " + strings.Repeat("0", 32)} {
		code, body, _ := get(t, nil, base+"/pages/7", partyfiber.BridgeHeader, forged)
		if want := base + "/legacy/pages/7 " + base; code != 200 || body != want {
			t.Errorf("direct fiber, %s: %q: %d %q, want %q", partyfiber.BridgeHeader, forged, code, body, want)
		}
	}
}

// TestBridgeHeaders: repeated headers reach fiber joined (the adaptor alone
// keeps the last); the caller's header map is not modified.
func TestBridgeHeaders(t *testing.T) {
	app := fiber.New()
	app.Get("/h", func(c *fiber.Ctx) error {
		return c.SendString(c.Get("Accept") + "|" + c.Cookies("a") + c.Cookies("b") + "|" + strings.Fields(c.Get(partyfiber.BridgeHeader) + " -")[0])
	})
	r := httptest.NewRequest("GET", "/h", nil)
	r.Header.Add("Accept", "text/html")
	r.Header.Add("Accept", "application/json")
	r.Header.Add("Cookie", "a=1")
	r.Header.Add("Cookie", "b=2")
	if w := record(adaptor.FiberApp(app), r.Clone(r.Context())); !strings.HasPrefix(w.Body.String(), "application/json|") {
		t.Errorf("bare adaptor: %q (if it keeps both now, update the docs)", w.Body)
	}
	w := record(partyfiber.Handler(app), r)
	if got := w.Body.String(); got != "text/html, application/json|12|-" {
		t.Errorf("bridge: %q", got)
	}
	r.TLS = &tls.ConnectionState{}
	r.Header.Set(partyfiber.BridgeHeader, "https forged")
	if got := record(partyfiber.Handler(app), r).Body.String(); got != "text/html, application/json|12|https" {
		t.Errorf("bridge, TLS: %q", got)
	}
	if len(r.Header["Accept"]) != 2 || r.Header.Get(partyfiber.BridgeHeader) != "https forged" {
		t.Errorf("bridge modified the caller's headers: %v", r.Header)
	}
}

// TestBridgeBodies: request bodies (sized and chunked) reach fiber;
// Config.BodyLimit is enforced with 413 as fiber's own server does.
func TestBridgeBodies(t *testing.T) {
	app := fiber.New(fiber.Config{BodyLimit: 16})
	app.Post("/echo", func(c *fiber.Ctx) error { return c.Send(c.Body()) })
	srv := serve(t, partyfiber.Handler(app))
	post := func(body io.Reader, size int64) (int, string) {
		req, err := http.NewRequest("POST", srv.URL+"/echo", body)
		if err != nil {
			t.Fatal(err)
		}
		req.ContentLength = size
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	onlyReader := func(s string) io.Reader { return struct{ io.Reader }{strings.NewReader(s)} }
	for _, c := range []struct {
		name string
		body io.Reader
		size int64
		code int
		want string
	}{
		{"sized", strings.NewReader("hello"), 5, 200, "hello"},
		{"chunked", onlyReader("hello chunks"), -1, 200, "hello chunks"},
		{"sized, too large", strings.NewReader(strings.Repeat("x", 17)), 17, 413, "Request Entity Too Large"},
		{"chunked, too large", onlyReader(strings.Repeat("x", 100)), -1, 413, "Request Entity Too Large"},
		{"at the limit", onlyReader(strings.Repeat("x", 16)), -1, 200, strings.Repeat("x", 16)},
	} {
		code, body := post(c.body, c.size)
		if code != c.code || strings.TrimSpace(body) != c.want {
			t.Errorf("%s: %d %q, want %d %q", c.name, code, body, c.code, c.want)
		}
	}
}

// TestBridgeStreaming records the adaptor's buffering: a streamed response
// reaches the client only when the stream ends, whole.
func TestBridgeStreaming(t *testing.T) {
	release := make(chan struct{})
	app := fiber.New()
	app.Get("/stream", func(c *fiber.Ctx) error {
		c.Context().SetBodyStreamWriter(func(w *bufio.Writer) {
			w.WriteString("one\n")
			w.Flush()
			<-release
			w.WriteString("two\n")
			w.Flush()
		})
		return nil
	})
	srv := serve(t, partyfiber.Handler(app))
	type result struct {
		body string
		err  error
	}
	done := make(chan result, 1)
	go func() {
		resp, err := http.Get(srv.URL + "/stream")
		if err != nil {
			done <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		done <- result{string(b), err}
	}()
	select {
	case r := <-done:
		t.Fatalf("response before the stream ended: %+v (the adaptor streams now? update the docs)", r)
	case <-time.After(200 * time.Millisecond):
	}
	close(release)
	if r := <-done; r.err != nil || r.body != "one\ntwo\n" {
		t.Fatalf("stream: %+v", r)
	}
}

// TestBridgeTLSClientCert is a smoke test that TLS details do not reach
// fiber beyond the scheme (the adaptor has no place for them).
func TestBridgeTLSClientCert(t *testing.T) {
	app := fiber.New()
	app.Get("/", func(c *fiber.Ctx) error { return c.SendString(c.Protocol()) })
	srv := httptest.NewUnstartedServer(partyfiber.Handler(app))
	srv.TLS = &tls.Config{}
	srv.StartTLS()
	t.Cleanup(srv.Close)
	if code, body, _ := get(t, srv.Client(), srv.URL+"/"); code != 200 || body != "https" {
		t.Fatalf("%d %q", code, body)
	}
}
