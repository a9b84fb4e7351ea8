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
	prefix  bool // a PathPrefix template: its regexp is not anchored at the end
	host    string
	hasHost bool
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
		s.host, s.hasHost = tpl, true
	}
	s.queries, _ = rt.GetQueriesTemplates()
	s.methods, _ = rt.GetMethods()
	return s
}

// anchoredAtEnd reports whether a regexp mux made from a path template
// ends with "$": mux leaves it out of PathPrefix regexps only. A "$" that
// is escaped ("\$", from a literal "$" in the template) does not count.
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
	var b strings.Builder
	b.WriteString(s.host)
	b.WriteString(s.path)
	if s.hasPath && s.prefix {
		b.WriteString("…")
	}
	for i, q := range s.queries {
		if i == 0 {
			b.WriteByte('?')
		} else {
			b.WriteByte('&')
		}
		b.WriteString(q)
	}
	return b.String()
}

// key identifies a route's translation in the cache: everything it
// depends on.
func (s spec) key() string {
	errText := ""
	if s.err != nil {
		errText = s.err.Error()
	}
	parts := []string{s.name, errText, s.path, s.host, strings.Join(s.queries, "\x01"), strings.Join(s.methods, ","), boolText(s.hasPath), boolText(s.prefix), boolText(s.hasHost)}
	return strings.Join(parts, "\x00")
}

func boolText(b bool) string {
	if b {
		return "1"
	}
	return "0"
}
