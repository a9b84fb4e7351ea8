package partychi

import (
	"cmp"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/go-chi/chi/v5"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// source is the app's live route table: every call walks the router, so
// routes registered after the invitation are found. chi has no hook that
// tells when a route is added, so it is not a [urlfor.Versioned] source: an
// unknown name costs one walk of the router, O(routes), when urlfor's
// re-read budget allows one (see urlfor.Versioned). Compiled templates are
// cached by pattern and taken values.
type source struct {
	router    *chi.Mux
	templates sync.Map // pattern and taken values -> *compiled
}

type compiled struct {
	t   *urlfor.Template
	err error
}

// chiRoute is one pattern of the router: a route with its methods, or a
// mount (Mount, Route), which takes every method and never falls back.
type chiRoute struct {
	pattern string
	methods []string
	mount   bool
	tokens  []adapterkit.Token // nil when the pattern cannot be read
}

// by names the route in messages ([urlfor.ParamError.TakenBy]): "GET
// /posts/new", "/any" for every method, "the router mounted at /api/*".
func (r *chiRoute) by() string {
	if r.mount {
		return "the router mounted at " + r.pattern
	}
	return strings.TrimPrefix(methodOf(r.methods)+" "+r.pattern, " ")
}

// endpoint is one name on one pattern, with the methods so named.
type endpoint struct {
	name    string
	route   *chiRoute
	methods []string
	err     error
}

// Routes implements [urlfor.Source]: one route per (name, pattern), sorted
// by name then pattern. Unnamed routes are left out (nobody can ask for
// them), but they and the mounts take values from the named ones
// (shadow.go).
func (s *source) Routes() []urlfor.Route {
	eps, tbl := s.read()
	out := make([]urlfor.Route, len(eps))
	for i, e := range eps {
		out[i] = urlfor.Route{Name: e.name, Method: methodOf(e.methods), Pattern: e.route.pattern, Err: e.err}
		if e.err == nil {
			out[i].Path, out[i].Err = s.compile(tbl, e)
		}
	}
	return out
}

// read walks the router: its named endpoints, sorted, and the table of
// every route and mount.
func (s *source) read() ([]*endpoint, *table) {
	routes := map[string]*chiRoute{}
	at := func(pattern string) *chiRoute {
		r := routes[pattern]
		if r == nil {
			r = &chiRoute{pattern: pattern}
			r.tokens, _ = splitPattern(pattern)
			routes[pattern] = r
		}
		return r
	}
	found := map[[2]string]*endpoint{}
	skip := func(pattern string, sub chi.Routes) bool {
		at(pattern).mount = true
		m, _ := sub.(*chi.Mux)
		_, isJoined := joined.Lookup(m)
		return isJoined && m != s.router
	}
	_ = walk(s.router, func(method, pattern string, _ http.Handler, mws ...func(http.Handler) http.Handler) error {
		r := at(pattern)
		r.methods = addMethod(r.methods, method)
		names := namesOf(mws)
		for _, n := range names {
			e := found[[2]string{n, pattern}]
			if e == nil {
				e = &endpoint{name: n, route: r}
				found[[2]string{n, pattern}] = e
			}
			e.methods = addMethod(e.methods, method)
			if len(names) > 1 && e.err == nil {
				e.err = fmt.Errorf("%w: route %s has %d names (%s); give it one partychi.Name", ErrNamedTwice, pattern, len(names), quoteAll(names))
			}
		}
		return nil
	}, skip, "")
	eps := slices.Collect(maps.Values(found))
	slices.SortFunc(eps, func(a, b *endpoint) int {
		return cmp.Or(cmp.Compare(a.name, b.name), cmp.Compare(a.route.pattern, b.route.pattern))
	})
	return eps, newTable(routes)
}

func addMethod(methods []string, m string) []string {
	if slices.Contains(methods, m) {
		return methods
	}
	return append(methods, m)
}

// compile returns the template of e, refusing the values other routes
// take from its parameters.
func (s *source) compile(tbl *table, e *endpoint) (*urlfor.Template, error) {
	base, err := s.template(e.route.pattern, nil)
	if err != nil {
		return nil, err
	}
	if taken := tbl.taken(s.router, e, base); len(taken) > 0 {
		return s.template(e.route.pattern, taken)
	}
	return base, nil
}

// template compiles pattern with taken, through the cache.
func (s *source) template(pattern string, taken map[string][]urlfor.Taken) (*urlfor.Template, error) {
	key := pattern
	if taken != nil {
		key = fmt.Sprintf("%s\x00%#v", pattern, taken) // fmt sorts map keys
	}
	if c, ok := s.templates.Load(key); ok {
		return c.(*compiled).t, c.(*compiled).err
	}
	t, err := parsePattern(pattern, taken)
	s.templates.Store(key, &compiled{t, err})
	return t, err
}

// standardMethods are the methods a chi route registered with Handle or
// HandleFunc (any method) reports, among others, through Walk.
var standardMethods = []string{
	http.MethodConnect, http.MethodDelete, http.MethodGet, http.MethodHead, http.MethodOptions,
	http.MethodPatch, http.MethodPost, http.MethodPut, http.MethodTrace,
}

// methodOf is the Method of a route for listings: "" when it takes every
// standard method, else the methods joined with ",": "GET" or "GET,POST".
func methodOf(methods []string) string {
	if !slices.ContainsFunc(standardMethods, func(m string) bool { return !slices.Contains(methods, m) }) {
		return ""
	}
	slices.Sort(methods)
	return strings.Join(methods, ",")
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}
