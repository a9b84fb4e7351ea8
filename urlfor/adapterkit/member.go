package adapterkit

import (
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/partyline-go/partyline/urlfor"
)

// Member is the framework-free part of every adapter's Handle: it answers
// the invite route and builds URLs, local names first. An adapter keeps one
// per joined app (a field of its Handle, not embedded, so that only the
// methods the contract names are promoted) and gives each of its Handle's
// methods the framework's context shape. It is safe for concurrent use.
type Member struct {
	adapter string
	cfg     Config
	hosts   urlfor.HostPolicy
	m       *urlfor.Member
	mu      sync.Mutex // serialises Accept with the Err it reports
}

// NewMember returns the member of an app of framework (for listings:
// "chi", "echo") whose adapter package is adapter ("partychi", for
// messages), joining with cfg and reading its routes from src.
// cfg must have passed [Config.Check]: a host option it did not check is
// dropped. TrustProxy without AllowedHosts or CanonicalOrigin logs a
// warning, once, on cfg's logger or else slog's default: a client reaching
// the app past the proxy chooses the host of its absolute URLs.
func NewMember(adapter, framework string, cfg Config, src urlfor.Source) *Member {
	hosts, _ := cfg.HostPolicy()
	if hosts.TrustProxy() && !hosts.Polices() {
		l := cfg.Logger
		if l == nil {
			l = slog.Default()
		}
		l.Warn(adapter+": TrustProxy without AllowedHosts or CanonicalOrigin: absolute URLs take any host X-Forwarded-Host names; list the hosts", slog.String("adapter", adapter))
	}
	return &Member{adapter: adapter, cfg: cfg, hosts: hosts, m: urlfor.NewMember(urlfor.Config{
		Namespace:   cfg.Namespace,
		InviteRoute: cfg.InviteRoute,
		Framework:   framework,
		Adapter:     adapter,
		Source:      src,
	}, cfg.Logger)}
}

// Config returns the options the member was made with.
func (m *Member) Config() Config { return m.cfg }

// Answer handles a request to the invite route and returns what to answer:
// 200 and "" when r carries an invitation and the app joined; 404 and "404
// page not found" for any other request (an invite route answers only its
// invitation, wsgi_party); 409 (already on a party) or 500 (joining
// failed) and the reason, starting with the adapter's name, when the app
// declined the invitation: core.New's error says why, through
// core.Operator.Decline, not only the log.
func (m *Member) Answer(r *http.Request) (status int, body string) {
	m.mu.Lock()
	status = m.m.Accept(r)
	err := m.m.Err()
	m.mu.Unlock()
	switch status {
	case http.StatusOK:
		return status, ""
	case http.StatusNotFound:
		return status, "404 page not found"
	}
	body = m.adapter + ": joining the party failed"
	if err != nil {
		body += ": " + strings.TrimPrefix(err.Error(), m.adapter+": ")
	}
	return status, body
}

// ServeInvite is [Member.Answer] as an http.HandlerFunc, for adapters of
// net/http routers (chi, gorilla/mux, ServeMux).
func (m *Member) ServeInvite(w http.ResponseWriter, r *http.Request) {
	status, body := m.Answer(r)
	if status == http.StatusOK {
		w.WriteHeader(status)
		return
	}
	http.Error(w, body, status)
}

// URL is [urlfor.Member.URL]: the URL of the endpoint name with its app's
// mount prefix, local names first.
func (m *Member) URL(name string, pairs ...string) (string, error) {
	return m.m.URL(name, pairs...)
}

// RequestURL is the URL of the endpoint name as a handler serving r wants
// it: a path with the mount prefix, or, for a route with a host of its own
// (gorilla/mux's Host, a ServeMux host pattern, echo's host routers), an
// absolute URL with the scheme r came with (X-Forwarded-Proto only with
// TrustProxy); "http" when r is nil.
func (m *Member) RequestURL(r *http.Request, name string, pairs ...string) (string, error) {
	return m.m.Build(&urlfor.Request{Name: name, Pairs: pairs, Origin: urlfor.Origin{Scheme: m.scheme(r)}})
}

