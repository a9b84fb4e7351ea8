package partyfiber_test

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/gofiber/fiber/v2"
	partyfiber "github.com/partyline-go/partyline/adapters/fiber"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

// A Fiber app mounted at /legacy in an http.ServeMux, behind
// http.StripPrefix, joins the party that core.New wraps around the mux.
func ExampleJoin() {
	app := fiber.New()
	h, err := partyfiber.Join(app)
	if err != nil {
		panic(err)
	}
	app.Get("/pages/:id", func(c *fiber.Ctx) error {
		u, err := h.URL(c, "page", "id", "about us")
		if err != nil {
			return err
		}
		return c.SendString(u)
	}).Name("page")

	mux := http.NewServeMux()
	mux.Handle("/legacy/", http.StripPrefix("/legacy", partyfiber.Handler(app)))
	party, err := core.New(mux, []string{"/legacy/__invite__/"})
	if err != nil {
		panic(err)
	}

	w := httptest.NewRecorder()
	party.ServeHTTP(w, httptest.NewRequest("GET", "/legacy/pages/1", nil))
	fmt.Println(w.Body.String())
	// Output: /legacy/pages/about%20us
}

// Names are Fiber's: .Name after the route, and group name prefixes.
// Greedy parameters take the keys c.Params reads them by: "*" or "*1",
// "+" or "+1".
func ExampleHandle_URL() {
	app := fiber.New()
	h, _ := partyfiber.Join(app)
	api := app.Group("/api").Name("api.")
	api.Get("/users/:id<int>", func(c *fiber.Ctx) error { return nil }).Name("user")
	app.Get("/files/*", func(c *fiber.Ctx) error { return nil }).Name("files")
	app.Get("/range/:from-:to", func(c *fiber.Ctx) error { return nil }).Name("range")
	app.Get("/", func(c *fiber.Ctx) error {
		for _, q := range [][]string{
			{"api.user", "id", "42"},
			{"api.user", "id", "x"},
			{"api.user"},
			{"files", "*", "docs/read me.txt"},
			{"range", "from", "1", "to", "9", "step", "2"},
		} {
			u, err := h.URL(c, q[0], q[1:]...)
			if err != nil {
				fmt.Println("error:", err)
				continue
			}
			fmt.Println(u)
		}
		return nil
	})
	party, _ := core.New(partyfiber.Handler(app), []string{"/__invite__/"})
	party.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	// Output:
	// /api/users/42
	// error: urlfor: api.user: parameter "id" value "x" does not match the constraint "-[1-9][0-9]{0,17}|0|[1-9][0-9]{0,17}" (pattern "/api/users/:id<int>")
	// error: urlfor: api.user: missing parameter "id" for pattern "/api/users/:id<int>"
	// /files/docs/read%20me.txt
	// /range/1-9?step=2
}

// Inside the Fiber app, "shop:cart" is the shop's route; the shop (here a
// hand-made participant) links back to "legacy:page".
func ExampleURL() {
	app := fiber.New()
	partyfiber.Join(app)
	app.Get("/pages/:id", func(c *fiber.Ctx) error {
		u, err := partyfiber.URL(c, "shop:cart", "item", "red shoes")
		if err != nil {
			return err
		}
		return c.SendString(u)
	}).Name("page")
	shop := urlfortest.NewApp("shop", urlfortest.Route("cart", "GET", "/cart/{item}", urlfor.Literal("/cart/"), urlfor.Param("item")))

	mux := http.NewServeMux()
	mux.Handle("/legacy/", http.StripPrefix("/legacy", partyfiber.Handler(app)))
	mux.Handle("/shop/", http.StripPrefix("/shop", shop))
	party, _ := core.New(mux, []string{"/legacy/__invite__/", "/shop/__invite__/"})

	w := httptest.NewRecorder()
	party.ServeHTTP(w, httptest.NewRequest("GET", "/legacy/pages/1", nil))
	fmt.Println(w.Body.String())
	back, _ := shop.Participant().URL("legacy:page", "id", "1")
	fmt.Println(back)
	// Output:
	// /shop/cart/red%20shoes
	// /legacy/pages/1
}

