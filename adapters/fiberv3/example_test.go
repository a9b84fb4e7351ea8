package partyfiberv3_test

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/http/httptest"

	"github.com/gofiber/fiber/v3"
	partyfiberv3 "github.com/partyline-go/partyline/adapters/fiberv3"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

// A Fiber v3 app mounted at /events in an http.ServeMux, behind
// http.StripPrefix, joins the party that core.New wraps around the mux.
func ExampleJoin() {
	app := fiber.New()
	h, err := partyfiberv3.Join(app)
	if err != nil {
		panic(err)
	}
	app.Get("/e/:id", func(c fiber.Ctx) error {
		u, err := h.URL(c, "event", "id", "launch party")
		if err != nil {
			return err
		}
		return c.SendString(u)
	}).Name("event")

	mux := http.NewServeMux()
	mux.Handle("/events/", http.StripPrefix("/events", partyfiberv3.Handler(app)))
	party, err := core.New(mux, []string{"/events/__invite__/"})
	if err != nil {
		panic(err)
	}

	w := httptest.NewRecorder()
	party.ServeHTTP(w, httptest.NewRequest("GET", "/events/e/1", nil))
	fmt.Println(w.Body.String())
	// Output: /events/e/launch%20party
}

// Handler mounts the app in any net/http dispatcher; without it, fiber's
// adaptor routes the path before http.StripPrefix removed the prefix.
func ExampleHandler() {
	app := fiber.New()
	app.Get("/e/:id", func(c fiber.Ctx) error { return c.SendString("event " + c.Params("id")) })
	mux := http.NewServeMux()
	mux.Handle("/events/", http.StripPrefix("/events", partyfiberv3.Handler(app)))
	w := httptest.NewRecorder()
	mux.ServeHTTP(w, httptest.NewRequest("GET", "/events/e/7", nil))
	fmt.Println(w.Code, w.Body.String())
	// Output: 200 event 7
}

