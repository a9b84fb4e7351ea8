package partyecho

import (
	"errors"
	"fmt"

	"github.com/labstack/echo/v4"
	"github.com/partyline-go/partyline/urlfor"
)

// ErrAlreadyJoined is returned by [Join] for an *echo.Echo that already
// joined: one app has one invite route and one membership.
var ErrAlreadyJoined = errors.New("partyecho: the echo app already joined")

// ErrInvalidOption is returned by [Join] for a nil app or a malformed
// option: an invite route that does not start with "/", a namespace with
// ":".
var ErrInvalidOption = errors.New("partyecho: invalid option")

// ErrNotJoined is returned by the package-level [URL], [AbsoluteURL],
// [Redirect] and [HandleOf] when the context's *echo.Echo never called
// [Join], and by the methods of a nil *Handle. errors.Is(err,
// urlfor.ErrNotInvited) holds too: an app that never joined is not invited.
var ErrNotJoined error = notJoinedError{}

type notJoinedError struct{}

func (notJoinedError) Error() string {
	return "partyecho: the echo app never joined a party (call partyecho.Join before serving): " + urlfor.ErrNotInvited.Error()
}

func (notJoinedError) Unwrap() error { return urlfor.ErrNotInvited }

// PatternError says an echo route path cannot be translated into a URL
// template. The route is still listed by the participant; building it
// returns this error. errors.Is(err, urlfor.ErrInvalidTemplate) holds.
type PatternError struct {
	Pattern string // the route path as echo has it
	Reason  string
	err     error // urlfor's error, when NewTemplate refused the parts
}

func (e *PatternError) Error() string {
	return fmt.Sprintf("partyecho: echo pattern %q: %s", e.Pattern, e.Reason)
}

// Unwrap returns urlfor's error, or [urlfor.ErrInvalidTemplate].
func (e *PatternError) Unwrap() error {
	if e.err != nil {
		return e.err
	}
	return urlfor.ErrInvalidTemplate
}

// HostError says the host of an echo host router (echo's Host) cannot be
// the host of a URL. Its routes are listed and building them returns this
// error. errors.Is(err, urlfor.ErrInvalidTemplate) holds.
type HostError struct {
	Host string
}

func (e *HostError) Error() string {
	return fmt.Sprintf("partyecho: echo host router %q: not a host[:port] that a URL can carry", e.Host)
}

// Unwrap returns [urlfor.ErrInvalidTemplate].
func (e *HostError) Unwrap() error { return urlfor.ErrInvalidTemplate }

// RedirectCodeError is returned by the Redirect helpers for a status that
// echo's Context.Redirect refuses: anything outside 300-308. Nothing is
// built or written. errors.Is matches both [urlfor.ErrBadCall] and
// echo.ErrInvalidRedirectCode.
type RedirectCodeError struct {
	Code int
}

func (e *RedirectCodeError) Error() string {
	return fmt.Sprintf("partyecho: redirect status %d is not a redirect (echo takes 300-308)", e.Code)
}

// Unwrap returns urlfor.ErrBadCall and echo.ErrInvalidRedirectCode.
func (e *RedirectCodeError) Unwrap() []error {
	return []error{urlfor.ErrBadCall, echo.ErrInvalidRedirectCode}
}

// ShadowedError says a value would build a URL that echo routes to another
// route: echo prefers static text to a parameter and a parameter to the
// wildcard, so with "/posts/new" beside "/posts/:id", id "new" reaches
// "/posts/new". The adapter refuses such values with a regexp constraint
// (see the package doc); the helpers of this package turn the resulting
// *urlfor.ParamError into a ShadowedError that names the routes that take
// the value. errors.Is(err, urlfor.ErrInvalidParam) holds.
type ShadowedError struct {
	*urlfor.ParamError
	By string // the routes that take the value: "GET /posts/new"
}

func (e *ShadowedError) Error() string {
	return fmt.Sprintf("partyecho: %s: parameter %q value %q builds a URL that echo routes to %s, not to %q",
		e.Endpoint, e.Param, e.Value, e.By, e.Pattern)
}

// Unwrap returns the *urlfor.ParamError.
func (e *ShadowedError) Unwrap() error { return e.ParamError }
