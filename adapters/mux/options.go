package partymux

import (
	"log/slog"

	"github.com/partyline-go/partyline/urlfor"
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
// Pair it with [AllowedHosts] (Join logs a warning without it or
// [CanonicalOrigin]).
func TrustProxy() Option { return adapterkit.TrustProxy() }

// AllowedHosts lists the hosts a request may name for absolute URLs, as
// Django's ALLOWED_HOSTS and ASP.NET Core's AllowedHosts do: "example.com"
// (any port), "example.com:8443", ".example.com" (the domain and its
// subdomains), "*.example.com" (subdomains only), "*" (any plain host). A
// request naming another host gets URLs on the first entry when it is a
// plain host, else an error wrapping urlfor.ErrHostNotAllowed. Without it,
// a request's host is used only when it is a DNS name (IDNA form for
// international names) or an IP literal, with an optional port. With
// [TrustProxy], the forwarded host is policed the same way. A malformed
// entry makes Join fail with [ErrInvalidOption].
func AllowedHosts(hosts ...string) Option { return adapterkit.AllowedHosts(hosts...) }

// CanonicalOrigin makes every absolute URL use origin
// ("https://www.example.com"), whatever the request says: the safest
// choice for a site with one name. A malformed origin makes Join fail with
// [ErrInvalidOption].
func CanonicalOrigin(origin string) Option { return adapterkit.CanonicalOrigin(origin) }

// Sticky names route variables that carry over, as Laravel's
// URL::defaults and Symfony's _locale do: when a handler builds a URL with
// its request ([Handle.URL], [Handle.AbsoluteURL], [Handle.Redirect],
// [Handle.SignedURL], [Handle.Link], and the package-level [URL],
// [AbsoluteURL], [Redirect]) and does not give one of keys, the value of
// the same-named variable of the mux route the request matched is used,
// as mux.Vars holds it (unescaped for a path variable of a router that
// UseEncodedPath): under r.HandleFunc("/{lang}/posts/{id}", ...),
// h.URL(r, "about") builds "/{lang}/about" with the request's lang, in
// this app or any other of the party. A variable not in mux.Vars (the
// matched route has none of that name) is not filled. Given values win; a
// sticky value is checked like any other; with a nil request (and in
// templates' urlFor) nothing is filled. Successive calls add.
func Sticky(keys ...string) Option { return adapterkit.Sticky(keys...) }

// SignWith makes [Handle.SignedURL] sign with s (urlfor.NewSigner:
// HMAC-SHA256, expiring, keys that rotate); verify with
// [ValidateSignature] on the mux routes that serve the signed URLs.
// Without it SignedURL fails with an error wrapping urlfor.ErrBadCall.
func SignWith(s *urlfor.Signer) Option { return adapterkit.SignWith(s) }
