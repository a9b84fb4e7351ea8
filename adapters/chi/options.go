package partychi

import (
	"log/slog"

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

func newConfig(opts []Option) config {
	c := config{inviteRoute: core.DefaultInvitePath}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c
}

// Namespace sets the name that qualifies the app's endpoints: "blog" in
// "blog:post". By default it is the mount prefix without its leading "/"
// ("/blog" gives "blog"; the app at the root has none), as
// [urlfor.Config] says. A namespace with ":" is an error from [Join].
func Namespace(ns string) Option { return func(c *config) { c.namespace = ns } }

// InviteRoute sets the local invite route [Join] registers in the router;
// [core.DefaultInvitePath] ("/__invite__/") by default. The mount prefix is
// the invite path minus this route ([core.MountPrefix]): an app that
// registered its routes with their full paths behind a dispatcher that does
// not strip prefixes passes InviteRoute("/blog/__invite__/"). It must start
// with "/" and hold no chi placeholder ("{", "}", "*"); otherwise Join
// returns an error wrapping [ErrInvalidOption].
func InviteRoute(path string) Option { return func(c *config) { c.inviteRoute = path } }

// WithLogger makes the adapter log the invitation (joined, or why joining
// failed) on l. It is silent by default; a nil l keeps it silent.
func WithLogger(l *slog.Logger) Option { return func(c *config) { c.logger = l } }

// TrustProxy lets [Handle.AbsoluteURL] take the scheme and host from the
// X-Forwarded-Proto and X-Forwarded-Host headers ([urlfor.RequestOrigin]).
// Use it only behind a proxy that overwrites those headers: otherwise a
// client chooses the host of the URLs you build (host header poisoning).
func TrustProxy() Option { return func(c *config) { c.trustProxy = true } }
