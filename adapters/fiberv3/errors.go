package partyfiberv3

import (
	"errors"
	"fmt"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

const pkg = "partyfiberv3"

// The errors of every adapter (package adapterkit), under the same names.
var (
	// ErrInvalidOption is returned by [Join] for a nil *fiber.App or a
	// malformed option.
	ErrInvalidOption = adapterkit.ErrInvalidOption
	// ErrAlreadyJoined is returned by [Join] for an app that joined before
	// (wsgi_party: an app joins one party once).
	ErrAlreadyJoined = adapterkit.ErrAlreadyJoined
	// ErrNoHandle is returned by the package-level [URL], [AbsoluteURL] and
	// [Redirect] when c.App() never joined. It wraps [urlfor.ErrNotInvited].
	ErrNoHandle = adapterkit.ErrNoHandle
	// ErrUntranslatable is matched (errors.Is) by every [*PatternError].
	ErrUntranslatable = errors.New("partyfiberv3: untranslatable pattern")
)

// PatternError is the Err of a route no URL of which surely routes back: a
// pattern partyfiberv3 cannot translate (a custom or datetime constraint,
// ":a:b", a literal no client sends, two greedy parameters...), or a route
// without parameters whose path a route registered before it takes. The
// route is still listed; building it returns this error, never an
// unchecked URL. It matches [ErrUntranslatable] and
// [urlfor.ErrInvalidTemplate].
type PatternError struct {
	Pattern string // the route's pattern, as registered in fiber
	Param   string // the parameter at fault, "" for the whole pattern
	Reason  string // names the constraint at fault, if one is
	Err     error  // the urlfor error, when urlfor refused the template
}

// Error says which pattern, which parameter and why.
func (e *PatternError) Error() string {
	msg := fmt.Sprintf("%s: pattern %q", pkg, e.Pattern)
	if e.Param != "" {
		msg += fmt.Sprintf(", parameter %q", e.Param)
	}
	if msg += ": " + e.Reason; e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Is matches [ErrUntranslatable] and [urlfor.ErrInvalidTemplate].
func (e *PatternError) Is(target error) bool {
	return target == ErrUntranslatable || target == urlfor.ErrInvalidTemplate
}

// Unwrap returns the urlfor error, if any.
func (e *PatternError) Unwrap() error { return e.Err }

var (
	errNilCtx   = adapterkit.Errorf(pkg, urlfor.ErrBadCall, "nil fiber.Ctx")
	errNoHandle = adapterkit.Errorf(pkg, ErrNoHandle, "the app serving the context never joined (call partyfiberv3.Join)")
)
