package partyfiber

import (
	"errors"
	"fmt"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

const pkg = "partyfiber"

// The errors of every adapter (package adapterkit), under the same names.
var (
	// ErrInvalidOption is returned by [Join] for a nil *fiber.App or a
	// malformed option, and by [FuncMap]'s urlFor for an engine it cannot
	// tell apart or that several joined apps share.
	ErrInvalidOption = adapterkit.ErrInvalidOption
	// ErrAlreadyJoined is returned by [Join] for an app that joined before
	// (wsgi_party: an app joins one party once).
	ErrAlreadyJoined = adapterkit.ErrAlreadyJoined
	// ErrNoHandle is returned by the package-level [URL], [AbsoluteURL] and
	// [Redirect] when c.App() never joined. It wraps [urlfor.ErrNotInvited].
	ErrNoHandle = adapterkit.ErrNoHandle
	// ErrUntranslatable is matched (errors.Is) by every [*PatternError].
	ErrUntranslatable = errors.New("partyfiber: untranslatable pattern")
)

// PatternError is the Err of a route no URL of which routes back: a
// pattern partyfiber cannot translate (a datetime constraint, ":a:b", a
// literal no client sends, two greedy parameters...), or a route without
// parameters whose path a route registered before it takes. The route is
// still listed; building it returns this error. It matches
// [ErrUntranslatable] and [urlfor.ErrInvalidTemplate].
type PatternError struct {
	Pattern string // the route's pattern, as registered in fiber
	Param   string // the parameter at fault, "" for the whole pattern
	Reason  string
	Err     error // the urlfor error, when urlfor refused the template
}

// Error says which pattern, which parameter and why.
func (e *PatternError) Error() string {
	msg := fmt.Sprintf("partyfiber: pattern %q", e.Pattern)
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

var errNoHandle = adapterkit.Errorf(pkg, ErrNoHandle, "the app serving the context never joined (call partyfiber.Join)")
