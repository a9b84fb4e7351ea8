package adapterkit

import (
	"log/slog"
	"strings"

	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// Option configures an adapter's Join. Every adapter declares its Option as
// this type (type Option = adapterkit.Option) and re-exports the
// constructors below under the same names, so that options read the same in
// every framework: partychi.Namespace("blog"), partygin.Namespace("blog").
type Option func(*Config)

// Config is what the shared options set. An adapter reads it with
// [NewConfig] and checks it with [Config.Check] before touching the app.
type Config struct {
	// Namespace qualifies the app's endpoints ("blog" in "blog:post"); ""
	// means the mount prefix without its "/" (see [urlfor.Config]).
	Namespace string
	// InviteRoute is the local invite route; [core.DefaultInvitePath] by
	// default.
	InviteRoute string
	// Logger receives the invitation's outcome; nil is silent.
	Logger *slog.Logger
	// TrustProxy lets absolute URLs take the scheme and host from
	// X-Forwarded-Proto and X-Forwarded-Host ([urlfor.RequestOrigin]).
	TrustProxy bool
	// AllowedHosts are the hosts a request may name for absolute URLs
	// (see [urlfor.NewHostPolicy] for the forms); empty allows any plain
	// host.
	AllowedHosts []string
	// CanonicalOrigin, "https://www.example.com", is the origin of every
	// absolute URL when set.
	CanonicalOrigin string
	// Sticky names the parameters a build inside a request takes from the
	// request's route when not given (see [Sticky]).
	Sticky []string
	// Signer signs the handle's SignedURL (see [SignWith]).
	Signer *urlfor.Signer
}

// HostPolicy is the policy AllowedHosts, CanonicalOrigin and TrustProxy
// make; the error is [urlfor.NewHostPolicy]'s for a malformed entry.
func (c Config) HostPolicy() (urlfor.HostPolicy, error) {
	return urlfor.NewHostPolicy(c.CanonicalOrigin, c.AllowedHosts, c.TrustProxy)
}

// NewConfig applies opts, in order, to the defaults. Nil options are
// skipped.
func NewConfig(opts []Option) Config {
	c := Config{InviteRoute: core.DefaultInvitePath}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c
}

// Check returns an error wrapping [ErrInvalidOption], prefixed with the
// adapter's package name, when the invite route does not start with "/" or
// holds one of the bytes of placeholders (the router's parameter syntax:
// ":*" for echo and gin, "{}*" for chi and mux), or when the namespace
// holds ":" (the separator of "ns:name").
func (c Config) Check(adapter, placeholders string) error {
	switch {
	case c.InviteRoute == "" || c.InviteRoute[0] != '/':
		return Errorf(adapter, ErrInvalidOption, "InviteRoute(%q) does not start with \"/\"", c.InviteRoute)
	case placeholders != "" && strings.ContainsAny(c.InviteRoute, placeholders):
		return Errorf(adapter, ErrInvalidOption, "InviteRoute(%q) holds a placeholder of the router (one of %q)", c.InviteRoute, placeholders)
	case strings.Contains(c.Namespace, ":"):
		return Errorf(adapter, ErrInvalidOption, "Namespace(%q) contains \":\", the separator of \"ns:name\"", c.Namespace)
	}
	if _, err := c.HostPolicy(); err != nil {
		return Errorf(adapter, ErrInvalidOption, "%v", err)
	}
	return nil
}

// Namespace sets the name that qualifies the app's endpoints: "blog" in
// "blog:post". By default it is the mount prefix without its leading "/"
// ("/blog" gives "blog"; the app at the root has none), as [urlfor.Config]
// says. A namespace with ":" makes Join fail with [ErrInvalidOption].
func Namespace(ns string) Option { return func(c *Config) { c.Namespace = ns } }

// InviteRoute sets the local invite route Join registers in the app;
// [core.DefaultInvitePath] ("/__invite__/") by default. The mount prefix is
// the invite path minus this route ([core.MountPrefix]): an app that
// registered its routes with their full paths behind a dispatcher that does
// not strip prefixes passes InviteRoute("/blog/__invite__/"). It must start
// with "/" and hold no placeholder of the router, else Join fails with
// [ErrInvalidOption].
func InviteRoute(path string) Option { return func(c *Config) { c.InviteRoute = path } }

// WithLogger makes the adapter log the invitation (joined, or why joining
// failed) on l. It is silent by default; a nil l keeps it silent.
func WithLogger(l *slog.Logger) Option { return func(c *Config) { c.Logger = l } }

// TrustProxy lets a handle's AbsoluteURL take the scheme and host from the
// X-Forwarded-Proto and X-Forwarded-Host headers ([urlfor.RequestOrigin]).
// Use it only behind a proxy that overwrites those headers, and with
// [AllowedHosts]: otherwise a client chooses the host of the URLs you build
// (host header poisoning). Without AllowedHosts or CanonicalOrigin, Join
// logs a warning.
func TrustProxy() Option { return func(c *Config) { c.TrustProxy = true } }

// AllowedHosts lists the hosts a request may name for the handle's
// absolute URLs, as Django's ALLOWED_HOSTS and ASP.NET Core's AllowedHosts
// do: "example.com" (any port), "example.com:8443", ".example.com" (the
// domain and its subdomains), "*.example.com" (subdomains only), "*" (any
// plain host). A request naming another host gets URLs on the first entry
// when it is a plain host, else [urlfor.ErrHostNotAllowed]. Without it, a
// request's host is used when it is a plain host: a DNS name (IDNA form for
// international names) or an IP literal, with an optional port. A malformed
// entry makes Join fail with [ErrInvalidOption]. Successive calls add.
func AllowedHosts(hosts ...string) Option {
	return func(c *Config) { c.AllowedHosts = append(c.AllowedHosts, hosts...) }
}

// Sticky names parameters that carry over, as Laravel's URL::defaults and
// Symfony's _locale do: when a handler builds a URL with its request and
// does not give one of keys, the value of the same-named parameter of the
// current request's route is used (a site under "/{lang}/..." keeps its
// language across apps). Given values win; a sticky value is checked like
// any other; without a request (a nil context, templates' urlFor) nothing
// is filled. Successive calls add.
func Sticky(keys ...string) Option {
	return func(c *Config) { c.Sticky = append(c.Sticky, keys...) }
}

// SignWith makes the handle's SignedURL sign with s ([urlfor.Signer]:
// HMAC-SHA256, expiring); without it SignedURL fails with an error
// wrapping [urlfor.ErrBadCall].
func SignWith(s *urlfor.Signer) Option { return func(c *Config) { c.Signer = s } }

// CanonicalOrigin makes every absolute URL of the handle use origin
// ("https://www.example.com"), whatever the request says: the safest
// choice when the site has one name. A malformed origin makes Join fail
// with [ErrInvalidOption].
func CanonicalOrigin(origin string) Option { return func(c *Config) { c.CanonicalOrigin = origin } }
