package urlfor

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Sentinel errors, for errors.Is. The typed errors below match them.
var (
	// ErrUnknownEndpoint: no participant has an endpoint of that name.
	ErrUnknownEndpoint = errors.New("urlfor: unknown endpoint")
	// ErrAmbiguous: a bare name found more than one endpoint.
	ErrAmbiguous = errors.New("urlfor: ambiguous endpoint")
	// ErrMissingParam: a required parameter was not given.
	ErrMissingParam = errors.New("urlfor: missing parameter")
	// ErrInvalidParam: a value breaks a constraint or cannot round-trip.
	ErrInvalidParam = errors.New("urlfor: invalid parameter")
	// ErrNotInvited: the app has not accepted an invitation yet, or no app
	// joined the party.
	ErrNotInvited = errors.New("urlfor: not invited yet")
	// ErrBadCall: the call itself is wrong (empty name, odd number of
	// pairs, empty key).
	ErrBadCall = errors.New("urlfor: bad call")
	// ErrInvalidTemplate: a pattern could not be compiled.
	ErrInvalidTemplate = errors.New("urlfor: invalid template")
)

// maxQuoted is how many bytes of a name, key or value an error message
// quotes. Names and values can come from a request; a longer one is cut
// and its length given, so a 1 MiB value makes a message of about a hundred
// bytes, not a megabyte. The error's fields keep the whole text.
const maxQuoted = 64

// quote is strconv.Quote of s cut to maxQuoted bytes (at a rune boundary),
// followed by "… (N bytes)" when it was cut.
func quote(s string) string {
	if len(s) <= maxQuoted {
		return strconv.Quote(s)
	}
	cut := maxQuoted
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + "… (" + strconv.Itoa(len(s)) + " bytes)"
}

func templateErr(pattern, why string) error {
	return fmt.Errorf("%w %q: %s", ErrInvalidTemplate, pattern, why)
}

func badCall(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrBadCall}, args...)...)
}

// UnknownEndpointError says no participant knows Name. Its message suggests
// close names ("did you mean"), computed the first time the message is read,
// not when the build fails: Werkzeug #835 made failing builds 5-10x slower by
// computing them eagerly.
type UnknownEndpointError struct {
	Name string // the name as asked, "blog:pots" or "pots"

	dir     *directory
	once    sync.Once
	message string
}

func (e *UnknownEndpointError) Error() string {
	e.once.Do(func() {
		var b strings.Builder
		b.WriteString("urlfor: unknown endpoint " + quote(e.Name))
		if s := e.Suggestions(); len(s) > 0 {
			b.WriteString(" (did you mean ")
			for i, n := range s {
				if i > 0 {
					b.WriteString(" or ")
				}
				fmt.Fprintf(&b, "%q", n)
			}
			b.WriteString("?)")
		}
		if nj := e.NotJoined(); len(nj) > 0 {
			b.WriteString("; invited but not joined: " + strings.Join(nj, ", "))
		}
		e.message = b.String()
	})
	return e.message
}

// Suggestions returns up to three known qualified names close to Name, best
// first.
func (e *UnknownEndpointError) Suggestions() []string {
	if e.dir == nil {
		return nil
	}
	return suggest(e.Name, e.dir.qualifiedNames())
}

// NotJoined returns the invite paths of the party that were sent an
// invitation the app did not accept (possible only with core.AllowDecline,
// or while the party is being made): the endpoint may be one of theirs.
func (e *UnknownEndpointError) NotJoined() []string {
	if e.dir == nil {
		return nil
	}
	i := slices.IndexFunc(e.dir.members, func(p *Participant) bool { return !p.remote() })
	if i < 0 {
		return nil
	}
	var paths []string
	for _, inv := range e.dir.members[i].op.Party().Invitations() {
		if !inv.Joined {
			paths = append(paths, inv.Path)
		}
	}
	return paths
}

// Is matches [ErrUnknownEndpoint].
func (e *UnknownEndpointError) Is(target error) bool { return target == ErrUnknownEndpoint }

// AmbiguousError says a name found more than one endpoint: a bare name known
// to several apps, or one app with two routes of the same name (echo's
// Reverse picks one at random, echo #1237).
type AmbiguousError struct {
	Name       string
	Candidates []string // "blog:post (GET /posts/:id)", sorted
}

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("urlfor: %s is ambiguous: %s; qualify the name or rename a route", quote(e.Name), strings.Join(e.Candidates, ", "))
}

// Is matches [ErrAmbiguous].
func (e *AmbiguousError) Is(target error) bool { return target == ErrAmbiguous }

// ParamError says a parameter is missing or its value cannot be used.
type ParamError struct {
	Endpoint string // qualified name, or the pattern for a bare Template
	Pattern  string // the route's pattern, in its framework's dialect
	Param    string
	Value    string // the value given; "" when missing
	Missing  bool
	Reason   string // why the value was refused
	// TakenBy names the route that takes the value instead (see [Taken]),
	// when that is why it was refused: "GET /posts/new".
	TakenBy string
}

func (e *ParamError) Error() string {
	if e.Missing {
		return fmt.Sprintf("urlfor: %s: missing parameter %s for pattern %q", e.Endpoint, quote(e.Param), e.Pattern)
	}
	return fmt.Sprintf("urlfor: %s: parameter %s value %s %s (pattern %q)", e.Endpoint, quote(e.Param), quote(e.Value), e.Reason, e.Pattern)
}

// Is matches [ErrMissingParam] or [ErrInvalidParam].
func (e *ParamError) Is(target error) bool {
	return target == ErrMissingParam && e.Missing || target == ErrInvalidParam && !e.Missing
}

// RedirectCodeError says a redirect helper was given a status that is not a
// redirection: anything outside 300-399 (RFC 9110 §15.4). It matches
// [ErrBadCall]. Adapters whose framework is stricter keep their own type.
type RedirectCodeError struct {
	Code int // the status given
}

// Error returns "urlfor: redirect status N is not a 3xx status".
func (e *RedirectCodeError) Error() string {
	return fmt.Sprintf("urlfor: redirect status %d is not a 3xx status", e.Code)
}

// Is matches [ErrBadCall].
func (e *RedirectCodeError) Is(target error) bool { return target == ErrBadCall }

// CheckRedirectCode returns nil for a 3xx status (300-399), else a
// [*RedirectCodeError]: the check every redirect helper makes before it
// builds or writes anything.
func CheckRedirectCode(code int) error {
	if code < 300 || code > 399 {
		return &RedirectCodeError{Code: code}
	}
	return nil
}
