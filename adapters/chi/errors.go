package partychi

import (
	"errors"
	"fmt"

	"github.com/partyline-go/partyline/urlfor"
)

// ErrInvalidOption is wrapped by the error [Join] returns for a nil router
// or a malformed option: an invite route that does not start with "/" or
// holds a chi placeholder, a namespace with ":".
var ErrInvalidOption = errors.New("partychi: invalid option")

// ErrAlreadyJoined is returned by [Join] for a router that already joined:
// one router is one app, with one invite route and one namespace.
var ErrAlreadyJoined = errors.New("partychi: router already joined")

// ErrNamedTwice is the error of a route that more than one [Name]
// middleware names (a Name in r.Use above a named route, say): the route is
// listed under each name, and building it returns this error.
var ErrNamedTwice = errors.New("partychi: route named twice")

// ErrNoHandle is returned by the package-level [URL], [AbsoluteURL] and
// [Redirect] when the request did not pass through [Handle.Middleware]. It
// wraps [urlfor.ErrNotInvited]: as far as the handler can tell, its app
// never joined.
var ErrNoHandle = fmt.Errorf("partychi: no handle in the request context (route the request through Handle.Middleware): %w", urlfor.ErrNotInvited)

// RedirectCodeError is returned by [Handle.Redirect] for a status outside
// 300-399 ([urlfor.CheckRedirectCode]). Nothing is written to the response.
// It matches [urlfor.ErrBadCall].
type RedirectCodeError = urlfor.RedirectCodeError

func optionErr(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrInvalidOption}, args...)...)
}
