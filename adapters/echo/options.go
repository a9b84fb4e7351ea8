package partyecho

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
// ("/blog" gives "blog"); an app mounted at the root then has none and is
// reached by bare names only (see urlfor.Config). It must not contain ":".
func Namespace(ns string) Option {
	return func(c *config) { c.namespace = ns }
}

// InviteRoute sets the local route the app answers invitations on; by
// default [core.DefaultInvitePath], "/__invite__/". It must start with "/".
// Behind a dispatcher that does not strip the mount prefix (chi's Mount),
// give the full path: InviteRoute("/blog/__invite__/") for an app whose
// routes all start with "/blog". Join also registers the same route without
// (or with) its trailing slash, so that echo's RemoveTrailingSlash and
// AddTrailingSlash pre-middleware do not turn the invitation away.
func InviteRoute(path string) Option {
	return func(c *config) { c.inviteRoute = path }
}

// WithLogger makes the adapter log joining (namespace, mount prefix, number
// of routes), a failed join, and the moment it notices that its
// OnAddRouteHandler hook was replaced. It is silent by default; nil keeps it
// silent.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) { c.logger = l }
}

// TrustProxy lets AbsoluteURL take the scheme and host from the first
// X-Forwarded-Proto and X-Forwarded-Host values (urlfor.RequestOrigin).
// Set it only behind a proxy that overwrites those headers: otherwise a
// client chooses the host of the URLs you build (host header poisoning).
// echo's own c.Scheme() trusts the headers from private addresses by
// default; partyecho does not, unless told.
func TrustProxy() Option {
	return func(c *config) { c.trustProxy = true }
}
