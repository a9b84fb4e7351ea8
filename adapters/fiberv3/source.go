package partyfiberv3

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/gofiber/fiber/v3"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Copied from partyfiber (adapters/fiber/source.go, whole file): fiber v3
// keeps v2's GetRoutes, OnRoute and OnName (hooks.go), and merges the
// routes of apps mounted with app.Use(prefix, subApp) into the parent's
// stack at its first request (mount.go processSubAppsRoutes).

// source is an app's live route table: app.GetRoutes(true), versioned by
// fiber's OnRoute and OnName hooks ([urlfor.Versioned]). fiber merges the
// routes of mounted apps at the first request, which the invitation is.
type source struct {
	app     *fiber.App
	cfg     fiber.Config
	mode    routerMode
	version atomic.Uint64
	reads   atomic.Uint64 // Routes calls, for tests
	cache   sync.Map      // pattern (+ takens) -> *compiled; "\x00" + path -> []adapterkit.Token
}

type compiled struct {
	tr  *translation
	t   *urlfor.Template
	err error
}

func newSource(app *fiber.App) *source {
	cfg := app.Config()
	return &source{app: app, cfg: cfg, mode: routerMode{cfg.UnescapePath, cfg.CaseSensitive, cfg.StrictRouting}}
}

// hook is installed as fiber's OnRoute and OnName hook.
func (s *source) hook(fiber.Route) error { s.version.Add(1); return nil }

// RoutesVersion implements [urlfor.Versioned].
func (s *source) RoutesVersion() uint64 { return s.version.Load() }

// Routes implements [urlfor.Source]: one endpoint per name and pattern,
// whose Method lists fiber's methods ("GET" for app.Get's GET and HEAD).
// One name on two patterns is two routes, ambiguous to urlfor.
func (s *source) Routes() []urlfor.Route {
	s.reads.Add(1)
	type key struct{ name, path string }
	seen := map[key]int{}
	var out []urlfor.Route
	var methods [][]string  // of each endpoint
	var at []map[string]int // its position in the stack of each method
	stacks := map[string]*stack{}
	all := s.app.GetRoutes(true)
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
		if slices.Contains(ms, fiber.MethodGet) {
			ms = slices.DeleteFunc(ms, func(m string) bool { return m == fiber.MethodHead })
		}
		out[i].Method = strings.Join(ms, ",")
		out[i].Path, out[i].Err = s.compile(out[i].Pattern, ms, at[i], stacks)
	}
	return out
}

// compile translates a pattern, refusing what the routes before it in the
// stacks of methods take (siblings.go); cached by pattern and refusals.
func (s *source) compile(pattern string, methods []string, at map[string]int, stacks map[string]*stack) (*urlfor.Template, error) {
	base := s.base(pattern)
	if base.err != nil {
		return nil, base.err
	}
	taken := map[int][]urlfor.Taken{}
	for _, m := range methods {
		st := stacks[m]
		st.prepare()
		if len(base.t.Params()) == 0 {
			if by := st.shadowedBy(at[m], s.cfg, s.mode); by != "" {
				return nil, &PatternError{Pattern: pattern, Reason: fmt.Sprintf("no request reaches it: %q, registered before it, takes its path", by)}
			}
			continue
		}
		for i, t := range st.taken(at[m], s.mode) {
			taken[i] = append(taken[i], t...)
		}
	}
	if len(taken) == 0 {
		return base.t, nil
	}
	c := memo(s, fmt.Sprintf("%s\x00%v", pattern, taken), func() *compiled {
		t, err := base.tr.template(taken)
		return &compiled{t: t, err: err}
	})
	return c.t, c.err
}

// memo returns what f gives for key, computed once per source.
func memo[T any](s *source, key string, f func() T) T {
	if v, ok := s.cache.Load(key); ok {
		return v.(T)
	}
	v, _ := s.cache.LoadOrStore(key, f())
	return v.(T)
}

// base is the translation of pattern and its template, nothing refused.
func (s *source) base(pattern string) *compiled {
	return memo(s, pattern, func() *compiled {
		c := &compiled{}
		if c.tr, c.err = translateParts(pattern, s.mode); c.err == nil {
			c.t, c.err = c.tr.template(nil)
		}
		return c
	})
}

// tokens reads a path for the model (siblings.go): as fiber's router does,
// constraints as what fiber takes.
func (s *source) tokens(path string) []adapterkit.Token {
	return memo(s, "\x00"+path, func() []adapterkit.Token {
		segs, _ := parsePattern(trimmed(path, s.mode))
		toks := make([]adapterkit.Token, len(segs))
		for i, sg := range segs {
			switch {
			case !sg.IsParam:
				toks[i] = adapterkit.Lit(sg.Const)
			case sg.IsGreedy && sg.IsLast:
				toks[i] = adapterkit.Wild(sg.ParamName)
			default: // named, so that it is not read as a literal
				toks[i] = adapterkit.Re("p"+sg.ParamName, takesRegexp(sg.Constraints, s.mode))
			}
		}
		return toks
	})
}
