package partychi

import (
	"log/slog"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Option configures [Join]: one of [Namespace], [InviteRoute],
// [WithLogger], [TrustProxy], [AllowedHosts], [CanonicalOrigin], [Sticky],
// [SignWith]. It is the Option of every partyline adapter
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

// Sticky names route parameters that carry over, as Laravel's
// URL::defaults and Symfony's _locale do: when a handler builds a URL with
// its request ([Handle.URL], [Handle.AbsoluteURL], [Handle.Redirect],
// [Handle.SignedURL], [Handle.Link], and the package-level [URL],
// [AbsoluteURL], [Redirect]) and does not give one of keys, the value of
// the same-named parameter of the chi route the request matched is used,
// read as [URLParam] reads it: under r.Get("/{lang}/posts/{id}", ...),
// h.URL(r, "about") builds "/{lang}/about" with the request's lang, in
// this app or any other of the party. A parameter the matched route does
// not have (not among chi's URLParams keys) is not filled. Given values
// win; a sticky value is checked like any other; with a nil request (and
// in templates' urlFor) nothing is filled. Successive calls add.
func Sticky(keys ...string) Option { return adapterkit.Sticky(keys...) }

// SignWith makes [Handle.SignedURL] sign with s (urlfor.NewSigner:
// HMAC-SHA256, expiring, keys that rotate); verify with
// [ValidateSignature] on the chi routes that serve the signed URLs.
// Without it SignedURL fails with an error wrapping urlfor.ErrBadCall.
func SignWith(s *urlfor.Signer) Option { return adapterkit.SignWith(s) }
