package partygin

import (
	"reflect"
	"runtime"
	"strings"

	"github.com/gin-gonic/gin"
)

// DefaultName returns the endpoint name a route gets when it was registered
// without [Router.Named]: a short form of the name of its last handler, the
// function gin reports in RouteInfo.Handler and c.HandlerName(). It returns
// "" for a nil or anonymous handler, which then gets no default name (name
// such routes explicitly).
//
// The rule, applied to the runtime name (runtime.FuncForPC):
//
//   - the package is the last element of its import path, without a major
//     version ("github.com/acme/shop/v2" and "gopkg.in/shop.v2" give "shop"),
//     as Go code refers to it;
//   - a method value loses its "-fm" wrapper suffix and its receiver's
//     pointer and parentheses: "(*Server).Show-fm" gives "Server.Show";
//   - generic instantiations lose their "[...]" (every instantiation of a
//     generic handler shares one name);
//   - closures ("main.main.func1", "routes.func2.1", "init.func1",
//     "glob..func1") and other compiler-made functions (a "-" in the name,
//     such as range-over-func bodies) have no default name: their names
//     change when code moves, and factories give every route the same one.
//
// So "github.com/acme/shop.list[...]" is "shop.list" and "main.main.func1"
// is "". Two routes whose handlers give one default name are an
// [urlfor.AmbiguousError] when that name is asked for, never before. (echo
// names routes by the full runtime name, which a template does not want
// and which changes when the module moves.)
func DefaultName(handler gin.HandlerFunc) string {
	if handler == nil {
		return ""
	}
	f := runtime.FuncForPC(reflect.ValueOf(handler).Pointer())
	if f == nil {
		return ""
	}
	return defaultName(f.Name())
}

// defaultName applies DefaultName's rule to a runtime function name, as
// gin's RouteInfo.Handler gives it.
func defaultName(full string) string {
	if full == "" {
		return ""
	}
	dir, rest := "", full
	if i := strings.LastIndexByte(full, '/'); i >= 0 {
		dir, rest = full[:i], full[i+1:]
	}
	elem, sym, ok := strings.Cut(rest, ".")
	if !ok || sym == "" {
		return ""
	}
	// The linker escapes "." in the last import path element ("yaml%2ev3").
	elem = strings.ReplaceAll(elem, "%2e", ".")
	elem = packageName(dir, elem)
	if elem == "" {
		return ""
	}
	sym = strings.TrimSuffix(sym, "-fm")
	sym = strings.ReplaceAll(sym, "[...]", "")
	if strings.HasPrefix(sym, "(*") {
		// "(*Server).Show" -> "Server.Show"
		end := strings.IndexByte(sym, ')')
		if end < 0 {
			return ""
		}
		sym = sym[2:end] + sym[end+1:]
	}
	parts := strings.Split(sym, ".")
	for i, p := range parts {
		if !isIdentifier(p) || i > 0 && isClosureElem(p) {
			return ""
		}
	}
	return elem + "." + sym
}

// packageName returns the package part of a default name: the last element
// of the import path, without a major version ("v2" as its own element, or
// a ".v2" suffix as gopkg.in has it).
func packageName(dir, elem string) string {
	if isMajorVersion(elem) && dir != "" {
		if i := strings.LastIndexByte(dir, '/'); i >= 0 {
			elem = dir[i+1:]
		} else {
			elem = dir
		}
	}
	if i := strings.LastIndexByte(elem, '.'); i > 0 && isMajorVersion(elem[i+1:]) {
		elem = elem[:i]
	}
	return elem
}

// isMajorVersion reports whether s is a major version element: "v2".
func isMajorVersion(s string) bool { return len(s) > 1 && s[0] == 'v' && digits(s[1:]) }

// isClosureElem reports whether an element after the first names an
// anonymous function: "func1", or "1" for a closure inside a closure.
func isClosureElem(p string) bool { return digits(strings.TrimPrefix(p, "func")) }

func digits(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

// isIdentifier reports whether p could be one element of a Go symbol:
// letters, digits and underscores (so "-range1" bodies and empty elements,
// as in "glob..func1", are not).
func isIdentifier(p string) bool {
	return p != "" && strings.IndexFunc(p, func(r rune) bool {
		return r != '_' && !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r > 0x7f)
	}) < 0
}
