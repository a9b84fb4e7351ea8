package partyecho

import (
	"reflect"
	"runtime"

	"github.com/labstack/echo/v4"
)

// HandlerName returns the name echo gives a route registered with handler
// when the route is not named: the handler's full function name, as echo's
// handlerName computes it ("main.showPost", "example.com/blog.(*Posts).Show-fm"
// for a method value, "main.main.func1" for a closure). It lets a link name
// a route by its handler, as echo's e.URI(handler) does:
//
//	h.URL(c, partyecho.HandlerName(showPost), "id", "7")
func HandlerName(handler echo.HandlerFunc) string {
	v := reflect.ValueOf(handler)
	if v.Kind() != reflect.Func || v.IsNil() {
		return ""
	}
	return runtime.FuncForPC(v.Pointer()).Name()
}
