package partyfiberv3

import (
	"github.com/partyline-go/partyline/internal/fiberdialect"
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
	ErrUntranslatable = fiberdialect.ErrUntranslatable
)

// PatternError is the Err of a route no URL of which surely routes back: a
// pattern partyfiberv3 cannot translate (a custom or datetime constraint,
// ":a:b", a literal no client sends, two greedy parameters...), or a route
// without parameters whose path a route registered before it takes. The
// route is still listed; building it returns this error, never an
// unchecked URL. It matches [ErrUntranslatable] and
// [urlfor.ErrInvalidTemplate]. Its fields are Pattern (the route's
// pattern, as registered in fiber), Param (the parameter at fault, "" for
// the whole pattern), Reason (naming the constraint at fault, if one is),
// Err (the urlfor error, when urlfor refused the template) and Pkg
// ("partyfiberv3").
type PatternError = fiberdialect.PatternError

var (
	errNilCtx   = adapterkit.Errorf(pkg, urlfor.ErrBadCall, "nil fiber.Ctx")
	errNoHandle = adapterkit.Errorf(pkg, ErrNoHandle, "the app serving the context never joined (call partyfiberv3.Join)")
)