// Param reads a value as it was put into the URL; with fiber's default
// Config, c.Params hands the raw path text.
func ExampleParam() {
	app := fiber.New()
	h, _ := partyfiber.Join(app)
	app.Get("/pages/:id", func(c *fiber.Ctx) error {
		id, err := partyfiber.Param(c, "id")
		if err != nil {
			return err
		}
		return c.SendString(fmt.Sprintf("Param %q, c.Params %q", id, c.Params("id")))
	}).Name("page")
	party, _ := core.New(partyfiber.Handler(app), []string{"/__invite__/"})
	u, _ := h.URL(nil, "page", "id", "a/b 100%, café")
	w := httptest.NewRecorder()
	party.ServeHTTP(w, httptest.NewRequest("GET", u, nil))
	fmt.Println(u)
	fmt.Println(w.Body.String())
	// Output:
	// /pages/a%2Fb%20100%25,%20caf%C3%A9
	// Param "a/b 100%, café", c.Params "a%2Fb%20100%25,%20caf%C3%A9"
}

// Redirect answers with a Fiber-native redirect to an endpoint.
func ExampleRedirect() {
	app := fiber.New()
	partyfiber.Join(app)
	app.Get("/old/:id", func(c *fiber.Ctx) error {
		return partyfiber.Redirect(c, fiber.StatusMovedPermanently, "page", "id", c.Params("id"))
	})
	app.Get("/pages/:id", func(c *fiber.Ctx) error { return nil }).Name("page")

	mux := http.NewServeMux()
	mux.Handle("/legacy/", http.StripPrefix("/legacy", partyfiber.Handler(app)))
	party, _ := core.New(mux, []string{"/legacy/__invite__/"})

	w := httptest.NewRecorder()
	party.ServeHTTP(w, httptest.NewRequest("GET", "/legacy/old/7", nil))
	fmt.Println(w.Code, w.Header().Get("Location"))
	// Output: 301 /legacy/pages/7
}

// AbsoluteURL uses the scheme the client used: https when the request
// reached the bridge over TLS.
func ExampleHandle_AbsoluteURL() {
	app := fiber.New()
	h, _ := partyfiber.Join(app)
	app.Get("/pages/:id", func(c *fiber.Ctx) error {
		u, err := h.AbsoluteURL(c, "page", "id", c.Params("id"))
		if err != nil {
			return err
		}
		return c.SendString(u)
	}).Name("page")
	mux := http.NewServeMux()
	mux.Handle("/legacy/", http.StripPrefix("/legacy", partyfiber.Handler(app)))
	party, _ := core.New(mux, []string{"/legacy/__invite__/"})

	for _, target := range []string{"http://example.com/legacy/pages/1", "https://example.com/legacy/pages/2"} {
		w := httptest.NewRecorder()
		party.ServeHTTP(w, httptest.NewRequest("GET", target, nil)) // an https target sets r.TLS
		fmt.Println(w.Body.String())
	}
	// Output:
	// http://example.com/legacy/pages/1
	// https://example.com/legacy/pages/2
}

// FromContext finds the handle of the app serving a request, so that
// handlers need not carry it; an app that never joined has none.
func ExampleFromContext() {
	app, other := fiber.New(), fiber.New()
	partyfiber.Join(app, partyfiber.Namespace("legacy"), partyfiber.WithLogger(nil))
	handler := func(c *fiber.Ctx) error {
		h, ok := partyfiber.FromContext(c)
		if !ok {
			_, err := partyfiber.URL(c, "page", "id", "1")
			return c.SendString(fmt.Sprint(errors.Is(err, partyfiber.ErrNoHandle)))
		}
		u, _ := h.URL(c, "page", "id", "7")
		p, _ := h.Participant()
		return c.SendString(u + " in " + p.Namespace())
	}
	app.Get("/pages/:id", handler).Name("page")
	other.Get("/", handler)

	mux := http.NewServeMux()
	mux.Handle("/legacy/", http.StripPrefix("/legacy", partyfiber.Handler(app)))
	mux.Handle("/other/", http.StripPrefix("/other", partyfiber.NewBridge(other)))
	party, _ := core.New(mux, []string{"/legacy/__invite__/"})
	for _, target := range []string{"/legacy/pages/1", "/other/"} {
		w := httptest.NewRecorder()
		party.ServeHTTP(w, httptest.NewRequest("GET", target, nil))
		fmt.Println(w.Body.String())
	}
	// Output:
	// /legacy/pages/7 in legacy
	// true
}

