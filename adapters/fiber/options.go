package partyfiber

import (
	"log/slog"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Option configures [Join]; it is every adapter's option type.
type Option = adapterkit.Option

// Namespace sets the name that qualifies the app's endpoints: "legacy" in
// "legacy:page"; the mount prefix without its "/" by default. One with ":"
// makes Join fail with [ErrInvalidOption].
func Namespace(ns string) Option { return adapterkit.Namespace(ns) }

// InviteRoute sets the invite route Join registers ("/__invite__/" by
// default); it starts with "/" and holds none of fiber's placeholders
// ":*+?<>" (else [ErrInvalidOption]). An app registered with full paths
// gives the full invite path: "/legacy/__invite__/".
func InviteRoute(path string) Option { return adapterkit.InviteRoute(path) }

// WithLogger makes the app log its invitation and joining failures on l.
// Silent by default.
func WithLogger(l *slog.Logger) Option { return adapterkit.WithLogger(l) }

// TrustProxy lets [Handle.AbsoluteURL] take the scheme and host from the
// first X-Forwarded-Proto and X-Forwarded-Host values, else the bridge's
// TLS and the Host header. Set it only behind a proxy that overwrites them:
// otherwise clients pick the host of the URLs you build.
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
// its *fiber.Ctx ([Handle.URL], AbsoluteURL, Redirect, SignedURL, Link,
// and the package-level [URL], [AbsoluteURL], [Redirect]) and does not
// give one of keys, the value of the same-named parameter of the route c
// matched is used, read as [Param] reads it: a handler of "/:lang/posts/:id"
// links to "about" ("/:lang/about") in the page's language, in this app or
// any other of the party. Keys are c.Params' ("lang"; "*" or "*1" for a
// greedy one). A parameter the route lacks or left out (":lang?" absent)
// fills nothing; given values win; a sticky value is checked like any
// other. Without a context (nil c, templates' urlFor) nothing is filled.
// Successive calls add.
func Sticky(keys ...string) Option { return adapterkit.Sticky(keys...) }

// SignWith makes [Handle.SignedURL] sign with s (urlfor.NewSigner:
// HMAC-SHA256, expiring, keys that rotate); [ValidateSignature] checks
// such URLs in a fiber app. Without it SignedURL fails with an error
// wrapping urlfor.ErrBadCall.
func SignWith(s *urlfor.Signer) Option { return adapterkit.SignWith(s) }
