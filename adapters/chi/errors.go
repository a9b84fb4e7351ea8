package partychi

import (
	"errors"
	"fmt"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// The errors of every partyline adapter (package adapterkit), under the
// names every adapter exports, so that errors.Is works whichever adapter
// made the error. Messages start with "partychi: ".
var (
	// ErrInvalidOption is wrapped by the error [Join] returns for a nil
	// router, a router that is not a *chi.Mux, or a malformed option: an
	// invite route that does not start with "/", holds a chi placeholder or
	// that chi refuses, a namespace with ":".
	ErrInvalidOption = adapterkit.ErrInvalidOption
	// ErrAlreadyJoined is wrapped by the error [Join] returns for a router
	// that already joined, and by core.New's when a joined router is invited
	// again (mounted twice, or by a second party), naming where it joined:
	// one router is one app, with one invite route and one namespace.
	ErrAlreadyJoined = adapterkit.ErrAlreadyJoined
	// ErrNoHandle is returned by the package-level [URL], [AbsoluteURL] and
	// [Redirect] when the request did not pass through [Handle.Middleware].
	// It wraps [urlfor.ErrNotInvited]: as far as the handler can tell, its
	// app never joined.
	ErrNoHandle = adapterkit.ErrNoHandle
)

// ErrNamedTwice is the error of a route that more than one [Name]
// middleware names (a Name in r.Use above a named route, say): the route is
// listed under each name, and building it returns this error.
var ErrNamedTwice = errors.New("partychi: route named twice")

// templateErr is the error of a pattern the adapter cannot translate; it
// wraps [urlfor.ErrInvalidTemplate], as urlfor's own do.
func templateErr(pattern, why string) error {
	return fmt.Errorf("partychi: %w %q: %s", urlfor.ErrInvalidTemplate, pattern, why)
}
