package partyecho

import (
	"fmt"

	"github.com/labstack/echo/v4"
	"github.com/partyline-go/partyline/urlfor"
)

// errNilContext is returned for a nil echo.Context, or one without a
// request, where a helper needs it.
var errNilContext = fmt.Errorf("partyecho: nil echo.Context or request: %w", urlfor.ErrBadCall)

// echoOf returns the app serving c, or an error for a nil c.
func echoOf(c echo.Context) (*echo.Echo, error) {
	if c == nil {
		return nil, errNilContext
	}
	return c.Echo(), nil
}

// URL is [Handle.URL] for the app that serves c, found through c.Echo():
//
//	u, err := partyecho.URL(c, "post", "id", "7")
//
// It fails with [ErrNotJoined] (which matches urlfor.ErrNotInvited) when
// that app never joined, and with urlfor.ErrNotInvited before its
// invitation.
func URL(c echo.Context, name string, pairs ...string) (string, error) {
	e, err := echoOf(c)
	if err != nil {
		return "", err
	}
	h, err := HandleOf(e)
	if err != nil {
		return "", err
	}
	return h.URL(c, name, pairs...)
}

// AbsoluteURL is [Handle.AbsoluteURL] for the app that serves c, found
// through c.Echo(); [ErrNotJoined] when it never joined.
func AbsoluteURL(c echo.Context, name string, pairs ...string) (string, error) {
	e, err := echoOf(c)
	if err != nil {
		return "", err
	}
	h, err := HandleOf(e)
	if err != nil {
		return "", err
	}
	return h.AbsoluteURL(c, name, pairs...)
}

// Redirect is [Handle.Redirect] for the app that serves c, found through
// c.Echo():
//
//	return partyecho.Redirect(c, http.StatusSeeOther, "shop:cart", "id", "3")
//
// A code outside 300-308 is a [*RedirectCodeError]; [ErrNotJoined] when the
// app never joined.
func Redirect(c echo.Context, code int, name string, pairs ...string) error {
	if code < 300 || code > 308 {
		return &RedirectCodeError{Code: code}
	}
	e, err := echoOf(c)
	if err != nil {
		return err
	}
	h, err := HandleOf(e)
	if err != nil {
		return err
	}
	return h.Redirect(c, code, name, pairs...)
}
