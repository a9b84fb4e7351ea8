package partyhttp

import (
	"net/http"
	"strings"
)

// pathValue reads the wildcard key of the request r for the Sticky
// option: r.PathValue(key), the value a handler reads, for a wildcard of
// the pattern ServeMux matched, r.Pattern ("{key}" or "{key...}"); false
// for a nil r, a request no ServeMux routed, or a key that is not a
// wildcard of that pattern (r.PathValue's "" cannot tell those from an
// empty "{key...}"). The remainder of a subtree pattern ([SubtreeParam])
// is not a wildcard: it is not sticky.
func pathValue(r *http.Request, key string) (string, bool) {
	if r == nil || !hasWildcard(r.Pattern, key) {
		return "", false
	}
	return r.PathValue(key), true
}

// hasWildcard reports whether the ServeMux pattern has the wildcard
// "{key}" or "{key...}" ("{$}" is none).
func hasWildcard(pattern, key string) bool {
	if key == "" || key == "$" {
		return false
	}
	for {
		i := strings.IndexByte(pattern, '{')
		if i < 0 {
			return false
		}
		pattern = pattern[i+1:]
		j := strings.IndexByte(pattern, '}')
		if j < 0 {
			return false
		}
		if strings.TrimSuffix(pattern[:j], "...") == key {
			return true
		}
		pattern = pattern[j+1:]
	}
}
