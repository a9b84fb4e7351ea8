package monolith

import (
	"bytes"
	"net/http"

	"github.com/gofiber/fiber/v3"
	partyfiberv3 "github.com/partyline-go/partyline/adapters/fiberv3"
)

// newEvents is the fiber v3 app at "/events", mounted through
// partyfiberv3.Handler (over fiber v3's own adaptor). Fiber names routes
// itself (.Name); its events link to the echo v5 blog, the gin shop and,
// across generations, to the fiber v2 legacy pages.
func newEvents(s *Store, d *directory, opts ...partyfiberv3.Option) (*fiber.App, error) {
	app := fiber.New()
	h, err := partyfiberv3.Join(app, opts...)
	if err != nil {
		return nil, err
	}
	pages := parse(d, "events", h.FuncMap(), eventsPages)
	html := func(c fiber.Ctx, name string, data any) error {
		var buf bytes.Buffer
		if err := pages.ExecuteTemplate(&buf, name, data); err != nil {
			return err
		}
		c.Type("html", "utf-8")
		return c.Send(buf.Bytes())
	}
	app.Get("/", func(c fiber.Ctx) error {
		return html(c, "events/index", view{"Events", s.Events})
	}).Name("index")
	app.Get("/:slug", func(c fiber.Ctx) error {
		// partyfiberv3.Param, not c.Params: fiber hands raw (escaped)
		// values by default.
		slug, err := partyfiberv3.Param(c, "slug")
		if err != nil {
			return c.Status(http.StatusBadRequest).SendString("bad slug")
		}
		ev, ok := s.Event(slug)
		if !ok {
			return c.Status(http.StatusNotFound).SendString("no such event")
		}
		return html(c, "events/event", view{ev.Title, ev})
	}).Name("event")
	return app, nil
}
