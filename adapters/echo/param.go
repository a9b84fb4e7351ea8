package partyecho

import (
	"net/url"
	"slices"

	"github.com/labstack/echo/v4"
)

// Param returns the value of the path parameter name ("*" for the
// wildcard) as the client meant it: echo's c.Param hands raw, still
// escaped text when the request has a RawPath and decoded text when it has
// not (see the package doc), so Param unescapes only in the first case.
// It is exact for every URL partyecho builds (where c.Param is too, unless
// a one-segment value holds "/": "/posts/a%2Fb" gives c.Param "a%2Fb",
// Param "a/b"), and for URLs typed by hand ("/posts/100%25" gives "100%",
// "/posts/a%2Cb" "a,b"). An escape that does not decode is
// url.PathUnescape's error; a nil c wraps urlfor.ErrBadCall.
func Param(c echo.Context, name string) (string, error) {
	if c == nil || c.Request() == nil || c.Request().URL == nil {
		return "", errNilContext
	}
	v := c.Param(name)
	if c.Request().URL.RawPath == "" {
		return v, nil
	}
	return url.PathUnescape(v)
}

// stickyParam reads the parameter key of the route c matched for the
// [Sticky] option, as [Param] reads it; false for a nil c (or one without
// a request), a key that is not among the route's c.ParamNames(), or a
// value whose escape does not decode. A parameter the route has but whose
// value is empty (echo matches "/release-/bin" with "/release-:v/bin") is
// given as ""; the build refuses it like any other empty value.
func stickyParam(c echo.Context, key string) (string, bool) {
	if c == nil || c.Request() == nil || c.Request().URL == nil || !slices.Contains(c.ParamNames(), key) {
		return "", false
	}
	v, err := Param(c, key)
	return v, err == nil
}
