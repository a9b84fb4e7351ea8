package partyecho

import (
	"html/template"
	"io"

	"github.com/labstack/echo/v4"
)

// Renderer is an echo.Renderer around an html/template set whose templates
// can call urlFor with the app's names first ([Handle.FuncMap]). Set it as
// e.Renderer and render with c.Render(code, name, data), as with
// echo.TemplateRenderer.
type Renderer struct {
	// Template is the set c.Render executes by name. Parse into it after
	// NewRenderer: html/template needs urlFor defined when it parses.
	Template *template.Template
}

// NewRenderer installs h.FuncMap() into t (template.New("") when nil) and
// returns a Renderer around it. Parse the templates afterwards, since
// html/template resolves function names when it parses; a urlFor already
// parsed as a placeholder is replaced:
//
//	r := partyecho.NewRenderer(h, template.New("views"))
//	template.Must(r.Template.ParseFS(views, "views/*.html"))
//	e.Renderer = r
func NewRenderer(h *Handle, t *template.Template) *Renderer {
	if t == nil {
		t = template.New("")
	}
	return &Renderer{Template: t.Funcs(h.FuncMap())}
}

// Render executes the template called name with data into w: it
// implements echo.Renderer. A failed urlFor fails the execution with its
// error, which echo's c.Render returns to the handler.
func (r *Renderer) Render(w io.Writer, name string, data any, c echo.Context) error {
	return r.Template.ExecuteTemplate(w, name, data)
}
