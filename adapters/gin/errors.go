package partygin

import (
	"fmt"

	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// The errors of every partyline adapter (package adapterkit), so that
// errors.Is works whichever adapter made them. URL errors are urlfor's: a
// value another route takes is a *urlfor.ParamError whose TakenBy names
// that route, a bad redirect status a *urlfor.RedirectCodeError.
var (
	// ErrInvalidOption is returned by [Join] and [JoinAhead] for a nil
	// engine, a malformed option (an invite route that does not start with
	// "/" or holds gin's ":" or "*", a namespace with ":"), or an invite
	// route gin refuses beside a route of the app (an
	// [*InviteConflictError]).
	ErrInvalidOption = adapterkit.ErrInvalidOption

	// ErrAlreadyJoined is returned by [Join] for an engine that joined
	// before, and wrapped by core.New's error when a joined engine is
	// invited again (mounted twice, or by a second party), naming where it
	// joined: one engine is one app, with one handle.
	ErrAlreadyJoined = adapterkit.ErrAlreadyJoined

	// ErrNoHandle is returned by the package-level [URL], [AbsoluteURL] and
	// [Redirect] when the gin context carries no handle: the engine never
	// joined, or [Handle.Middleware] is not in the handler chain. It wraps
	// urlfor.ErrNotInvited.
	ErrNoHandle = adapterkit.ErrNoHandle
)

// InviteConflictError is the error of [Join] and [JoinAhead] when a route
// the app registered first stands where gin allows no invite route: the
// invite route itself, or a catch-all whose literal text leads to it
// ("/*path", a single-page app's fallback: gin allows no other route of
// its method beside a root catch-all, and panics). Join registers nothing
// then. It wraps [ErrInvalidOption].
//
// The fix for a catch-all is the order: call JoinAhead, then register the
// catch-all; the invitation is then answered ahead of routing. For the
// invite route itself, choose another with [InviteRoute].
type InviteConflictError struct {
	Method      string // the method of the route
	Route       string // the route's path, as engine.Routes lists it
	InviteRoute string // the invite route Join would register
}

func (e *InviteConflictError) Error() string {
	if e.Route == e.InviteRoute {
		return fmt.Sprintf("partygin: the app's route %s %s is the invite route: choose another with partygin.InviteRoute", e.Method, e.Route)
	}
	return fmt.Sprintf("partygin: the route %s %s, registered before the app joined, conflicts with the invite route %s (gin allows no route beside it): call partygin.JoinAhead first, then register %s",
		e.Method, e.Route, e.InviteRoute, e.Route)
}

// Unwrap returns [ErrInvalidOption].
func (e *InviteConflictError) Unwrap() error { return ErrInvalidOption }
