package partyhttp

import (
	"net/http"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/partyline-go/partyline/urlfor"
)

// ServeMux is an [http.ServeMux] that remembers what it registers, so that
// its routes can be listed ([ServeMux.Routes]) and named ([ServeMux.Named]).
// It is one: every call goes to the http.ServeMux inside, which matches,
// redirects, answers 404 and 405, sets r.Pattern and r.PathValue exactly as
// it would alone. Only patterns registered through the wrapper are listed.
//
// The zero value is ready to use, as http.ServeMux's is; a ServeMux must
// not be copied after first use. It is safe for concurrent use: routes may
// be registered while it serves, and a party finds them.
type ServeMux struct {
	mux      http.ServeMux
	mu       sync.Mutex
	entries  []*entry          // every registered pattern, in order
	invite   string            // the invite route, once joined: the party's guard takes its path
	routes   []urlfor.Route    // resolve(entries) as of resolved; never modified, readers share it
	resolved int               // len(entries) when routes was computed; -1 after Join
	names    map[string]string // route name -> its pattern
	locs     map[string]string // pattern -> "file:line" of the user's call that registered it
	version  atomic.Uint64
	member   atomic.Pointer[Handle] // set by Join
}

// NewServeMux returns a new, empty ServeMux, like [http.NewServeMux].
func NewServeMux() *ServeMux { return new(ServeMux) }

// Handle registers handler for pattern, unnamed, exactly as
// [http.ServeMux.Handle] does: Go 1.22 patterns ("[METHOD ][HOST]/[PATH]"),
// and a panic for an invalid pattern, a nil handler, or a pattern that
// conflicts with one already registered (that is ServeMux's style for
// set-up errors, and a drop-in keeps it). An unnamed route is listed but has
// no URL: name it with [ServeMux.Named].
func (m *ServeMux) Handle(pattern string, handler http.Handler) {
	m.register("", pattern, handler, callerLocation(1))
}

// HandleFunc registers handler for pattern, unnamed, exactly as
// [http.ServeMux.HandleFunc] does (see [ServeMux.Handle]).
func (m *ServeMux) HandleFunc(pattern string, handler func(http.ResponseWriter, *http.Request)) {
	if handler == nil {
		panic("http: nil handler")
	}
	m.register("", pattern, http.HandlerFunc(handler), callerLocation(1))
}

// Handler returns the handler for r and its pattern, as
// [http.ServeMux.Handler] does.
func (m *ServeMux) Handler(r *http.Request) (h http.Handler, pattern string) {
	return m.mux.Handler(r)
}

// ServeHTTP dispatches r as [http.ServeMux.ServeHTTP] does.
func (m *ServeMux) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	m.mux.ServeHTTP(w, r)
}

// Named registers routes under a name, the endpoint's local name in the
// party ("post", built as "blog:post" from other apps):
//
//	mux.Named("post").HandleFunc("GET /posts/{id}", showPost)
//
// Names are checked when the route is registered, and a bad one panics
// there, as ServeMux does for a bad pattern: a name must be non-empty,
// must not contain ":" (it separates the namespace), and must be unique in
// the ServeMux (two routes of one name would make every URL for it
// ambiguous). A route that answers several methods on one path needs one
// name, on any of its patterns.
func (m *ServeMux) Named(name string) Named { return Named{m: m, name: name} }

// Named registers one route under a name: see [ServeMux.Named].
type Named struct {
	m    *ServeMux
	name string
}

// Handle registers handler for pattern under the name, as
// [ServeMux.Handle] does, panicking on a bad name too.
func (n Named) Handle(pattern string, handler http.Handler) {
	n.m.register(n.checkedName(), pattern, handler, callerLocation(1))
}

// HandleFunc registers handler for pattern under the name, as
// [ServeMux.HandleFunc] does, panicking on a bad name too.
func (n Named) HandleFunc(pattern string, handler func(http.ResponseWriter, *http.Request)) {
	name := n.checkedName()
	if handler == nil {
		panic("http: nil handler")
	}
	n.m.register(name, pattern, http.HandlerFunc(handler), callerLocation(1))
}

func (n Named) checkedName() string {
	switch {
	case n.m == nil:
		panic("partyhttp: Named used without a ServeMux; call mux.Named(name)")
	case n.name == "":
		panic("partyhttp: empty route name")
	case strings.Contains(n.name, ":"):
		panic("partyhttp: route name " + quote(n.name) + " contains \":\", which separates a namespace from a name")
	}
	return n.name
}

// register is the one way in: it checks the name, lets http.ServeMux accept
// (or panic on) the pattern, and only then records the route, so that the
// listing never holds a pattern the mux refused. loc is the user's call.
func (m *ServeMux) register(name, pattern string, handler http.Handler, loc string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if name != "" {
		if prev, ok := m.names[name]; ok {
			panic("partyhttp: route name " + quote(name) + " for pattern " + quote(pattern) + " (at " + loc + ") is already the name of " + quote(prev) + " (at " + m.locs[prev] + ")")
		}
	}
	m.handle(pattern, handler, loc)
	if name != "" {
		if m.names == nil {
			m.names = map[string]string{}
		}
		m.names[name] = pattern
	}
	m.entries = append(m.entries, newEntry(name, pattern))
	m.version.Add(1)
}

// handle registers on the ServeMux inside and records where from; a panic
// names the user's code. The caller holds m.mu.
func (m *ServeMux) handle(pattern string, handler http.Handler, loc string) {
	defer func() {
		if v := recover(); v != nil {
			panic(m.relocate(v, loc))
		}
	}()
	m.mux.Handle(pattern, handler)
	if m.locs == nil {
		m.locs = map[string]string{}
	}
	m.locs[pattern] = loc
}

// Routes lists every route registered through the wrapper, in order, named
// or not (the invite route that [Join] registers is not one). It is the live
// route table a party reads: a [urlfor.Source]. Parameter values that
// another route (or the party's guard of the invite route) would take are
// refused (see shadow.go); since a later route may take values from an
// earlier one, the list is computed again, in time linear in the routes, the
// first time it is read after a registration. The slice is shared and never
// modified: do not modify it either.
func (m *ServeMux) Routes() []urlfor.Route {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.routes == nil || m.resolved != len(m.entries) {
		m.routes = resolve(m.entries, m.invite)
		m.resolved = len(m.entries)
	}
	return m.routes[:len(m.routes):len(m.routes)]
}

// RoutesVersion counts the registrations so far (routes, and the invite
// route, whose guard takes values). It makes the ServeMux a
// [urlfor.Versioned] source: a URL for an unknown name re-reads the routes
// only if one was registered since, so a failing build stays cheap.
func (m *ServeMux) RoutesVersion() uint64 { return m.version.Load() }
