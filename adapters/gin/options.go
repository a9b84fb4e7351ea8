package partygin

import (
	"log/slog"

	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Option configures [Join]: the options every partyline adapter shares
// (package adapterkit), under the same names.
type Option = adapterkit.Option

// Namespace sets the app's namespace: "blog" in "blog:post". By default it
// is the mount prefix without its leading "/" ("/blog" gives "blog"), and
// the app at the root has none (urlfor.Config). A namespace with ":" makes
// [Join] fail with [ErrInvalidOption].
func Namespace(ns string) Option { return adapterkit.Namespace(ns) }

// InviteRoute sets the local invite route the app registers (for every
// method, with engine.Any), by default [core.DefaultInvitePath]. Behind a
// dispatcher that does not strip the mount prefix (chi's Mount), register
// the app's routes with their full paths and give the full invite route:
// InviteRoute("/shop/__invite__/"). It must start with "/" and be a plain
// gin path, without gin's placeholders ":name" and "*name"; [Join] fails
// with [ErrInvalidOption] otherwise.
func InviteRoute(path string) Option { return adapterkit.InviteRoute(path) }

// WithLogger makes the app log its invitation (joined, or why not) on l.
// The adapter is silent by default; a nil l keeps it silent.
func WithLogger(l *slog.Logger) Option { return adapterkit.WithLogger(l) }

// TrustProxy makes [Handle.AbsoluteURL] take the scheme and host from the
// X-Forwarded-Proto and X-Forwarded-Host headers when present
// (urlfor.RequestOrigin). Use it only behind a proxy that overwrites them:
// otherwise a client chooses the host of the URLs you build.
func TrustProxy() Option { return adapterkit.TrustProxy() }
