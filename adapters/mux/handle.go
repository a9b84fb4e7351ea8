package partymux

import (
	"errors"
	"html/template"
	"net/http"
	"sync"

	"github.com/gorilla/mux"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Handle is a router's membership in a party: it builds URLs local-first
// (a bare name is the router's own route first, then the one app that has
// it; "shop:cart" is the shop's), redirects, and lists problems. It is
// safe for concurrent use.
type Handle struct {
	kit    *adapterkit.Member
	router *mux.Router
	invite *mux.Route
	source *source
	routes sync.Map // *mux.Route -> struct{}: the router's routes, for FromRequest
}

// URL builds the URL of an endpoint, local names first: "post" is this
// router's route named "post" if it has one, else the one app of the party
// that has it; "shop:cart" is the shop's. pairs are key, value...: route
// variables, then the query string. The URL carries the mount prefix
// ("/blog/posts/7"), and a host for a Host route. r, the request being
// served, may be nil: the URL does not depend on it.
// Errors: urlfor.ErrNotInvited before the invitation, and urlfor's typed
// errors (unknown endpoint, ambiguous, missing or invalid parameter; a
// value another route takes is a *urlfor.ParamError whose TakenBy names
// it).
func (h *Handle) URL(r *http.Request, name string, pairs ...string) (string, error) {
	return h.kit.URL(name, pairs...)
}

// AbsoluteURL is [Handle.URL] with the scheme and host the client used to
// reach r ("https://example.com/blog/posts/7"): r.TLS and r.Host, or the
// X-Forwarded-Proto and X-Forwarded-Host headers with [TrustProxy]. A Host
// route keeps its own host. A malformed origin wraps urlfor.ErrBadCall.
func (h *Handle) AbsoluteURL(r *http.Request, name string, pairs ...string) (string, error) {
	return h.kit.AbsoluteURL(r, name, pairs...)
}

// Redirect replies to r with a redirect to the URL of name (built as by
// [Handle.URL]) with status code, using http.Redirect. code must be 3xx,
// else a *urlfor.RedirectCodeError (which matches urlfor.ErrBadCall); on
// any error nothing is written and the error is returned.
func (h *Handle) Redirect(w http.ResponseWriter, r *http.Request, code int, name string, pairs ...string) error {
	return h.kit.Redirect(w, r, code, name, pairs...)
}

// FuncMap returns urlFor for html/template (urlfor.FuncMap), with this
// router's names first. It may be installed before the invitation; calls
// made before it fail with urlfor.ErrNotInvited.
func (h *Handle) FuncMap() template.FuncMap { return h.kit.FuncMap() }

// Participant returns the app's urlfor participant, or an error wrapping
// urlfor.ErrNotInvited before the invitation.
func (h *Handle) Participant() (*urlfor.Participant, error) { return h.kit.Participant() }

// Check reads the router's routes now and reports what will fail to
// build: a [*DuplicateNameError] for each name held by several routes
// (mux's Get keeps the last silently) and a [*RouteError] for each route
// partymux cannot translate, joined with errors.Join; nil when all is
// well. It works before the invitation; call it in a test.
func (h *Handle) Check() error {
	var errs []error
	byName := map[string][]string{}
	var order []string
	for _, r := range h.source.Routes() {
		if r.Err != nil {
			errs = append(errs, r.Err)
		}
		if _, ok := byName[r.Name]; !ok {
			order = append(order, r.Name)
		}
		byName[r.Name] = append(byName[r.Name], r.Pattern)
	}
	for _, name := range order {
		if ps := byName[name]; len(ps) > 1 {
			errs = append(errs, &DuplicateNameError{Name: name, Patterns: ps})
		}
	}
	return errors.Join(errs...)
}

// owns reports whether rt is a route of the handle's router; with walk,
// it walks the router for routes added since.
func (h *Handle) owns(rt *mux.Route, walk bool) bool {
	if _, ok := h.routes.Load(rt); ok || !walk {
		return ok
	}
	_ = h.router.Walk(func(route *mux.Route, _ *mux.Router, _ []*mux.Route) error {
		h.routes.Store(route, struct{}{})
		return nil
	})
	_, ok := h.routes.Load(rt)
	return ok
}
