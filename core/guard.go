package core

import (
	"fmt"
	"path"
	"slices"
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
	// Cleaning keeps a path's last segment unless it is empty, "." or
	// "..": a path whose last segment is no invite path's cannot be one.
	if last := lastSegment(trimSlash(reqPath)); last != "" && last != "." && last != ".." && !p.lastMatches(last) {
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
// first byte, without allocating. One comparison per byte finds a candidate,
// "//" or "/.", which is then checked: this runs in a few ns for a usual
// path, on the hot path of every request.
func needsClean(p string) bool {
	for i := 1; i < len(p); i++ {
		c := p[i]
		if p[i-1] != '/' || c != '/' && c != '.' {
			continue
		}
		if c == '/' {
			return true
		}
		switch rest := p[i:]; {
		case rest == "." || rest == "..", strings.HasPrefix(rest, "./"), strings.HasPrefix(rest, "../"):
			return true
		}
	}
	return false
}

// lastSegment returns what follows the last "/" of p.
func lastSegment(p string) string {
	return p[strings.LastIndexByte(p, '/')+1:]
}

func (p *Party) lastMatches(last string) bool {
	for _, g := range p.guardLast {
		if len(g) == len(last) && strings.EqualFold(g, last) {
			return true
		}
	}
	return false
}

// InviteGuard answers [Party.IsInvitePath] for a list of invite paths
// without a party: for the invite paths of another service, read from its
// route manifest, so that a URL built for that service is refused where its
// party would answer 404. Make one with [NewInviteGuard]; it is immutable
// and safe for concurrent use.
type InviteGuard struct{ p Party }

// NewInviteGuard returns the guard of invitePaths (with or without their
// trailing slash, as [New] takes them).
func NewInviteGuard(invitePaths []string) *InviteGuard {
	g := &InviteGuard{}
	for _, ip := range invitePaths {
		g.p.addGuard(ip)
	}
	return g
}

// addGuard makes ServeHTTP and IsInvitePath guard invitePath.
func (p *Party) addGuard(invitePath string) {
	t := trimSlash(invitePath)
	p.guard = append(p.guard, t)
	if last := lastSegment(t); !slices.ContainsFunc(p.guardLast, func(s string) bool { return strings.EqualFold(s, last) }) {
		p.guardLast = append(p.guardLast, last)
	}
}

// IsInvitePath is [Party.IsInvitePath] for the guard's invite paths.
func (g *InviteGuard) IsInvitePath(escaped string) bool { return g.p.IsInvitePath(escaped) }
