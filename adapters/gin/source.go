package partygin

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/gin-gonic/gin"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// source is the engine's live route table as urlfor reads it: gin has no
// hook on registration (no urlfor.Versioned), so every read walks
// engine.Routes(), O(routes). A read that finds the same routes, handlers,
// names and engine flags as the last one returns the last result; compiled
// templates are kept between reads, keyed by all they depend on.
type source struct {
	h *Handle

	mu        sync.Mutex
	templates map[templateKey]*urlfor.Template

	// The last read, returned again when nothing it depends on changed.
	lastInfos  gin.RoutesInfo
	lastMode   pathMode
	lastNames  uint64
	lastRoutes []urlfor.Route
}

type templateKey struct {
	pattern string
	mode    pathMode
	taken   string // the values other routes take, by token, printed
}

// endpoint is one name and pattern of the engine, for one or more methods.
type endpoint struct {
	name, pattern string
	methods       []string
	shapes        []int // its shapes in the sibling index, one per method
	toks          []adapterkit.Token
	err           error
}

// Routes returns the engine's routes but the invite route as urlfor
// routes, one per endpoint: a name ([Router.Named], else [DefaultName]) and
// a path, whose Method lists the methods ("" for all of gin's Any). A
// pattern that cannot be translated is kept with Err set.
func (s *source) Routes() (routes []urlfor.Route) {
	infos := s.h.engine.Routes()
	mode := modeOf(s.h.engine)
	names := s.h.names.version()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lastRoutes != nil && mode == s.lastMode && names == s.lastNames && sameInfos(infos, s.lastInfos) {
		return s.lastRoutes
	}
	defer func() {
		// A bug here must not take the app's server down (the invitation,
		// or the request whose name missed): every route is then listed
		// with the error, so building any of them says what happened.
		if v := recover(); v != nil {
			err := fmt.Errorf("partygin: reading the routes of the engine failed: %v", v)
			routes = make([]urlfor.Route, len(infos))
			for i, ri := range infos {
				routes[i] = urlfor.Route{Name: defaultName(ri.Handler), Method: ri.Method, Pattern: ri.Path, Err: err}
			}
		}
	}()
	eps, index := s.endpoints(infos, mode)
	out := make([]urlfor.Route, 0, len(eps))
	for _, ep := range eps {
		if ep.name == inviteName {
			continue
		}
		r := urlfor.Route{Name: ep.name, Method: methodList(ep.methods), Pattern: ep.pattern, Err: ep.err}
		if r.Err == nil {
			r.Path, r.Err = s.template(ep, mode, index)
		}
		out = append(out, r)
	}
	s.lastInfos, s.lastMode, s.lastNames, s.lastRoutes = infos, mode, names, out
	return out
}

// inviteName names the invite route's endpoint, which is not listed but
// takes URLs all the same.
const inviteName = "\x00invite"

// endpoints groups the engine's routes into endpoints, and indexes the
// shape of every route.
func (s *source) endpoints(infos gin.RoutesInfo, mode pathMode) ([]*endpoint, *siblingIndex) {
	var eps []*endpoint
	byKey := map[[2]string]*endpoint{}
	var shapes []adapterkit.Shape
	for _, ri := range infos {
		listed := strings.ReplaceAll(ri.Path, `\:`, ":")
		name, explicit, pattern, ok := s.h.names.lookup(ri.Method, listed)
		if !ok {
			pattern = ri.Path
		}
		switch {
		case listed == s.h.kit.Config().InviteRoute:
			name = inviteName
		case !explicit || name == "":
			name = defaultName(ri.Handler)
		}
		ep := byKey[[2]string{name, pattern}]
		if ep == nil {
			ep = newEndpoint(name, pattern, mode)
			byKey[[2]string{name, pattern}] = ep
			eps = append(eps, ep)
		}
		ep.methods = append(ep.methods, ri.Method)
		if ep.toks != nil {
			ep.shapes = append(ep.shapes, len(shapes))
			shapes = append(shapes, adapterkit.Shape{By: ri.Method + " " + pattern, Tokens: ep.toks})
		}
	}
	return eps, newSiblingIndex(shapes)
}

// newEndpoint parses the pattern of a new endpoint and checks what can be
// checked before its template is made.
func newEndpoint(name, pattern string, mode pathMode) *endpoint {
	ep := &endpoint{name: name, pattern: pattern}
	ep.toks, ep.err = parsePattern(pattern)
	if ep.err == nil {
		ep.err = mode.checkLiterals(pattern, ep.toks)
	}
	if ep.err == nil && strings.Contains(name, ":") {
		ep.err = fmt.Errorf("%w: partygin: route name %q contains \":\", which separates a namespace from a name", urlfor.ErrBadCall, name)
	}
	return ep
}

// template compiles (or finds) the template of an endpoint, refusing the
// values other routes of its methods take.
func (s *source) template(ep *endpoint, mode pathMode, index *siblingIndex) (*urlfor.Template, error) {
	taken := make([][]urlfor.Taken, len(ep.toks))
	k := templateKey{pattern: ep.pattern, mode: mode}
	for i, t := range ep.toks {
		for _, sh := range ep.shapes {
			if t.Param != "" {
				taken[i] = append(taken[i], index.taken(sh, i)...)
			}
		}
		if len(taken[i]) > 0 {
			k.taken = "?" // printed below
		}
	}
	if k.taken != "" {
		k.taken = fmt.Sprintf("%#v", taken)
	}
	if t, ok := s.templates[k]; ok {
		return t, nil
	}
	t, err := urlfor.NewTemplate(ep.pattern, parts(ep.toks, mode, taken), mode.templateOptions(keepsRawPath(ep.toks))...)
	if err != nil {
		return nil, err
	}
	s.templates[k] = t
	return t, nil
}

// sameInfos reports whether two readings of engine.Routes() list the same
// routes with the same handlers.
func sameInfos(a, b gin.RoutesInfo) bool {
	return slices.EqualFunc(a, b, func(x, y gin.RouteInfo) bool {
		return x.Method == y.Method && x.Path == y.Path && x.Handler == y.Handler
	})
}

// anyMethods are the methods gin's Any registers (routergroup.go).
var anyMethods = []string{"GET", "POST", "PUT", "PATCH", "HEAD", "OPTIONS", "DELETE", "CONNECT", "TRACE"}

// methodList is the Method of an endpoint: one method, the methods joined
// with ", ", or "" when they include all of gin's Any.
func methodList(methods []string) string {
	if len(methods) == 1 {
		return methods[0]
	}
	for _, m := range anyMethods {
		if !slices.Contains(methods, m) {
			return strings.Join(methods, ", ")
		}
	}
	return ""
}
