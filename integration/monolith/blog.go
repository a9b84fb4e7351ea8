package monolith

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v5"
	partyechov5 "github.com/partyline-go/partyline/adapters/echov5"
)

// newBlog is the echo v5 app at "/blog". echo v5 names routes itself
// (Route.Name, given with e.AddRoute, or in one line with
// partyechov5.Named, since e.GET returns a RouteInfo whose Name cannot be
// set); its comment form redirects by name to the chi admin.
func newBlog(s *Store, d *directory, opts ...partyechov5.Option) (*echo.Echo, error) {
	e := echo.New()
	h, err := partyechov5.Join(e, opts...)
	if err != nil {
		return nil, err
	}
	e.Renderer = &echo.TemplateRenderer{Template: parse(d, "blog", h.FuncMap(), blogPages)}
	if _, err := e.AddRoute(echo.Route{Method: http.MethodGet, Path: "/", Name: "index", Handler: func(c *echo.Context) error {
		return c.Render(http.StatusOK, "blog/index", view{"Blog", s.Posts})
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
		total, kept := s.CommentCount(p.Slug)
		list, shown := s.CommentList(p.Slug)
		data := struct {
			Post               Post
			Comments           template.HTML
			Total, Kept, Shown int
			MaxAuthor, MaxText int
		}{p, list, total, kept, shown, MaxAuthor, MaxText}
		return c.Render(http.StatusOK, "blog/post", view{p.Title, data})
	})
	partyechov5.Named(e, "comment").POST("/posts/:slug/comments", func(c *echo.Context) error {
		p, err := post(c)
		if err != nil {
			return err
		}
		// The site caps every body (limitBodies); this handler says so
		// with a 413 rather than an empty form's 400.
		r := c.Request()
		r.Body = http.MaxBytesReader(c.Response(), r.Body, MaxBody)
		err = r.ParseForm()
		if err == nil {
			// ParseMultipartForm would drop ParseForm's error for a form
			// that is not multipart: call it second.
			if err = r.ParseMultipartForm(MaxBody); errors.Is(err, http.ErrNotMultipart) {
				err = nil
			}
		}
		if err != nil {
			if tooLarge := (*http.MaxBytesError)(nil); errors.As(err, &tooLarge) {
				return echo.NewHTTPError(http.StatusRequestEntityTooLarge, fmt.Sprintf("a comment form is at most %d bytes", MaxBody))
			}
			return echo.NewHTTPError(http.StatusBadRequest, "bad form: "+err.Error())
		}
		author, text := strings.TrimSpace(r.FormValue("author")), strings.TrimSpace(r.FormValue("text"))
		if author == "" || text == "" {
			return echo.NewHTTPError(http.StatusBadRequest, "a comment needs an author and a text")
		}
		if utf8.RuneCountInString(author) > MaxAuthor || utf8.RuneCountInString(text) > MaxText {
			return echo.NewHTTPError(http.StatusBadRequest, fmt.Sprintf("a comment has an author of at most %d characters and a text of at most %d", MaxAuthor, MaxText))
		}
		s.AddComment(Comment{Post: p.Slug, Author: author, Text: text, At: time.Now()})
		// The admin is a chi app: the blog knows only its endpoint's name.
		return h.Redirect(c, http.StatusSeeOther, "admin:comments", "post", p.Slug)
	})
	return e, nil
}
