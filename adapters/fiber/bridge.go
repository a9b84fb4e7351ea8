package partyfiber

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/adaptor"
	"github.com/gofiber/fiber/v2/utils"
)

// BridgeHeader is the request header by which the bridge tells the app
// that the client used TLS: "https <key>", where key is a random 128-bit
// value drawn once per process. The handle believes only a value with the
// process's key, so a client cannot forge it, through the bridge or to
// fiber's own server; the bridge replaces a client's value on TLS requests
// and sends none on plain ones (the scheme is then http).
const BridgeHeader = "Partyline-Bridge"

var bridgeKey = func() string {
	var b [16]byte
	// crypto/rand.Read never fails on supported platforms (Go 1.24+).
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}()

var (
	bridgeHTTPS    = []string{"https " + bridgeKey}
	forwardedHTTPS = []string{"https"}
)

// bridgeScheme returns the scheme a bridge of this process recorded for c,
// and whether it recorded one (only for TLS requests: "https").
func bridgeScheme(c *fiber.Ctx) (string, bool) {
	v := c.Request().Header.Peek(BridgeHeader)
	scheme, key, ok := strings.Cut(string(v), " ")
	if !ok || subtle.ConstantTimeCompare([]byte(key), []byte(bridgeKey)) != 1 {
		return "", false
	}
	return scheme, true
}

// BridgeOption configures [NewBridge].
type BridgeOption func(*Bridge)

// LocalPath tells the bridge where the app's local path is, for
// dispatchers that do not strip their prefix. f returns the path the app
// should route, starting with "/", escaped or decoded: a suffix of the
// request's path. chi's Mount keeps the full path in r.URL and the
// remaining path in its route context:
//
//	r.Mount("/legacy", partyfiber.NewBridge(app, partyfiber.LocalPath(func(r *http.Request) string {
//		return chi.RouteContext(r.Context()).RoutePath
//	})))
//
// When f returns "" or something that is not a suffix of the path, the app
// gets the whole path. (Without this option, an app under chi's Mount sees
// the full path: either register its routes with their full paths and
// [InviteRoute]("/legacy/__invite__/"), or wrap the bridge in
// http.StripPrefix.)
func LocalPath(f func(r *http.Request) string) BridgeOption {
	return func(b *Bridge) { b.localPath = f }
}

// Bridge is an http.Handler that serves a fiber app under any net/http
// dispatcher, on top of fiber's adaptor (adaptor.FiberApp). Make it with
// [Handler] or [NewBridge]. It is safe for concurrent use.
//
// The adaptor alone gets several things wrong when it is mounted; the
// bridge hands it a copy of the request with them fixed (or the request
// itself when nothing needs fixing):
//
//   - path: the adaptor routes r.RequestURI, which http.StripPrefix does not
//     change, so the app saw "/legacy/pages/1". The bridge rebuilds the
//     request URI from r.URL (EscapedPath, so "%2F" stays escaped, and
//     RawQuery), or from [LocalPath]. A request made by hand with an empty
//     RequestURI (which the adaptor routes as "/") works too. A path that
//     starts with "//" is sent in absolute form, because fasthttp reads
//     "//host/path" as a host.
//   - remote address: the adaptor answers 500 for a RemoteAddr that is not
//     an IP address with a port ("pipe", "@" from a unix socket, "[::1]",
//     "fe80::1%eth0"), resolves host names through DNS, and rewrites the
//     caller's request. The bridge gives it the IP address (zone dropped,
//     port 0 if there was none), or "0.0.0.0:0" when there is no IP address.
//   - scheme: fiber sees no TLS through the adaptor. For a request that
//     came over TLS the bridge sets [BridgeHeader] (read by
//     [Handle.AbsoluteURL]) and X-Forwarded-Proto: https, in place of any
//     client-sent value of these, X-Forwarded-Protocol, X-Forwarded-Ssl and
//     X-Url-Scheme, so that fiber's own c.Protocol() and c.BaseURL() say
//     https too (fiber trusts these headers unless
//     Config.EnableTrustedProxyCheck). Plain-HTTP requests keep their
//     X-Forwarded-* headers, for [TrustProxy] and fiber's proxy settings.
//   - host: r.Host, or r.URL.Host when it is empty.
//   - headers: the adaptor keeps only the last value of a repeated header
//     (it calls Set for each); the bridge joins them first (", ", or "; "
//     for Cookie, RFC 9110 §5.3).
//   - invitations: the adaptor drops the request context, so core's token
//     header carries the invitation (it is copied like any header).
//   - body size: the adaptor reads the whole body into memory, with no
//     limit. The bridge applies the app's Config.BodyLimit, as fiber's own
//     server does, and answers 413 beyond it.
//
// What the adaptor does not allow, the bridge does not either: the request
// body is read whole before the app runs (Config.StreamRequestBody has no
// effect), and the response is written only when the handler returns, in
// one piece: a c.SendStream or c.Context().SetBodyStreamWriter body is
// drained into memory first, so a stream reaches the client at its end and
// never flushes early (no server-sent events). The app does not see the
// request context, so it cannot notice a client that went away.
type Bridge struct {
	app       *fiber.App
	serve     http.HandlerFunc
	bodyLimit int64
	localPath func(*http.Request) string
}

