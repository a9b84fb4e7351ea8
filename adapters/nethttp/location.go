package partyhttp

import (
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
)

// http.ServeMux names, in a conflict panic, the file and line that
// registered each pattern: through the wrapper, both would be the wrapper's
// own call. The wrapper keeps its callers' locations and puts them back in
// the message, so that it points at the user's code as ServeMux's does.

// callerLocation is "file:line" of the caller skip frames above its caller.
func callerLocation(skip int) string {
	if _, file, line, ok := runtime.Caller(skip + 1); ok {
		return fmt.Sprintf("%s:%d", file, line)
	}
	return "unknown location"
}

// relocate rewrites ServeMux's panic value v for a registration made at loc:
// the wrapper's locations become the user's. Values it does not recognise
// are returned unchanged.
func (m *ServeMux) relocate(v any, loc string) any {
	err, ok := v.(error)
	if !ok {
		return v
	}
	msg := err.Error()
	const at = " (registered at "
	i := strings.Index(msg, at)
	if i < 0 {
		return v
	}
	// The first location is the new pattern's; the second, after
	// `conflicts with pattern "…"`, the registered one's.
	msg, rest := msg[:i]+at+loc+")", afterParen(msg[i+len(at):])
	const with = " conflicts with pattern "
	if !strings.HasPrefix(rest, with) {
		return v
	}
	quoted, err2 := strconv.QuotedPrefix(rest[len(with):])
	if err2 != nil {
		return v
	}
	other, _ := strconv.Unquote(quoted)
	rest = rest[len(with)+len(quoted):]
	if otherLoc, ok := m.locs[other]; ok && strings.HasPrefix(rest, at) {
		rest = at + otherLoc + ")" + afterParen(rest[len(at):])
	}
	return errors.New(msg + with + quoted + rest)
}

// afterParen returns s after its first ")".
func afterParen(s string) string {
	if i := strings.IndexByte(s, ')'); i >= 0 {
		return s[i+1:]
	}
	return s
}
