package fiberdialect

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Source is an app's live route table, a [urlfor.Source]: what its list
// func gives (app.GetRoutes(true)), versioned by the adapter calling
// [Source.Changed] from fiber's OnRoute and OnName hooks
// ([urlfor.Versioned]). fiber merges the routes of mounted apps at the
// first request, which the invitation is. It is safe for concurrent use.
type Source struct {
	// Reads counts the calls of [Source.Routes], for tests.
	Reads atomic.Uint64

	d       Dialect
	list    func() []Route
	version atomic.Uint64
	cache   sync.Map // pattern (+ takens) -> *compiled; "\x00" + path -> []adapterkit.Token
}

type compiled struct {
	tr  *Translation
	t   *urlfor.Template
	err error
}

// NewSource returns the route table of an app of dialect d whose routes
// list gives, in fiber's order.
func NewSource(d Dialect, list func() []Route) *Source {
	return &Source{d: d, list: list}
}

// Changed tells s that the app's routes changed (fiber's OnRoute and
// OnName hooks).
func (s *Source) Changed() { s.version.Add(1) }

// RoutesVersion implements [urlfor.Versioned].
func (s *Source) RoutesVersion() uint64 { return s.version.Load() }

// Routes implements [urlfor.Source]: one endpoint per name and pattern,
// whose Method lists fiber's methods ("GET" for app.Get's GET and HEAD).
// One name on two patterns is two routes, ambiguous to urlfor.
func (s *Source) Routes() []urlfor.Route {
	s.Reads.Add(1)
	type key struct{ name, path string }
	seen := map[key]int{}
	var out []urlfor.Route
	var methods [][]string  // of each endpoint
	var at []map[string]int // its position in the stack of each method
	stacks := map[string]*stack{}
	all := s.list()
	for k := range all {
		r := &all[k]
		st := stacks[r.Method]
		if st == nil {
			st = &stack{src: s}
			stacks[r.Method] = st
		}
		st.routes = append(st.routes, r)
		if r.Name == "" {
			continue
		}
		j, ok := seen[key{r.Name, r.Path}]
		if !ok {
			j = len(out)
			seen[key{r.Name, r.Path}] = j
			out = append(out, urlfor.Route{Name: r.Name, Pattern: r.Path})
			methods, at = append(methods, nil), append(at, map[string]int{})
		}
		if _, dup := at[j][r.Method]; !dup {
			methods[j], at[j][r.Method] = append(methods[j], r.Method), len(st.routes)-1
		}
	}
	for i := range out {
		ms := methods[i]
		if slices.Contains(ms, http.MethodGet) {
			ms = slices.DeleteFunc(ms, func(m string) bool { return m == http.MethodHead })
		}
		out[i].Method = strings.Join(ms, ",")
		out[i].Path, out[i].Err = s.compile(out[i].Pattern, ms, at[i], stacks)
	}
	return out
}

// compile translates a pattern, refusing what the routes before it in the
// stacks of methods take (siblings.go); cached by pattern and refusals.
func (s *Source) compile(pattern string, methods []string, at map[string]int, stacks map[string]*stack) (*urlfor.Template, error) {
	base := s.base(pattern)
	if base.err != nil {
		return nil, base.err
	}
	taken := map[int][]urlfor.Taken{}
	for _, m := range methods {
		st := stacks[m]
		st.prepare()
		if len(base.t.Params()) == 0 {
			if by := st.shadowedBy(at[m]); by != "" {
				return nil, &PatternError{Pkg: s.d.Pkg, Pattern: pattern, Reason: fmt.Sprintf("no request reaches it: %q, registered before it, takes its path", by)}
			}
			continue
		}
		for i, t := range st.taken(at[m], s.d.Mode) {
			taken[i] = append(taken[i], t...)
		}
	}
	if len(taken) == 0 {
		return base.t, nil
	}
	c := memo(s, fmt.Sprintf("%s\x00%v", pattern, taken), func() *compiled {
		t, err := base.tr.Template(taken)
		return &compiled{t: t, err: err}
	})
	return c.t, c.err
}

// memo returns what f gives for key, computed once per source.
func memo[T any](s *Source, key string, f func() T) T {
	if v, ok := s.cache.Load(key); ok {
		return v.(T)
	}
	v, _ := s.cache.LoadOrStore(key, f())
	return v.(T)
}

// base is the translation of pattern and its template, nothing refused.
func (s *Source) base(pattern string) *compiled {
	return memo(s, pattern, func() *compiled {
		c := &compiled{}
		if c.tr, c.err = s.d.Translate(pattern); c.err == nil {
			c.t, c.err = c.tr.Template(nil)
		}
		return c
	})
}

// tokens reads a path for the model (siblings.go): as fiber's router does,
// constraints as what fiber takes.
func (s *Source) tokens(path string) []adapterkit.Token {
	return memo(s, "\x00"+path, func() []adapterkit.Token {
		segs, _ := s.d.Parse(trimmed(path, s.d.Mode))
		toks := make([]adapterkit.Token, len(segs))
		for i, sg := range segs {
			switch {
			case !sg.IsParam:
				toks[i] = adapterkit.Lit(sg.Const)
			case sg.IsGreedy && sg.IsLast:
				toks[i] = adapterkit.Wild(sg.ParamName)
			default: // named, so that it is not read as a literal
				toks[i] = adapterkit.Re("p"+sg.ParamName, s.d.takesRegexp(sg.Constraints))
			}
		}
		return toks
	})
}
