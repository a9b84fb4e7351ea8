package urlfor

import (
	"net/http"
	"strings"
)

// Origin is the scheme and host of an absolute URL: {"https",
// "example.com:8443"}. The zero Origin means "build a path".
type Origin struct {
	Scheme string // "http" or "https"
	Host   string // host[:port]
}

// String returns "scheme://host".
func (o Origin) String() string { return o.Scheme + "://" + o.Host }

// ParseOrigin parses a configured origin, "https://example.com" (an
// optional trailing "/" is allowed, nothing else after the host). Errors
// wrap [ErrBadCall].
func ParseOrigin(s string) (Origin, error) {
	scheme, rest, ok := strings.Cut(s, "://")
	if !ok {
		return Origin{}, badCall("origin %q has no scheme", s)
	}
	o := Origin{Scheme: strings.ToLower(scheme), Host: strings.TrimSuffix(rest, "/")}
	if err := o.check(); err != nil {
		return Origin{}, err
	}
	return o, nil
}

// RequestOrigin returns the origin a client used to reach r: "https" when
// the connection was TLS, else "http", and r.Host. With trustProxy, the first
// X-Forwarded-Proto and X-Forwarded-Host values win when present; set it only
// behind a proxy that overwrites those headers, or a client can choose the
// host of the URLs you build (host header poisoning). Values that are not a
// plain scheme or host are an error wrapping [ErrBadCall].
func RequestOrigin(r *http.Request, trustProxy bool) (Origin, error) {
	o := Origin{Scheme: "http", Host: r.Host}
	if r.TLS != nil {
		o.Scheme = "https"
	}
	if trustProxy {
		if v := firstValue(r.Header.Get("X-Forwarded-Proto")); v != "" {
			o.Scheme = strings.ToLower(v)
		}
		if v := firstValue(r.Header.Get("X-Forwarded-Host")); v != "" {
			o.Host = v
		}
	}
	if err := o.check(); err != nil {
		return Origin{}, err
	}
	return o, nil
}

func firstValue(h string) string {
	v, _, _ := strings.Cut(h, ",")
	return strings.TrimSpace(v)
}

func (o Origin) check() error {
	if o.Scheme != "http" && o.Scheme != "https" {
		return badCall("origin scheme %s is not http or https", quote(o.Scheme))
	}
	if o.Host == "" {
		return badCall("origin has no host")
	}
	if why := hostProblem(o.Host); why != "" {
		return badCall("origin host %s %s", quote(o.Host), why)
	}
	return nil
}

// checkInBuild is check for the Origin of a [Request], which may also be
// made by hand: an empty Scheme means "http", an empty Host is allowed
// (a route with a Host template takes only the scheme). The error holds
// copies of the strings, so that a Request never escapes to the heap.
func (o Origin) checkInBuild() error {
	if (o.Scheme == "" || o.Scheme == "http" || o.Scheme == "https") && (o.Host == "" || hostProblem(o.Host) == "") {
		return nil
	}
	c := Origin{Scheme: strings.Clone(o.Scheme), Host: strings.Clone(o.Host)}
	if c.Scheme == "" {
		c.Scheme = "http"
	}
	if c.Host == "" {
		c.Host = "example.invalid" // only the scheme is wrong
	}
	return c.check()
}
