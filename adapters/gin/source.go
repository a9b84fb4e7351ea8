package partygin

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/gin-gonic/gin"
	"github.com/partyline-go/partyline/urlfor"
)

// source is the engine's live route table as urlfor reads it. gin has no
// hook on route registration, so it is not a urlfor.Versioned source: every
// read walks engine.Routes(), O(routes), and urlfor reads only when the app
// joins and when a name is not found (a miss). A read that finds the same
// routes, handlers, names and engine flags as the last one returns the last
// result; compiled templates are kept between reads, keyed by everything
// they depend on.
type source struct {
	h *Handle

	mu        sync.Mutex
	templates map[templateKey]*urlfor.Template
	shadowed  map[paramKey]shadowInfo // last read: who takes values from a parameter

	// The last read, returned again when nothing it depends on changed.
	lastInfos  gin.RoutesInfo
	lastMode   pathMode
	lastNames  uint64
	lastRoutes []urlfor.Route
}

type templateKey struct {
	pattern     string
	mode        pathMode
	constraints string // the shadow constraints, by parameter, joined
}

type paramKey struct{ pattern, param string }

// shadowInfo is the constraint that keeps taken values out of a parameter,
// and what takes them.
type shadowInfo struct {
	constraint string
	taken      *exclusions
}

// Routes returns the engine's routes as urlfor routes: one per endpoint.
// The invite route is left out. A name comes from [Router.Named] or, failing
// that, from the handler ([DefaultName]); routes with the same name and
// path but different methods are one endpoint (GET and HEAD of a page, Any,
// Match, Static), whose Method lists them ("" for all of gin's methods).
// A pattern the parser cannot translate is kept with Err set.
func (s *source) Routes() (routes []urlfor.Route) {
	h := s.h
	infos := h.engine.Routes()
	mode := modeOf(h.engine)
	namesVersion := h.names.version()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lastRoutes != nil && mode == s.lastMode && namesVersion == s.lastNames && sameInfos(infos, s.lastInfos) {
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

	type endpoint struct {
		name, pattern string
		methods       []string
		segs          []segment
		err           error
	}
	var eps []*endpoint
	byKey := map[[2]string]*endpoint{}
	shapes := make([]routeShape, 0, len(infos))
	shapePatterns := make([]string, 0, len(infos))
	for _, ri := range infos {
		listed := strings.ReplaceAll(ri.Path, `\:`, ":")
		name, explicit, pattern, ok := h.names.lookup(ri.Method, listed)
		if !ok {
			pattern = ri.Path
		}
		if listed == h.cfg.inviteRoute {
			// Not an endpoint, but a route that takes URLs all the same.
			if segs, err := parsePattern(pattern); err == nil {
				shapes = append(shapes, routeShape{method: ri.Method, segs: segs})
				shapePatterns = append(shapePatterns, pattern)
			}
			continue
		}
		if !explicit || name == "" {
			name = defaultName(ri.Handler)
		}
		k := [2]string{name, pattern}
		ep := byKey[k]
		if ep == nil {
			ep = &endpoint{name: name, pattern: pattern}
			ep.segs, ep.err = parsePattern(pattern)
			if ep.err == nil {
				ep.err = mode.checkLiterals(pattern, ep.segs)
			}
			if ep.err == nil && strings.Contains(name, ":") {
				ep.err = fmt.Errorf("%w: partygin: route name %q contains \":\", which separates a namespace from a name", urlfor.ErrBadCall, name)
			}
			byKey[k] = ep
			eps = append(eps, ep)
		}
		ep.methods = append(ep.methods, ri.Method)
		if ep.segs != nil {
			shapes = append(shapes, routeShape{method: ri.Method, segs: ep.segs})
			shapePatterns = append(shapePatterns, pattern)
		}
	}
	gs, gp := guardShapes(h.cfg.inviteRoute)
	taken := shadows(append(shapes, gs...), append(shapePatterns, gp...))

	if s.templates == nil {
		s.templates = map[templateKey]*urlfor.Template{}
	}
	explain := map[paramKey]shadowInfo{}
	out := make([]urlfor.Route, 0, len(eps))
	for _, ep := range eps {
		r := urlfor.Route{Name: ep.name, Method: methodList(ep.methods), Pattern: ep.pattern, Err: ep.err}
		if r.Err == nil {
			r.Path, r.Err = s.template(ep.pattern, ep.segs, ep.methods, mode, taken, explain)
		}
		out = append(out, r)
	}
	s.shadowed = explain
	s.lastInfos, s.lastMode, s.lastNames, s.lastRoutes = infos, mode, namesVersion, out
	return out
}

// sameInfos reports whether two readings of engine.Routes() list the same
// routes with the same handlers.
func sameInfos(a, b gin.RoutesInfo) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Method != b[i].Method || a[i].Path != b[i].Path || a[i].Handler != b[i].Handler {
			return false
		}
	}
	return true
}

