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
)

// source is the app's live route table: every call walks the router, so
// routes registered after the invitation are found. chi has no hook that
// tells when a route is added, so it is not a [urlfor.Versioned] source: an
// unknown name costs one walk of the router, O(routes), each time it is
// asked for. Compiled templates are cached by pattern.
type source struct {
	router    chi.Routes
	templates sync.Map // pattern and its shadowed values -> *compiled
}

type compiled struct {
	t   *urlfor.Template
	err error
}

// endpointKey identifies one endpoint while the walk merges methods.
type endpointKey struct{ name, pattern string }

type endpointInfo struct {
	methods []string
	err     error
}

// Routes implements [urlfor.Source]: one route per (name, pattern), sorted
// by name then pattern. Unnamed routes are left out: nobody can ask for
// them.
func (s *source) Routes() []urlfor.Route {
	found := map[endpointKey]*endpointInfo{}
	var all []chiRoute // every route and mount, named or not: they take values (shadow.go)
	toks := map[string][]token{}
	tokensOf := func(pattern string) []token {
		t, ok := toks[pattern]
		if !ok {
			if segs, err := splitPattern(pattern); err == nil {
				t = tokens(segs)
			}
			toks[pattern] = t
		}
		return t
	}
	skip := func(pattern string, sub chi.Routes) bool {
		all = append(all, chiRoute{anyMethod, pattern, tokensOf(pattern)})
		return s.skip(sub)
	}
	_ = walk(s.router, func(method, pattern string, _ http.Handler, mws ...func(http.Handler) http.Handler) error {
		all = append(all, chiRoute{method, pattern, tokensOf(pattern)})
		names := namesOf(mws)
		if len(names) == 0 {
			return nil
		}
		for _, n := range names {
			k := endpointKey{n, pattern}
			e := found[k]
			if e == nil {
				e = &endpointInfo{}
				found[k] = e
			}
			if !slices.Contains(e.methods, method) {
				e.methods = append(e.methods, method)
			}
			if len(names) > 1 && e.err == nil {
				e.err = fmt.Errorf("%w: route %s has %d names (%s); give it one partychi.Name", ErrNamedTwice, pattern, len(names), quoteAll(names))
			}
		}
		return nil
	}, skip, "")
	index := newShadowIndex(all)

	keys := make([]endpointKey, 0, len(found))
	for k := range found {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b endpointKey) int {
		return cmp.Or(cmp.Compare(a.name, b.name), cmp.Compare(a.pattern, b.pattern))
	})
	routes := make([]urlfor.Route, len(keys))
	for i, k := range keys {
		e := found[k]
		r := &routes[i]
		*r = urlfor.Route{Name: k.name, Method: methodOf(e.methods), Pattern: k.pattern, Err: e.err}
		if r.Err == nil {
			r.Path, r.Err = s.template(k.pattern, index.exclusionsOf(k.pattern, tokensOf(k.pattern), e.methods))
		}
	}
	return routes
}

// skip reports whether the walk must leave out a mounted router: one that
// joined the party itself reports its own routes.
func (s *source) skip(sub chi.Routes) bool {
	return !sameRouter(sub, s.router) && isJoined(sub)
}

// template compiles pattern with the values other routes take from its
// parameters; the cache key is the pattern and those values.
func (s *source) template(pattern string, shadows map[string]*exclusions) (*urlfor.Template, error) {
	key := pattern
	if len(shadows) > 0 {
		var b strings.Builder
		b.WriteString(pattern)
		for _, k := range slices.Sorted(maps.Keys(shadows)) {
			b.WriteByte(0)
			b.WriteString(k)
			b.WriteByte(0)
			b.WriteString(shadows[k].signature())
		}
		key = b.String()
	}
	if c, ok := s.templates.Load(key); ok {
		return c.(*compiled).t, c.(*compiled).err
	}
	t, err := parseShadowed(pattern, shadows)
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
	all := true
	for _, m := range standardMethods {
		if !slices.Contains(methods, m) {
			all = false
			break
		}
	}
	if all {
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
