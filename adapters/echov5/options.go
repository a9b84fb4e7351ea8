package partyechov5

import (
	"log/slog"

	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Option configures [Join]: the option type of every partyline adapter.
type Option = adapterkit.Option

// Namespace sets the name that qualifies the app's endpoints: "blog" in
// "blog:post"; by default the mount prefix without its "/" (none at the
// root). One with ":" makes Join fail with [ErrInvalidOption].
func Namespace(ns string) Option { return adapterkit.Namespace(ns) }

// InviteRoute sets the local route the app answers invitations on;
// core.DefaultInvitePath ("/__invite__/") by default. It must start with
// "/" and hold none of echo's ":", "*" and "\" ([ErrInvalidOption]).
// Behind a dispatcher that does not strip the mount prefix, give the full
// path: InviteRoute("/blog/__invite__/").
func InviteRoute(path string) Option { return adapterkit.InviteRoute(path) }

// WithLogger logs joining, a failed join, and an Echo.OnAddRoute hook
// replaced after Join, on l; silent by default or with nil.
func WithLogger(l *slog.Logger) Option { return adapterkit.WithLogger(l) }

// TrustProxy lets AbsoluteURL take the scheme and host from the first
// X-Forwarded-Proto and X-Forwarded-Host values (urlfor.RequestOrigin).
// Only behind a proxy that overwrites them: otherwise a client chooses the
// host of the URLs you build (host header poisoning).
func TrustProxy() Option { return adapterkit.TrustProxy() }
