package partygin

import (
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"
)

// invite is the invite route's handler ([adapterkit.Member.Answer]).
func (h *Handle) invite(c *gin.Context) {
	status, body := h.kit.Answer(c.Request)
	if status == http.StatusOK {
		c.AbortWithStatus(status)
		return
	}
	c.String(status, body)
	c.Abort()
}

// ahead is the invite route answered ahead of routing ([JoinAhead]): as a
// global middleware it runs before the handlers of the route gin matched,
// and answers a request that the invite route would have matched.
func (h *Handle) ahead(c *gin.Context) {
	if h.atInviteRoute(c.Request.URL) {
		h.invite(c)
	}
}

// atInviteRoute says whether u is the invite route as gin compares paths
// with routes in the engine's mode (gin.go handleHTTPRequest): the decoded
// path, the raw one when UseRawPath and the request has one, the escaped
// one with UseEscapedPath; cleaned with RemoveExtraSlash.
func (h *Handle) atInviteRoute(u *url.URL) bool {
	e, p := h.engine, u.Path
	switch {
	case e.UseEscapedPath:
		p = u.EscapedPath()
	case e.UseRawPath && u.RawPath != "":
		p = u.RawPath
	}
	if e.RemoveExtraSlash {
		p = cleanPath(p)
	}
	return p == h.inviteRoute
}

// cleanPath is gin's cleanPath (path.go): path.Clean of a rooted path that
// keeps a trailing "/" (a final "." element counts as one).
func cleanPath(p string) string {
	c := path.Clean("/" + p)
	if c != "/" && (strings.HasSuffix(p, "/") || strings.HasSuffix(p, "/.")) {
		c += "/"
	}
	return c
}

// methodsWithRoutes returns the methods of gin's Any that have routes.
func methodsWithRoutes(infos gin.RoutesInfo) []string {
	var out []string
	for _, m := range anyMethods {
		if slices.ContainsFunc(infos, func(ri gin.RouteInfo) bool { return ri.Method == m }) {
			out = append(out, m)
		}
	}
	return out
}

// inviteConflict returns an [*InviteConflictError] for the first route of
// methods that gin refuses to have beside the static route invite: the
// same path, or a catch-all whose literal text before "*" leads to invite
// (gin's tree.go addRoute: a node with a catch-all child takes no other
// child). A parameter does not conflict: gin tries static children first.
// The rule is tested against gin's own panics.
func inviteConflict(infos gin.RoutesInfo, methods []string, invite string) error {
	for _, ri := range infos {
		if !slices.Contains(methods, ri.Method) {
			continue
		}
		star := strings.IndexByte(ri.Path, '*')
		if ri.Path == invite || star >= 0 && !strings.Contains(ri.Path[:star], ":") && strings.HasPrefix(invite, ri.Path[:star]) {
			return &InviteConflictError{Method: ri.Method, Route: ri.Path, InviteRoute: invite}
		}
	}
	return nil
}
