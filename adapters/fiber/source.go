package partyfiber

import (
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
	for _, r := range s.app.GetRoutes(true) {
		if r.Name == "" {
			continue
		}
		k := key{r.Name, r.Path}
		if i, ok := seen[k]; ok {
			if !slices.Contains(methods[i], r.Method) {
				methods[i] = append(methods[i], r.Method)
			}
			continue
		}
		seen[k] = len(out)
		methods = append(methods, []string{r.Method})
		c := s.compile(r.Path)
		out = append(out, urlfor.Route{Name: r.Name, Pattern: r.Path, Path: c.t, Err: c.err})
	}
	for i := range out {
		ms := methods[i]
		if slices.Contains(ms, fiber.MethodGet) {
			ms = slices.DeleteFunc(ms, func(m string) bool { return m == fiber.MethodHead })
		}
		out[i].Method = strings.Join(ms, ",")
	}
	return out
}

func (s *source) compile(pattern string) *compiled {
	if c, ok := s.cache.Load(pattern); ok {
		return c.(*compiled)
	}
	t, err := translate(pattern, s.mode)
	c, _ := s.cache.LoadOrStore(pattern, &compiled{t: t, err: err})
	return c.(*compiled)
}
