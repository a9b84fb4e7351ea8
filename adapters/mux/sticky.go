package partymux

import (
	"net/http"
	"net/url"

	"github.com/gorilla/mux"
)

// routeVar reads the route variable key of the request r for the Sticky
// option: mux.Vars(r)[key], the value a handler reads, unescaped
// (url.PathUnescape) when it is a path variable of a route that matches
// the escaped path (after [mux.Router.UseEncodedPath], where mux.Vars hold
// escaped text), so that the value is the one given to [Handle.URL] for
// the URL the request came with. False for a nil r, for a key not in
// mux.Vars (a variable the matched route does not have, or no route
// matched), and for an escaped value that does not decode. The rest of a
// PathPrefix route ([RestParam]) is not a mux variable: it is not sticky.
func (h *Handle) routeVar(r *http.Request, key string) (string, bool) {
	if r == nil {
		return "", false
	}
	v, ok := mux.Vars(r)[key]
	if !ok {
		return "", false
	}
	if rt := mux.CurrentRoute(r); rt != nil && h.escapedVars(rt)[key] {
		u, err := url.PathUnescape(v)
		return u, err == nil
	}
	return v, true
}

// escapedVars returns the path variables of rt when rt matches the
// escaped path (mux copies UseEncodedPath into each route as it is made,
// and has no getter: the route is probed, once, see [probeMode]); nil when
// it matches the decoded path, or cannot be probed (a Headers or
// MatcherFunc matcher): its mux.Vars are then taken as they are.
func (h *Handle) escapedVars(rt *mux.Route) map[string]bool {
	if v, ok := h.escaped.Load(rt); ok {
		return v.(map[string]bool)
	}
	var vars map[string]bool
	sp := readRoute(rt)
	if toks, err := parseTemplate(sp.path); sp.err == nil && sp.hasPath && err == nil &&
		needsMode(toks) && probeMode(rt, sp, toks) == modeEncoded {
		vars = map[string]bool{}
		for _, t := range toks {
			if isVar(t) {
				vars[t.Param] = true
			}
		}
	}
	h.escaped.Store(rt, vars)
	return vars
}
