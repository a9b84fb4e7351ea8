package partyecho

import (
	"fmt"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// The errors of every partyline adapter (package adapterkit), under the
// same names in each, so that errors.Is works whichever adapter made them.
var (
	// ErrInvalidOption: [Join] was given a nil *echo.Echo, an invite route
	// that does not start with "/" or holds ":" or "*" (echo's
	// placeholders), or a namespace with ":".
	ErrInvalidOption = adapterkit.ErrInvalidOption
	// ErrAlreadyJoined: [Join] was called twice for one *echo.Echo.
	ErrAlreadyJoined = adapterkit.ErrAlreadyJoined
	// ErrNoHandle: the package-level [URL], [AbsoluteURL] and [Redirect]
	// found no handle for the context (its c.Echo() never joined, or c is
	// nil), or a method of a nil *Handle was called. It wraps
	// urlfor.ErrNotInvited.
	ErrNoHandle = adapterkit.ErrNoHandle
)

var (
	errNoHandle   = adapterkit.Errorf("partyecho", ErrNoHandle, "the context's *echo.Echo never called partyecho.Join")
	errNilContext = fmt.Errorf("partyecho: nil echo.Context or request: %w", urlfor.ErrBadCall)
)

// PatternError says an echo route path cannot be translated into a URL
// template: text after "*", a ":" without a name, one parameter name
// twice. The route is still listed; building it returns this error.
// errors.Is(err, urlfor.ErrInvalidTemplate) holds.
type PatternError struct {
	Pattern string // the route path as echo has it
	Reason  string
	err     error // urlfor's error, when NewTemplate refused the parts
}

// Error returns "partyecho: echo pattern "/a/:": " and the reason.
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

// HostError says the host of an echo host router (e.Host("...")) cannot be
// the host of a URL. Its routes are listed and building them returns this
// error. errors.Is(err, urlfor.ErrInvalidTemplate) holds.
type HostError struct {
	Host string
}

// Error names the host router: "partyecho: echo host router "bad host": ...".
func (e *HostError) Error() string {
	return fmt.Sprintf("partyecho: echo host router %q: not a host[:port] that a URL can carry", e.Host)
}

// Unwrap returns [urlfor.ErrInvalidTemplate].
func (e *HostError) Unwrap() error { return urlfor.ErrInvalidTemplate }
