package partyfiber

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"net/netip"
	"net/url"
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

// requestURI returns the URI the app routes: the local path, escaped, and
// the query.
func (b *Bridge) requestURI(r *http.Request) string {
	path := r.URL.EscapedPath()
	if b.localPath != nil {
		path = localSuffix(path, b.localPath(r))
	}
	if path == "" || path[0] != '/' {
		path = "/" + path
	}
	q := r.URL.RawQuery
	if strings.HasPrefix(path, "//") {
		path = "http://partyline.invalid" + path // the adaptor sets the real host after
	}
	if q == "" {
		return path
	}
	// Keep r.RequestURI when it is already right: no allocation.
	if cur := r.RequestURI; len(cur) == len(path)+1+len(q) && cur[len(path)] == '?' &&
		cur[:len(path)] == path && cur[len(path)+1:] == q {
		return cur
	}
	return path + "?" + q
}

// localSuffix returns the escaped form of local, the app's path as a
// [LocalPath] function gave it: escaped text that ends escaped (chi's
// RoutePath when the request had a RawPath), or decoded text that
// url.PathUnescape of a suffix of escaped starting at a "/" gives (chi's
// RoutePath otherwise). Anything else gives the whole path.
func localSuffix(escaped, local string) string {
	if local == "" {
		return escaped
	}
	if strings.HasSuffix(escaped, local) {
		return local
	}
	for i := 0; i < len(escaped); i++ {
		if escaped[i] != '/' {
			continue
		}
		if d, err := url.PathUnescape(escaped[i:]); err == nil && d == local {
			return escaped[i:]
		}
	}
	return escaped
}

// remoteAddr returns an "ip:port" the adaptor accepts without a DNS lookup.
func remoteAddr(s string) string {
	if ap, err := netip.ParseAddrPort(s); err == nil {
		if ap.Addr().Zone() == "" {
			return s
		}
		return netip.AddrPortFrom(ap.Addr().WithZone(""), ap.Port()).String()
	}
	if a, err := netip.ParseAddr(strings.TrimSuffix(strings.TrimPrefix(s, "["), "]")); err == nil {
		return netip.AddrPortFrom(a.WithZone(""), 0).String()
	}
	return "0.0.0.0:0"
}

// hasRepeated reports whether a header has several values.
func hasRepeated(h http.Header) bool {
	for _, v := range h {
		if len(v) > 1 {
			return true
		}
	}
	return false
}

// bridgeHeaders returns the headers the adaptor copies into fiber's
// request: h with repeated values joined and, for TLS, without a client's
// [BridgeHeader] and scheme headers, and with the bridge's. h is not
// modified.
func bridgeHeaders(h http.Header, tls bool) http.Header {
	out := make(http.Header, len(h)+2)
	for k, v := range h {
		if tls && (isSchemeHeader(k) || strings.EqualFold(k, BridgeHeader)) {
			continue
		}
		if len(v) > 1 {
			sep := ", "
			if strings.EqualFold(k, "Cookie") {
				sep = "; "
			}
			v = []string{strings.Join(v, sep)}
		}
		out[k] = v
	}
	if tls {
		out[BridgeHeader] = bridgeHTTPS
		out["X-Forwarded-Proto"] = forwardedHTTPS
	}
	return out
}

// isSchemeHeader reports the headers fiber's c.Protocol() reads.
func isSchemeHeader(k string) bool {
	for _, s := range [...]string{"X-Forwarded-Proto", "X-Forwarded-Protocol", "X-Forwarded-Ssl", "X-Url-Scheme"} {
		if strings.EqualFold(k, s) {
			return true
		}
	}
	return false
}

// limitedBody records that a body went over the limit (the adaptor turns
// the read error into a 500 of its own).
type limitedBody struct {
	io.ReadCloser
	exceeded bool
}

func (l *limitedBody) Read(p []byte) (int, error) {
	n, err := l.ReadCloser.Read(p)
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		l.exceeded = true
	}
	return n, err
}

// overflowWriter discards what the adaptor writes once the body went over
// the limit, so that the bridge can answer 413 instead of the adaptor's 500.
type overflowWriter struct {
	http.ResponseWriter
	body    *limitedBody
	scratch http.Header
}

func (o *overflowWriter) Header() http.Header {
	if o.body.exceeded {
		if o.scratch == nil {
			o.scratch = http.Header{}
		}
		return o.scratch
	}
	return o.ResponseWriter.Header()
}

func (o *overflowWriter) WriteHeader(code int) {
	if !o.body.exceeded {
		o.ResponseWriter.WriteHeader(code)
	}
}

func (o *overflowWriter) Write(p []byte) (int, error) {
	if o.body.exceeded {
		return len(p), nil
	}
	return o.ResponseWriter.Write(p)
}