// Names are Fiber's: .Name after the route, and group name prefixes.
// Greedy parameters take the keys c.Params reads them by: "*" or "*1",
// "+" or "+1". A route with a constraint partyfiberv3 cannot check is
// never built.
func ExampleHandle_URL() {
	app := fiber.New()
	h, _ := partyfiberv3.Join(app)
	app.RegisterCustomConstraint(weekday{})
	api := app.Group("/api").Name("api.")
	api.Get("/users/:id<int>", func(c fiber.Ctx) error { return nil }).Name("user")
	app.Get("/files/*", func(c fiber.Ctx) error { return nil }).Name("files")
	app.Get("/range/:from-:to", func(c fiber.Ctx) error { return nil }).Name("range")
	app.Get("/on/:day<weekday>", func(c fiber.Ctx) error { return nil }).Name("on")
	app.Get("/", func(c fiber.Ctx) error {
		for _, q := range [][]string{
			{"api.user", "id", "42"},
			{"api.user", "id", "x"},
			{"api.user"},
			{"files", "*", "docs/read me.txt"},
			{"range", "from", "1", "to", "9", "step", "2"},
			{"on", "day", "mon"},
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
	party, _ := core.New(partyfiberv3.Handler(app), []string{"/__invite__/"})
	party.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	// Output:
	// /api/users/42
	// error: urlfor: api.user: parameter "id" value "x" does not match the constraint "-[1-9][0-9]{0,17}|0|[1-9][0-9]{0,17}" (pattern "/api/users/:id<int>")
	// error: urlfor: api.user: missing parameter "id" for pattern "/api/users/:id<int>"
	// /files/docs/read%20me.txt
	// /range/1-9?step=2
	// error: partyfiberv3: pattern "/on/:day<weekday>", parameter "day": constraint <weekday> is not one of fiber's: a custom constraint (app.RegisterCustomConstraint), which partyfiberv3 cannot check
}

// weekday is a custom constraint (fiber v3's CustomConstraint).
type weekday struct{}

func (weekday) Name() string { return "weekday" }
func (weekday) Execute(v string, _ ...string) bool {
	return v == "mon" || v == "tue" || v == "wed" || v == "thu" || v == "fri"
}

// Inside the Fiber app, "shop:cart" is the shop's route; the shop (here a
// hand-made participant) links back to "events:event".
func ExampleURL() {
	app := fiber.New()
	partyfiberv3.Join(app)
	app.Get("/e/:id", func(c fiber.Ctx) error {
		u, err := partyfiberv3.URL(c, "shop:cart", "item", "red shoes")
		if err != nil {
			return err
		}
		return c.SendString(u)
	}).Name("event")
	shop := urlfortest.NewApp("shop", urlfortest.Route("cart", "GET", "/cart/{item}", urlfor.Literal("/cart/"), urlfor.Param("item")))

	mux := http.NewServeMux()
	mux.Handle("/events/", http.StripPrefix("/events", partyfiberv3.Handler(app)))
	mux.Handle("/shop/", http.StripPrefix("/shop", shop))
	party, _ := core.New(mux, []string{"/events/__invite__/", "/shop/__invite__/"})

	w := httptest.NewRecorder()
	party.ServeHTTP(w, httptest.NewRequest("GET", "/events/e/1", nil))
	fmt.Println(w.Body.String())
	back, _ := shop.Participant().URL("events:event", "id", "1")
	fmt.Println(back)
	// Output:
	// /shop/cart/red%20shoes
	// /events/e/1
}

// Param reads a value as it was put into the URL; c.Params hands fiber's
// raw path text by default.
func ExampleParam() {
	app := fiber.New()
	h, _ := partyfiberv3.Join(app)
	app.Get("/e/:id", func(c fiber.Ctx) error {
		id, err := partyfiberv3.Param(c, "id")
		if err != nil {
			return err
		}
		return c.SendString(fmt.Sprintf("Param %q, c.Params %q", id, c.Params("id")))
	}).Name("event")
	party, _ := core.New(partyfiberv3.Handler(app), []string{"/__invite__/"})
	u, _ := h.URL(nil, "event", "id", "a/b 100%")
	w := httptest.NewRecorder()
	party.ServeHTTP(w, httptest.NewRequest("GET", u, nil))
	fmt.Println(u)
	fmt.Println(w.Body.String())
	// Output:
	// /e/a%2Fb%20100%25
	// Param "a/b 100%", c.Params "a%2Fb%20100%25"
}

// Redirect answers with Fiber's own redirect to an endpoint.
func ExampleRedirect() {
	app := fiber.New()
	partyfiberv3.Join(app)
	app.Get("/old/:id", func(c fiber.Ctx) error {
		return partyfiberv3.Redirect(c, fiber.StatusMovedPermanently, "event", "id", c.Params("id"))
	})
	app.Get("/e/:id", func(c fiber.Ctx) error { return nil }).Name("event")

	mux := http.NewServeMux()
	mux.Handle("/events/", http.StripPrefix("/events", partyfiberv3.Handler(app)))
	party, _ := core.New(mux, []string{"/events/__invite__/"})

	w := httptest.NewRecorder()
	party.ServeHTTP(w, httptest.NewRequest("GET", "/events/old/7", nil))
	fmt.Println(w.Code, w.Header().Get("Location"))
	// Output: 301 /events/e/7
}

// AbsoluteURL uses the scheme the client used: https when the request
// reached the bridge over TLS.
func ExampleHandle_AbsoluteURL() {
	app := fiber.New()
	h, _ := partyfiberv3.Join(app)
	app.Get("/e/:id", func(c fiber.Ctx) error {
		u, err := h.AbsoluteURL(c, "event", "id", c.Params("id"))
		if err != nil {
			return err
		}
		return c.SendString(u)
	}).Name("event")
	mux := http.NewServeMux()
	mux.Handle("/events/", http.StripPrefix("/events", partyfiberv3.Handler(app)))
	party, _ := core.New(mux, []string{"/events/__invite__/"})

	for _, target := range []string{"http://example.com/events/e/1", "https://example.com/events/e/2"} {
		w := httptest.NewRecorder()
		party.ServeHTTP(w, httptest.NewRequest("GET", target, nil)) // an https target sets r.TLS
		fmt.Println(w.Body.String())
	}
	// Output:
	// http://example.com/events/e/1
	// https://example.com/events/e/2
}

// FromContext finds the handle of the app serving a request, so that
// handlers need not carry it; an app that never joined has none.
func ExampleFromContext() {
	app, other := fiber.New(), fiber.New()
	partyfiberv3.Join(app, partyfiberv3.Namespace("events"), partyfiberv3.WithLogger(nil))
	handler := func(c fiber.Ctx) error {
		h, ok := partyfiberv3.FromContext(c)
		if !ok {
			_, err := partyfiberv3.URL(c, "event", "id", "1")
			return c.SendString(fmt.Sprint(errors.Is(err, partyfiberv3.ErrNoHandle)))
		}
		u, _ := h.URL(c, "event", "id", "7")
		p, _ := h.Participant()
		return c.SendString(u + " in " + p.Namespace())
	}
	app.Get("/e/:id", handler).Name("event")
	other.Get("/", handler)

	mux := http.NewServeMux()
	mux.Handle("/events/", http.StripPrefix("/events", partyfiberv3.Handler(app)))
	mux.Handle("/other/", http.StripPrefix("/other", partyfiberv3.Handler(other)))
	party, _ := core.New(mux, []string{"/events/__invite__/"})
	for _, target := range []string{"/events/e/1", "/other/"} {
		w := httptest.NewRecorder()
		party.ServeHTTP(w, httptest.NewRequest("GET", target, nil))
		fmt.Println(w.Body.String())
	}
	// Output:
	// /events/e/7 in events
	// true
}

// Behind a proxy that sets X-Forwarded-Proto and -Host, TrustProxy lets
// AbsoluteURL use them; AllowedHosts polices the host.
func ExampleAbsoluteURL() {
	app := fiber.New()
	partyfiberv3.Join(app, partyfiberv3.TrustProxy(), partyfiberv3.AllowedHosts("www.example.com"))
	app.Get("/e/:id", func(c fiber.Ctx) error {
		u, err := partyfiberv3.AbsoluteURL(c, "event", "id", c.Params("id"))
		if err != nil {
			return err
		}
		return c.SendString(u)
	}).Name("event")
	party, _ := core.New(partyfiberv3.Handler(app), []string{"/__invite__/"})
	r := httptest.NewRequest("GET", "http://10.0.0.7/e/3", nil)
	r.Header.Set("X-Forwarded-Proto", "https")
	r.Header.Set("X-Forwarded-Host", "www.example.com")
	w := httptest.NewRecorder()
	party.ServeHTTP(w, r)
	fmt.Println(w.Body.String())
	// Output: https://www.example.com/e/3
}

// A redirect status that is not 3xx writes nothing and says why.
func ExampleHandle_Redirect() {
	app := fiber.New()
	h, _ := partyfiberv3.Join(app)
	app.Get("/old/:id", func(c fiber.Ctx) error {
		if err := h.Redirect(c, http.StatusOK, "event", "id", c.Params("id")); err != nil {
			var rc *urlfor.RedirectCodeError
			fmt.Println(errors.As(err, &rc), rc.Code)
		}
		return h.Redirect(c, http.StatusSeeOther, "event", "id", c.Params("id"))
	})
	app.Get("/e/:id", func(c fiber.Ctx) error { return nil }).Name("event")
	party, _ := core.New(partyfiberv3.Handler(app), []string{"/__invite__/"})
	w := httptest.NewRecorder()
	party.ServeHTTP(w, httptest.NewRequest("GET", "/old/7", nil))
	fmt.Println(w.Code, w.Header().Get("Location"))
	// Output:
	// true 200
	// 303 /e/7
}

// The handle's FuncMap in a Fiber views engine: fiber.New loads the views
// before Join, so add the functions and reload them (app.ReloadViews, new
// in fiber v3).
func ExampleHandle_FuncMap() {
	views := &eventViews{}
	app := fiber.New(fiber.Config{Views: views})
	h, _ := partyfiberv3.Join(app)
	views.AddFuncMap(h.FuncMap())
	if err := app.ReloadViews(); err != nil {
		panic(err)
	}
	app.Get("/e/:id", func(c fiber.Ctx) error { return c.Render("event", c.Params("id")) }).Name("event")
	party, _ := core.New(partyfiberv3.Handler(app), []string{"/__invite__/"})
	w := httptest.NewRecorder()
	party.ServeHTTP(w, httptest.NewRequest("GET", "/e/9", nil))
	fmt.Println(w.Body.String())
	// Output: <a href="/e/9">self</a>
}

// eventViews is a minimal fiber.Views over html/template.
type eventViews struct {
	funcs template.FuncMap
	t     *template.Template
}

func (v *eventViews) AddFuncMap(m map[string]any) { v.funcs = m }

func (v *eventViews) Load() (err error) {
	if v.funcs == nil {
		v.funcs = template.FuncMap{"urlFor": func(string, ...any) (string, error) { return "", nil }}
	}
	v.t, err = template.New("event").Funcs(v.funcs).Parse(`<a href="{{urlFor "event" "id" .}}">self</a>`)
	return err
}

func (v *eventViews) Render(w io.Writer, name string, data any, _ ...string) error {
	return v.t.ExecuteTemplate(w, name, data)
}

// InviteRoute moves the invite route, here for an app registered with its
// full paths behind a dispatcher that does not strip its prefix.
func ExampleInviteRoute() {
	app := fiber.New()
	partyfiberv3.Join(app, partyfiberv3.InviteRoute("/events/__invite__/"))
	app.Get("/events/e/:id", func(c fiber.Ctx) error { return partyfiberv3.Redirect(c, 302, "event", "id", "2") }).Name("event")
	mux := http.NewServeMux()
	mux.Handle("/events/", partyfiberv3.Handler(app)) // the full path reaches the app
	party, _ := core.New(mux, []string{"/events/__invite__/"})
	w := httptest.NewRecorder()
	party.ServeHTTP(w, httptest.NewRequest("GET", "/events/e/1", nil))
	fmt.Println(w.Code, w.Header().Get("Location"))
	// Output: 302 /events/e/2
}

// A route no URL of which routes back is listed; building it says why.
func ExamplePatternError() {
	app := fiber.New()
	h, _ := partyfiberv3.Join(app)
	app.Get("/d/:day<datetime(2006\\-01\\-02)>", func(c fiber.Ctx) error { return nil }).Name("day")
	core.New(partyfiberv3.Handler(app), []string{"/__invite__/"})
	_, err := h.URL(nil, "day", "day", "2024-01-02")
	var pe *partyfiberv3.PatternError
	fmt.Println(errors.As(err, &pe), pe.Param, errors.Is(err, partyfiberv3.ErrUntranslatable))
	// Output: true day true
}

// Namespace names the app in "ns:name"; by default it is the mount prefix
// without its "/".
func ExampleNamespace() {
	a, b := fiber.New(), fiber.New()
	partyfiberv3.Join(a, partyfiberv3.Namespace("calendar"))
	partyfiberv3.Join(b)
	a.Get("/e/:id", func(c fiber.Ctx) error { return nil }).Name("event")
	b.Get("/t/:id", func(c fiber.Ctx) error { return nil }).Name("ticket")
	mux := http.NewServeMux()
	mux.Handle("/events/", http.StripPrefix("/events", partyfiberv3.Handler(a)))
	mux.Handle("/tickets/", http.StripPrefix("/tickets", partyfiberv3.Handler(b)))
	party, _ := core.New(mux, []string{"/events/__invite__/", "/tickets/__invite__/"})
	builder := urlfor.New(party)
	u1, _ := builder.URL("calendar:event", "id", "1")
	u2, _ := builder.URL("tickets:ticket", "id", "2")
	fmt.Println(u1, u2)
	// Output: /events/e/1 /tickets/t/2
}

// AllowedHosts: absolute URLs use the request's host only when it is
// listed (".example.org": the domain and its subdomains); any other Host
// header gets the first entry, never the client's text.
func ExampleAllowedHosts() {
	app := fiber.New()
	h, _ := partyfiberv3.Join(app, partyfiberv3.AllowedHosts("events.example.com", ".example.org"))
	app.Get("/e/:id", func(c fiber.Ctx) error { return nil }).Name("event")
	app.Get("/share/:id", func(c fiber.Ctx) error {
		u, err := h.AbsoluteURL(c, "event", "id", c.Params("id"))
		if err != nil {
			return err
		}
		return c.SendString(u)
	})
	mux := http.NewServeMux()
	mux.Handle("/events/", http.StripPrefix("/events", partyfiberv3.Handler(app)))
	party, _ := core.New(mux, []string{"/events/__invite__/"})

	for _, host := range []string{"events.example.com", "www.example.org:8080", "evil.com"} {
		r := httptest.NewRequest("GET", "/events/share/7", nil)
		r.Host = host
		w := httptest.NewRecorder()
		party.ServeHTTP(w, r)
		fmt.Println(w.Body.String())
	}
	// Output:
	// http://events.example.com/events/e/7
	// http://www.example.org:8080/events/e/7
	// http://events.example.com/events/e/7
}

// CanonicalOrigin: every absolute URL is on the site's one origin,
// whatever the Host header says, a hostile one included.
func ExampleCanonicalOrigin() {
	app := fiber.New()
	h, _ := partyfiberv3.Join(app, partyfiberv3.CanonicalOrigin("https://www.example.com"))
	app.Get("/e/:id", func(c fiber.Ctx) error { return nil }).Name("event")
	app.Get("/share/:id", func(c fiber.Ctx) error {
		u, err := h.AbsoluteURL(c, "event", "id", c.Params("id"))
		if err != nil {
			return err
		}
		return c.SendString(u)
	})
	mux := http.NewServeMux()
	mux.Handle("/events/", http.StripPrefix("/events", partyfiberv3.Handler(app)))
	party, _ := core.New(mux, []string{"/events/__invite__/"})

	for _, host := range []string{"www.example.com", "evil.com", "x'onmouseover='alert(1)"} {
		r := httptest.NewRequest("GET", "/events/share/7", nil)
		r.Host = host
		w := httptest.NewRecorder()
		party.ServeHTTP(w, r)
		fmt.Println(w.Body.String())
	}
	// Output:
	// https://www.example.com/events/e/7
	// https://www.example.com/events/e/7
	// https://www.example.com/events/e/7
}
