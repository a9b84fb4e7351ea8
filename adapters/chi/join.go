package partychi

import (
	"net/http"
	"reflect"
	"strings"
	"sync"

	"github.com/go-chi/chi/v5"
	"github.com/partyline-go/partyline/urlfor"
)

// joined holds every router that joined, keyed by the router (a *chi.Mux
// pointer, or another comparable chi.Router), so that a router joins once
// and a parent's walk leaves a joined sub-router to itself.
var joined sync.Map

func isComparable(x any) bool { return x != nil && reflect.TypeOf(x).Comparable() }

func isJoined(r chi.Routes) bool {
	if !isComparable(r) {
		return false
	}
	_, ok := joined.Load(r)
	return ok
}

func sameRouter(a, b chi.Routes) bool {
	return isComparable(a) && isComparable(b) && a == b
}

// Join makes the chi router r an app of a partyline: it registers the invite
// route in r (see [InviteRoute]) and returns the app's [Handle]. When the
// party wrapping the dispatcher invites r, the invite route joins the
// party's url_for service with r's named routes (see [Name]), read live
// from r with chi's Walk, and answers 200; it answers 404 to every other
// request, and 500 when joining failed (with the reason, which core.New
// puts in its error).
//
// Call Join after r.Use: chi panics on a Use after the first route, and the
// invite route is one. The invitation goes through r's middlewares; one
// that refuses it (an authentication check) keeps the app out of the party:
// put such middlewares in a Group or a Route. chi's RedirectSlashes and
// StripSlashes rewrite the default invite route "/__invite__/": with them,
// join with InviteRoute("/__invite__") and invite "/prefix/__invite__".
// Routes may be added before or after Join and after the invitation.
//
// Errors: a nil r; a malformed option ([ErrInvalidOption]); r already
// joined ([ErrAlreadyJoined]).
func Join(r chi.Router, opts ...Option) (*Handle, error) {
	if r == nil || reflect.ValueOf(r).Kind() == reflect.Pointer && reflect.ValueOf(r).IsNil() {
		return nil, optionErr("Join: nil router")
	}
	if !isComparable(r) {
		return nil, optionErr("Join: router of type %T is not comparable; join a *chi.Mux", r)
	}
	cfg := newConfig(opts)
	route := cfg.inviteRoute
	if route == "" || route[0] != '/' {
		return nil, optionErr("InviteRoute(%q) does not start with \"/\"", route)
	}
	if strings.ContainsAny(route, "{}*") {
		return nil, optionErr("InviteRoute(%q) holds a chi placeholder (\"{\", \"}\" or \"*\")", route)
	}
	if strings.Contains(cfg.namespace, ":") {
		return nil, optionErr("Namespace(%q) contains \":\"", cfg.namespace)
	}
	h := &Handle{cfg: cfg}
	h.member = urlfor.NewMember(urlfor.Config{
		Namespace:   cfg.namespace,
		InviteRoute: route,
		Framework:   "chi",
		Source:      &source{router: r},
	}, cfg.logger)
	if _, loaded := joined.LoadOrStore(r, h); loaded {
		return nil, ErrAlreadyJoined
	}
	if err := register(r, route, h.serveInvite); err != nil {
		joined.Delete(r)
		return nil, err
	}
	return h, nil
}

// register adds the invite route for every method, turning a chi panic (a
// route chi refuses) into an error.
func register(r chi.Router, route string, h http.HandlerFunc) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = optionErr("InviteRoute(%q): chi refused it: %v", route, v)
		}
	}()
	r.HandleFunc(route, h)
	return nil
}

// serveInvite is the invite route: urlfor.Member.Accept decides the status,
// and a failed join answers its reason (Member.Err), which core.New reports.
func (h *Handle) serveInvite(w http.ResponseWriter, r *http.Request) {
	h.acceptMu.Lock()
	status := h.member.Accept(r)
	err := h.member.Err()
	h.acceptMu.Unlock()
	switch status {
	case http.StatusOK:
		w.WriteHeader(http.StatusOK)
	case http.StatusNotFound:
		http.NotFound(w, r)
	default:
		msg := "partychi: joining the party failed"
		if err != nil {
			msg += ": " + err.Error()
		}
		http.Error(w, msg, status)
	}
}
