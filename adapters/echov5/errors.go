package partyechov5

import (
	"fmt"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// The errors of every partyline adapter (package adapterkit), under the
// same names in each, so that errors.Is works whichever adapter made them.
var (
	// ErrInvalidOption: [Join] was given a nil *echo.Echo or a malformed
	// option ([InviteRoute], [Namespace]), or echo refused the invite route.
	ErrInvalidOption = adapterkit.ErrInvalidOption
	// ErrAlreadyJoined: [Join] was called twice for one *echo.Echo.
	ErrAlreadyJoined = adapterkit.ErrAlreadyJoined
	// ErrNoHandle: the package-level [URL], [AbsoluteURL] and [Redirect]
	// found no handle for the context: its c.Echo() never joined, or c is
	// nil. It wraps urlfor.ErrNotInvited.
	ErrNoHandle = adapterkit.ErrNoHandle
)

const pkg = "partyechov5"

var (
	errNoHandle   = adapterkit.Errorf(pkg, ErrNoHandle, "the context's *echo.Echo never called partyechov5.Join")
	errNilContext = fmt.Errorf("partyechov5: nil *echo.Context or request: %w", urlfor.ErrBadCall)
)
