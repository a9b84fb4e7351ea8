package core

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"time"
)

// TokenHeader is the request header that carries an invitation's one-time
// token, for bridges that hand the app a request without the original
// context (Fiber's net/http adaptor builds a fresh fasthttp request). The
// token is 128 random bits from crypto/rand, hex-encoded, and resolves only
// while its invitation is being served. [Party.ServeHTTP] strips the header
// from outside requests. Adapters never read it: [AcceptInvitation] does.
const TokenHeader = "Partyline-Invitation"

// invitationHost is the Host of every invitation request. RFC 6761 reserves
// .invalid, so no app can mistake it for a real origin.
const invitationHost = "partyline.invalid"

// Invitation is the outcome of one invitation sent by [New].
type Invitation struct {
	Path     string        // the invite path, as given to New
	Status   int           // the HTTP status the app answered; 0 if it panicked
	Joined   bool          // whether the app accepted the invitation (AcceptInvitation returned true)
	Duration time.Duration // wall time the app took to answer
	Err      error         // an *InvitationError for a 5xx or a panic, else nil
}

// pending is one invitation while it is being served.
type pending struct {
	op       *Operator
	seen     atomic.Bool // an adapter called AcceptInvitation with it
	accepted atomic.Bool
	done     atomic.Bool
	reason   atomic.Pointer[error] // set by Operator.Decline
}

type ctxKey struct{}

// tokens maps a live token to its *pending. It is global because
// AcceptInvitation has only the request to go on.
var tokens sync.Map

// AcceptInvitation returns the operator an invitation carries, and true, the
// first time it is called for that invitation while the party is serving it.
// It finds the invitation in the request context or, when a bridge dropped
// the context, through the [TokenHeader] token. Every other request, and
// every later call for the same invitation, gets (nil, false): an invite
// route answers those with 404, as wsgi_party asks.
func AcceptInvitation(r *http.Request) (*Operator, bool) {
	pend, _ := r.Context().Value(ctxKey{}).(*pending)
	if pend == nil {
		tok := r.Header.Get(TokenHeader)
		if tok == "" {
			return nil, false
		}
		v, ok := tokens.Load(tok)
		if !ok {
			return nil, false
		}
		pend = v.(*pending)
	}
	if pend.done.Load() {
		return nil, false
	}
	pend.seen.Store(true)
	if !pend.accepted.CompareAndSwap(false, true) {
		return nil, false
	}
	pend.op.party.addOperator(pend.op)
	return pend.op, true
}

func (p *Party) sendInvitations() error {
	var errs []error
	for _, path := range p.invites {
		inv := p.invite(path)
		p.invitations = append(p.invitations, inv)
		p.logInvitation(inv)
		if inv.Err != nil {
			errs = append(errs, inv.Err)
		}
	}
	return errors.Join(errs...)
}

func (p *Party) invite(path string) Invitation {
	pend := &pending{}
	pend.op = &Operator{party: p, invitePath: path, pend: pend}
	tok := newToken()
	tokens.Store(tok, pend)
	defer tokens.Delete(tok)
	defer pend.done.Store(true)

	req := newInvitationRequest(context.WithValue(context.Background(), ctxKey{}, pend), path, tok)
	rec := &recorder{header: make(http.Header)}
	start := time.Now()
	recovered := serveRecovering(p.app, rec, req)
	pend.done.Store(true)
	var reason error
	if r := pend.reason.Load(); r != nil {
		reason = *r
	}
	inv := Invitation{Path: path, Status: rec.status(), Duration: time.Since(start), Joined: pend.accepted.Load() && reason == nil}
	e := &InvitationError{Path: path, Status: inv.Status, Reason: reason, Seen: pend.seen.Load()}
	switch {
	case recovered != nil:
		inv.Status, inv.Joined = 0, false
		e.Status, e.Panic = 0, recovered
	case inv.Status >= 500:
		e.Body = rec.body.String()
	case inv.Joined:
		return inv
	case reason == nil && !e.Seen && p.cfg.allowDecline:
		return inv // not participating (wsgi_party's 404)
	}
	if 300 <= inv.Status && inv.Status < 400 {
		e.Location = rec.header.Get("Location")
	}
	p.removeOperator(pend.op) // a no-op unless it accepted
	inv.Joined, inv.Err = false, e
	return inv
}

func newInvitationRequest(ctx context.Context, path, tok string) *http.Request {
	u := &url.URL{Path: path}
	req := (&http.Request{
		Method:     http.MethodGet,
		URL:        u,
		Proto:      "HTTP/1.1",
		ProtoMajor: 1,
		ProtoMinor: 1,
		Header:     http.Header{TokenHeader: {tok}},
		Body:       http.NoBody,
		Host:       invitationHost,
		RemoteAddr: "127.0.0.1:0",
		RequestURI: u.RequestURI(),
	}).WithContext(ctx)
	return req
}

func serveRecovering(h http.Handler, w http.ResponseWriter, r *http.Request) (recovered any) {
	defer func() { recovered = recover() }()
	h.ServeHTTP(w, r)
	return nil
}

func newToken() string {
	var b [16]byte
	// crypto/rand.Read never fails on supported platforms (Go 1.24+ crashes
	// the program instead of returning an error).
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func (p *Party) logInvitation(inv Invitation) {
	l := p.cfg.logger
	if l == nil {
		return
	}
	attrs := []slog.Attr{
		slog.String("path", inv.Path),
		slog.Int("status", inv.Status),
		slog.Bool("joined", inv.Joined),
		slog.Duration("duration", inv.Duration),
	}
	switch {
	case inv.Err != nil:
		l.LogAttrs(context.Background(), slog.LevelError, "partyline: invitation failed", append(attrs, slog.Any("error", inv.Err))...)
	case inv.Status == http.StatusNotFound && !inv.Joined:
		l.LogAttrs(context.Background(), slog.LevelInfo, "partyline: app not participating", attrs...)
	case !inv.Joined:
		l.LogAttrs(context.Background(), slog.LevelWarn, "partyline: app answered but did not accept the invitation (a redirect or a wrong invite route?)", attrs...)
	default:
		l.LogAttrs(context.Background(), slog.LevelInfo, "partyline: app joined", attrs...)
	}
}
