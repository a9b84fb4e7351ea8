package partyfiber

import (
	"net/http"
	"net/netip"
	"net/url"
	"strings"
)

// The request the bridge hands the adaptor: URI, remote address, headers.

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
