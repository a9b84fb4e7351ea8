package partyfiber

import (
	"bytes"
	"crypto/rand"
	"crypto/subtle"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/adaptor"
	"github.com/gofiber/fiber/v2/utils"
	"github.com/partyline-go/partyline/internal/fiberdialect"
)

// BridgeHeader is the request header by which the bridge tells the app
// that the client used TLS: "https <key>", key drawn once per process so
// that clients cannot forge it (theirs are replaced on TLS requests).
const BridgeHeader = "Partyline-Bridge"

var (
	bridgeKey      = rand.Text() // 128 random bits
	bridgeHTTPS    = []string{"https " + bridgeKey}
	forwardedHTTPS = []string{"https"}
)

// bridgeScheme returns the scheme ("https") a bridge of this process
// recorded for c, and whether it recorded one.
func bridgeScheme(c *fiber.Ctx) (string, bool) {
	scheme, key, ok := strings.Cut(string(c.Request().Header.Peek(BridgeHeader)), " ")
	return scheme, ok && subtle.ConstantTimeCompare([]byte(key), []byte(bridgeKey)) == 1
}

// BridgeOption configures [NewBridge].
type BridgeOption func(*Bridge)

// LocalPath tells the bridge the app's path under a dispatcher that does
// not strip its prefix: a suffix of the request's path, escaped or decoded
// (else the app gets the whole path). chi's Mount keeps it in its context:
//
//	r.Mount("/legacy", partyfiber.NewBridge(app, partyfiber.LocalPath(func(r *http.Request) string {
//		return chi.RouteContext(r.Context()).RoutePath
//	})))
func LocalPath(f func(r *http.Request) string) BridgeOption {
	return func(b *Bridge) { b.localPath = f }
}

// Bridge is an http.Handler that serves a fiber app under any net/http
// dispatcher, on top of fiber's adaptor (adaptor.FiberApp), which gets
// several things wrong when mounted. The bridge hands it a copy of the
// request with them fixed (or the request itself when nothing needs it):
//
//   - path: the adaptor routes r.RequestURI, which http.StripPrefix does not
//     change; the bridge rebuilds it from r.URL (escaped) or [LocalPath],
//     in absolute form for "//" (which fasthttp reads as a host).
//   - remote address: the adaptor fails on one that is not ip:port ("pipe",
//     "[::1]", a zone) and resolves names; it gets the IP or "0.0.0.0:0".
//   - scheme: for a request over TLS the bridge sets [BridgeHeader] (read by
//     [Handle.AbsoluteURL]) and X-Forwarded-Proto: https, in place of any
//     client-sent scheme header, so that c.Protocol() says https too.
//   - host: r.Host, or r.URL.Host when it is empty.
//   - headers: repeated values are joined (", ", or "; " for Cookie, RFC
//     9110 §5.3); the adaptor would keep the last.
//   - body size: the app's Config.BodyLimit applies (413 beyond it).
//
// The response is still written in one piece when the handler returns (no
// server-sent events). It is safe for concurrent use.
type Bridge struct {
	app       *fiber.App
	serve     http.HandlerFunc
	bodyLimit int64
	localPath func(*http.Request) string
}

// Handler returns the [Bridge] for app with no options, for
// mux.Handle("/legacy/", http.StripPrefix("/legacy", partyfiber.Handler(app))).
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

// ServeHTTP serves r with the fiber app; see [Bridge].
func (b *Bridge) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if b.serve == nil || r == nil || r.URL == nil {
		http.Error(w, "partyfiber: no fiber app, or no request URL", http.StatusInternalServerError)
		return
	}
	uri, remote, host, tls := b.requestURI(r), remoteAddr(r.RemoteAddr), r.Host, r.TLS != nil
	if host == "" {
		host = r.URL.Host
	}
	fixHeaders, body := tls || fiberdialect.HasRepeated(r.Header), r.Body
	if b.bodyLimit > 0 && body != nil && body != http.NoBody {
		// The adaptor reads the body whole: read it first, within the limit.
		data, err := io.ReadAll(http.MaxBytesReader(w, body, b.bodyLimit))
		if code := http.StatusRequestEntityTooLarge; err != nil {
			if !errors.As(err, new(*http.MaxBytesError)) {
				code = http.StatusInternalServerError
			}
			http.Error(w, utils.StatusMessage(code), code)
			return
		}
		body = io.NopCloser(bytes.NewReader(data))
	}
	r2 := r
	if uri != r.RequestURI || remote != r.RemoteAddr || host != r.Host || fixHeaders || body != r.Body {
		r2 = new(http.Request)
		*r2 = *r
		r2.RequestURI, r2.RemoteAddr, r2.Host, r2.Body = uri, remote, host, body
		if fixHeaders {
			r2.Header = bridgeHeaders(r.Header, tls)
		}
	}
	b.serve(w, r2)
}
