package partymux

import (
	"log/slog"

	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Option configures [Join]; the same options as every adapter's
// (adapterkit.Option).
type Option = adapterkit.Option

// Namespace sets the name that qualifies the app's endpoints: "blog" in
// "blog:post" for r.HandleFunc("/posts/{id}", h).Name("post"). The default
// is the mount prefix without its "/" (urlfor.Config; none at the root). A
// namespace with ":" makes Join fail with [ErrInvalidOption].
func Namespace(ns string) Option { return adapterkit.Namespace(ns) }

// InviteRoute sets the path of the invite route Join registers on the
// router, core.DefaultInvitePath ("/__invite__/") by default. It must
// start with "/" and hold no brace, mux's variable syntax ("{id}"), else
// Join fails with [ErrInvalidOption]. On a subrouter made by
// PathPrefix("/api").Subrouter() the registered route is "/api" followed
// by it, as for every route of that subrouter; the mount prefix is the
// invite path minus the registered route. A router that sees the full path
// (behind chi's Mount, which does not strip the prefix) uses
// InviteRoute("/api/__invite__/") or a subrouter.
func InviteRoute(path string) Option { return adapterkit.InviteRoute(path) }

// WithLogger makes the app log its invitation and joining on l (its named
// "{id}" routes counted); silent by default and with nil.
func WithLogger(l *slog.Logger) Option { return adapterkit.WithLogger(l) }

// TrustProxy lets [Handle.AbsoluteURL] and [AbsoluteURL] of a route such
// as "/posts/{id}" take the scheme and host from X-Forwarded-Proto and
// X-Forwarded-Host (urlfor.RequestOrigin). Use it only behind a proxy that
// overwrites them: otherwise a client chooses the host of your URLs.
func TrustProxy() Option { return adapterkit.TrustProxy() }
