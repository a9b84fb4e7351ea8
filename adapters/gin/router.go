package partygin

import (
	"net/http"
	"path"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/gin-gonic/gin"
)

// Registrar is what a [Router] registers routes on: a *gin.Engine or a
// *gin.RouterGroup (both are).
type Registrar interface {
	gin.IRouter
	BasePath() string
}

// Router registers routes on a gin engine or group exactly as gin does,
// and remembers the name given with [Router.Named]. Make one with
// [Handle.Router]; [Router.Group] gives routers for groups, so names survive
// groups and their middleware. Handlers are gin's own, unchanged; routes
// registered on the engine directly still work and get a [DefaultName].
//
// Every registration method returns the router it was called on, as a
// gin.IRoutes, so chains keep going through it: a named router names every
// route registered through it (r.Named("post").GET(p, show).HEAD(p, show)
// makes one endpoint for two methods). It panics exactly where gin panics
// (a malformed or conflicting path), at set-up time, which is gin's style.
// A Router is safe for concurrent use as far as gin's registration is.
type Router struct {
	h    *Handle
	g    Registrar
	name string
}

var _ gin.IRoutes = (*Router)(nil)

// Router returns a router that registers on g (h's engine, or one of its
// groups) and records names in h. Names recorded for a group of another
// engine are never used.
func (h *Handle) Router(g Registrar) *Router { return &Router{h: h, g: g} }

// Named returns a router on the same group that names every route it
// registers: name is the endpoint's local name, as asked for in URL("name")
// and qualified as "namespace:name" from other apps. It must not contain
// ":" (a route named so is listed with an error). An empty name means the
// default name.
func (r *Router) Named(name string) *Router {
	c := *r
	c.name = name
	return &c
}

// Name returns the name this router gives to the routes it registers, or
// "".
func (r *Router) Name() string { return r.name }

// Group makes a gin group (g.Group(relativePath, handlers...)) and returns
// an unnamed router on it.
func (r *Router) Group(relativePath string, handlers ...gin.HandlerFunc) *Router {
	return &Router{h: r.h, g: r.g.Group(relativePath, handlers...)}
}

// Gin returns the engine or group the router registers on, for code that
// wants gin's own types.
func (r *Router) Gin() Registrar { return r.g }

// BasePath returns the group's base path, as gin's RouterGroup.BasePath.
func (r *Router) BasePath() string { return r.g.BasePath() }

// Use adds middleware to the group, as gin's Use.
func (r *Router) Use(middleware ...gin.HandlerFunc) gin.IRoutes {
	r.g.Use(middleware...)
	return r
}

// Handle registers a route for httpMethod, as gin's Handle.
func (r *Router) Handle(httpMethod, relativePath string, handlers ...gin.HandlerFunc) gin.IRoutes {
	return r.record(relativePath, r.g.Handle(httpMethod, relativePath, handlers...), httpMethod)
}

// GET registers a GET route, as gin's GET.
func (r *Router) GET(relativePath string, handlers ...gin.HandlerFunc) gin.IRoutes {
	return r.record(relativePath, r.g.GET(relativePath, handlers...), http.MethodGet)
}

// POST registers a POST route, as gin's POST.
func (r *Router) POST(relativePath string, handlers ...gin.HandlerFunc) gin.IRoutes {
	return r.record(relativePath, r.g.POST(relativePath, handlers...), http.MethodPost)
}

// PUT registers a PUT route, as gin's PUT.
func (r *Router) PUT(relativePath string, handlers ...gin.HandlerFunc) gin.IRoutes {
	return r.record(relativePath, r.g.PUT(relativePath, handlers...), http.MethodPut)
}

// PATCH registers a PATCH route, as gin's PATCH.
func (r *Router) PATCH(relativePath string, handlers ...gin.HandlerFunc) gin.IRoutes {
	return r.record(relativePath, r.g.PATCH(relativePath, handlers...), http.MethodPatch)
}

// DELETE registers a DELETE route, as gin's DELETE.
func (r *Router) DELETE(relativePath string, handlers ...gin.HandlerFunc) gin.IRoutes {
	return r.record(relativePath, r.g.DELETE(relativePath, handlers...), http.MethodDelete)
}

// OPTIONS registers an OPTIONS route, as gin's OPTIONS.
func (r *Router) OPTIONS(relativePath string, handlers ...gin.HandlerFunc) gin.IRoutes {
	return r.record(relativePath, r.g.OPTIONS(relativePath, handlers...), http.MethodOptions)
}

