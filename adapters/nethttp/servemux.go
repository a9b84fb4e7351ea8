package partyhttp

import (
	"net/http"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/partyline-go/partyline/urlfor"
)

// ServeMux is an [http.ServeMux] that remembers what it registers, so that
// its routes can be listed ([ServeMux.Routes]) and named ([ServeMux.Named]);
// the http.ServeMux inside does all the serving. The zero value is ready to
// use; a ServeMux must not be copied after first use. It is safe for
// concurrent use: routes may be registered while it serves.
type ServeMux struct {
	mux      http.ServeMux
	mu       sync.Mutex
	entries  []*entry          // every registered pattern, in order
	routes   []urlfor.Route    // resolve() as of resolved; never modified, readers share it
	resolved int               // len(entries) when routes was computed
	names    map[string]string // route name -> its pattern
	locs     map[string]string // pattern -> "file:line" of the user's call that registered it
	version  atomic.Uint64
}

// NewServeMux returns a new, empty ServeMux, like [http.NewServeMux].
func NewServeMux() *ServeMux { return new(ServeMux) }

// Handle registers handler for pattern, unnamed, exactly as
// [http.ServeMux.Handle] does, panics included ("[METHOD ][HOST]/[PATH]").
// An unnamed route is listed but has no URL: see [ServeMux.Named].
func (m *ServeMux) Handle(pattern string, handler http.Handler) {
	m.register("", pattern, handler, callerLocation(1))
}

// HandleFunc is [ServeMux.Handle] for a function, as
// [http.ServeMux.HandleFunc].
func (m *ServeMux) HandleFunc(pattern string, handler func(http.ResponseWriter, *http.Request)) {
	m.register("", pattern, handlerFunc(handler), callerLocation(1))
}

// Handler is [http.ServeMux.Handler]: r's handler and pattern, not run.
func (m *ServeMux) Handler(r *http.Request) (http.Handler, string) { return m.mux.Handler(r) }

// ServeHTTP dispatches r as [http.ServeMux.ServeHTTP] does.
func (m *ServeMux) ServeHTTP(w http.ResponseWriter, r *http.Request) { m.mux.ServeHTTP(w, r) }

// Named registers routes under a name, the endpoint's name in the party
// ("post", "blog:post" from other apps): mux.Named("post").HandleFunc(...).
// A name that is empty, holds ":" or is taken in the ServeMux panics at
// registration, as ServeMux does for a bad pattern. A route that answers
// several methods on one path needs one name, on any of its patterns.
func (m *ServeMux) Named(name string) Named { return Named{m: m, name: name} }

// Named registers one route under a name: see [ServeMux.Named].
type Named struct {
	m    *ServeMux
	name string
}

// Handle is [ServeMux.Handle] under the name.
func (n Named) Handle(pattern string, handler http.Handler) {
	n.m.register(n.checkedName(), pattern, handler, callerLocation(1))
}

// HandleFunc is [ServeMux.HandleFunc] under the name.
func (n Named) HandleFunc(pattern string, handler func(http.ResponseWriter, *http.Request)) {
	n.m.register(n.checkedName(), pattern, handlerFunc(handler), callerLocation(1))
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

// handlerFunc is http.HandlerFunc(f), with http.ServeMux's panic for nil.
func handlerFunc(f func(http.ResponseWriter, *http.Request)) http.Handler {
	if f == nil {
		panic("http: nil handler")
	}
	return http.HandlerFunc(f)
}

// register is the one way in: it checks the name, lets http.ServeMux accept
// (or panic on) the pattern, and only then records the route, so that the
// listing never holds a pattern the mux refused. loc is the user's call.
func (m *ServeMux) register(name, pattern string, handler http.Handler, loc string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if prev, ok := m.names[name]; ok && name != "" {
		panic("partyhttp: route name " + quote(name) + " for pattern " + quote(pattern) + " (at " + loc + ") is already the name of " + quote(prev) + " (at " + m.locs[prev] + ")")
	}
	m.handle(pattern, handler, loc)
	if m.names == nil {
		m.names = map[string]string{}
	}
	if name != "" {
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

// Routes lists the routes registered through the wrapper, in order, named
// or not, but not the invite route: the live [urlfor.Source] a party reads.
// Values another route takes are refused (shadow.go), so the list is
// computed again when first read after a registration. The slice is shared:
// do not modify it.
func (m *ServeMux) Routes() []urlfor.Route {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.routes == nil || m.resolved != len(m.entries) {
		m.routes, m.resolved = m.resolve(), len(m.entries)
	}
	return m.routes[:len(m.routes):len(m.routes)]
}

// RoutesVersion counts the routes registered so far. It makes the ServeMux a
// [urlfor.Versioned] source: a URL for an unknown name re-reads the routes
// only if one was registered since, so a failing build stays cheap.
func (m *ServeMux) RoutesVersion() uint64 { return m.version.Load() }
