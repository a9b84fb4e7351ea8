package partygin

import "github.com/partyline-go/partyline/urlfor/adapterkit"

// The errors of every partyline adapter (package adapterkit), so that
// errors.Is works whichever adapter made them. URL errors are urlfor's: a
// value another route takes is a *urlfor.ParamError whose TakenBy names
// that route, a bad redirect status a *urlfor.RedirectCodeError.
var (
	// ErrInvalidOption is returned by [Join] for a nil engine, a malformed
	// option (an invite route that does not start with "/" or holds gin's
	// ":" or "*", a namespace with ":"), or an invite route gin refused to
	// register (it conflicts with a route of the app).
	ErrInvalidOption = adapterkit.ErrInvalidOption

	// ErrAlreadyJoined is returned by [Join] for an engine that joined
	// before: one engine is one app, with one handle.
	ErrAlreadyJoined = adapterkit.ErrAlreadyJoined

	// ErrNoHandle is returned by the package-level [URL], [AbsoluteURL] and
	// [Redirect] when the gin context carries no handle: the engine never
	// joined, or [Handle.Middleware] is not in the handler chain. It wraps
	// urlfor.ErrNotInvited.
	ErrNoHandle = adapterkit.ErrNoHandle
)
