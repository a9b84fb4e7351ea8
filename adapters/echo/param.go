package partyecho

import (
	"net/url"

	"github.com/labstack/echo/v4"
)

// Param returns the value of the path parameter name ("*" for the
// wildcard) as the client meant it, whatever the URL's escaping: echo's
// c.Param hands the raw, still escaped text when the request has a
// RawPath and the decoded text when it has not (see the package doc), so
// Param unescapes only in the first case. For every URL partyecho builds,
// url.PathUnescape(c.Param(name)) gives the same value; Param is also right
// for URLs typed by hand ("/posts/100%25" gives "100%"). An escape that
// does not decode is an error from url.PathUnescape; a nil c is an error
// wrapping urlfor.ErrBadCall.
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
