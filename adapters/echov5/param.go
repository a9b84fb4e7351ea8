package partyechov5

import (
	"net/url"
	"slices"
	"strings"

	"github.com/labstack/echo/v5"
)

// mode is how an echo router reads a request path (echo.RouterConfig; 0
// while unknown): rawValues, echo's default, matches the request's RawPath
// when it has one and hands that raw, still escaped text, else the decoded
// Path; unescaped (UnescapePathParamValues) unescapes what it reads from
// the RawPath; decodedPath (UseEscapedPathForMatching, which despite its
// name selects the decoded Path) always reads the Path, where "%2F" is "/".
type mode uint32

const (
	rawValues mode = iota + 1
	unescaped
	decodedPath
)

// probeMode asks t's router, whose RouterConfig cannot be read, how it
// reads a request whose Path and RawPath differ (Path "~a", RawPath "%7E"
// in the parameters of a route): "~a" is decodedPath, "~" unescaped, "%7E"
// rawValues; 0 when no route can be asked.
func probeMode(t *table) mode {
	for _, sh := range t.shapes {
		var path, raw strings.Builder
		for _, tk := range sh.toks {
			path.WriteString(cmpOr(tk.Literal == "", "~a", tk.Literal))
			raw.WriteString(cmpOr(tk.Literal == "", "%7E", tk.Literal))
		}
		// Any method but RouteNotFound, which one path may have beside others.
		at := slices.IndexFunc(sh.methods, func(m string) bool { return m != echo.RouteNotFound })
		if sh.problem != "" || path.String() == sh.path || at < 0 {
			continue
		}
		if c := t.find(sh.methods[at], &url.URL{Path: path.String(), RawPath: raw.String()}); c.Path() == sh.path {
			switch c.PathValues()[0].Value {
			case "~a":
				return decodedPath
			case "~":
				return unescaped
			}
			return rawValues
		}
	}
	return 0
}

// modeOf is the mode of e's router, asked once through its handle (now
// for an app that never joined); echo's default when nothing tells.
func modeOf(e *echo.Echo) mode {
	if h, ok := joined.Lookup(e); ok {
		return h.src.mode(e, nil)
	} else if e != nil {
		if m := probeMode(newTable(e, e.Router().Routes())); m != 0 {
			return m
		}
	}
	return rawValues
}

// Param returns the path parameter name ("*": the wildcard) as the client
// meant it, in every RouterConfig: by default c.Param is raw text when
// the request has a RawPath ("/posts/a%2Fb" gives "a%2Fb") and decoded
// otherwise ("/posts/100%25" gives "100%"), so Param unescapes the first
// only; UnescapePathParamValues and UseEscapedPathForMatching decode
// already. It is exact for every URL partyechov5 builds. An escape that
// does not decode is url.PathUnescape's error; a nil c wraps
// urlfor.ErrBadCall.
func Param(c *echo.Context, name string) (string, error) {
	if c == nil || c.Request() == nil || c.Request().URL == nil {
		return "", errNilContext
	}
	if v := c.Param(name); c.Request().URL.RawPath == "" || modeOf(c.Echo()) != rawValues {
		return v, nil
	}
	return url.PathUnescape(c.Param(name))
}

// cmpOr is a if c, else b.
func cmpOr[T any](c bool, a, b T) T {
	if c {
		return a
	}
	return b
}

// stickyParam reads the parameter key of the route c matched for the
// [Sticky] option, as [Param] reads it; false for a nil c (or one without
// a request), a key that is not among the route's c.PathValues(), or a
// value whose escape does not decode. A parameter the route has but whose
// value is empty (echo matches "/release-/bin" with "/release-:v/bin") is
// given as ""; the build refuses it like any other empty value.
func stickyParam(c *echo.Context, key string) (string, bool) {
	if c == nil || c.Request() == nil || c.Request().URL == nil {
		return "", false
	}
	if _, ok := c.PathValues().Get(key); !ok {
		return "", false
	}
	v, err := Param(c, key)
	return v, err == nil
}
