package partyhttp

import (
	"fmt"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// The errors of every partyline adapter ([adapterkit]), for errors.Is.
var (
	// ErrInvalidOption: [Join] got a nil ServeMux, a malformed option, or
	// an invite route that conflicts with a registered pattern.
	ErrInvalidOption = adapterkit.ErrInvalidOption
	// ErrAlreadyJoined: [Join] was called twice for one ServeMux, or a
	// joined ServeMux was invited again (mounted twice, or by a second
	// party): core.New then fails with it, naming where it joined.
	ErrAlreadyJoined = adapterkit.ErrAlreadyJoined
	// ErrNoHandle: the package-level [URL], [AbsoluteURL] or [Redirect]
	// found no [Handle.Middleware] handle in the request context. It wraps
	// urlfor.ErrNotInvited.
	ErrNoHandle = adapterkit.ErrNoHandle
)

// PatternError says why a ServeMux pattern has no URL template: its route is
// listed with it in Err, and building it returns it. It matches
// [urlfor.ErrInvalidTemplate].
type PatternError struct {
	Pattern string // the pattern as registered: "GET /posts/{id}"
	Reason  string // why, with the ServeMux rule it comes from
}

// Error returns "partyhttp: pattern "…" <reason>".
func (e *PatternError) Error() string {
	return fmt.Sprintf("partyhttp: pattern %q %s", e.Pattern, e.Reason)
}

// Is matches [urlfor.ErrInvalidTemplate].
func (e *PatternError) Is(target error) bool { return target == urlfor.ErrInvalidTemplate }
