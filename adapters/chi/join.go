package partychi

import (
	"github.com/go-chi/chi/v5"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

const pkg = "partychi"

// joined maps every router that joined to its handle, weakly (a joined
// router that is otherwise garbage is not kept alive), so that a router
// joins once and a parent's walk leaves a joined sub-router to itself.
var joined adapterkit.Registry[chi.Mux, Handle]

// Join makes the chi router r, a *chi.Mux (every router chi makes is one),
// an app of a partyline: it registers the invite route in r for every
// method (see [InviteRoute]) and returns the app's [Handle]. When the party
// wrapping the dispatcher invites r, the invite route joins the party's
// url_for service with r's named routes (see [Name]), read live from r with
// chi's Walk, and answers 200; it answers 404 to every other request, and
// 500 when joining failed (with the reason, which core.New puts in its
// error).
//
// Call Join after r.Use: chi panics on a Use after the first route, and the
// invite route is one. The invitation goes through r's middlewares; one
// that refuses it (an authentication check) keeps the app out of the party:
// put such middlewares in a Group or a Route. chi's RedirectSlashes and
// StripSlashes rewrite the default invite route "/__invite__/": with them,
// join with InviteRoute("/__invite__") and invite "/prefix/__invite__".
// Routes may be added before or after Join and after the invitation.
//
// Errors: a nil r or one that is not a *chi.Mux, a malformed option, an
// invite route chi refuses ([ErrInvalidOption]); r already joined
// ([ErrAlreadyJoined]).
func Join(r chi.Router, opts ...Option) (*Handle, error) {
	mux, _ := r.(*chi.Mux)
	switch {
	case r == nil || r == (*chi.Mux)(nil):
		return nil, adapterkit.Errorf(pkg, ErrInvalidOption, "Join: nil router")
	case mux == nil:
		return nil, adapterkit.Errorf(pkg, ErrInvalidOption, "Join: router of type %T; join a *chi.Mux", r)
	}
	cfg := adapterkit.NewConfig(opts)
	if err := cfg.Check(pkg, "{}*"); err != nil {
		return nil, err
	}
	h := &Handle{kit: adapterkit.NewMember(pkg, "chi", cfg, &source{router: mux})}
	h.HTTPHandle = adapterkit.NewHTTPHandle(h.kit).WithParams(routeParam)
	if err := joined.Add(pkg, mux, h); err != nil {
		return nil, err
	}
	if err := register(mux, cfg.InviteRoute, h); err != nil {
		joined.Remove(mux)
		return nil, err
	}
	return h, nil
}

// register adds the invite route for every method, turning a chi panic (a
// route chi refuses) into an error. The route holds h, which keeps the
// handle alive as long as the router.
func register(r *chi.Mux, route string, h *Handle) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = adapterkit.Errorf(pkg, ErrInvalidOption, "InviteRoute(%q): chi refused it: %v", route, v)
		}
	}()
	r.HandleFunc(route, h.serveInvite)
	return nil
}
