package monolith

import (
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v5"
	partyechov5 "github.com/partyline-go/partyline/adapters/echov5"
)

// newBlog is the echo v5 app at "/blog". echo v5 names routes itself
// (Route.Name, given with e.AddRoute, or in one line with
// partyechov5.Named, since e.GET returns a RouteInfo whose Name cannot be
// set); its comment form redirects by name to the chi admin.
func newBlog(s *Store, opts ...partyechov5.Option) (*echo.Echo, error) {
	e := echo.New()
	h, err := partyechov5.Join(e, opts...)
	if err != nil {
		return nil, err
	}
	e.Renderer = &echo.TemplateRenderer{Template: parse(h.FuncMap(), blogPages)}
	if _, err := e.AddRoute(echo.Route{Method: http.MethodGet, Path: "/", Name: "index", Handler: func(c *echo.Context) error {
		return c.Render(http.StatusOK, "blog/index", view{"Blog", "echo v5", s.Posts})
	}}); err != nil {
		return nil, err
	}
	// partyechov5.Param, not c.Param: echo hands raw values when the
	// request has a RawPath.
	post := func(c *echo.Context) (Post, error) {
		slug, err := partyechov5.Param(c, "slug")
		if err != nil {
			return Post{}, echo.NewHTTPError(http.StatusBadRequest, err.Error())
		}
		p, ok := s.Post(slug)
		if !ok {
			return Post{}, echo.NewHTTPError(http.StatusNotFound, "no such post")
		}
		return p, nil
	}
	partyechov5.Named(e, "post").GET("/posts/:slug", func(c *echo.Context) error {
		p, err := post(c)
		if err != nil {
			return err
		}
		data := struct {
			Post     Post
			Comments []Comment
		}{p, s.Comments(p.Slug)}
		return c.Render(http.StatusOK, "blog/post", view{p.Title, "echo v5", data})
	})
	partyechov5.Named(e, "comment").POST("/posts/:slug/comments", func(c *echo.Context) error {
		p, err := post(c)
		if err != nil {
			return err
		}
		author, text := strings.TrimSpace(c.FormValue("author")), strings.TrimSpace(c.FormValue("text"))
		if author == "" || text == "" {
			return echo.NewHTTPError(http.StatusBadRequest, "a comment needs an author and a text")
		}
		s.AddComment(Comment{Post: p.Slug, Author: author, Text: text, At: time.Now()})
		// The admin is a chi app: the blog knows only its endpoint's name.
		return h.Redirect(c, http.StatusSeeOther, "admin:comments", "post", p.Slug)
	})
	return e, nil
}
