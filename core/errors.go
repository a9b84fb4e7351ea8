package core

import (
	"errors"
	"fmt"
	"strings"
)

// ErrHighAndDry is what a [Handler] returns when it has no answer for a
// payload: AskAround skips it and asks the next handler (wsgi_party's
// HighAndDry exception). Wrapping it (fmt.Errorf("...: %w", ErrHighAndDry))
// has the same effect.
var ErrHighAndDry = errors.New("core: high and dry")

// ErrNoSuchService is returned by AskAround for a service that no handler was
// ever connected to, unless the party was made with [IgnoreMissingServices]
// (wsgi_party's NoSuchServiceName).
var ErrNoSuchService = errors.New("core: no such service")

// ErrInvalidInvitePath is returned by [New] for an invite path that is empty,
// does not start with "/", is not clean, or is listed twice; and by
// [MountPrefix] for a local invite route that is not a suffix of the invite
// path. No invitation is sent when New returns it.
var ErrInvalidInvitePath = errors.New("core: invalid invite path")

// ErrNamespaceTaken is returned by [Operator.Identify] when another operator
// of the same party already uses the namespace.
var ErrNamespaceTaken = errors.New("core: namespace taken")

// ErrNotJoined is matched by every [*InvitationError]: the app at that
// invite path is not on the party.
var ErrNotJoined = errors.New("core: app did not join")

// ErrAlreadyJoined: an app that is already on a party was invited again,
// through a second mount in the same dispatcher or by a second party. One
// app is one participant (wsgi_party: an app joins one party once); an
// adapter declines the second invitation with an error wrapping it, and
// adapters' Join returns it when called twice for one app.
var ErrAlreadyJoined = errors.New("app already joined")

// InvitationError is the error for one invitation after which the app is
// not on the party: it panicked, answered a 5xx, declined through its
// adapter ([Operator.Decline], Reason says why), or answered without any
// partyline adapter accepting (Seen says whether one saw it). [New] joins
// one per such invitation; use errors.As to get at them. It matches
// [ErrNotJoined] and unwraps to Reason.
type InvitationError struct {
	Path     string // invite path, as sent to the dispatcher
	Status   int    // HTTP status the app answered; 0 when it panicked
	Panic    any    // the recovered value when the app panicked, else nil
	Body     string // the first bytes of the response body, for the message
	Reason   error  // why the app's adapter declined, else nil
	Seen     bool   // a partyline adapter saw the invitation (called AcceptInvitation)
	Location string // the Location header of a 3xx answer
}

func (e *InvitationError) Error() string {
	switch {
	case e.Panic != nil:
		return fmt.Sprintf("core: invitation %s: app panicked: %v", e.Path, e.Panic)
	case e.Reason != nil:
		return fmt.Sprintf("core: invitation %s: the app declined: %v", e.Path, e.Reason)
	case e.Status >= 500:
		// http.Error ends the body with a newline; an error message must not.
		if body := strings.TrimSpace(e.Body); body != "" {
			return fmt.Sprintf("core: invitation %s: app answered %d: %s", e.Path, e.Status, body)
		}
		return fmt.Sprintf("core: invitation %s: app answered %d", e.Path, e.Status)
	case e.Location != "" && !strings.HasSuffix(e.Path, "/") && strings.HasSuffix(e.Path+"/", e.Location):
		// A router adding the invite route's trailing slash; its Location
		// is local to the app, so the advice is built from Path.
		return fmt.Sprintf("core: invitation %s: the app redirected to %s and did not join: list the invite path as %s/", e.Path, e.Location, e.Path)
	}
	if e.Location == "" && !strings.HasSuffix(e.Path, "/") && strings.HasSuffix(e.Path+"/", DefaultInvitePath) {
		return fmt.Sprintf("core: invitation %s: no app joined (the dispatcher answered %d): the default invite route ends with \"/\": list the invite path as %s/", e.Path, e.Status, e.Path)
	}
	msg := fmt.Sprintf("core: invitation %s: no app joined: the dispatcher answered %d and no partyline adapter saw the invitation", e.Path, e.Status)
	if e.Location != "" {
		msg += " (redirect to " + e.Location + ")"
	}
	return msg + "; check that the app is mounted there (with http.StripPrefix if it registers local routes), that it called its adapter's Join, and that the invite path ends with the app's invite route (or make the party with core.AllowDecline if the app may decline)"
}

// Is matches [ErrNotJoined].
func (e *InvitationError) Is(target error) bool { return target == ErrNotJoined }

// Unwrap returns Reason.
func (e *InvitationError) Unwrap() error { return e.Reason }

// HandlerError is what AskAround returns for a handler that failed with an
// error other than [ErrHighAndDry], or panicked. Participant is the invite
// path of the operator that connected the handler, or "party" for a handler
// connected with [Party.Connect].
type HandlerError struct {
	Service     string
	Participant string
	Err         error // the handler's error; nil when it panicked
	Panic       any   // the recovered value when the handler panicked
}

func (e *HandlerError) Error() string {
	if e.Panic != nil {
		return fmt.Sprintf("core: service %q, participant %s: handler panicked: %v", e.Service, e.Participant, e.Panic)
	}
	return fmt.Sprintf("core: service %q, participant %s: %v", e.Service, e.Participant, e.Err)
}

// Unwrap returns the handler's error.
func (e *HandlerError) Unwrap() error { return e.Err }
