package core

import (
	"fmt"
	"path"
	"strings"
)

// checkInvitePath validates one invite path given to New.
func checkInvitePath(p string) error {
	if p == "" || p[0] != '/' {
		return errorf(ErrInvalidInvitePath, "%q does not start with /", p)
	}
	if needsClean(p) {
		return errorf(ErrInvalidInvitePath, "%q is not clean (it has an empty, . or .. segment)", p)
	}
	return nil
}

func errorf(sentinel error, format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{sentinel}, args...)...)
}

func trimSlash(p string) string {
	if len(p) > 1 {
		return strings.TrimSuffix(p, "/")
	}
	return p
}

// isInvitePath reports whether a request path from outside names an invite
// path. Routers differ in what they forgive (gorilla/mux and ServeMux clean
// paths, gin can redirect a missing slash or fix the case, fiber matches
// case-insensitively by default), so the guard forgives all of it.
func (p *Party) isInvitePath(reqPath string) bool {
	if len(p.guard) == 0 {
		return false
	}
	if needsClean(reqPath) {
		reqPath = path.Clean(reqPath)
	}
	reqPath = trimSlash(reqPath)
	for _, g := range p.guard {
		if len(g) == len(reqPath) && strings.EqualFold(g, reqPath) {
			return true
		}
	}
	return false
}

// needsClean reports whether p has an empty, "." or ".." segment after its
// first byte, without allocating.
func needsClean(p string) bool {
	for i := 0; i < len(p); i++ {
		if p[i] != '/' {
			continue
		}
		rest := p[i+1:]
		switch {
		case strings.HasPrefix(rest, "/"):
			return true
		case rest == "." || rest == "..", strings.HasPrefix(rest, "./"), strings.HasPrefix(rest, "../"):
			return true
		}
	}
	return false
}
