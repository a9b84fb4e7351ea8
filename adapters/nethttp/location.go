package partyhttp

import (
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"strconv"
)

// A conflict panic of http.ServeMux names the file and line of each
// registration, the wrapper's own: relocate puts its callers' back.

// callerLocation is "file:line" of the caller skip frames above its caller.
func callerLocation(skip int) string {
	if _, file, line, ok := runtime.Caller(skip + 1); ok {
		return fmt.Sprintf("%s:%d", file, line)
	}
	return "unknown location"
}

// conflict is ServeMux's conflict message (net/http/server.go, register):
// `pattern "new" (registered at LOC) conflicts with pattern "old" (registered at LOC):...`.
var conflict = regexp.MustCompile(`(?s)^(.*? \(registered at )[^)]*(\) conflicts with pattern )("(?:[^"\\]|\\.)*")( \(registered at )([^)]*)(\).*)$`)

// relocate puts loc, and the other pattern's, in ServeMux's conflict panic
// value v; it returns other values unchanged.
func (m *ServeMux) relocate(v any, loc string) any {
	err, ok := v.(error)
	if !ok {
		return v
	}
	s := conflict.FindStringSubmatch(err.Error())
	if s == nil {
		return v
	}
	if other, _ := strconv.Unquote(s[3]); m.locs[other] != "" {
		s[5] = m.locs[other]
	}
	return errors.New(s[1] + loc + s[2] + s[3] + s[4] + s[5] + s[6])
}
