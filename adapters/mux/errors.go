package partymux

import (
	"errors"
	"fmt"
	"strings"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Sentinel errors, for errors.Is; the first three are adapterkit's, the
// same in every adapter. Errors wrapping them start with "partymux: ".
var (
	// ErrInvalidOption: Join got a nil router or a malformed option (an
	// invite route that does not start with "/" or holds a brace, a
	// namespace with ":").
	ErrInvalidOption = adapterkit.ErrInvalidOption
	// ErrAlreadyJoined: Join was called twice with the same router, or a
	// joined router was invited again (mounted twice, or by a second
	// party): core.New then fails with it, naming where it joined.
	ErrAlreadyJoined = adapterkit.ErrAlreadyJoined
	// ErrNoHandle: a package-level helper ([URL], [AbsoluteURL],
	// [Redirect], [FromRequest]) found no joined router for the request: it
	// was not routed by a mux router, or by one that never joined. It wraps
	// urlfor.ErrNotInvited.
	ErrNoHandle = adapterkit.ErrNoHandle
	// ErrInviteUnreachable: the invitation cannot reach the invite route
	// Join registered: an earlier route matches its path (a catch-all
	// PathPrefix("/")), or the router matches only other hosts or schemes.
	ErrInviteUnreachable = errors.New("invite route unreachable")
)

// RouteError is the error of a route partymux cannot build: two variables
// with nothing between them, a query value mixing text and variables, a
// PathPrefix ending with a variable mux may cut short, mux's own error
// (Route.GetError), or an earlier route that takes every URL of it (then
// wrapping urlfor.ErrInvalidTemplate). The route is still listed;
// building it returns this.
type RouteError struct {
	Name    string // the route's mux name
	Pattern string // host, path and queries templates, as listed
	Err     error  // why; often wraps urlfor.ErrInvalidTemplate
}

// Error names the route, its templates and the cause.
func (e *RouteError) Error() string {
	return fmt.Sprintf("partymux: route %q (%s): %v", e.Name, e.Pattern, e.Err)
}

// Unwrap returns the cause.
func (e *RouteError) Unwrap() error { return e.Err }

// DuplicateNameError reports a name held by several routes of one router
// tree. mux's own Router.Get and Route.URL silently use the last route
// registered under the name (subrouters share one map of names); partymux
// refuses to pick one: building the name is an urlfor.AmbiguousError, and
// [Handle.Check] returns this.
type DuplicateNameError struct {
	Name     string
	Patterns []string // the routes' templates, in registration order
}

// Error names the duplicated name and the routes that hold it.
func (e *DuplicateNameError) Error() string {
	return fmt.Sprintf("partymux: route name %q is used by %d routes (%s); mux's Get keeps only the last", e.Name, len(e.Patterns), strings.Join(e.Patterns, ", "))
}

// Is matches urlfor.ErrAmbiguous.
func (e *DuplicateNameError) Is(target error) bool { return target == urlfor.ErrAmbiguous }
