package partyecho

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"weak"

	"github.com/labstack/echo/v4"
	"github.com/partyline-go/partyline/urlfor"
)

// source is the app's live route table for urlfor: every call to Routes
// reads echo's routers again, so routes registered after the invitation are
// found; it is urlfor.Versioned (hook.go).
type source struct {
	app    weak.Pointer[echo.Echo] // weak: the handle must not keep its app alive
	invite []string                // the local invite routes, left out of the table
	hook   hook
	reads  atomic.Uint64 // calls of Routes, for tests
	plain  sync.Map      // path -> compiled, for paths no other route takes values from
}

type compiled struct {
	t   *urlfor.Template
	err error
}

// endpoint groups the routes of one router that build the same URL: echo
// keeps a route per method and path, so e.Any and e.Match give several
// routes of one name and path. One name on two paths stays two routes,
// which urlfor refuses as ambiguous.
type endpoint struct{ path, name string }

// anyMethods are the methods echo's Any registers (echo.go's methods).
var anyMethods = []string{
	echo.CONNECT, echo.DELETE, echo.GET, echo.HEAD, echo.OPTIONS, echo.PATCH,
	echo.POST, echo.PROPFIND, echo.PUT, echo.REPORT, echo.TRACE,
}

// Routes reads the default router (e.Routes) and every host router
// (e.Routers), leaves out the invite routes and echo's RouteNotFound
// routes, merges methods, and translates each path, refusing the values
// another route of its router takes (shadow.go). The order is stable: by
// host, path, then name.
func (s *source) Routes() []urlfor.Route {
	s.reads.Add(1)
	e := s.app.Value()
	if e == nil {
		return nil
	}
	out := s.routesOf(e, "", e.Router())
	routers := e.Routers()
	for _, host := range slices.Sorted(maps.Keys(routers)) {
		out = append(out, s.routesOf(e, host, routers[host])...)
	}
	return out
}

func (s *source) routesOf(e *echo.Echo, host string, router *echo.Router) []urlfor.Route {
	all := router.Routes()
	methods := map[endpoint][]string{}
	for _, r := range all {
		if r.Method != echo.RouteNotFound && (host != "" || r.Method != echo.GET || !slices.Contains(s.invite, r.Path)) {
			methods[endpoint{r.Path, r.Name}] = append(methods[endpoint{r.Path, r.Name}], r.Method)
		}
	}
	var hostT *urlfor.Template
	var hostErr error
	if host != "" {
		hostT, hostErr = hostTemplate(host)
	}
	sh := newShadows(e, router, all)
	var out []urlfor.Route
	for _, k := range slices.SortedFunc(maps.Keys(methods), func(a, b endpoint) int {
		return cmp.Or(cmp.Compare(a.path, b.path), cmp.Compare(a.name, b.name))
	}) {
		ms := slices.Compact(slices.Sorted(slices.Values(methods[k])))
		c := s.template(k.path, sh.takens(k.path, ms))
		out = append(out, urlfor.Route{Name: k.name, Method: methodList(ms), Pattern: host + k.path, Path: c.t, Host: hostT, Err: cmp.Or(hostErr, c.err)})
	}
	return out
}

// template compiles path, from the cache when no other route takes values
// from it (most routes: a re-read compiles only the others).
func (s *source) template(path string, taken map[int][]urlfor.Taken) compiled {
	if c, ok := s.plain.Load(path); ok && len(taken) == 0 {
		return c.(compiled)
	}
	t, err := compile(path, taken)
	if len(taken) == 0 {
		s.plain.Store(path, compiled{t, err})
	}
	return compiled{t, err}
}

// methodList is an endpoint's Method: its methods joined with ",", or ""
// when it takes all of echo's Any methods.
func methodList(ms []string) string {
	for _, m := range anyMethods {
		if !slices.Contains(ms, m) {
			return strings.Join(ms, ",")
		}
	}
	return ""
}

// hostTemplate is the literal host template of an echo host router. echo
// matches its key against r.Host exactly, so the URL carries the key as it
// is ("api.example.com", "localhost:8080"), when a URL can carry it
// unescaped: letters, digits, "-._:" and an IPv6 literal's brackets.
func hostTemplate(host string) (*urlfor.Template, error) {
	valid := host != "" && host[0] != ':' && host[0] != '.' && strings.Trim(host,
		"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._:[]") == ""
	if t, err := urlfor.NewHostTemplate(host, []urlfor.Part{urlfor.Literal(host)}); valid && err == nil {
		return t, nil
	}
	return nil, &HostError{Host: host}
}
