package partyechov5

import (
	"cmp"
	"context"
	"log/slog"
	"maps"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"weak"

	"github.com/labstack/echo/v5"
	"github.com/partyline-go/partyline/urlfor"
)

// source is the app's live route table for urlfor (urlfor.Versioned):
// Routes reads e.Router().Routes() again, and a miss re-reads only when
// RoutesVersion moved.
type source struct {
	app    weak.Pointer[echo.Echo] // weak: the handle must not keep its app alive
	invite []string                // the local invite routes, not endpoints
	logger *slog.Logger
	added  atomic.Uint64 // routes echo added since Join, counted by the hook; after a replaced hook, misses
	hook   uintptr       // code pointer of the installed hook
	warned atomic.Bool
	known  atomic.Uint32 // the router's mode, once asked
	reads  atomic.Uint64 // calls of Routes, for tests
}

// endpoint is the routes of one name and path, which build the same URL
// (GET and HEAD, e.Match). One name on two paths is two urlfor routes,
// which urlfor refuses as ambiguous.
type endpoint struct{ path, name string }

// Routes lists the routes of e's router under their echo names, but the
// invite and RouteNotFound routes, by path then name, with the values
// other routes take from each parameter (taken.go).
func (s *source) Routes() []urlfor.Route {
	s.reads.Add(1)
	e := s.app.Value()
	if e == nil {
		return nil
	}
	infos := e.Router().Routes()
	t := newTable(e, infos)
	m, methods := s.mode(e, t), map[endpoint][]string{}
	for _, ri := range infos {
		if k := (endpoint{normalize(ri.Path), ri.Name}); ri.Method != echo.RouteNotFound && !(ri.Method == http.MethodGet && slices.Contains(s.invite, ri.Path)) {
			methods[k] = append(methods[k], ri.Method)
		}
	}
	out := make([]urlfor.Route, 0, len(methods))
	for _, k := range slices.SortedFunc(maps.Keys(methods), func(a, b endpoint) int {
		return cmp.Or(strings.Compare(a.path, b.path), strings.Compare(a.name, b.name))
	}) {
		ms, sh := slices.Compact(slices.Sorted(slices.Values(methods[k]))), &t.shapes[t.at[k.path]]
		tm, err := compile(k.path, sh.toks, sh.problem, t.takens(t.at[k.path], ms, m), m)
		out = append(out, urlfor.Route{Name: k.name, Method: cmpOr(slices.Contains(ms, echo.RouteAny), "", strings.Join(ms, ",")), Pattern: k.path, Path: tm, Err: err})
	}
	return out
}

// mode is the router's mode (param.go), asked once, with t or a table of
// the router's routes.
func (s *source) mode(e *echo.Echo, t *table) mode {
	if m := mode(s.known.Load()); m != 0 {
		return m
	}
	m := probeMode(cmpOr(t == nil, newTable(e, e.Router().Routes()), t))
	s.known.Store(uint32(m))
	return cmpOr(m == 0, rawValues, m)
}

// install sets e.OnAddRoute to a hook that counts routes and calls the one
// set before, if any. echo calls it for every route added through e or a
// group, before its router adds it (echo.go's add).
func (s *source) install(e *echo.Echo) {
	prev := e.OnAddRoute
	fn := func(r echo.Route) error {
		if s.added.Add(1); prev != nil {
			return prev(r)
		}
		return nil
	}
	e.OnAddRoute, s.hook = fn, reflect.ValueOf(fn).Pointer()
}

// RoutesVersion implements urlfor.Versioned: the routes the hook counted
// and, for echo's DefaultRouter (whose Routes is no copy), the table's
// length, which Router.Remove changes without a hook. Once e.OnAddRoute
// no longer holds the hook (replaced after Join without chaining; logged
// once), a new number on every call: every miss re-reads, O(routes).
func (s *source) RoutesVersion() uint64 {
	e, n := s.app.Value(), 0
	if e == nil {
		return 0
	} else if r, ok := e.Router().(*echo.DefaultRouter); ok {
		n = len(r.Routes())
	}
	if reflect.ValueOf(e.OnAddRoute).Pointer() != s.hook {
		if s.warned.CompareAndSwap(false, true) && s.logger != nil {
			s.logger.LogAttrs(context.Background(), slog.LevelWarn, pkg+": Echo.OnAddRoute was replaced after Join without chaining partyechov5's; unknown names now re-read every route")
		}
		s.added.Add(1)
	}
	return s.added.Load()<<32 | uint64(n)
}
