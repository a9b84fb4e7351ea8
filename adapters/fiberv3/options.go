package partyfiberv3

import (
	"log/slog"

	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Option configures [Join]; it is every adapter's option type.
type Option = adapterkit.Option

// Namespace sets the name that qualifies the app's endpoints: "events" in
// "events:event"; the mount prefix without its "/" by default. One with
// ":" makes Join fail with [ErrInvalidOption].
func Namespace(ns string) Option { return adapterkit.Namespace(ns) }

// InviteRoute sets the invite route Join registers ("/__invite__/" by
// default); it starts with "/" and holds none of fiber's placeholders
// ":*+?<>\" (else [ErrInvalidOption]). An app registered with full paths
// gives the full invite path: "/events/__invite__/".
func InviteRoute(path string) Option { return adapterkit.InviteRoute(path) }

// WithLogger makes the app log its invitation and joining failures on l.
// Silent by default.
func WithLogger(l *slog.Logger) Option { return adapterkit.WithLogger(l) }

// TrustProxy lets [Handle.AbsoluteURL] take the scheme and host from the
// first X-Forwarded-Proto and X-Forwarded-Host values, else the bridge's
// TLS and the Host header. Set it only behind a proxy that overwrites them:
// otherwise clients pick the host of the URLs you build.
func TrustProxy() Option { return adapterkit.TrustProxy() }
