package partyecho

import (
	"context"
	"log/slog"
	"reflect"
	"sync/atomic"

	"github.com/labstack/echo/v4"
)

// hook counts the routes echo registers, through Echo.OnAddRouteHandler,
// so that the source tells urlfor cheaply whether its table changed
// (urlfor.Versioned): a miss then costs a map lookup, not a re-read.
//
// OnAddRouteHandler is a plain field: Join chains the handler set before
// it. One set after Join replaces partyecho's, which cannot tell whether
// it chains: it notices that the field no longer holds its function, logs
// a warning once, and stops trusting the count (every miss re-reads). echo
// calls the hook before a route is named, so a route renamed long after it
// was added is seen at the next addition.
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

// RoutesVersion implements urlfor.Versioned: the number of routes echo
// registered since Join, or, once the hook was replaced, a new number on
// every call.
func (s *source) RoutesVersion() uint64 {
	h, e := &s.hook, s.app.Value()
	if e == nil || reflect.ValueOf(e.OnAddRouteHandler).Pointer() == h.pc {
		return h.version.Load()
	}
	if h.warned.CompareAndSwap(false, true) && h.logger != nil {
		h.logger.LogAttrs(context.Background(), slog.LevelWarn,
			"partyecho: Echo.OnAddRouteHandler was replaced after Join without chaining partyecho's; unknown names now re-read every route (chain the previous handler to keep them cheap)")
	}
	return h.fallback.Add(1) | 1<<63
}
