package fiberdialect

import (
	"errors"
	"fmt"

	"github.com/partyline-go/partyline/urlfor"
)

// ErrUntranslatable is matched (errors.Is) by every [*PatternError].
var ErrUntranslatable = errors.New("fiber: untranslatable pattern")

// PatternError is the Err of a route no URL of which surely routes back: a
// pattern the adapter cannot translate (a custom or datetime constraint,
// ":a:b", a literal no client sends, two greedy parameters...), or a route
// without parameters whose path a route registered before it takes. The
// route is still listed; building it returns this error, never an
// unchecked URL. It matches [ErrUntranslatable] and
// [urlfor.ErrInvalidTemplate].
type PatternError struct {
	Pkg     string // the adapter that reports it, prefixing the message ("fiber" when empty)
	Pattern string // the route's pattern, as registered in fiber
	Param   string // the parameter at fault, "" for the whole pattern
	Reason  string // names the constraint at fault, if one is
	Err     error  // the urlfor error, when urlfor refused the template
}

// Error says which pattern, which parameter and why.
func (e *PatternError) Error() string {
	pkg := e.Pkg
	if pkg == "" {
		pkg = "fiber"
	}
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
