package partyfiber

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

// Namespace sets the name that qualifies the app's endpoints: "legacy" in
// "legacy:page". By default it is the mount prefix without its leading "/"
// (see urlfor.Config); the app at the root then has none. It must not
// contain ":".
func Namespace(ns string) Option { return func(c *config) { c.namespace = ns } }

// InviteRoute sets the local invite route Join registers in the app;
// [core.DefaultInvitePath] by default. It must start with "/" and be plain
// text: none of fiber's parameter characters (":*+?<>\"). An app that
// registers its routes with their full paths (under chi's Mount without
// [LocalPath]) registers the full invite path here: "/legacy/__invite__/".
func InviteRoute(path string) Option { return func(c *config) { c.inviteRoute = path } }

// WithLogger makes the app log its invitation and joining failures on l.
// Silent by default.
func WithLogger(l *slog.Logger) Option { return func(c *config) { c.logger = l } }

// TrustProxy lets [Handle.AbsoluteURL] take the scheme and host of the URL
// from the first X-Forwarded-Proto and X-Forwarded-Host values
// (urlfor.RequestOrigin). Set it only behind a proxy that overwrites them:
// otherwise any client picks the host of the URLs you build. Without it the
// scheme is the one the bridge saw (TLS or not) and the host is the Host
// header.
func TrustProxy() Option { return func(c *config) { c.trustProxy = true } }

func (c *config) check() error {
	r := c.inviteRoute
	if r == "" || r[0] != '/' {
		return fmt.Errorf("%w: invite route %q does not start with /", ErrBadOption, r)
	}
	if i := strings.IndexAny(r, `:*+?<>\`); i >= 0 {
		return fmt.Errorf("%w: invite route %q has %q, a fiber parameter character; give a plain path", ErrBadOption, r, r[i])
	}
	if strings.Contains(c.namespace, ":") {
		return fmt.Errorf("%w: namespace %q contains \":\"", ErrBadOption, c.namespace)
	}
	return nil
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
