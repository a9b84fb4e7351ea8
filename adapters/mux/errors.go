package partymux

import (
	"errors"
	"fmt"
	"strings"

	"github.com/partyline-go/partyline/urlfor"
)

// Sentinel errors, for errors.Is.
var (
	// ErrInvalidOption: Join got a nil router or a malformed option (an
	// invite route that does not start with "/" or holds a brace, a
	// namespace with ":").
	ErrInvalidOption = errors.New("partymux: invalid option")
	// ErrAlreadyJoined: Join was called twice with the same router.
	ErrAlreadyJoined = errors.New("partymux: router already joined")
	// ErrInviteUnreachable: the invite route Join registered cannot receive
	// the invitation: a route registered before Join matches its path (a
	// catch-all PathPrefix("/")), or the router only matches other hosts,
	// schemes or headers.
	ErrInviteUnreachable = errors.New("partymux: invite route unreachable")
	// ErrNotJoined: the package-level helpers found no joined router for
	// the request. Errors that wrap it also wrap urlfor.ErrNotInvited.
	ErrNotJoined = errors.New("partymux: no joined router")
	// ErrRedirectCode: Redirect got a status code outside 300-399. Errors
	// that wrap it also wrap urlfor.ErrBadCall.
	ErrRedirectCode = errors.New("partymux: redirect status is not 3xx")
)

// RouteError is the error of a route partymux could not translate: its
// template has two variables with nothing between them, a query value
// mixing text and variables, a PathPrefix template ending with a variable
// mux may cut short, or mux itself failed to build the route
// (Route.GetError). The route is still listed; building it returns this.
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

func notJoined(why string) error {
	return fmt.Errorf("%w: %s: %w", ErrNotJoined, why, urlfor.ErrNotInvited)
}
