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

// InvitationError is the error for one invitation that failed: the app
// answered with a 5xx status or panicked. [New] joins one per failed
// invitation; use errors.As to get at them.
type InvitationError struct {
	Path   string // invite path, as sent to the dispatcher
	Status int    // HTTP status the app answered; 0 when it panicked
	Panic  any    // the recovered value when the app panicked, else nil
	Body   string // the first bytes of the response body, for the message
}

func (e *InvitationError) Error() string {
	if e.Panic != nil {
		return fmt.Sprintf("core: invitation %s: app panicked: %v", e.Path, e.Panic)
	}
	// http.Error ends the body with a newline; an error message must not.
	if body := strings.TrimSpace(e.Body); body != "" {
		return fmt.Sprintf("core: invitation %s: app answered %d: %s", e.Path, e.Status, body)
	}
	return fmt.Sprintf("core: invitation %s: app answered %d", e.Path, e.Status)
}

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
