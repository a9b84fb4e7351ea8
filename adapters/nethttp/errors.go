package partyhttp

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/partyline-go/partyline/urlfor"
)

// ErrAlreadyJoined is returned by [Join] for a [ServeMux] that already
// joined: an app has one membership in one party.
var ErrAlreadyJoined = errors.New("partyhttp: this ServeMux already joined a party")

// PatternError says why a ServeMux pattern could not become a URL template.
// The route is still listed by [ServeMux.Routes], with this error in its Err,
// and building its URL returns it. It matches [urlfor.ErrInvalidTemplate].
type PatternError struct {
	Pattern string // the pattern as registered: "GET /posts/{id}"
	Reason  string // why, with the ServeMux rule it comes from
}

// Error returns "partyhttp: pattern "…" <reason>".
func (e *PatternError) Error() string {
	return fmt.Sprintf("partyhttp: pattern %q %s", e.Pattern, e.Reason)
}

// Is matches [urlfor.ErrInvalidTemplate].
func (e *PatternError) Is(target error) bool { return target == urlfor.ErrInvalidTemplate }

// RedirectCodeError is returned by [Handle.Redirect] for a status code that
// is not a redirection (RFC 9110 §15.4: 300 to 399). Nothing is written to
// the response. It matches [urlfor.ErrBadCall].
type RedirectCodeError struct {
	Code int // the status code given
}

// Error returns "partyhttp: status N is not a redirection (3xx)".
func (e *RedirectCodeError) Error() string {
	return fmt.Sprintf("partyhttp: status %d is not a redirection (3xx)", e.Code)
}

// Is matches [urlfor.ErrBadCall].
func (e *RedirectCodeError) Is(target error) bool { return target == urlfor.ErrBadCall }

func quote(s string) string { return strconv.Quote(s) }
