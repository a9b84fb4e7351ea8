package urlfor

import (
	"context"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"sync/atomic"

	"github.com/partyline-go/partyline/core"
)

// Member is the part of an adapter that every framework shares: it answers
// the invite route, joins the party, and builds URLs local-first once the
// app is invited, or fails with [ErrNotInvited] before. An adapter makes one
// per app in its Join and calls [Member.Accept] from its invite route. It is
// safe for concurrent use.
type Member struct {
	cfg    Config
	logger *slog.Logger
	p      atomic.Pointer[Participant]
	err    atomic.Pointer[error] // the last join error; nil after a join
}

// NewMember returns a member that will join with cfg. logger may be nil
// (silent).
func NewMember(cfg Config, logger *slog.Logger) *Member {
	if cfg.InviteRoute == "" {
		cfg.InviteRoute = core.DefaultInvitePath
	}
	return &Member{cfg: cfg, logger: logger}
}

// InviteRoute returns the local invite route the adapter must register.
func (m *Member) InviteRoute() string { return m.cfg.InviteRoute }

// Accept handles a request to the invite route and returns the status to
// answer: 200 when r carries an invitation and the app joined; 404 for any
// other request (an invite route answers only its invitation, wsgi_party).
// When the app cannot join, Accept declines the invitation with the reason
// ([core.Operator.Decline]), so that core.New fails with it, and answers
// 409 when the app is already on a party (a second mount, or a second
// party: the error wraps [core.ErrAlreadyJoined] and says where it joined)
// or 500 when joining failed (a namespace taken, an invite route that does
// not fit the invite path). The reason is kept for [Member.Err] and logged.
func (m *Member) Accept(r *http.Request) int {
	op, ok := core.AcceptInvitation(r)
	if !ok {
		return http.StatusNotFound
	}
	if joined := m.p.Load(); joined != nil {
		where := "this party: the app is mounted twice"
		if joined.Operator().Party() != op.Party() {
			where = "another party"
		}
		err := fmt.Errorf("%w at %s (%s); an app joins one party once", core.ErrAlreadyJoined, joined.Operator().InvitePath(), where)
		m.decline(op, err)
		return http.StatusConflict
	}
	p, err := Join(op, m.cfg)
	if err != nil {
		m.decline(op, err)
		return http.StatusInternalServerError
	}
	m.p.Store(p)
	m.err.Store(nil)
	m.log(slog.LevelInfo, "partyline: joined", slog.String("invite_path", op.InvitePath()),
		slog.String("namespace", p.Namespace()), slog.String("mount_prefix", p.MountPrefix()), slog.Int("routes", len(p.Routes())))
	return http.StatusOK
}

// decline records why the app did not join, tells the party, and logs it.
func (m *Member) decline(op *core.Operator, err error) {
	if m.cfg.Adapter != "" {
		err = fmt.Errorf("%s: %w", m.cfg.Adapter, err)
	}
	m.err.Store(&err)
	op.Decline(err)
	m.log(slog.LevelError, "partyline: joining failed", slog.String("invite_path", op.InvitePath()), slog.Any("error", err))
}

// Err returns the error of the last failed join: the reason [Member.Accept]
// answered 500, for an invite route that wants to tell core.New why. It is
// nil before any invitation and once a join succeeds. It is safe for
// concurrent use; when two invitations race, it is the error of whichever
// accept finished last.
func (m *Member) Err() error {
	if err := m.err.Load(); err != nil {
		return *err
	}
	return nil
}

func (m *Member) log(level slog.Level, msg string, attrs ...slog.Attr) {
	if m.logger != nil {
		m.logger.LogAttrs(context.Background(), level, msg, attrs...)
	}
}

// Participant returns the app's participant, or an error wrapping
// [ErrNotInvited] before the invitation.
func (m *Member) Participant() (*Participant, error) {
	if p := m.p.Load(); p != nil {
		return p, nil
	}
	return nil, errNotInvitedApp
}

var errNotInvitedApp = notInvited("this app has not accepted an invitation; wrap the dispatcher with core.New and list the app's invite path")

// Invited reports whether the app has joined a party.
func (m *Member) Invited() bool { return m.p.Load() != nil }

// URL is [Participant.URL], or [ErrNotInvited] before the invitation.
func (m *Member) URL(name string, pairs ...string) (string, error) {
	return m.Build(&Request{Name: name, Pairs: pairs})
}

// Build is [Participant.Build], or [ErrNotInvited] before the invitation.
func (m *Member) Build(req *Request) (string, error) {
	p := m.p.Load()
	if p == nil {
		return "", errNotInvitedApp
	}
	return p.Build(req)
}

// AbsoluteURL is [Member.Build] with the origin hp gives for r (see
// [HostPolicy.Origin]), as Flask's url_for(..., _external=True): by default
// "https" when r came over TLS, else "http", and r.Host when it is a plain
// host. A route with a host of its own keeps it. A nil r, a host the policy
// refuses, or a scheme or host that is not plain is an error (wrapping
// [ErrBadCall] or [ErrHostNotAllowed]); before the invitation the error
// wraps [ErrNotInvited].
func (m *Member) AbsoluteURL(r *http.Request, hp HostPolicy, name string, pairs ...string) (string, error) {
	if r == nil && hp.canonical.Host == "" {
		return "", badCall("AbsoluteURL(%s) needs the request, for its scheme and host", quote(name))
	}
	origin, err := hp.Origin(r)
	if err != nil {
		return "", err
	}
	return m.Build(&Request{Name: name, Pairs: pairs, Origin: origin})
}

// FuncMap returns urlFor (see [FuncMap]) with the app's local names first.
// It may be installed before the invitation: calls made before it fail with
// [ErrNotInvited].
func (m *Member) FuncMap() template.FuncMap {
	return funcMap(m.Build)
}
