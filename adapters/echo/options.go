package partyecho

import (
	"log/slog"

	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Option configures [Join]; it is the option type of every partyline
// adapter (package adapterkit).
type Option = adapterkit.Option

// Namespace sets the name that qualifies the app's endpoints: "blog" in
// "blog:post". By default it is the mount prefix without its leading "/"
// ("/blog" gives "blog"); an app mounted at the root then has none and is
// reached by bare names only (urlfor.Config). A namespace with ":" makes
// Join fail with [ErrInvalidOption].
func Namespace(ns string) Option { return adapterkit.Namespace(ns) }

// InviteRoute sets the local route the app answers invitations on;
// core.DefaultInvitePath ("/__invite__/") by default. It must start with
// "/" and hold neither ":" nor "*", echo's placeholders ([ErrInvalidOption]).
// Behind a dispatcher that does not strip the mount prefix, give the full
// path: InviteRoute("/blog/__invite__/").
func InviteRoute(path string) Option { return adapterkit.InviteRoute(path) }

// WithLogger makes the adapter log joining, a failed join, and a replaced
// Echo.OnAddRouteHandler hook on l. It is silent by default or with nil.
func WithLogger(l *slog.Logger) Option { return adapterkit.WithLogger(l) }

// TrustProxy lets AbsoluteURL take the scheme and host from the first
// X-Forwarded-Proto and X-Forwarded-Host values (urlfor.RequestOrigin).
// Set it only behind a proxy that overwrites those headers: otherwise a
// client chooses the host of the URLs you build (host header poisoning).
// echo's own c.Scheme() trusts the headers from private addresses by
// default; partyecho does not, unless told.
func TrustProxy() Option { return adapterkit.TrustProxy() }
