package partymux

import (
	"net/http"
	"runtime"
	"sync"
	"weak"

	"github.com/gorilla/mux"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Framework is the framework name partymux gives urlfor, for listings.
const Framework = "gorilla/mux"

// adapter starts every error message.
const adapter = "partymux"

var (
	// joined maps each router passed to Join to its handle, weakly.
	joined adapterkit.Registry[mux.Router, Handle]
	// live holds every joined handle (weak.Pointer[Handle] keys), for
	// FromRequest.
	live sync.Map
)

// Join makes router a member of the party that will invite it: it
// registers the invite route ([InviteRoute]) on router and returns its
// handle. The route answers the party's invitation with 200 once joined,
// 500 when joining fails (a namespace another app took: core.New fails and
// names the invite path), and 404 to every other request (wsgi_party).
//
// Call Join before registering catch-all routes: mux tries routes in
// order, so an earlier PathPrefix("/") would take the invitation. Join
// checks it: an earlier route matching the invite path, or a router that
// only matches other hosts or schemes, is [ErrInviteUnreachable] (the
// router stays joined: mux cannot remove the invite route).
//
// Errors: a nil router or a malformed option ([ErrInvalidOption]), a
// router joined before ([ErrAlreadyJoined]), [ErrInviteUnreachable]. A
// joined router that is otherwise garbage is not kept alive.
func Join(router *mux.Router, opts ...Option) (*Handle, error) {
	cfg := adapterkit.NewConfig(opts)
	if err := cfg.Check(adapter, "{}"); err != nil {
		return nil, err
	}
	if router == nil {
		return nil, adapterkit.Errorf(adapter, ErrInvalidOption, "nil *mux.Router")
	}
	h := &Handle{router: router}
	if err := joined.Add(adapter, router, h); err != nil {
		return nil, err
	}
	h.invite = router.NewRoute().Path(cfg.InviteRoute).HandlerFunc(h.serveInvite)
	local, err := h.invite.GetPathTemplate()
	if err != nil {
		return nil, adapterkit.Errorf(adapter, ErrInvalidOption, "InviteRoute(%q): %v", cfg.InviteRoute, err)
	}
	cfg.InviteRoute = local
	h.source = &source{router: router, skip: h.invite}
	h.kit = adapterkit.NewMember(adapter, Framework, cfg, h.source)
	h.HTTPHandle = adapterkit.NewHTTPHandle(h.kit).WithParams(h.routeVar)
	key := weak.Make(h)
	live.Store(key, struct{}{})
	runtime.AddCleanup(h, func(k weak.Pointer[Handle]) { live.Delete(k) }, key)
	if err := h.checkInvite(local); err != nil {
		return nil, err
	}
	return h, nil
}

// checkInvite checks that a request like the invitation reaches the
// invite route.
func (h *Handle) checkInvite(local string) error {
	req := probeRequest(http.MethodGet, "", "partyline.invalid", local, "", "")
	req.URL.Host = ""
	req.Header.Set(core.TokenHeader, "probe")
	var m mux.RouteMatch
	h.router.Match(req, &m)
	switch {
	case m.Route == h.invite:
		return nil
	case m.Route != nil:
		tpl, _ := m.Route.GetPathTemplate()
		return adapterkit.Errorf(adapter, ErrInviteUnreachable, "route %q (%s), registered before Join, matches the invite path %s; call Join before registering catch-all routes", m.Route.GetName(), tpl, local)
	}
	return adapterkit.Errorf(adapter, ErrInviteUnreachable, "a GET %s for host partyline.invalid matches no route of the router (host, scheme or header matchers on it?)", local)
}

// serveInvite is the invite route's handler, through which the router
// holds the handle.
func (h *Handle) serveInvite(w http.ResponseWriter, r *http.Request) { h.kit.ServeInvite(w, r) }
