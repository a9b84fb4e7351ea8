package partyecho

import (
	"log/slog"

	"github.com/partyline-go/partyline/urlfor"
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
// its echo.Context ([Handle.URL], [Handle.AbsoluteURL], [Handle.Redirect],
// [Handle.SignedURL], [Handle.Link], and the package-level [URL],
// [AbsoluteURL], [Redirect]) and does not give one of keys, the value of
// the same-named parameter of the echo route c matched is used, read as
// [Param] reads it: a handler of "/:lang/posts/:id" links to "about"
// ("/:lang/about") in the page's language, in this app or any other of the
// party. Keys are echo's parameter names ("lang"; "*" for the wildcard). A
// parameter the matched route does not have (not in c.ParamNames()) fills
// nothing; given values win; a sticky value is checked like any other.
// Without a context (a nil c, templates' urlFor) nothing is filled.
// Successive calls add.
func Sticky(keys ...string) Option { return adapterkit.Sticky(keys...) }

// SignWith makes [Handle.SignedURL] sign with s (urlfor.NewSigner:
// HMAC-SHA256, expiring, keys that rotate); [ValidateSignature] is the
// echo middleware that checks such URLs. Without it SignedURL fails with
// an error wrapping urlfor.ErrBadCall.
func SignWith(s *urlfor.Signer) Option { return adapterkit.SignWith(s) }