// Behind a proxy that sets X-Forwarded-Proto and -Host, TrustProxy lets
// AbsoluteURL use them; AllowedHosts polices the host.
func ExampleAbsoluteURL() {
	app := fiber.New()
	partyfiber.Join(app, partyfiber.TrustProxy(), partyfiber.AllowedHosts("www.example.com"))
	app.Get("/pages/:id", func(c *fiber.Ctx) error {
		u, err := partyfiber.AbsoluteURL(c, "page", "id", c.Params("id"))
		if err != nil {
			return err
		}
		return c.SendString(u)
	}).Name("page")
	party, _ := core.New(partyfiber.Handler(app), []string{"/__invite__/"})
	r := httptest.NewRequest("GET", "http://10.0.0.7/pages/3", nil)
	r.Header.Set("X-Forwarded-Proto", "https")
	r.Header.Set("X-Forwarded-Host", "www.example.com")
	w := httptest.NewRecorder()
	party.ServeHTTP(w, r)
	fmt.Println(w.Body.String())
	// Output: https://www.example.com/pages/3
}

// A redirect status that is not 3xx writes nothing and says why.
func ExampleHandle_Redirect() {
	app := fiber.New()
	h, _ := partyfiber.Join(app)
	app.Get("/old/:id", func(c *fiber.Ctx) error {
		if err := h.Redirect(c, http.StatusOK, "page", "id", c.Params("id")); err != nil {
			var rc *urlfor.RedirectCodeError
			fmt.Println(errors.As(err, &rc), rc.Code)
		}
		return h.Redirect(c, http.StatusSeeOther, "page", "id", c.Params("id"))
	})
	app.Get("/pages/:id", func(c *fiber.Ctx) error { return nil }).Name("page")
	party, _ := core.New(partyfiber.Handler(app), []string{"/__invite__/"})
	w := httptest.NewRecorder()
	party.ServeHTTP(w, httptest.NewRequest("GET", "/old/7", nil))
	fmt.Println(w.Code, w.Header().Get("Location"))
	// Output:
	// true 200
	// 303 /pages/7
}

// The handle's FuncMap, for html/template: urlFor with the app's names
// first.
func ExampleHandle_FuncMap() {
	app := fiber.New()
	h, _ := partyfiber.Join(app)
	app.Get("/pages/:id", func(c *fiber.Ctx) error {
		t := template.Must(template.New("").Funcs(h.FuncMap()).Parse(`<a href="{{urlFor "page" "id" .}}">`))
		c.Type("html")
		return t.Execute(c, "a&b")
	}).Name("page")
	party, _ := core.New(partyfiber.Handler(app), []string{"/__invite__/"})
	w := httptest.NewRecorder()
	party.ServeHTTP(w, httptest.NewRequest("GET", "/pages/1", nil))
	fmt.Println(w.Body.String())
	// Output: <a href="/pages/a&amp;b">
}

// FuncMap gives a Fiber views engine urlFor before the app exists, as
// engines load their views in fiber.New.
func ExampleFuncMap() {
	views := &pageViews{}
	views.AddFuncMap(partyfiber.FuncMap(views))
	app := fiber.New(fiber.Config{Views: views})
	partyfiber.Join(app)
	app.Get("/pages/:id", func(c *fiber.Ctx) error { return c.Render("page", c.Params("id")) }).Name("page")
	party, _ := core.New(partyfiber.Handler(app), []string{"/__invite__/"})
	w := httptest.NewRecorder()
	party.ServeHTTP(w, httptest.NewRequest("GET", "/pages/9", nil))
	fmt.Println(w.Body.String())
	// Output: <a href="/pages/9">self</a>
}

// pageViews is a minimal fiber.Views over html/template.
type pageViews struct {
	funcs template.FuncMap
	t     *template.Template
}

func (v *pageViews) AddFuncMap(m map[string]any) { v.funcs = m }