// template compiles (or finds) the template of one endpoint.
func (s *source) template(pattern string, segs []segment, methods []string, mode pathMode,
	taken map[shadowKey]*exclusions, explain map[paramKey]shadowInfo) (*urlfor.Template, error) {
	var constraints map[string]string
	var key strings.Builder
	for _, sg := range segs {
		var c string
		switch sg.kind {
		case segParam:
			ex := &exclusions{}
			for _, m := range methods {
				if o := taken[shadowKey{m, pattern, sg.name}]; o != nil {
					ex.merge(o)
				}
			}
			if len(ex.by) == 0 {
				continue
			}
			c = ex.constraint()
			explain[paramKey{pattern, sg.name}] = shadowInfo{constraint: c, taken: ex}
		case segCatchAll:
			c = mode.catchAllConstraint()
		}
		if c == "" {
			continue
		}
		if constraints == nil {
			constraints = map[string]string{}
		}
		constraints[sg.name] = c
		fmt.Fprintf(&key, "%s\x00%s\x00", sg.name, c)
	}
	k := templateKey{pattern: pattern, mode: mode, constraints: key.String()}
	if t, ok := s.templates[k]; ok {
		return t, nil
	}
	t, err := urlfor.NewTemplate(pattern, parts(segs, constraints), mode.templateOptions()...)
	if err != nil {
		return nil, err
	}
	s.templates[k] = t
	return t, nil
}

// explain turns a build error for a value another route takes into a
// [*ShadowedError]; other errors come back unchanged. The ParamError must
// carry this app's shadow constraint for the parameter, so an error from
// another app with the same pattern is left alone.
func (s *source) explain(err error) error {
	var pe *urlfor.ParamError
	if err == nil || !errors.As(err, &pe) || pe.Missing {
		return err
	}
	s.mu.Lock()
	info, ok := s.shadowed[paramKey{pe.Pattern, pe.Param}]
	s.mu.Unlock()
	if !ok || pe.Reason != fmt.Sprintf("does not match the constraint %q", info.constraint) {
		return err
	}
	by := info.taken.takers(pe.Value)
	if by == "" {
		return err
	}
	return &ShadowedError{ParamError: pe, By: by}
}

// anyMethods are the methods gin's Any registers (routergroup.go).
var anyMethods = []string{"GET", "POST", "PUT", "PATCH", "HEAD", "OPTIONS", "DELETE", "CONNECT", "TRACE"}

// methodList is the Method of an endpoint: one method, the methods joined
// with ", ", or "" when they are all of gin's Any.
func methodList(methods []string) string {
	if len(methods) == 1 {
		return methods[0]
	}
	all := len(methods) >= len(anyMethods)
	for _, m := range anyMethods {
		if !contains(methods, m) {
			all = false
			break
		}
	}
	if all {
		return ""
	}
	return strings.Join(methods, ", ")
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// checkLiterals refuses, in the modes that match the raw or escaped path,
// a pattern whose literal text holds a byte clients percent-encode (a
// space, non-ASCII, ...): gin compares the raw text of the request with the
// literal, so a request sent with such a byte encoded does not match. In
// the default mode gin matches the decoded path and any literal works.
func (m pathMode) checkLiterals(pattern string, segs []segment) error {
	if m == modeDecoded {
		return nil
	}
	for _, s := range segs {
		for i := 0; i < len(s.lit); i++ {
			if c := s.lit[i]; c <= ' ' || c >= 0x7f || strings.IndexByte(`"#%<>?[\]^`+"`{|}", c) >= 0 {
				return fmt.Errorf("%w %q: partygin: the literal byte %q is percent-encoded by clients, and with %s gin matches the raw path, so no URL reaches it reliably",
					urlfor.ErrInvalidTemplate, pattern, c, m)
			}
		}
	}
	return nil
}
