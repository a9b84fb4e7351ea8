package partyfiber_test

import (
	"bytes"
	"errors"
	"html/template"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"
	partyfiber "github.com/partyline-go/partyline/adapters/fiber"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

// htmlViews is a fiber.Views engine over html/template, shaped like
// github.com/gofiber/template/html: functions are added with AddFuncMap,
// and Load (which fiber.New calls) parses the views with them.
type htmlViews struct {
	funcs template.FuncMap
	src   map[string]string
	t     *template.Template
}

func newViews(src map[string]string) *htmlViews {
	return &htmlViews{funcs: template.FuncMap{}, src: src}
}

func (v *htmlViews) AddFuncMap(m map[string]interface{}) {
	for k, f := range m {
		v.funcs[k] = f
	}
}

func (v *htmlViews) Load() error {
	t := template.New("").Funcs(v.funcs)
	for name, src := range v.src {
		if _, err := t.New(name).Parse(src); err != nil {
			return err
		}
	}
	v.t = t
	return nil
}

func (v *htmlViews) Render(w io.Writer, name string, data interface{}, _ ...string) error {
	if v.t == nil {
		return errors.New("views not loaded")
	}
	return v.t.ExecuteTemplate(w, name, data)
}

var _ fiber.Views = (*htmlViews)(nil)

const pageView = `<a href="{{urlFor "page" "id" .ID}}">self</a> <a href="{{urlFor "shop:cart" "item" .Item}}">cart</a>`

func renderPage(c *fiber.Ctx) error {
	return c.Render("page", map[string]any{"ID": c.Params("id"), "Item": `a "b"/c`})
}

func shopForViews() *urlfortest.App {
	return urlfortest.NewApp("shop", urlfortest.Route("cart", "GET", "/cart/{item}", urlfor.Literal("/cart/"), urlfor.Param("item")))
}

// TestViewsFuncMap: partyfiber.FuncMap(engine) added to a Fiber template
// engine before fiber.New (as engines want), rendered with c.Render after
// the invitation: a link to the app's own route (local name first) and one
// to another app's, escaped by urlfor and by html/template.
func TestViewsFuncMap(t *testing.T) {
	views := newViews(map[string]string{"page": pageView})
	views.AddFuncMap(partyfiber.FuncMap(views))
	app := fiber.New(fiber.Config{Views: views})
	if views.t == nil {
		t.Fatal("fiber.New did not load the views")
	}
	if _, err := partyfiber.Join(app); err != nil {
		t.Fatal(err)
	}
	app.Get("/pages/:id", renderPage).Name("page")

	// Before the invitation, through the bridge alone.
	w := record(partyfiber.Handler(app), httptest.NewRequest("GET", "/pages/7", nil))
	if w.Code != 500 || !strings.Contains(w.Body.String(), "not invited") {
		t.Errorf("before the invitation: %d %q", w.Code, w.Body)
	}

	p := newParty(t, mount{"/legacy", partyfiber.Handler(app)}, mount{"/shop", shopForViews()})
	code, body, _ := get(t, nil, serve(t, p).URL+"/legacy/pages/7")
	want := `<a href="/legacy/pages/7">self</a> <a href="/shop/cart/a%20%22b%22%2Fc">cart</a>`
	if code != 200 || body != want {
		t.Fatalf("%d %q, want %q", code, body, want)
	}
	// Every literal endpoint name in the views exists in the party.
	if err := urlfor.VerifyHTML(urlfor.New(p), views.t); err != nil {
		t.Errorf("VerifyHTML: %v", err)
	}
}

// TestViewsFuncMapUnbound: an engine no joined app uses, and one two apps
// share.
func TestViewsFuncMapUnbound(t *testing.T) {
	views := newViews(map[string]string{"x": `{{urlFor "page"}}`})
	views.AddFuncMap(partyfiber.FuncMap(views))
	if err := views.Load(); err != nil {
		t.Fatal(err)
	}
	if err := views.Render(&bytes.Buffer{}, "x", nil); !errors.Is(err, partyfiber.ErrNoHandle) {
		t.Errorf("unbound engine: %v", err)
	}
	for range 2 {
		if _, err := partyfiber.Join(fiber.New(fiber.Config{Views: views})); err != nil {
			t.Fatal(err)
		}
	}
	if err := views.Render(&bytes.Buffer{}, "x", nil); !errors.Is(err, partyfiber.ErrInvalidOption) {
		t.Errorf("shared engine: %v", err)
	}
}

// TestViewsHandleFuncMap: the handle's FuncMap, added after Join, with the
// views loaded again.
func TestViewsHandleFuncMap(t *testing.T) {
	views := newViews(map[string]string{"page": pageView})
	app := fiber.New(fiber.Config{Views: views}) // the first load fails: urlFor is not defined yet
	h, err := partyfiber.Join(app)
	if err != nil {
		t.Fatal(err)
	}
	views.AddFuncMap(h.FuncMap())
	if err := views.Load(); err != nil {
		t.Fatal(err)
	}
	app.Get("/pages/:id", renderPage).Name("page")
	p := newParty(t, mount{"/legacy", partyfiber.Handler(app)}, mount{"/shop", shopForViews()})
	if code, body, _ := get(t, nil, serve(t, p).URL+"/legacy/pages/8"); code != 200 || !strings.HasPrefix(body, `<a href="/legacy/pages/8">`) {
		t.Fatalf("%d %q", code, body)
	}
}
