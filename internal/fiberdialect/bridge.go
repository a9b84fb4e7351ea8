package fiberdialect

import (
	"net/http"
	"slices"
	"strings"
)

// RequestURI returns the URI a fiber adaptor should route for r: path (the
// local path, escaped) and r.URL's query; r.RequestURI itself when it says
// that already (no allocation). A path that starts with "//" is given in
// absolute form, which fasthttp would otherwise read as a host (the
// adaptor sets the real host after).
func RequestURI(r *http.Request, path string) string {
	if path == "" || path[0] != '/' {
		path = "/" + path
	}
	q := r.URL.RawQuery
	if strings.HasPrefix(path, "//") {
		path = "http://partyline.invalid" + path
	}
	if q == "" {
		return path
	}
	if cur := r.RequestURI; len(cur) == len(path)+1+len(q) && cur[len(path)] == '?' &&
		cur[:len(path)] == path && cur[len(path)+1:] == q {
		return cur
	}
	return path + "?" + q
}

// HasRepeated reports whether a header of h has several values.
func HasRepeated(h http.Header) bool {
	for _, v := range h {
		if len(v) > 1 {
			return true
		}
	}
	return false
}

// BridgeHeaders returns the headers a fiber adaptor should copy into
// fiber's request: h without the headers named in drop (canonical names),
// repeated values joined with ", " (RFC 9110 §5.3), cookies with cookieSep
// or, when it is "", kept as they are; then set added. h is not modified.
func BridgeHeaders(h http.Header, drop []string, cookieSep string, set http.Header) http.Header {
	out := make(http.Header, len(h)+len(set))
	for k, v := range h {
		if len(drop) > 0 && slices.Contains(drop, http.CanonicalHeaderKey(k)) {
			continue
		}
		if len(v) > 1 {
			switch {
			case http.CanonicalHeaderKey(k) != "Cookie":
				v = []string{strings.Join(v, ", ")}
			case cookieSep != "":
				v = []string{strings.Join(v, cookieSep)}
			}
		}
		out[k] = v
	}
	for k, v := range set {
		out[k] = v
	}
	return out
}
