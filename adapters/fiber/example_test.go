package partyfiber_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"

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
// Greedy parameters are named as c.Params knows them: "*1", "+1".
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
			{"files", "*1", "docs/read me.txt"},
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
