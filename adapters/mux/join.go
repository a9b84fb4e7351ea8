package partymux

import (
	"fmt"
	"net/http"
	"sync"

	"github.com/gorilla/mux"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// Framework is the framework name partymux gives urlfor, for listings.
const Framework = "gorilla/mux"

// Handle is a router's membership in a party: it builds URLs local-first
// (a bare name is the router's own route first, then the one app that has
// it; "shop:cart" is the shop's), redirects, and lists problems. It is
// safe for concurrent use.
type Handle struct {
	router *mux.Router
	cfg    config
	invite *mux.Route
	source *source
	member *urlfor.Member
}

// joined maps each router passed to Join to its *Handle.
var joined sync.Map

// Join makes router a member of the party that will invite it: it
// registers the invite route (see [InviteRoute]) on router and returns the
// router's handle. When the party's invitation arrives the route joins the
// party and answers 200; it answers 404 to every other request (wsgi_party)
// and 500 when joining fails (a namespace another app took), which makes
// core.New fail and name the invite path.
//
// Call Join before registering catch-all routes: mux tries routes in
// registration order, so a PathPrefix("/") registered earlier would take
// the invitation. Join checks it, by matching a request for the invite
// path: an earlier route that matches it, or a router that only matches
// other hosts or schemes, is [ErrInviteUnreachable]. The router stays
// marked as joined (its invite route cannot be removed from mux).
//
// Errors: a nil router or a malformed option ([ErrInvalidOption]), a
// router joined before ([ErrAlreadyJoined]), [ErrInviteUnreachable].
func Join(router *mux.Router, opts ...Option) (*Handle, error) {
	if router == nil {
		return nil, fmt.Errorf("%w: nil router", ErrInvalidOption)
	}
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, err
	}
	h := &Handle{router: router, cfg: cfg}
	if _, loaded := joined.LoadOrStore(router, h); loaded {
		return nil, fmt.Errorf("%w: this *mux.Router already has a handle; keep the one Join returned", ErrAlreadyJoined)
	}
	h.invite = router.NewRoute().Path(cfg.inviteRoute).HandlerFunc(h.serveInvite)
	local, err := h.invite.GetPathTemplate()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidOption, err)
	}
	h.source = &source{router: router, skip: h.invite}
	h.member = urlfor.NewMember(urlfor.Config{
		Namespace:   cfg.namespace,
		InviteRoute: local,
		Framework:   Framework,
		Source:      h.source,
	}, cfg.logger)
	if err := h.checkInvite(local); err != nil {
		return nil, err
	}
	return h, nil
}

// checkInvite matches a request like the party's invitation against the
// router: it must reach the invite route.
func (h *Handle) checkInvite(local string) error {
	req := probeRequest(http.MethodGet, "", "partyline.invalid", local, "", "")
	req.URL.Scheme, req.URL.Host = "", ""
	req.Header.Set(core.TokenHeader, "probe")
	var m mux.RouteMatch
	h.router.Match(req, &m)
	switch {
	case m.Route == h.invite:
		return nil
	case m.Route != nil:
		tpl, _ := m.Route.GetPathTemplate()
		return fmt.Errorf("%w: route %q (%s), registered before Join, matches the invite path %s; call Join before registering catch-all routes", ErrInviteUnreachable, m.Route.GetName(), tpl, local)
	}
	return fmt.Errorf("%w: a GET %s for host partyline.invalid matches no route of the router (host, scheme or header matchers on it?)", ErrInviteUnreachable, local)
}

// serveInvite is the invite route's handler.
func (h *Handle) serveInvite(w http.ResponseWriter, r *http.Request) {
	switch status := h.member.Accept(r); status {
	case http.StatusOK:
		w.WriteHeader(status)
	case http.StatusNotFound:
		http.NotFound(w, r)
	default:
		http.Error(w, "partymux: joining the party failed", status)
	}
}
