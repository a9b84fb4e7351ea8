package partyfiber

import (
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strings"
)

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

// hasRepeated reports whether a header has several values.
func hasRepeated(h http.Header) bool {
	for _, v := range h {
		if len(v) > 1 {
			return true
		}
	}
	return false
}

// schemeHeaders are ours and those fiber's c.Protocol() reads.
var schemeHeaders = []string{BridgeHeader, "X-Forwarded-Proto", "X-Forwarded-Protocol", "X-Forwarded-Ssl", "X-Url-Scheme"}

// bridgeHeaders returns the headers the adaptor copies into fiber's
// request: h with repeated values joined and, for TLS, the bridge's scheme
// headers instead of a client's. h is not modified.
func bridgeHeaders(h http.Header, tls bool) http.Header {
	out := make(http.Header, len(h)+2)
	for k, v := range h {
		switch {
		case tls && slices.Contains(schemeHeaders, http.CanonicalHeaderKey(k)):
		case len(v) > 1 && http.CanonicalHeaderKey(k) == "Cookie":
			out[k] = []string{strings.Join(v, "; ")}
		case len(v) > 1:
			out[k] = []string{strings.Join(v, ", ")}
		default:
			out[k] = v
		}
	}
	if tls {
		out[BridgeHeader], out["X-Forwarded-Proto"] = bridgeHTTPS, forwardedHTTPS
	}
	return out
}
