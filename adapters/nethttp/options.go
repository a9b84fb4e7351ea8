package partyhttp

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

// Namespace sets the app's namespace: "blog" in "blog:post". By default it
// is the mount prefix without its leading "/" ("/blog" gives "blog"), and an
// app at the root has none (see [urlfor.Config]). It must not contain ":";
// Join returns an error wrapping [urlfor.ErrBadCall] if it does.
func Namespace(ns string) Option { return func(c *config) { c.namespace = ns } }

// InviteRoute sets the local invite route Join registers, by default
// [core.DefaultInvitePath] ("/__invite__/"). An app behind a dispatcher that
// does not strip its prefix (chi's Mount of a handler that is not wrapped in
// http.StripPrefix) registers its routes with their full paths and passes
// the full invite path: InviteRoute("/blog/__invite__/") (the mount prefix
// is then "", so give a [Namespace]). The route must start with "/" and must
// not hold "{", "}", spaces or tabs (they would make a pattern of it);
// otherwise Join returns an error wrapping [core.ErrInvalidInvitePath].
func InviteRoute(path string) Option { return func(c *config) { c.inviteRoute = path } }

// WithLogger makes the app log its invitation (joined, or why not) on l.
// The adapter is silent by default; a nil l keeps it silent.
func WithLogger(l *slog.Logger) Option { return func(c *config) { c.logger = l } }

// TrustProxy lets [Handle.AbsoluteURL], and the scheme of host routes in
// [Handle.URL], take the first X-Forwarded-Proto and X-Forwarded-Host
// values of the request (see [urlfor.RequestOrigin]). Use it only behind a
// proxy that overwrites those headers: otherwise a client chooses the host
// of the URLs you build.
func TrustProxy() Option { return func(c *config) { c.trustProxy = true } }

func newConfig(opts []Option) config {
	c := config{inviteRoute: core.DefaultInvitePath}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c
}
