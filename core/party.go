package core

import (
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

// DefaultInvitePath is the local invite route an adapter registers in its app
// unless told otherwise. The invite path the party sends to is the mount
// prefix followed by this route: "/blog/__invite__/" for an app at "/blog".
const DefaultInvitePath = "/__invite__/"

// Party is the partyline middleware: it wraps the dispatcher, owns the
// services and keeps the outcome of every invitation. Make one with [New].
// A Party is safe for concurrent use.
type Party struct {
	app           http.Handler
	invites       []string // as given to New, in order
	guard         []string // invite paths without their trailing slash, for ServeHTTP
	guardLast     []string // the distinct last segments of guard
	ignoreMissing bool
	cfg           config

	services atomic.Pointer[serviceTable] // copy-on-write; readers never lock
	mu       sync.Mutex                   // serialises writers of services and operators

	operators   atomic.Pointer[[]*Operator]
	invitations []Invitation // written only inside New
	extensions  sync.Map     // key -> *extension, see Extension
}

// New wraps app, the whole dispatcher, in a party and sends every invitation
// through it, synchronously and in order, before returning.
//
// invites are invite paths as the dispatcher sees them: "/__invite__/" for the
// app at the root, "/blog/__invite__/" for an app mounted at "/blog". Each
// must start with "/", be clean (no "//", "." or ".." segment) and appear
// once; otherwise New returns an error wrapping [ErrInvalidInvitePath] and
// sends nothing.
//
// An invitation is an in-process GET with no network and no body. Every
// listed app must join: an invite path after which the app is not on the
// party makes New return an error, an [*InvitationError] per such path
// (joined with errors.Join, each matching [ErrNotJoined]) naming the path
// and what happened: the app panicked, answered a 5xx, its adapter declined
// with a reason ([Operator.Decline]: already joined, namespace taken...), or
// the dispatcher answered without any partyline adapter seeing the
// invitation (the app is not mounted there, did not join, or its invite
// route differs), with the status and any redirect. The remaining
// invitations are still sent, and New returns a nil *Party with the error so
// that no caller serves a half-joined party by mistake. [AllowDecline]
// brings back wsgi_party's tolerance: an app no adapter answered for is
// recorded as not participating.
func New(app http.Handler, invites []string, opts ...Option) (*Party, error) {
	p := &Party{app: app}
	for _, o := range opts {
		o(&p.cfg)
	}
	p.ignoreMissing = p.cfg.ignoreMissing
	p.services.Store(&serviceTable{})
	p.operators.Store(&[]*Operator{})
	if app == nil {
		return nil, errorf(ErrInvalidInvitePath, "nil dispatcher")
	}
	seen := make(map[string]bool, len(invites))
	for _, path := range invites {
		if err := checkInvitePath(path); err != nil {
			return nil, err
		}
		if seen[path] {
			return nil, errorf(ErrInvalidInvitePath, "%q listed twice", path)
		}
		seen[path] = true
		p.invites = append(p.invites, path)
		p.addGuard(path)
	}
	if err := p.sendInvitations(); err != nil {
		return nil, err
	}
	return p, nil
}

// ServeHTTP passes r to the dispatcher unchanged, with two exceptions that
// keep invitations in-process: a request whose path is an invite path (after
// percent-decoding and path cleaning, with or without its trailing slash,
// ignoring ASCII case, whatever the method and query) is answered 404 and
// never reaches the dispatcher; and a [TokenHeader] header sent from outside
// is removed before the request goes on. Ordinary requests cost a few
// comparisons and no allocation.
func (p *Party) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if p.isInvitePath(r.URL.Path) {
		http.NotFound(w, r)
		return
	}
	if _, forged := r.Header[TokenHeader]; forged {
		r2 := r.Clone(r.Context())
		r2.Header.Del(TokenHeader)
		r = r2
	}
	p.app.ServeHTTP(w, r)
}

// IsInvitePath reports whether ServeHTTP would answer a request for path
// with 404 because it names an invite path. path is a URL's path as it is
// sent (escaped): it is percent-decoded first, as net/http decodes
// r.URL.Path. urlfor uses it to refuse building a URL that the party itself
// would block. It allocates only for escaped paths longer than 256 bytes.
func (p *Party) IsInvitePath(escaped string) bool {
	if strings.IndexByte(escaped, '%') < 0 {
		return p.isInvitePath(escaped)
	}
	var buf [256]byte
	if len(escaped) > len(buf) {
		decoded, err := url.PathUnescape(escaped)
		return err == nil && p.isInvitePath(decoded)
	}
	n, ok := unescapeInto(buf[:], escaped)
	if !ok {
		return false // net/http answers 400 to a bad escape: not an invite path
	}
	// The decoded path lives in buf, on the stack: isInvitePath keeps no
	// reference to it.
	return p.isInvitePath(unsafe.String(&buf[0], n))
}

// unescapeInto percent-decodes s into dst (len(dst) >= len(s)), as
// url.PathUnescape does, and returns the decoded length; ok is false for a
// malformed escape.
func unescapeInto(dst []byte, s string) (n int, ok bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' {
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return 0, false
			}
			c = unhex(s[i+1])<<4 | unhex(s[i+2])
			i += 2
		}
		dst[n] = c
		n++
	}
	return n, true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}

// Invitations reports the outcome of every invitation New sent, in order.
// The slice is a copy.
func (p *Party) Invitations() []Invitation {
	return append([]Invitation(nil), p.invitations...)
}

// Operators returns the operators of every app that accepted an invitation,
// in the order they joined. The slice is a copy.
func (p *Party) Operators() []*Operator {
	return append([]*Operator(nil), *p.operators.Load()...)
}

// Extension returns the value a package keeps on this party under key,
// calling init to create it on first use. It lets a package built on the
// partyline (urlfor keeps its directory of endpoints here) hold per-party
// state without globals. key must be comparable; use an unexported type, as
// for context keys. init runs at most once per key.
//
// Each key has its own sync.Once, so init may use the party (Connect, or
// Extension with another key) without deadlocking; only a call for the same
// key from inside its own init would.
func (p *Party) Extension(key any, init func() any) any {
	e, ok := p.extensions.Load(key)
	if !ok {
		e, _ = p.extensions.LoadOrStore(key, new(extension))
	}
	x := e.(*extension)
	x.once.Do(func() { x.v = init() })
	return x.v
}

// extension is one value of Party.Extension, created once.
type extension struct {
	once sync.Once
	v    any
}
