package partyfiber

import (
	"github.com/partyline-go/partyline/internal/fiberdialect"
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
	ErrUntranslatable = fiberdialect.ErrUntranslatable
)

// PatternError is the Err of a route no URL of which routes back: a
// pattern partyfiber cannot translate (a datetime constraint, ":a:b", a
// literal no client sends, two greedy parameters...), or a route without
// parameters whose path a route registered before it takes. The route is
// still listed; building it returns this error. It matches
// [ErrUntranslatable] and [urlfor.ErrInvalidTemplate]. Its fields are
// Pattern (the route's pattern, as registered in fiber), Param (the
// parameter at fault, "" for the whole pattern), Reason, Err (the urlfor
// error, when urlfor refused the template) and Pkg ("partyfiber").
type PatternError = fiberdialect.PatternError

var (
	errNilCtx   = adapterkit.Errorf(pkg, urlfor.ErrBadCall, "nil *fiber.Ctx")
	errNoHandle = adapterkit.Errorf(pkg, ErrNoHandle, "the app serving the context never joined (call partyfiber.Join)")
)
