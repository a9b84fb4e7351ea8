// Package urlfortest provides a hand-made participant for tests and
// examples: an app with a static route table that joins a party like an
// adapter's app does, with no framework.
package urlfortest

import (
	"net/http"
	"sync"
	"sync/atomic"

	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// App is an http.Handler that answers its invite route, [core.DefaultInvitePath],
// by joining the party with a static route table, and answers 404 to
// everything else. Mount it in a dispatcher under a prefix, as a framework
// app would be. It is its own [urlfor.Versioned] source, as an adapter
// with a route hook is: the version moves with every [App.Add]. It is safe
// for concurrent use.
type App struct {
	namespace   string
	framework   string
	addMu       sync.Mutex
	routes      atomic.Pointer[[]urlfor.Route]
	version     atomic.Uint64
	participant atomic.Pointer[urlfor.Participant]
	joinErr     atomic.Pointer[error]
}

// NewApp returns an app with namespace (may be "", see [urlfor.Config]) and
// routes.
func NewApp(namespace string, routes ...urlfor.Route) *App {
	a := &App{namespace: namespace, framework: "urlfortest"}
	a.routes.Store(&routes)
	return a
}

// Add appends routes to the table, as an app registering routes after its
// invitation does.
func (a *App) Add(routes ...urlfor.Route) {
	a.addMu.Lock()
	defer a.addMu.Unlock()
	cur := *a.routes.Load()
	next := append(append([]urlfor.Route(nil), cur...), routes...)
	a.routes.Store(&next)
	a.version.Add(1) // after the routes: a reader that sees it sees them
}

// Routes returns the route table ([urlfor.Source]).
func (a *App) Routes() []urlfor.Route { return *a.routes.Load() }

// RoutesVersion counts the calls of [App.Add] ([urlfor.Versioned]).
func (a *App) RoutesVersion() uint64 { return a.version.Load() }

// ServeHTTP answers the invitation, once, with 200; everything else 404.
// A failed join answers 500, so that core.New reports it.
func (a *App) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != core.DefaultInvitePath {
		http.NotFound(w, r)
		return
	}
	op, ok := core.AcceptInvitation(r)
	if !ok {
		http.NotFound(w, r)
		return
	}
	p, err := urlfor.Join(op, urlfor.Config{
		Namespace: a.namespace,
		Framework: a.framework,
		Source:    a,
	})
	if err != nil {
		a.joinErr.Store(&err)
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	a.participant.Store(p)
}

// Participant returns the app's participant, or nil before its invitation.
func (a *App) Participant() *urlfor.Participant { return a.participant.Load() }

// JoinErr returns the error of a failed join (the invitation was then
// answered 500), or nil.
func (a *App) JoinErr() error {
	if err := a.joinErr.Load(); err != nil {
		return *err
	}
	return nil
}

// Route returns a route named name for pattern, compiled from parts; it
// panics on a malformed template, as tests want.
func Route(name, method, pattern string, parts ...urlfor.Part) urlfor.Route {
	t, err := urlfor.NewTemplate(pattern, parts)
	if err != nil {
		panic(err)
	}
	return urlfor.Route{Name: name, Method: method, Pattern: pattern, Path: t}
}
