package partyhttp

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// Framework is the framework name the adapter gives the party, for
// listings ([urlfor.Endpoint]).
const Framework = "net/http"

// Handle is the app's membership in the party: it builds the app's URLs,
// local names first, once the party invited the app. Get it from [Join].
// It is safe for concurrent use.
type Handle struct {
	mux    *ServeMux
	member *urlfor.Member
	cfg    config
}

// Join makes mux a partyline app: it registers the invite route (by
// default "GET /__invite__/{$}", exact, so that the invite route takes no
// path away from the app's own patterns) and returns the app's [Handle].
// When the party's invitation arrives, the app joins with the ServeMux as its
// live route table and answers 200; the invite route answers 404 to every
// other request (wsgi_party), and 500 when joining failed (core.New then
// reports the invitation as failed).
//
// Errors, with nothing registered: a nil mux ([urlfor.ErrBadCall]); a
// malformed [InviteRoute] ([core.ErrInvalidInvitePath]); a [Namespace] with
// ":" ([urlfor.ErrBadCall]); a mux that already joined ([ErrAlreadyJoined]);
// an invite route that conflicts with a registered pattern (ServeMux's
// panic, returned as an error wrapping [core.ErrInvalidInvitePath]).
func Join(mux *ServeMux, opts ...Option) (*Handle, error) {
	if mux == nil {
		return nil, fmt.Errorf("partyhttp: Join: %w: nil ServeMux", urlfor.ErrBadCall)
	}
	cfg := newConfig(opts)
	if err := checkInviteRoute(cfg.inviteRoute); err != nil {
		return nil, err
	}
	if strings.Contains(cfg.namespace, ":") {
		return nil, fmt.Errorf("partyhttp: Join: %w: namespace %q contains \":\"", urlfor.ErrBadCall, cfg.namespace)
	}
	h := &Handle{mux: mux, cfg: cfg}
	h.member = urlfor.NewMember(urlfor.Config{
		Namespace:   cfg.namespace,
		InviteRoute: cfg.inviteRoute,
		Framework:   Framework,
		Source:      mux,
	}, cfg.logger)
	if !mux.member.CompareAndSwap(nil, h) {
		return nil, ErrAlreadyJoined
	}
	if err := mux.registerInvite(cfg.inviteRoute, http.HandlerFunc(h.serveInvite), callerLocation(1)); err != nil {
		mux.member.Store(nil)
		return nil, err
	}
	return h, nil
}

func checkInviteRoute(route string) error {
	if !strings.HasPrefix(route, "/") {
		return fmt.Errorf("partyhttp: %w: invite route %q does not start with /", core.ErrInvalidInvitePath, route)
	}
	if strings.ContainsAny(route, "{} \t") {
		return fmt.Errorf("partyhttp: %w: invite route %q holds one of \"{\", \"}\", space or tab", core.ErrInvalidInvitePath, route)
	}
	return nil
}

// invitePattern is the ServeMux pattern of an invite route: a GET (HEAD
// too, as ServeMux does) of exactly that path.
func invitePattern(route string) string {
	if strings.HasSuffix(route, "/") {
		return "GET " + route + "{$}"
	}
	return "GET " + route
}

// registerInvite registers the invite route on the ServeMux inside, without
// listing it, and turns ServeMux's panic into an error. The routes are
// resolved again: the party's guard of the route takes values.
func (m *ServeMux) registerInvite(route string, h http.Handler, loc string) (err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("partyhttp: %w: registering the invite route: %v", core.ErrInvalidInvitePath, v)
		}
	}()
	m.handle(invitePattern(route), h, loc)
	m.invite, m.resolved = route, -1
	m.version.Add(1)
	return nil
}

// serveInvite is the invite route: 200 once for the invitation, 404 to
// anything else, 500 when joining failed.
func (h *Handle) serveInvite(w http.ResponseWriter, r *http.Request) {
	code := h.member.Accept(r)
	if code == http.StatusOK {
		w.WriteHeader(code)
		return
	}
	http.Error(w, http.StatusText(code), code)
}
