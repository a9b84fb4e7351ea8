package partyfiber

import (
	"net/http"
	"net/netip"
	"net/url"
	"strings"

	"github.com/partyline-go/partyline/internal/fiberdialect"
)

// requestURI returns the URI the app routes: the local path, escaped, and
// the query.
func (b *Bridge) requestURI(r *http.Request) string {
	path := r.URL.EscapedPath()
	if b.localPath != nil {
		path = localSuffix(path, b.localPath(r))
	}
	return fiberdialect.RequestURI(r, path)
}

// localSuffix returns the escaped form of local, as [LocalPath] gave it: a
// suffix of escaped, or the decoding of one that starts at a "/" (chi's
// RoutePath, with or without RawPath); else the whole path.
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

// schemeHeaders are ours and those fiber's c.Protocol() reads.
var schemeHeaders = []string{BridgeHeader, "X-Forwarded-Proto", "X-Forwarded-Protocol", "X-Forwarded-Ssl", "X-Url-Scheme"}

// bridgeHeaders returns the headers the adaptor copies into fiber's
// request: h with repeated values joined (cookies with "; ") and, for TLS,
// the bridge's scheme headers instead of a client's. h is not modified.
func bridgeHeaders(h http.Header, tls bool) http.Header {
	if !tls {
		return fiberdialect.BridgeHeaders(h, nil, "; ", nil)
	}
	return fiberdialect.BridgeHeaders(h, schemeHeaders, "; ", http.Header{BridgeHeader: bridgeHTTPS, "X-Forwarded-Proto": forwardedHTTPS})
}
