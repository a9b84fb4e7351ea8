package core

import (
	"errors"
	"slices"
	"strings"
	"sync/atomic"
)

// Operator is an app's handle on the party, obtained once from
// [AcceptInvitation] (wsgi_party's PartylineOperator). Keep it for the life
// of the app. It is safe for concurrent use.
type Operator struct {
	party      *Party
	invitePath string
	pend       *pending // the invitation that carried it
	identity   atomic.Pointer[identity]
}

type identity struct {
	namespace   string
	mountPrefix string
}

// InvitePath returns the invite path this operator's invitation was sent
// to, as the dispatcher saw it: "/blog/__invite__/".
func (o *Operator) InvitePath() string { return o.invitePath }

// Party returns the party the operator belongs to.
func (o *Operator) Party() *Party { return o.party }

// Connect appends h to the handlers of service, on behalf of this operator's
// app: the app's own [Operator.AskAround] calls will skip it.
func (o *Operator) Connect(service string, h Handler) { o.party.connect(o, service, h) }

// AskAround is [Party.AskAround] without the handlers this operator
// connected: an app asks the others, never itself (wsgi_party's
// ask_around(service, payload, operator=self)).
func (o *Operator) AskAround(service string, payload any) ([]any, error) {
	return o.party.askAround(o, service, payload)
}

// Identify records the app's namespace and computes its mount prefix from
// the local invite route the app registered (see [MountPrefix]). It may be
// called once; later calls with the same values are no-ops, with other
// values an error. A namespace another operator already identified with is
// [ErrNamespaceTaken]. The empty namespace is never taken: apps without one
// are reached by bare endpoint names only.
func (o *Operator) Identify(namespace, localInviteRoute string) error {
	prefix, err := MountPrefix(o.invitePath, localInviteRoute)
	if err != nil {
		return err
	}
	p := o.party
	p.mu.Lock()
	defer p.mu.Unlock()
	if cur := o.identity.Load(); cur != nil {
		if cur.namespace == namespace && cur.mountPrefix == prefix {
			return nil
		}
		return errorf(ErrNamespaceTaken, "operator %s is already identified as %q", o.invitePath, cur.namespace)
	}
	if namespace != "" {
		for _, other := range *p.operators.Load() {
			if id := other.identity.Load(); other != o && id != nil && id.namespace == namespace {
				return errorf(ErrNamespaceTaken, "%q is used by the app invited at %s; give one of them another namespace", namespace, other.invitePath)
			}
		}
	}
	o.identity.Store(&identity{namespace: namespace, mountPrefix: prefix})
	return nil
}

// Namespace returns the namespace given to [Operator.Identify], or "".
func (o *Operator) Namespace() string {
	if id := o.identity.Load(); id != nil {
		return id.namespace
	}
	return ""
}

// MountPrefix returns the mount prefix computed by [Operator.Identify]
// ("/blog", or "" for an app at the root), or "" before Identify.
func (o *Operator) MountPrefix() string {
	if id := o.identity.Load(); id != nil {
		return id.mountPrefix
	}
	return ""
}

func (o *Operator) label() string {
	if o == nil {
		return "party"
	}
	return o.invitePath
}

func (p *Party) addOperator(o *Operator) {
	p.mu.Lock()
	defer p.mu.Unlock()
	ops := append(p.Operators(), o)
	p.operators.Store(&ops)
}

// Decline takes back an acceptance: the app could not join after all (its
// adapter refused the invitation: the app already joined elsewhere, its
// namespace is taken, its invite route does not fit the invite path).
// reason says why; [New] then fails with an [*InvitationError] that wraps
// it, instead of the adapter's reason reaching only a log. The operator
// leaves the party with every handler it connected. Decline works only
// while the invitation is being served and reports whether it did; a nil
// reason is an error of its own ("declined without a reason").
func (o *Operator) Decline(reason error) bool {
	if o.pend == nil || o.pend.done.Load() {
		return false
	}
	if reason == nil {
		reason = errors.New("declined without a reason")
	}
	o.pend.reason.Store(&reason)
	o.party.removeOperator(o)
	return true
}

// removeOperator drops o and the handlers it connected.
func (p *Party) removeOperator(o *Operator) {
	p.mu.Lock()
	defer p.mu.Unlock()
	ops := slices.DeleteFunc(p.Operators(), func(x *Operator) bool { return x == o })
	p.operators.Store(&ops)
	old := *p.services.Load()
	next := make(serviceTable, len(old))
	for k, conns := range old {
		if kept := slices.DeleteFunc(slices.Clone(conns), func(c connection) bool { return c.op == o }); len(kept) > 0 {
			next[k] = kept
		}
	}
	p.services.Store(&next)
}

// MountPrefix returns where an app is mounted, given the invite path the
// dispatcher routed to it and the invite route the app registered locally:
// the invite path minus the local route. "/blog/__invite__/" with local
// "/__invite__/" is "/blog"; an app that registered its routes with their
// full paths (a dispatcher that does not strip prefixes) registers local
// "/blog/__invite__/" and gets "". The local route must start with "/" and
// be a suffix of the invite path that starts at a segment boundary;
// otherwise the error wraps [ErrInvalidInvitePath]. An invite path listed
// without the trailing slash of the local route ("/blog/__invite__" for
// "/__invite__/") still gives "/blog": the slash is the route's, not the
// mount prefix's, and routers that serve "/__invite__/" for "/__invite__"
// hand the app that invitation.
func MountPrefix(invitePath, localInviteRoute string) (string, error) {
	if localInviteRoute == "" || localInviteRoute[0] != '/' {
		return "", errorf(ErrInvalidInvitePath, "local invite route %q does not start with /", localInviteRoute)
	}
	prefix, ok := strings.CutSuffix(invitePath, localInviteRoute)
	if !ok && len(localInviteRoute) > 1 && !strings.HasSuffix(invitePath, "/") {
		prefix, ok = strings.CutSuffix(invitePath, strings.TrimSuffix(localInviteRoute, "/"))
	}
	if !ok {
		return "", errorf(ErrInvalidInvitePath, "local invite route %q is not a suffix of invite path %q", localInviteRoute, invitePath)
	}
	if prefix != "" && (prefix[0] != '/' || strings.HasSuffix(prefix, "/")) {
		return "", errorf(ErrInvalidInvitePath, "invite path %q minus local route %q leaves %q, not a mount prefix", invitePath, localInviteRoute, prefix)
	}
	return prefix, nil
}