// scheme is the scheme r came with, for routes with a host of their own.
func (m *Member) scheme(r *http.Request) string {
	if r == nil {
		return ""
	}
	if o, err := m.hosts.Origin(r); err == nil {
		return o.Scheme
	}
	if r.TLS == nil { // a refused or malformed host: the connection's scheme
		return "http"
	}
	return "https"
}

// Build is [urlfor.Member.Build].
func (m *Member) Build(req *urlfor.Request) (string, error) { return m.m.Build(req) }

// AbsoluteURL is [urlfor.Member.AbsoluteURL] with the member's host policy
// ([CanonicalOrigin], [AllowedHosts], [TrustProxy]).
func (m *Member) AbsoluteURL(r *http.Request, name string, pairs ...string) (string, error) {
	return m.m.AbsoluteURL(r, m.hosts, name, pairs...)
}

// Redirect answers r with http.Redirect to the endpoint name, built as by
// [Member.RequestURL], for adapters of net/http routers. code must be 3xx;
// on any error nothing is written, so that the handler chooses what to
// answer.
func (m *Member) Redirect(w http.ResponseWriter, r *http.Request, code int, name string, pairs ...string) error {
	if err := urlfor.CheckRedirectCode(code); err != nil {
		return err
	}
	u, err := m.RequestURL(r, name, pairs...)
	if err != nil {
		return err
	}
	http.Redirect(w, r, u, code)
	return nil
}

// withSticky returns pairs with the values of the sticky keys that pairs
// does not give, read with read(arg, key) from the current request's route
// (false: the route lacks it, or there is no request). pairs itself comes
// back when there is nothing to add; otherwise the result is built in buf
// when it fits, a caller's array, so that a sticky build allocates no more
// than a plain one. arg and read are passed apart, not as a closure, for
// the same reason.
func withSticky[A any](buf, keys, pairs []string, arg A, read func(A, string) (string, bool)) []string {
	out := pairs
	for _, k := range keys {
		if given(pairs, k) {
			continue
		}
		if v, ok := read(arg, k); ok {
			if len(out) == len(pairs) {
				out = append(buf[:0], pairs...)
			}
			out = append(out, k, v)
		}
	}
	return out
}

// stickyBuf is the room the handles keep on the stack for pairs with
// sticky values: eight pairs.
const stickyBuf = 16

// given reports whether pairs gives key.
func given(pairs []string, key string) bool {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i] == key {
			return true
		}
	}
	return false
}

// SignedURL is [Member.RequestURL] signed with the [SignWith] signer,
// expiring at expires (see [urlfor.Signer.Sign]). Without a signer the
// error wraps [urlfor.ErrBadCall].
func (m *Member) SignedURL(r *http.Request, expires time.Time, name string, pairs ...string) (string, error) {
	if m.cfg.Signer == nil {
		return "", fmt.Errorf("%w: %s: SignedURL(%q) needs a signer (the SignWith option)", urlfor.ErrBadCall, m.adapter, name)
	}
	u, err := m.RequestURL(r, name, pairs...)
	if err != nil {
		return "", err
	}
	return m.cfg.Signer.Sign(u, expires)
}

// Link is one RFC 8288 link-value for the endpoint name built as by
// [Member.RequestURL], with relation rel: `</api/items?page=2>; rel="next"`
// ([urlfor.LinkValue]). Join several with [urlfor.JoinLinks] into one Link
// header.
func (m *Member) Link(r *http.Request, rel, name string, pairs ...string) (string, error) {
	u, err := m.RequestURL(r, name, pairs...)
	if err != nil {
		return "", err
	}
	return urlfor.LinkValue(u, rel)
}

// FuncMap is [urlfor.Member.FuncMap]: urlFor with the app's names first;
// calls before the invitation fail with [urlfor.ErrNotInvited].
func (m *Member) FuncMap() template.FuncMap { return m.m.FuncMap() }

// Participant is [urlfor.Member.Participant].
func (m *Member) Participant() (*urlfor.Participant, error) { return m.m.Participant() }

// Invited reports whether the app has joined a party.
func (m *Member) Invited() bool { return m.m.Invited() }
