package monolith

import (
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	partyecho "github.com/partyline-go/partyline/adapters/echo"
)

// newBlog is the Echo app at "/blog". Echo names routes itself
// (Route.Name); its comment form redirects by name to the chi admin.
func newBlog(s *Store, opts ...partyecho.Option) (*echo.Echo, error) {
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	h, err := partyecho.Join(e, opts...)
	if err != nil {
		return nil, err
	}
	e.Renderer = &partyecho.Renderer{Template: parse(h.FuncMap(), blogPages)}
	e.GET("/", func(c echo.Context) error {
		return c.Render(http.StatusOK, "blog/index", view{"Blog", "echo", s.Posts})
	}).Name = "index"
	// partyecho.Param, not c.Param: echo hands raw values when the request
	// has a RawPath.
	post := func(c echo.Context) (Post, error) {
		slug, err := partyecho.Param(c, "slug")
		if err != nil {
			return Post{}, echo.NewHTTPError(http.StatusBadRequest, err.Error())
		}
		p, ok := s.Post(slug)
		if !ok {
			return Post{}, echo.NewHTTPError(http.StatusNotFound, "no such post")
		}
		return p, nil
	}
	e.GET("/posts/:slug", func(c echo.Context) error {
		p, err := post(c)
		if err != nil {
			return err
		}
		data := struct {
			Post     Post
			Comments []Comment
		}{p, s.Comments(p.Slug)}
		return c.Render(http.StatusOK, "blog/post", view{p.Title, "echo", data})
	}).Name = "post"
	e.POST("/posts/:slug/comments", func(c echo.Context) error {
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
	}).Name = "comment"
	return e, nil
}
