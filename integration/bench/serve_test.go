package bench

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/partyline-go/partyline/core"
)

// discard is a reusable ResponseWriter that keeps only the status.
type discard struct {
	h      http.Header
	status int
}

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) Write(p []byte) (int, error) { return len(p), nil }
func (d *discard) WriteHeader(code int)        { d.status = code }

// browserHeaders are the headers of the prebuilt request: what a browser
// sends, so that the party's look-up of its token header (a map access)
// costs what it costs on real requests, not on an empty map.
var browserHeaders = map[string]string{
	"User-Agent":      "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
	"Accept":          "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
	"Accept-Language": "en-US,en;q=0.5",
	"Accept-Encoding": "gzip, deflate, br",
	"Cookie":          "session=0123456789abcdef",
	"Referer":         "https://example.com/",
	"Connection":      "keep-alive",
}

// BenchmarkServeHTTP serves one prebuilt request, GET
// /blog/posts/2024/hello-world with a browser's headers, to the echo
// app's "post" handler (which answers 200 and no body) through the same
// dispatcher (an http.ServeMux with http.StripPrefix in front of eight apps
// of 10 routes), bare and wrapped in its party: the difference is
// Party.ServeHTTP's overhead (its invite-path guard and the check for a
// forged token header). dispatcher=noop repeats the comparison with a
// dispatcher that does nothing, so that the overhead is not lost in the
// dispatcher's own variation.
func BenchmarkServeHTTP(b *testing.B) {
	f := party(b, 10)
	noop := http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})
	// No app joins a dispatcher that does nothing: AllowDecline.
	noopParty, err := core.New(noop, invitePaths(), core.AllowDecline())
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		h       http.Handler
		reaches bool // the request reaches the echo handler
	}{
		{"dispatcher=servemux/bare", f.dispatcher, true},
		{"dispatcher=servemux/party", f.party, true},
		{"dispatcher=noop/bare", noop, false},
		{"dispatcher=noop/party", noopParty, false},
	} {
		b.Run(c.name, func(b *testing.B) {
			w := &discard{h: http.Header{}}
			r := httptest.NewRequest(http.MethodGet, crossApp, nil)
			for k, v := range browserHeaders {
				r.Header.Set(k, v)
			}
			before := hits.Load()
			c.h.ServeHTTP(w, r)
			if c.reaches && (w.status != http.StatusOK || hits.Load() != before+1) {
				b.Fatalf("GET %s: status %d, %d hits of the echo handler; want 200 and 1", crossApp, w.status, hits.Load()-before)
			}
			if !c.reaches && w.status != 0 {
				b.Fatalf("GET %s: status %d from a no-op dispatcher", crossApp, w.status)
			}
			b.ReportAllocs()
			cpu := startCPU()
			for b.Loop() {
				c.h.ServeHTTP(w, r)
			}
			cpu.report(b)
		})
	}
}
