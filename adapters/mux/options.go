package partymux

import (
	"fmt"
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

// Namespace sets the name that qualifies the app's endpoints: "blog" in
// "blog:post". The default is the mount prefix without its leading "/"
// (urlfor.Config); the app at the root then has none. It must not hold ":".
func Namespace(ns string) Option { return func(c *config) { c.namespace = ns } }

// InviteRoute sets the path of the invite route Join registers on the
// router, [core.DefaultInvitePath] by default. It must start with "/" and
// hold no brace. On a subrouter made by PathPrefix("/api").Subrouter() the
// registered route is "/api" followed by it, as for every route of that
// subrouter; the mount prefix is the invite path minus the registered route.
// A router that sees the full path (behind chi's Mount, which does not
// strip the prefix) uses InviteRoute("/api/__invite__/") or a subrouter.
func InviteRoute(path string) Option { return func(c *config) { c.inviteRoute = path } }

// WithLogger makes the app log its invitation and joining on l. The
// default is silent; nil keeps it silent.
func WithLogger(l *slog.Logger) Option { return func(c *config) { c.logger = l } }

// TrustProxy lets [Handle.AbsoluteURL] take the scheme and host from the
// X-Forwarded-Proto and X-Forwarded-Host headers (urlfor.RequestOrigin).
// Use it only behind a proxy that overwrites them.
func TrustProxy() Option { return func(c *config) { c.trustProxy = true } }

func newConfig(opts []Option) (config, error) {
	c := config{inviteRoute: core.DefaultInvitePath}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	switch {
	case !strings.HasPrefix(c.inviteRoute, "/"):
		return c, fmt.Errorf("%w: invite route %q does not start with /", ErrInvalidOption, c.inviteRoute)
	case strings.ContainsAny(c.inviteRoute, "{}"):
		return c, fmt.Errorf("%w: invite route %q holds a brace, which mux reads as a variable", ErrInvalidOption, c.inviteRoute)
	case strings.Contains(c.namespace, ":"):
		return c, fmt.Errorf("%w: namespace %q contains \":\"", ErrInvalidOption, c.namespace)
	}
	return c, nil
}
