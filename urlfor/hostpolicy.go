package urlfor

import (
	"errors"
	"net/http"
	"strings"
)

// ErrHostNotAllowed: a request named a host its [HostPolicy] does not list,
// and the policy has no plain host to fall back on (its first entry is a
// pattern).
var ErrHostNotAllowed = errors.New("urlfor: host not allowed")

// HostPolicy decides the origin of the absolute URLs built while serving a
// request, in the manner of Django's ALLOWED_HOSTS and ASP.NET Core's host
// filtering: a host is taken from the request only when the policy allows
// it, so that a client cannot choose the host of the links in a page or a
// password-reset e-mail (host header poisoning). Make one with
// [NewHostPolicy]; the zero HostPolicy takes the request's host when it is
// a plain host (see [RequestOrigin]) and ignores X-Forwarded-* headers.
type HostPolicy struct {
	canonical  Origin
	allowed    []hostPattern
	trustProxy bool
}

// hostPattern is one entry of an allow-list, lower-cased.
type hostPattern struct {
	host       string // "example.com", or the domain of a subdomain pattern
	port       string // ":8443", or "" for any port
	subdomains bool   // ".example.com" or "*.example.com"
	apex       bool   // the domain itself too (".example.com", Django)
	any        bool   // "*"
}

// NewHostPolicy returns the policy for a canonical origin and an
// allow-list; both may be empty.
//
//   - canonical ("https://www.example.com"): every absolute URL uses that
//     scheme and host, whatever the request says. allowed and trustProxy
//     are then unused.
//   - allowed: the hosts a request may name (the Host header, or with
//     trustProxy the first X-Forwarded-Host value): "example.com" (any
//     port), "example.com:8443" (that port), ".example.com" (the domain and
//     its subdomains, Django), "*.example.com" (its subdomains only,
//     ASP.NET Core), "*" (any plain host). A request naming another host
//     gets URLs on the first entry when it is a plain host, with the
//     request's scheme, else [ErrHostNotAllowed].
//   - trustProxy: take the scheme and host from X-Forwarded-Proto and
//     X-Forwarded-Host (see [RequestOrigin]); safe with an allow-list, which
//     still polices the host.
//
// Hosts are matched without regard to ASCII case. A canonical origin or an
// entry that is not a plain host (a DNS name, IDNA form for international
// names, or an IP literal, with an optional port) is an error wrapping
// [ErrBadCall].
func NewHostPolicy(canonical string, allowed []string, trustProxy bool) (HostPolicy, error) {
	hp := HostPolicy{trustProxy: trustProxy}
	if canonical != "" {
		o, err := ParseOrigin(canonical)
		if err != nil {
			return HostPolicy{}, err
		}
		hp.canonical = o
	}
	for _, a := range allowed {
		p, err := parseHostPattern(a)
		if err != nil {
			return HostPolicy{}, err
		}
		hp.allowed = append(hp.allowed, p)
	}
	return hp, nil
}

func parseHostPattern(s string) (hostPattern, error) {
	if s == "*" {
		return hostPattern{any: true}, nil
	}
	p := hostPattern{host: strings.ToLower(s)}
	switch {
	case strings.HasPrefix(p.host, "*."):
		p.host, p.subdomains = p.host[2:], true
	case strings.HasPrefix(p.host, "."):
		p.host, p.subdomains, p.apex = p.host[1:], true, true
	}
	if why := hostProblem(p.host); why != "" {
		return hostPattern{}, badCall("allowed host %s %s", quote(s), why)
	}
	p.host, p.port = splitHostPort(p.host)
	return p, nil
}

// match reports whether host[:port] (lower-cased) is allowed by p.
func (p hostPattern) match(host string) bool {
	if p.any {
		return true
	}
	name, port := splitHostPort(host)
	if p.port != "" && port != p.port {
		return false
	}
	if name == p.host {
		return !p.subdomains || p.apex
	}
	return p.subdomains && strings.HasSuffix(name, "."+p.host)
}

// splitHostPort splits "example.com:80" into "example.com" and ":80", and
// "[::1]:80" into "[::1]" and ":80".
func splitHostPort(host string) (name, port string) {
	if i := strings.LastIndexByte(host, ':'); i >= 0 && !strings.HasSuffix(host, "]") {
		return host[:i], host[i:]
	}
	return host, ""
}

// Canonical returns the canonical origin, or the zero Origin.
func (hp HostPolicy) Canonical() Origin { return hp.canonical }

// TrustProxy reports whether the policy reads X-Forwarded-Proto and
// X-Forwarded-Host.
func (hp HostPolicy) TrustProxy() bool { return hp.trustProxy }

// Polices reports whether the policy restricts hosts: a canonical origin
// or an allow-list. A policy that does not, with TrustProxy, lets any
// proxy-forwarded plain host through.
func (hp HostPolicy) Polices() bool { return hp.canonical.Host != "" || len(hp.allowed) > 0 }

// Origin returns the origin of absolute URLs built for r: the canonical
// origin when there is one; else the request's (see [RequestOrigin]),
// when its host is allowed; else the first allowed host with the
// request's scheme; else an error: [ErrHostNotAllowed], or for a request
// with no allow-list and a host that is not plain, an error wrapping
// [ErrBadCall]. A nil r is an error wrapping [ErrBadCall].
func (hp HostPolicy) Origin(r *http.Request) (Origin, error) {
	if hp.canonical.Host != "" {
		return hp.canonical, nil
	}
	if r == nil {
		return Origin{}, badCall("no request to take the origin from")
	}
	o, err := RequestOrigin(r, hp.trustProxy)
	if len(hp.allowed) == 0 {
		return o, err
	}
	scheme := o.Scheme
	if err == nil {
		lower := strings.ToLower(o.Host)
		for _, p := range hp.allowed {
			if p.match(lower) {
				return o, nil
			}
		}
	} else {
		// A malformed host or forwarded value: the connection's scheme.
		scheme = "http"
		if r.TLS != nil {
			scheme = "https"
		}
	}
	if first := hp.allowed[0]; !first.any && !first.subdomains {
		return Origin{Scheme: scheme, Host: first.host + first.port}, nil
	}
	host := r.Host
	if hp.trustProxy && r.Header.Get("X-Forwarded-Host") != "" {
		host = firstValue(r.Header.Get("X-Forwarded-Host"))
	}
	return Origin{}, &hostError{host: host}
}

type hostError struct{ host string }

func (e *hostError) Error() string {
	return "urlfor: host not allowed: " + quote(e.host) + " is not in the allowed hosts, whose first entry is a pattern, not a host to fall back on"
}

func (e *hostError) Is(target error) bool { return target == ErrHostNotAllowed }
