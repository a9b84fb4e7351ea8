package partymux

import (
	"strings"

	"github.com/gorilla/mux"
)

// spec is what partymux reads of one mux route through mux's getters.
type spec struct {
	name    string
	err     error // mux's own error for the route (GetError)
	path    string
	hasPath bool
	prefix  bool   // a PathPrefix template: its regexp is not anchored at the end
	host    string // "" without a Host matcher
	queries []string
	methods []string
}

// readRoute reads rt. mux's getters return an error for a part the route
// does not have; those become the has* fields.
func readRoute(rt *mux.Route) spec {
	s := spec{name: rt.GetName(), err: rt.GetError()}
	if s.err != nil {
		return s
	}
	if tpl, err := rt.GetPathTemplate(); err == nil {
		s.path, s.hasPath = tpl, true
		re, _ := rt.GetPathRegexp()
		s.prefix = !anchoredAtEnd(re)
	}
	if tpl, err := rt.GetHostTemplate(); err == nil {
		s.host = tpl
	}
	s.queries, _ = rt.GetQueriesTemplates()
	s.methods, _ = rt.GetMethods()
	return s
}

// anchoredAtEnd reports whether mux's path regexp ends with an unescaped
// "$", which PathPrefix regexps lack.
func anchoredAtEnd(re string) bool {
	if !strings.HasSuffix(re, "$") {
		return false
	}
	backslashes := 0
	for i := len(re) - 2; i >= 0 && re[i] == '\\'; i-- {
		backslashes++
	}
	return backslashes%2 == 0
}

// pattern is the route's template as listed: host, path, then queries.
func (s spec) pattern() string {
	p := s.host + s.path
	if s.hasPath && s.prefix {
		p += "…"
	}
	if len(s.queries) > 0 {
		p += "?" + strings.Join(s.queries, "&")
	}
	return p
}

// key is what a route's translation depends on.
func (s spec) key() string {
	errText := ""
	if s.err != nil {
		errText = s.err.Error()
	}
	// The pattern holds the path, host, queries and whether it is a prefix.
	return strings.Join(append([]string{s.name, errText, s.pattern()}, s.methods...), "\x00")
}
