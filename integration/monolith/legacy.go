package monolith

import (
	"bytes"
	"net/http"
	"net/url"

	"github.com/gofiber/fiber/v2"
	partyfiber "github.com/partyline-go/partyline/adapters/fiber"
)

// newLegacy is the Fiber app at "/legacy", mounted through
// partyfiber.Handler. Fiber names routes itself (.Name).
func newLegacy(s *Store, d *directory, opts ...partyfiber.Option) (*fiber.App, error) {
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	h, err := partyfiber.Join(app, opts...)
	if err != nil {
		return nil, err
	}
	pages := parse(d, "legacy", h.FuncMap(), legacyPages)
	html := func(c *fiber.Ctx, name string, data any) error {
		var buf bytes.Buffer
		if err := pages.ExecuteTemplate(&buf, name, data); err != nil {
			return err
		}
		c.Type("html", "utf-8")
		return c.Send(buf.Bytes())
	}
	app.Get("/", func(c *fiber.Ctx) error {
		return html(c, "legacy/index", view{"Legacy", s.Pages})
	}).Name("index")
	app.Get("/pages/:slug", func(c *fiber.Ctx) error {
		// Fiber hands raw (escaped) values by default: unescape them.
		slug, err := url.PathUnescape(c.Params("slug"))
		if err != nil {
			return c.Status(http.StatusBadRequest).SendString("bad slug")
		}
		p, ok := s.Page(slug)
		if !ok {
			return c.Status(http.StatusNotFound).SendString("no such page")
		}
		return html(c, "legacy/page", view{p.Title, p})
	}).Name("page")
	return app, nil
}