func (v *pageViews) Load() (err error) {
	v.t, err = template.New("page").Funcs(v.funcs).Parse(`<a href="{{urlFor "page" "id" .}}">self</a>`)
	return err
}

func (v *pageViews) Render(w io.Writer, name string, data any, _ ...string) error {
	return v.t.ExecuteTemplate(w, name, data)
}

// Under chi's Mount, which does not strip its prefix, LocalPath tells the
// bridge the app's own path (here a dispatcher that keeps it in a header);
// InviteRoute moves the invite route.
func ExampleLocalPath() {
	app := fiber.New()
	partyfiber.Join(app, partyfiber.InviteRoute("/party/"))
	app.Get("/pages/:id", func(c *fiber.Ctx) error { return partyfiber.Redirect(c, 302, "page", "id", "2") }).Name("page")
	bridge := partyfiber.NewBridge(app, partyfiber.LocalPath(func(r *http.Request) string {
		return strings.TrimPrefix(r.URL.Path, "/legacy")
	}))
	mux := http.NewServeMux()
	mux.Handle("/legacy/", bridge) // the full path reaches the bridge
	party, _ := core.New(mux, []string{"/legacy/party/"})
	w := httptest.NewRecorder()
	party.ServeHTTP(w, httptest.NewRequest("GET", "/legacy/pages/1", nil))
	fmt.Println(w.Code, w.Header().Get("Location"))
	// Output: 302 /legacy/pages/2
}

// AllowedHosts: absolute URLs use the request's host only when it is
// listed (".example.org": the domain and its subdomains); any other Host
// header gets the first entry, never the client's text.
func ExampleAllowedHosts() {
	app := fiber.New()
	h, _ := partyfiber.Join(app, partyfiber.AllowedHosts("legacy.example.com", ".example.org"))
	app.Get("/pages/:id", func(c *fiber.Ctx) error { return nil }).Name("page")
	app.Get("/share/:id", func(c *fiber.Ctx) error {
		u, err := h.AbsoluteURL(c, "page", "id", c.Params("id"))
		if err != nil {
			return err
		}
		return c.SendString(u)
	})
	mux := http.NewServeMux()
	mux.Handle("/legacy/", http.StripPrefix("/legacy", partyfiber.Handler(app)))
	party, _ := core.New(mux, []string{"/legacy/__invite__/"})

	for _, host := range []string{"legacy.example.com", "www.example.org:8080", "evil.com"} {
		r := httptest.NewRequest("GET", "/legacy/share/7", nil)
		r.Host = host
		w := httptest.NewRecorder()
		party.ServeHTTP(w, r)
		fmt.Println(w.Body.String())
	}
	// Output:
	// http://legacy.example.com/legacy/pages/7
	// http://www.example.org:8080/legacy/pages/7
	// http://legacy.example.com/legacy/pages/7
}

// CanonicalOrigin: every absolute URL is on the site's one origin,
// whatever the Host header says, a hostile one included.
func ExampleCanonicalOrigin() {
	app := fiber.New()
	h, _ := partyfiber.Join(app, partyfiber.CanonicalOrigin("https://www.example.com"))
	app.Get("/pages/:id", func(c *fiber.Ctx) error { return nil }).Name("page")
	app.Get("/share/:id", func(c *fiber.Ctx) error {
		u, err := h.AbsoluteURL(c, "page", "id", c.Params("id"))
		if err != nil {
			return err
		}
		return c.SendString(u)
	})
	mux := http.NewServeMux()
	mux.Handle("/legacy/", http.StripPrefix("/legacy", partyfiber.Handler(app)))
	party, _ := core.New(mux, []string{"/legacy/__invite__/"})

	for _, host := range []string{"www.example.com", "evil.com", "x'onmouseover='alert(1)"} {
		r := httptest.NewRequest("GET", "/legacy/share/7", nil)
		r.Host = host
		w := httptest.NewRecorder()
		party.ServeHTTP(w, r)
		fmt.Println(w.Body.String())
	}
	// Output:
	// https://www.example.com/legacy/pages/7
	// https://www.example.com/legacy/pages/7
	// https://www.example.com/legacy/pages/7
}
