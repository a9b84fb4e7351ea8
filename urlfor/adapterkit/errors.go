package adapterkit

import (
	"errors"
	"fmt"

	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// The errors every adapter returns, one vocabulary for all frameworks.
// Adapters re-export them under the same names (partychi.ErrInvalidOption
// is ErrInvalidOption), so that errors.Is works whichever adapter made the
// error, and wrap them with their package name first:
// "partychi: invalid option: InviteRoute("x") does not start with "/"".
var (
	// ErrInvalidOption: Join was given a nil app or a malformed option (an
	// invite route that does not start with "/" or holds the router's
	// placeholder syntax, a namespace with ":").
	ErrInvalidOption = errors.New("invalid option")
	// ErrAlreadyJoined: Join was called twice for one app, or a joined app
	// was invited again (mounted twice, or by a second party: core.New then
	// fails with it, naming where the app joined). One app is one
	// participant, with one invite route and one namespace (wsgi_party: an
	// app joins one party once). It is core.ErrAlreadyJoined.
	ErrAlreadyJoined = core.ErrAlreadyJoined
	// ErrNoHandle: a package-level helper (URL, AbsoluteURL, Redirect taking
	// only a framework context) found no handle for the request: the app
	// never joined, or the request did not pass the handle's middleware. It
	// wraps [urlfor.ErrNotInvited]: as far as the handler can tell, its app
	// is not on the party.
	ErrNoHandle = fmt.Errorf("no handle for this request (join the app, and route the request through the handle's middleware where the adapter has one): %w", urlfor.ErrNotInvited)
)

// Errorf returns an error that starts with the adapter's package name and
// wraps sentinel: Errorf("partychi", ErrInvalidOption, "Namespace(%q)
// contains \":\"", ns).
func Errorf(adapter string, sentinel error, format string, args ...any) error {
	return &adapterError{adapter: adapter, sentinel: sentinel, detail: fmt.Sprintf(format, args...)}
}

type adapterError struct {
	adapter  string
	sentinel error
	detail   string
}

func (e *adapterError) Error() string {
	if e.detail == "" {
		return e.adapter + ": " + e.sentinel.Error()
	}
	return e.adapter + ": " + e.sentinel.Error() + ": " + e.detail
}

func (e *adapterError) Unwrap() error { return e.sentinel }
