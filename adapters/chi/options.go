package partychi

import (
	"log/slog"

	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Option configures [Join]: one of [Namespace], [InviteRoute],
// [WithLogger], [TrustProxy]. It is the Option of every partyline adapter
// (adapterkit.Option).
type Option = adapterkit.Option

// Namespace sets the name that qualifies the app's endpoints: "blog" in
// "blog:post". By default it is the mount prefix without its leading "/"
// ("/blog" gives "blog"; the app at the root has none), as [urlfor.Config]
// says. A namespace with ":" makes [Join] fail with [ErrInvalidOption].
func Namespace(ns string) Option { return adapterkit.Namespace(ns) }

// InviteRoute sets the local invite route [Join] registers in the router,
// for every method; [core.DefaultInvitePath] ("/__invite__/") by default.
// The mount prefix is the invite path minus this route ([core.MountPrefix]):
// an app that registered its routes with their full paths behind a
// dispatcher that does not strip prefixes passes
// InviteRoute("/blog/__invite__/"). It must start with "/" and hold no chi
// placeholder ("{", "}", "*": chi's "{id}", "{id:re}" and trailing "*"),
// else Join fails with [ErrInvalidOption].
func InviteRoute(path string) Option { return adapterkit.InviteRoute(path) }

// WithLogger makes the adapter log the invitation (joined, or why joining
// failed) on l. It is silent by default; a nil l keeps it silent.
func WithLogger(l *slog.Logger) Option { return adapterkit.WithLogger(l) }

// TrustProxy lets [Handle.AbsoluteURL] take the scheme and host from the
// X-Forwarded-Proto and X-Forwarded-Host headers ([urlfor.RequestOrigin]).
// Use it only behind a proxy that overwrites those headers: otherwise a
// client chooses the host of the URLs you build (host header poisoning).
func TrustProxy() Option { return adapterkit.TrustProxy() }
