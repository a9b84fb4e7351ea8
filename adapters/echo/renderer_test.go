package partyecho

import (
	"html/template"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/partyline-go/partyline/urlfor"
)

// TestRenderer: NewRenderer installs urlFor in a set parsed after it, and
// replaces a placeholder urlFor in a set parsed before it; a failed urlFor
// is c.Render's error.
func TestRenderer(t *testing.T) {
	e := echo.New()
	e.GET("/posts/:id", record).Name = "post"
	h := mustJoin(t, e)

	placeholder := template.Must(template.New("pre").Funcs(template.FuncMap{"urlFor": func(string, ...any) (string, error) { return "placeholder", nil }}).
		Parse(`{{urlFor "post" "id" .}}`))
	pre := NewRenderer(h, placeholder)
	post := NewRenderer(h, nil)
	template.Must(post.Template.New("post").Parse(`{{urlFor "post" "id" .}}`))
	template.Must(post.Template.New("unknown").Parse(`{{urlFor "nope"}}`))

	c := ctx(e, "/")
	errorIs(t, pre.Render(new(nopWriter), "pre", 1, c), urlfor.ErrNotInvited)

	party(t, app{"/blog", e})
	for _, tt := range []struct {
		r    *Renderer
		name string
	}{{pre, "pre"}, {post, "post"}} {
		e.Renderer = tt.r
		rec := httptest.NewRecorder()
		c := e.NewContext(httptest.NewRequest(http.MethodGet, "/", nil), rec)
		if err := c.Render(http.StatusOK, tt.name, "a b"); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if rec.Body.String() != "/blog/posts/a%20b" || rec.Code != http.StatusOK {
			t.Errorf("%s rendered %d %q", tt.name, rec.Code, rec.Body)
		}
	}
	e.Renderer = post
	rc := ctx(e, "/")
	errorIs(t, rc.Render(http.StatusOK, "unknown", nil), urlfor.ErrUnknownEndpoint)

	var _ echo.Renderer = post
}

type nopWriter struct{}

func (*nopWriter) Write(b []byte) (int, error) { return len(b), nil }
