package partyfiberv3

import (
	"bytes"
	"cmp"
	"crypto/rand"
	"crypto/subtle"
	"errors"
	"io"
	"net/http"

	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/middleware/adaptor"
	"github.com/partyline-go/partyline/internal/fiberdialect"
)

// BridgeHeader is the request header by which [Handler] tells the app that
// the client used TLS: "https <key>", key drawn once per process so that
// clients cannot forge it (the bridge replaces theirs on TLS requests).
const BridgeHeader = "Partyline-Bridge"

var bridgeHTTPS = []string{"https " + rand.Text()} // 128 random bits

// bridgedTLS reports whether a bridge of this process saw c arrive over TLS.
func bridgedTLS(c fiber.Ctx) bool {
	v := c.Request().Header.Peek(BridgeHeader)
	return subtle.ConstantTimeCompare(v, []byte(bridgeHTTPS[0])) == 1
}

// Handler returns app as an http.Handler, mountable under any net/http
// dispatcher: mux.Handle("/events/", http.StripPrefix("/events",
// partyfiberv3.Handler(app))). It serves through fiber v3's own adaptor
// (adaptor.FiberApp), handing it a copy of the request with what the
// adaptor gets wrong fixed (each measured, bridge_test.go), or the request
// itself when nothing needs it:
//
//   - path: the adaptor routes r.RequestURI, which http.StripPrefix does not
//     change ("/events/e/7" reaches no route) and a hand-made request leaves
//     empty ("/"); the bridge rebuilds it from r.URL, escaped, in absolute
//     form when it starts with "//" (which fasthttp reads as a host).
//   - host: r.Host, or r.URL.Host when it is empty (the adaptor leaves it
//     empty).
//   - scheme: for a request over TLS, [BridgeHeader] (read by
//     [Handle.AbsoluteURL]); the adaptor has no place for TLS, so fiber's
//     own c.Scheme() and c.BaseURL() still say http.
//   - headers: repeated values are joined with ", " (RFC 9110 §5.3); the
//     adaptor keeps the last (cookies it keeps all).
//   - body size: a body of unknown length (chunked) beyond the app's
//     Config.BodyLimit is 413, as for a sized one; the adaptor cuts it
//     silently at the limit.
//
// The invitation needs no fix here: the adaptor copies the headers, and
// with them core's token (see [Join]). Nor do remote addresses (no longer
// a 500) or streamed responses (flushed as written) since v3. The adaptor
// calls app.Handler() on every request, so routes added later are routed,
// at a cost of O(routes) per request (BenchmarkBridge). A nil app answers
// 500 to everything. The handler is safe for concurrent use.
func Handler(app *fiber.App) http.Handler {
	if app == nil {
		return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			http.Error(w, pkg+": no fiber app", http.StatusInternalServerError)
		})
	}
	return &bridge{serve: adaptor.FiberApp(app), limit: int64(app.Config().BodyLimit)}
}

type bridge struct {
	serve http.HandlerFunc
	limit int64
}

func (b *bridge) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL == nil {
		http.Error(w, pkg+": no request URL", http.StatusInternalServerError)
		return
	}
	uri, host, tls, body := fiberdialect.RequestURI(r, r.URL.EscapedPath()), cmp.Or(r.Host, r.URL.Host), r.TLS != nil, r.Body
	if r.ContentLength < 0 && body != nil && body != http.NoBody {
		data, err := io.ReadAll(http.MaxBytesReader(w, body, b.limit))
		if code := http.StatusRequestEntityTooLarge; err != nil {
			if !errors.As(err, new(*http.MaxBytesError)) {
				code = http.StatusBadRequest
			}
			http.Error(w, http.StatusText(code), code)
			return
		}
		body = io.NopCloser(bytes.NewReader(data))
	}
	fixHeaders := tls || fiberdialect.HasRepeated(r.Header)
	if uri == r.RequestURI && host == r.Host && body == r.Body && !fixHeaders {
		b.serve(w, r)
		return
	}
	r2 := *r
	r2.RequestURI, r2.Host, r2.Body = uri, host, body
	if fixHeaders {
		r2.Header = bridgeHeaders(r.Header, tls)
	}
	b.serve(w, &r2)
}

// bridgeHeaders returns h with repeated values joined (but cookies, which
// the adaptor keeps) and, for TLS, the bridge's [BridgeHeader] in place of
// a client's. h is not modified.
func bridgeHeaders(h http.Header, tls bool) http.Header {
	var set http.Header
	if tls {
		set = http.Header{BridgeHeader: bridgeHTTPS}
	}
	return fiberdialect.BridgeHeaders(h, nil, "", set)
}
