package partyhttp

import (
	"log/slog"
	"net/http"
	"strings"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Framework names ServeMux in the party's listings ([urlfor.Endpoint]).
const Framework = "net/http"

const adapter = "partyhttp"

// joined holds the joined ServeMuxes and their Handles weakly.
var joined adapterkit.Registry[ServeMux, Handle]

// Option configures [Join]: the options every partyline adapter shares
// ([adapterkit.Option]).
type Option = adapterkit.Option

// Namespace sets the app's namespace, "blog" in "blog:post"; by default the
// mount prefix without its "/" (none at the root). One holding ":" makes
// Join fail with [ErrInvalidOption].
func Namespace(ns string) Option { return adapterkit.Namespace(ns) }

// InviteRoute sets the invite route Join registers as an exact GET pattern
// ("GET /__invite__/{$}" for the default, core.DefaultInvitePath). Behind a
// dispatcher that does not strip prefixes, give the full path,
// "/blog/__invite__/", and a [Namespace]. It must start with "/" and hold
// no ServeMux pattern syntax ("{", "}", a space or a tab), else Join fails
// with [ErrInvalidOption].
func InviteRoute(path string) Option { return adapterkit.InviteRoute(path) }

// WithLogger logs the invitation's outcome on l; nil (the default) is silent.
func WithLogger(l *slog.Logger) Option { return adapterkit.WithLogger(l) }

// TrustProxy lets [Handle.AbsoluteURL], and the scheme of host patterns in
// [Handle.URL], take the first X-Forwarded-Proto and X-Forwarded-Host
// values: only behind a proxy that overwrites them, or clients choose the
// host of your URLs.
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

// Sticky names wildcards that carry over, as Laravel's URL::defaults and
// Symfony's _locale do: when a handler builds a URL with its request
// ([Handle.URL], [Handle.AbsoluteURL], [Handle.Redirect],
// [Handle.SignedURL], [Handle.Link], and the package-level [URL],
// [AbsoluteURL], [Redirect]) and does not give one of keys, the value of
// the same-named wildcard of the pattern the request matched is used, as
// r.PathValue reads it: under "GET /{lang}/posts/{id}", h.URL(r, "about")
// builds "/{lang}/about" with the request's lang, in this app or any other
// of the party. A key that is not a wildcard of the matched pattern
// (r.Pattern) is not filled. Given values win; a sticky value is checked
// like any other; with a nil request (and in templates' urlFor) nothing is
// filled. Successive calls add.
func Sticky(keys ...string) Option { return adapterkit.Sticky(keys...) }

// SignWith makes [Handle.SignedURL] sign with s (urlfor.NewSigner:
// HMAC-SHA256, expiring, keys that rotate); verify with
// [ValidateSignature] around the handlers that serve the signed URLs.
// Without it SignedURL fails with an error wrapping urlfor.ErrBadCall.
func SignWith(s *urlfor.Signer) Option { return adapterkit.SignWith(s) }

// Join makes mux a partyline app: it registers the invite route (by default
// "GET /__invite__/{$}", exact, so that it takes no path from the app's
// patterns) and returns the app's [Handle]. The invite route answers the
// party's invitation 200 (the app joins, its ServeMux the live route
// table), 500 when joining failed, and 404 to any other request
// (wsgi_party). Errors, with nothing registered: [ErrInvalidOption] for a
// nil mux, a malformed option, or an invite route that conflicts with a
// registered pattern; [ErrAlreadyJoined].
func Join(mux *ServeMux, opts ...Option) (*Handle, error) {
	if mux == nil {
		return nil, adapterkit.Errorf(adapter, ErrInvalidOption, "nil ServeMux")
	}
	cfg := adapterkit.NewConfig(opts)
	// A space or a tab separates a pattern's method from its path.
	if err := cfg.Check(adapter, "{} \t"); err != nil {
		return nil, err
	}
	h := &Handle{mux: mux, kit: adapterkit.NewMember(adapter, Framework, cfg, mux)}
	h.HTTPHandle = adapterkit.NewHTTPHandle(h.kit).WithParams(pathValue)
	if err := joined.Add(adapter, mux, h); err != nil {
		return nil, err
	}
	if err := mux.registerInvite(cfg.InviteRoute, http.HandlerFunc(h.kit.ServeInvite), callerLocation(1)); err != nil {
		joined.Remove(mux)
		return nil, err
	}
	return h, nil
}

// registerInvite registers, unlisted, a GET (and HEAD) of exactly route,
// ServeMux's panic turned into an error.
func (m *ServeMux) registerInvite(route string, h http.Handler, loc string) (err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	defer func() {
		if v := recover(); v != nil {
			err = adapterkit.Errorf(adapter, ErrInvalidOption, "InviteRoute(%q): %v", route, v)
		}
	}()
	pattern := "GET " + route
	if strings.HasSuffix(route, "/") {
		pattern += "{$}"
	}
	m.handle(pattern, h, loc)
	return nil
}
