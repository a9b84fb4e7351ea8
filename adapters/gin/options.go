package partygin

import (
	"log/slog"
	"strings"

	"github.com/partyline-go/partyline/core"
)

// Option configures [Join].
type Option func(*config)

type config struct {
	namespace   string
	inviteRoute string
	logger      *slog.Logger
	trustProxy  bool
}

func defaultConfig() config {
	return config{inviteRoute: core.DefaultInvitePath}
}

// Namespace sets the app's namespace: "blog" in "blog:post". By default it
// is the mount prefix without its leading "/" ("/blog" gives "blog"), and
// the app at the root has none (urlfor.Config). It must not contain ":";
// [Join] returns an error wrapping [ErrInvalidOption] if it does.
func Namespace(ns string) Option {
	return func(c *config) { c.namespace = ns }
}

// InviteRoute sets the local invite route the app registers, by default
// [core.DefaultInvitePath]. Behind a dispatcher that does not strip the
// mount prefix (chi's Mount), register the app's routes with their full
// paths and give the full invite route: InviteRoute("/shop/__invite__/").
// It must start with "/" and be a plain gin path (no ":" or "*"); [Join]
// returns an error wrapping [ErrInvalidOption] otherwise.
func InviteRoute(path string) Option {
	return func(c *config) { c.inviteRoute = path }
}

// WithLogger makes the app log its invitation (joined, or why not) on l.
// The adapter is silent by default; a nil l keeps it silent.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) { c.logger = l }
}

// TrustProxy makes [Handle.AbsoluteURL] take the scheme and host from the
// X-Forwarded-Proto and X-Forwarded-Host headers when present
// (urlfor.RequestOrigin). Use it only behind a proxy that overwrites them:
// otherwise a client chooses the host of the URLs you build.
func TrustProxy() Option {
	return func(c *config) { c.trustProxy = true }
}

// check validates the options.
func (c *config) check() error {
	switch {
	case c.inviteRoute == "" || c.inviteRoute[0] != '/':
		return optionErr("invite route %q does not start with /", c.inviteRoute)
	case strings.ContainsAny(c.inviteRoute, ":*\\"):
		return optionErr("invite route %q has a gin wildcard or escape (: * \\)", c.inviteRoute)
	case strings.Contains(c.namespace, ":"):
		return optionErr("namespace %q contains \":\"", c.namespace)
	}
	return nil
}
