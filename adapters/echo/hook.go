package partyecho

import (
	"context"
	"log/slog"
	"reflect"
	"sync/atomic"

	"github.com/labstack/echo/v4"
)

// hook counts the routes echo registers, through Echo.OnAddRouteHandler,
// so that the source can tell urlfor cheaply whether its table changed
// (urlfor.Versioned): a build of an unknown name then costs a map lookup,
// not a re-read of every route.
//
// OnAddRouteHandler is a plain field that anyone may overwrite. Join chains
// the handler that was set before it, so set yours before Join. A handler
// set after Join replaces partyecho's, and partyecho cannot tell one that
// calls the handler it replaced from one that does not: it notices that
// the field no longer holds its function and stops trusting the count.
// Every miss then re-reads echo's routes, O(routes): slower, still right.
// It logs that once, as a warning, on the WithLogger logger.
//
// A route renamed long after it was added (r := e.GET(...); ...; r.Name =
// "x") is not counted, because echo calls the hook before the name is set.
// The usual e.GET(...).Name = "x" is one statement and is found.
type hook struct {
	version  atomic.Uint64
	fallback atomic.Uint64
	pc       uintptr // code pointer of the installed hook
	warned   atomic.Bool
	logger   *slog.Logger
}

// install sets e.OnAddRouteHandler to a function that counts routes and
// then calls the handler set before, if any.
func (h *hook) install(e *echo.Echo) {
	prev := e.OnAddRouteHandler
	fn := func(host string, r echo.Route, handler echo.HandlerFunc, mw []echo.MiddlewareFunc) {
		h.version.Add(1)
		if prev != nil {
			prev(host, r, handler, mw)
		}
	}
	e.OnAddRouteHandler = fn
	h.pc = reflect.ValueOf(fn).Pointer()
}

// current returns the version of e's routes: the number of routes echo
// registered since Join, or, once the hook was replaced, a new number on
// every call (so that every miss re-reads).
func (h *hook) current(e *echo.Echo) uint64 {
	if e == nil || reflect.ValueOf(e.OnAddRouteHandler).Pointer() == h.pc {
		return h.version.Load()
	}
	if h.warned.CompareAndSwap(false, true) && h.logger != nil {
		h.logger.LogAttrs(context.Background(), slog.LevelWarn,
			"partyecho: Echo.OnAddRouteHandler was replaced after Join without chaining partyecho's; unknown names now re-read every route (chain the previous handler to keep them cheap)")
	}
	return h.fallback.Add(1) | 1<<63
}

// RoutesVersion implements urlfor.Versioned.
func (s *source) RoutesVersion() uint64 { return s.hook.current(s.app.Value()) }
