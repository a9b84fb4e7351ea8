package partyechov5

import (
	"net/http"

	"github.com/labstack/echo/v5"
)

// Registrar is what echo v5 adds routes to: *echo.Echo and *echo.Group
// (whose prefix and middleware apply, as echo does).
type Registrar interface {
	AddRoute(route echo.Route) (echo.RouteInfo, error)
}

// Namer registers routes on a [Registrar] under one name, echo's own
// Route.Name. echo v5's e.GET returns a RouteInfo copy whose Name cannot
// be set (echo #3089): Named(e, "post").GET(path, h) is the one-line form
// of e.AddRoute(echo.Route{Method: "GET", Path: path, Name: "post", Handler: h}).
type Namer struct {
	r    Registrar
	name string
}

// Named returns a Namer registering on r routes named name, the endpoint's
// local name ("post"; "blog:post" from other apps). One name on one path
// with two methods is one endpoint; on two paths, an ambiguous name.
func Named(r Registrar, name string) Namer { return Namer{r, name} }

// Add registers method path with h and route middleware m, named, and
// returns echo's RouteInfo. It panics where echo's e.Add panics (a route
// echo refuses), at set-up time.
func (n Namer) Add(method, path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) echo.RouteInfo {
	ri, err := n.r.AddRoute(echo.Route{Method: method, Path: path, Name: n.name, Handler: h, Middlewares: m})
	if err != nil {
		panic(err) // echo's own style: e.Add panics
	}
	return ri
}

// GET is Add(http.MethodGet, ...).
func (n Namer) GET(path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) echo.RouteInfo {
	return n.Add(http.MethodGet, path, h, m...)
}

// POST is Add(http.MethodPost, ...).
func (n Namer) POST(path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) echo.RouteInfo {
	return n.Add(http.MethodPost, path, h, m...)
}

// PUT is Add(http.MethodPut, ...).
func (n Namer) PUT(path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) echo.RouteInfo {
	return n.Add(http.MethodPut, path, h, m...)
}

// PATCH is Add(http.MethodPatch, ...).
func (n Namer) PATCH(path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) echo.RouteInfo {
	return n.Add(http.MethodPatch, path, h, m...)
}

// DELETE is Add(http.MethodDelete, ...).
func (n Namer) DELETE(path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) echo.RouteInfo {
	return n.Add(http.MethodDelete, path, h, m...)
}

// Any is Add(echo.RouteAny, ...): one route for every method.
func (n Namer) Any(path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) echo.RouteInfo {
	return n.Add(echo.RouteAny, path, h, m...)
}