// HEAD registers a HEAD route, as gin's HEAD.
func (r *Router) HEAD(relativePath string, handlers ...gin.HandlerFunc) gin.IRoutes {
	return r.record(relativePath, r.g.HEAD(relativePath, handlers...), http.MethodHead)
}

// Any registers the route for every method gin's Any does; it is one
// endpoint.
func (r *Router) Any(relativePath string, handlers ...gin.HandlerFunc) gin.IRoutes {
	return r.record(relativePath, r.g.Any(relativePath, handlers...), anyMethods...)
}

// Match registers the route for methods, as gin's Match; it is one endpoint.
func (r *Router) Match(methods []string, relativePath string, handlers ...gin.HandlerFunc) gin.IRoutes {
	return r.record(relativePath, r.g.Match(methods, relativePath, handlers...), methods...)
}

// StaticFile serves one file at relativePath (GET and HEAD), as gin's
// StaticFile.
func (r *Router) StaticFile(relativePath, filepath string) gin.IRoutes {
	return r.record(relativePath, r.g.StaticFile(relativePath, filepath), http.MethodGet, http.MethodHead)
}

// StaticFileFS serves one file of fs at relativePath, as gin's
// StaticFileFS.
func (r *Router) StaticFileFS(relativePath, filepath string, fs http.FileSystem) gin.IRoutes {
	return r.record(relativePath, r.g.StaticFileFS(relativePath, filepath, fs), http.MethodGet, http.MethodHead)
}

// Static serves a directory under relativePath, as gin's Static: the route
// is relativePath + "/*filepath", so a named one is built with
// URL("assets", "filepath", "css/site.css").
func (r *Router) Static(relativePath, root string) gin.IRoutes {
	return r.record(path.Join(relativePath, "/*filepath"), r.g.Static(relativePath, root), http.MethodGet, http.MethodHead)
}

// StaticFS serves fs under relativePath, as gin's StaticFS (see
// [Router.Static]).
func (r *Router) StaticFS(relativePath string, fs http.FileSystem) gin.IRoutes {
	return r.record(path.Join(relativePath, "/*filepath"), r.g.StaticFS(relativePath, fs), http.MethodGet, http.MethodHead)
}

// record notes the name of the routes that registered (gin has panicked
// already if they were wrong: it is passed what gin's registration
// returned, so that it runs after it) and, for a path with an escaped
// colon, its registered text; then the app re-reads its routes.
func (r *Router) record(relativePath string, _ gin.IRoutes, methods ...string) gin.IRoutes {
	full := joinPaths(r.g.BasePath(), relativePath)
	r.h.names.record(full, r.name, methods)
	r.h.refresh()
	return r
}

// joinPaths is gin's joinPaths (utils.go): the group's absolute path of a
// relative one, keeping a trailing slash.
func joinPaths(absolutePath, relativePath string) string {
	if relativePath == "" {
		return absolutePath
	}
	finalPath := path.Join(absolutePath, relativePath)
	if strings.HasSuffix(relativePath, "/") && !strings.HasSuffix(finalPath, "/") {
		return finalPath + "/"
	}
	return finalPath
}

// routeKey names one gin route: its method and its path as gin lists it
// once serving (an escaped colon `\:` unescaped).
type routeKey struct{ method, path string }

// nameTable is the names given through routers, and the registered text of
// paths with an escaped colon (gin lists "/a\:b" as "/a:b" once it served a
// request, where it cannot be told from a parameter).
type nameTable struct {
	mu        sync.RWMutex
	names     map[routeKey]string
	originals map[string]string
	changes   atomic.Uint64 // bumped by every record
}

// version changes whenever a name or an original is recorded.
func (t *nameTable) version() uint64 { return t.changes.Load() }

// record notes the name (if any) of the routes of methods at the full
// path, and the path's registered text when it has an escaped colon.
func (t *nameTable) record(full, name string, methods []string) {
	listed := strings.ReplaceAll(full, `\:`, ":")
	t.mu.Lock()
	defer t.mu.Unlock()
	defer t.changes.Add(1)
	if t.names == nil {
		t.names, t.originals = map[routeKey]string{}, map[string]string{}
	}
	if listed != full {
		t.originals[listed] = full
	}
	for _, m := range methods {
		if name != "" {
			t.names[routeKey{m, listed}] = name
		}
	}
}

// lookup returns the explicit name of a route, if any, and the registered
// text of its path when that had an escaped colon.
func (t *nameTable) lookup(method, listed string) (name string, explicit bool, original string, ok bool) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	name, explicit = t.names[routeKey{method, listed}]
	original, ok = t.originals[listed]
	return name, explicit, original, ok
}
