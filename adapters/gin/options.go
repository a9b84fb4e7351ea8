package partygin

import (
	"log/slog"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Option configures [Join] and [JoinAhead]: the options every partyline
// adapter shares (package adapterkit), under the same names.
type Option = adapterkit.Option

// Namespace sets the app's namespace: "blog" in "blog:post". By default it
// is the mount prefix without its leading "/" ("/blog" gives "blog"), and
// the app at the root has none (urlfor.Config). A namespace with ":" makes
// [Join] fail with [ErrInvalidOption].
func Namespace(ns string) Option { return adapterkit.Namespace(ns) }

// InviteRoute sets the local invite route of the app (which [Join]
// registers for every method of gin's Any, and [JoinAhead] answers ahead
// of routing), by default [core.DefaultInvitePath]. Behind a
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
// its *gin.Context (URL, AbsoluteURL, Redirect, SignedURL and Link of
// [Handle], and the package-level [URL], [AbsoluteURL], [Redirect]) and
// does not give one of keys, the value of the same-named parameter of the
// gin route c matched is used: a handler of "/:lang/posts/:id" links to
// "about" ("/:lang/about") in the page's language, in this app or any
// other of the party. Keys are gin's parameter names ("lang" for ":lang",
// "path" for "*path"). The value is the one the client meant: c.Param,
// unescaped in the engine modes where gin hands raw text (see the package
// doc), and a catch-all's without gin's leading "/" ("a/b" for
// ".../a/b"). A parameter the matched route does not have (not in
// c.Params) fills nothing; given values win; a sticky value is checked
// like any other. Without a context (a nil c, or one without a request,
// templates' urlFor) nothing is filled. Successive calls add.
func Sticky(keys ...string) Option { return adapterkit.Sticky(keys...) }

// SignWith makes [Handle]'s SignedURL sign with s (urlfor.NewSigner:
// HMAC-SHA256, expiring, keys that rotate); [ValidateSignature] is the gin
// middleware that checks such URLs. Without it SignedURL fails with an
// error wrapping urlfor.ErrBadCall.
func SignWith(s *urlfor.Signer) Option { return adapterkit.SignWith(s) }
