package partygin

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/partyline-go/partyline/urlfor"
)

var (
	// ErrAlreadyJoined is returned by [Join] for an engine that joined
	// before: one engine is one app, with one handle.
	ErrAlreadyJoined = errors.New("partygin: the engine has already joined")

	// ErrInvalidOption is returned by [Join] for a malformed option: an
	// invite route that does not start with "/" or has a gin wildcard, a
	// namespace with ":". It also covers a nil engine, and an invite route
	// gin refused to register (it conflicts with a route of the app).
	ErrInvalidOption = errors.New("partygin: invalid option")

	// ErrNoHandle is returned by the package-level [URL], [AbsoluteURL]
	// and [Redirect] when the gin context carries no handle: the engine
	// never joined, or [Handle.Middleware] is not in the handler chain.
	// It wraps [urlfor.ErrNotInvited].
	ErrNoHandle = fmt.Errorf("partygin: no handle in the gin context (add h.Middleware() with engine.Use): %w", urlfor.ErrNotInvited)
)

func optionErr(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrInvalidOption}, args...)...)
}

// RedirectCodeError is returned by [Handle.Redirect] for a status code that
// is not a redirect: it must be 300, 301, 302, 303, 307 or 308 (RFC 9110
// §15.4; 304, 305 and 306 do not redirect). gin's own c.Redirect panics on
// a code outside 300-308; we return this instead and write nothing. It
// matches [urlfor.ErrBadCall].
type RedirectCodeError struct {
	Code int
}

// Error says which code was refused.
func (e *RedirectCodeError) Error() string {
	return fmt.Sprintf("partygin: redirect status %d is not one of 300, 301, 302, 303, 307, 308", e.Code)
}

// Is matches [urlfor.ErrBadCall].
func (e *RedirectCodeError) Is(target error) bool { return target == urlfor.ErrBadCall }

func checkRedirectCode(code int) error {
	switch code {
	case http.StatusMultipleChoices, http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return nil
	}
	return &RedirectCodeError{Code: code}
}

// ShadowedError is a [urlfor.ParamError] for a value another route of the
// app would take: with "/users/:id" and "/users/me", the URL of id "me"
// reaches "/users/me" (gin prefers static segments), so it is refused. By
// names the routes that take such values. Unwrap gives the ParamError, so
// errors.Is(err, urlfor.ErrInvalidParam) holds. The handle's helpers return
// it; other apps asking for the URL get the plain ParamError, whose reason
// shows the constraint.
type ShadowedError struct {
	*urlfor.ParamError
	By string // "GET /users/me", routes joined with ", "
}

// Error names the parameter, the value and the routes that take it.
func (e *ShadowedError) Error() string {
	return fmt.Sprintf("partygin: %s: parameter %q value %q would reach %s, not %q (gin prefers static segments)",
		e.Endpoint, e.Param, e.Value, e.By, e.Pattern)
}

// Unwrap returns the ParamError.
func (e *ShadowedError) Unwrap() error { return e.ParamError }
