package partyfiber

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/gofiber/fiber/v2"
	"github.com/partyline-go/partyline/urlfor"
)

// source is an app's live route table for urlfor: it reads
// app.GetRoutes(true) (no middleware), so routes added after the
// invitation are found, and it is a [urlfor.Versioned] source: fiber's
// OnRoute and OnName hooks bump its version, so a name that is not found
// re-reads nothing until a route is added or named.
//
// fiber merges the routes of apps mounted with app.Mount into the parent's
// table on the first request (app.Handler, which the adaptor calls on every
// request); the invitation is such a request, so by the time the app joins,
// mounted routes are in the table, under their full path. That merge fires
// no hook, and fiber merges only once: apps mounted after the first request
// are not routed by fiber, and not listed here either.
type source struct {
	app     *fiber.App
	mode    routerMode
	version atomic.Uint64
	reads   atomic.Uint64 // Routes calls, for tests
	cache   sync.Map      // pattern -> *compiled
}

type compiled struct {
	tr  *translation
	t   *urlfor.Template
	err error
}

func newSource(app *fiber.App) *source {
	cfg := app.Config()
	return &source{app: app, mode: routerMode{
		unescape:      cfg.UnescapePath,
		caseSensitive: cfg.CaseSensitive,
		strict:        cfg.StrictRouting,
	}}
}

// hook is installed as fiber's OnRoute and OnName hook.
func (s *source) hook(fiber.Route) error {
	s.version.Add(1)
	return nil
}

// RoutesVersion implements [urlfor.Versioned].
func (s *source) RoutesVersion() uint64 { return s.version.Load() }

// Routes implements [urlfor.Source]. fiber lists a route once per method
// (app.Get adds GET and HEAD); routes with the same name and pattern are
// one endpoint, whose Method lists the methods ("GET" for GET and HEAD).
// The same name on two patterns stays two routes, and urlfor reports the
// name as ambiguous (fiber's GetRoute would take the first).
func (s *source) Routes() []urlfor.Route {
	s.reads.Add(1)
	type key struct{ name, path string }
	seen := map[key]int{}
	var out []urlfor.Route
	var methods [][]string
	var at []map[string]int // position of the endpoint in each method's stack
	routes := s.app.GetRoutes(true)
	pos := make([]int, len(routes))
	next := map[string]int{}
	for i, r := range routes {
		pos[i] = next[r.Method]
		next[r.Method]++
		if r.Name == "" {
			continue
		}
		k := key{r.Name, r.Path}
		if j, ok := seen[k]; ok {
			if !slices.Contains(methods[j], r.Method) {
				methods[j] = append(methods[j], r.Method)
				at[j][r.Method] = pos[i]
			}
			continue
		}
		seen[k] = len(out)
		methods = append(methods, []string{r.Method})
		at = append(at, map[string]int{r.Method: pos[i]})
		out = append(out, urlfor.Route{Name: r.Name, Pattern: r.Path})
	}
	x := newShadowIndex(routes, pos, s.mode)
	for i := range out {
		c := s.compile(out[i].Pattern, x, at[i])
		out[i].Path, out[i].Err = c.t, c.err
		ms := methods[i]
		if slices.Contains(ms, fiber.MethodGet) {
			ms = slices.DeleteFunc(ms, func(m string) bool { return m == fiber.MethodHead })
		}
		out[i].Method = strings.Join(ms, ",")
	}
	return out
}

// compile translates a pattern, with the values earlier static routes take
// from its parameters refused (shadow.go). Translations and templates are
// cached by pattern and refused values.
func (s *source) compile(pattern string, x *shadowIndex, at map[string]int) *compiled {
	var base *compiled
	if c, ok := s.cache.Load(pattern); ok {
		base = c.(*compiled)
	} else {
		tr, err := translateParts(pattern, s.mode)
		var t *urlfor.Template
		if err == nil {
			t, err = tr.template(nil)
		}
		c, _ := s.cache.LoadOrStore(pattern, &compiled{tr: tr, t: t, err: err})
		base = c.(*compiled)
	}
	if base.err != nil {
		return base
	}
	taken := x.taken(base.tr, at)
	if len(taken) == 0 {
		return base
	}
	var k strings.Builder
	k.WriteString(pattern)
	for i := range base.tr.segs {
		if tv := taken[i]; tv != nil {
			fmt.Fprintf(&k, "\x00%d\x00%s", i, tv.key())
		}
	}
	if c, ok := s.cache.Load(k.String()); ok {
		return c.(*compiled)
	}
	t, err := base.tr.template(taken)
	c, _ := s.cache.LoadOrStore(k.String(), &compiled{tr: base.tr, t: t, err: err})
	return c.(*compiled)
}
