package partyfiberv3

import (
	"sync/atomic"

	"github.com/gofiber/fiber/v3"
	"github.com/partyline-go/partyline/internal/fiberdialect"
)

// source is an app's live route table (fiberdialect.Source): its routes
// read by app.GetRoutes(true), versioned by fiber's OnRoute and OnName
// hooks (hooks.go, as in v2). fiber v3 merges the routes of apps mounted
// with app.Use(prefix, subApp) into the parent's stack at its first
// request (mount.go processSubAppsRoutes), which the invitation is.
type source struct {
	*fiberdialect.Source
	reads *atomic.Uint64 // Routes calls, for tests
}

func newSource(app *fiber.App) *source {
	s := fiberdialect.NewSource(dialect(app.Config()), func() []fiberdialect.Route {
		all := app.GetRoutes(true)
		out := make([]fiberdialect.Route, len(all))
		for i, r := range all {
			out[i] = fiberdialect.Route{Method: r.Method, Path: r.Path, Name: r.Name}
		}
		return out
	})
	return &source{Source: s, reads: &s.Reads}
}

// hook is installed as fiber's OnRoute and OnName hook.
func (s *source) hook(fiber.Route) error { s.Changed(); return nil }

// dialect is fiber v3's, for an app of config cfg: its parser (pattern.go)
// and router, constraints read as v3 reads them (custom ones refused).
func dialect(cfg fiber.Config) fiberdialect.Dialect {
	return fiberdialect.Dialect{
		Pkg:              pkg,
		Mode:             fiberdialect.Mode{Unescape: cfg.UnescapePath, CaseSensitive: cfg.CaseSensitive, Strict: cfg.StrictRouting},
		Parse:            parsePattern,
		ParamStart:       findNextParamPosition,
		RemoveEscapeChar: fiber.RemoveEscapeChar,
		RoutePatternMatch: func(path, pattern string) bool {
			return fiber.RoutePatternMatch(path, pattern, cfg)
		},
		CustomConstraints: true,
	}
}
