package monolith

import (
	"net/http"

	"github.com/labstack/echo/v4"
	partyecho "github.com/partyline-go/partyline/adapters/echo"
)

// newArchive is the echo v4 app at "/archive": the blog as it was before
// it moved to echo v5, kept read-only in the legacy part of the site.
// echo v4 names routes itself (e.GET(...).Name); its old posts link
// forward to the echo v5 blog, which links back to them.
func newArchive(s *Store, d *directory, opts ...partyecho.Option) (*echo.Echo, error) {
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	h, err := partyecho.Join(e, opts...)
	if err != nil {
		return nil, err
	}
	e.Renderer = &partyecho.Renderer{Template: parse(d, "archive", h.FuncMap(), archivePages)}
	e.GET("/", func(c echo.Context) error {
		return c.Render(http.StatusOK, "archive/index", view{"Archive", s.OldPosts})
	}).Name = "index"
	e.GET("/posts/:slug", func(c echo.Context) error {
		// partyecho.Param, not c.Param: echo hands raw values when the
		// request has a RawPath.
		slug, err := partyecho.Param(c, "slug")
		if err != nil {
			return echo.NewHTTPError(http.StatusBadRequest, err.Error())
		}
		p, ok := s.OldPost(slug)
		if !ok {
			return echo.NewHTTPError(http.StatusNotFound, "no such post")
		}
		return c.Render(http.StatusOK, "archive/post", view{p.Title, p})
	}).Name = "post"
	return e, nil
}