// Handler returns the bridge for app with no options: mount it under any
// net/http dispatcher, e.g. mux.Handle("/legacy/", http.StripPrefix("/legacy",
// partyfiber.Handler(app))). See [Bridge].
func Handler(app *fiber.App) http.Handler { return NewBridge(app) }

// NewBridge returns the bridge for app. A nil app gives a bridge that
// answers 500 to everything.
func NewBridge(app *fiber.App, opts ...BridgeOption) *Bridge {
	b := &Bridge{app: app}
	if app != nil {
		b.serve = adaptor.FiberApp(app)
		b.bodyLimit = int64(app.Config().BodyLimit)
	}
	for _, o := range opts {
		if o != nil {
			o(b)
		}
	}
	return b
}

// ServeHTTP serves r with the fiber app; see [Bridge]. When r needs no
// fixing (an app at the root, plain HTTP, no repeated header, no body) the
// adaptor gets r itself.
func (b *Bridge) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if b.serve == nil || r == nil || r.URL == nil {
		http.Error(w, "partyfiber: no fiber app, or no request URL", http.StatusInternalServerError)
		return
	}
	if b.bodyLimit > 0 && r.ContentLength > b.bodyLimit {
		http.Error(w, utils.StatusMessage(http.StatusRequestEntityTooLarge), http.StatusRequestEntityTooLarge)
		return
	}
	uri := b.requestURI(r)
	remote := remoteAddr(r.RemoteAddr)
	host := r.Host
	if host == "" {
		host = r.URL.Host
	}
	tls := r.TLS != nil
	fixHeaders := tls || hasRepeated(r.Header)
	var body *limitedBody
	if b.bodyLimit > 0 && r.Body != nil && r.Body != http.NoBody {
		body = &limitedBody{ReadCloser: http.MaxBytesReader(w, r.Body, b.bodyLimit)}
		w = &overflowWriter{ResponseWriter: w, body: body}
	}
	r2 := r
	if uri != r.RequestURI || remote != r.RemoteAddr || host != r.Host || fixHeaders || body != nil {
		r2 = new(http.Request)
		*r2 = *r
		r2.RequestURI, r2.RemoteAddr, r2.Host = uri, remote, host
		if fixHeaders {
			r2.Header = bridgeHeaders(r.Header, tls)
		}
		if body != nil {
			r2.Body = body
		}
	}
	b.serve(w, r2)
	if body != nil && body.exceeded {
		ow := w.(*overflowWriter)
		http.Error(ow.ResponseWriter, utils.StatusMessage(http.StatusRequestEntityTooLarge), http.StatusRequestEntityTooLarge)
	}
}
