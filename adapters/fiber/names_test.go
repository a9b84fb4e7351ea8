package partyfiber_test

import (
	"errors"
	"sort"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"
	partyfiber "github.com/partyline-go/partyline/adapters/fiber"
	"github.com/partyline-go/partyline/urlfor"
)

func nop(c *fiber.Ctx) error { return c.SendString(c.Route().Name) }

// TestNames: names as fiber has them, .Name after the route, group name
// prefixes (nested, and app.Route's), exact case; a route listed once per
// pattern whatever its methods; the same name on two patterns ambiguous; an
// untranslatable pattern listed with its error. Every URL built is
// requested and reaches the route of that name.
func TestNames(t *testing.T) {
	app := fiber.New()
	if _, err := partyfiber.Join(app); err != nil {
		t.Fatal(err)
	}
	app.Get("/", nop).Name("home")
	app.Get("/Page/:id", nop).Name("Page")
	api := app.Group("/api").Name("api.")
	api.Get("/users/:id", nop).Name("user")
	api.Post("/users", nop).Name("users.create")
	v2 := api.Group("/v2").Name("v2.")
	v2.Get("/items/:id", nop).Name("item")
	app.Route("/admin", func(r fiber.Router) {
		r.Get("/stats", nop).Name("stats")
	}, "admin.")
	app.Get("/dup/a", nop).Name("dup")
	app.Get("/dup/b", nop).Name("dup")
	app.Get("/d/:d<datetime(2006\\-01\\-02)>", nop).Name("day")

	p := newParty(t, mount{"/legacy", partyfiber.Handler(app)})
	b := urlfor.New(p)
	srv := serve(t, p)
	for _, c := range []struct {
		name  string
		pairs []string
		want  string
	}{
		{"legacy:home", nil, "/legacy/"},
		{"legacy:Page", []string{"id", "1"}, "/legacy/Page/1"},
		{"legacy:api.user", []string{"id", "2"}, "/legacy/api/users/2"},
		{"legacy:api.v2.item", []string{"id", "3"}, "/legacy/api/v2/items/3"},
		{"legacy:admin.stats", nil, "/legacy/admin/stats"},
	} {
		u, err := b.URL(c.name, c.pairs...)
		if err != nil || u != c.want {
			t.Errorf("%s: %q, %v; want %q", c.name, u, err, c.want)
			continue
		}
		local := strings.TrimPrefix(c.name, "legacy:")
		if code, body, _ := get(t, nil, srv.URL+u); code != 200 || body != local {
			t.Errorf("GET %s: %d %q, want route %q", u, code, body, local)
		}
	}
	if _, err := b.URL("legacy:api.users.create"); err != nil {
		t.Errorf("POST route: %v", err)
	}
	var unknown *urlfor.UnknownEndpointError
	if _, err := b.URL("legacy:page", "id", "1"); !errors.As(err, &unknown) || !strings.Contains(err.Error(), `"legacy:Page"`) {
		t.Errorf("names are exact: %v", err)
	}
	var amb *urlfor.AmbiguousError
	if _, err := b.URL("legacy:dup"); !errors.As(err, &amb) || len(amb.Candidates) != 2 {
		t.Errorf("dup: %v", err)
	}
	var pe *partyfiber.PatternError
	if _, err := b.URL("legacy:day", "d", "2024-01-02"); !errors.As(err, &pe) || pe.Param != "d" || !errors.Is(err, urlfor.ErrInvalidTemplate) {
		t.Errorf("untranslatable: %v", err)
	}

	listed := map[string]string{}
	for _, e := range b.Endpoints() {
		listed[e.Name] = e.Route.Method + " " + e.Route.Pattern
		if e.Framework != "fiber" || e.MountPrefix != "/legacy" {
			t.Errorf("endpoint %+v", e)
		}
	}
	want := map[string]string{
		"legacy:home":             "GET /",
		"legacy:Page":             "GET /Page/:id",
		"legacy:api.user":         "GET /api/users/:id",
		"legacy:api.users.create": "POST /api/users",
		"legacy:api.v2.item":      "GET /api/v2/items/:id",
		"legacy:admin.stats":      "GET /admin/stats",
		"legacy:dup":              "GET /dup/b",
		"legacy:day":              `GET /d/:d<datetime(2006\-01\-02)>`,
	}
	if len(listed) != len(want) {
		var names []string
		for n := range listed {
			names = append(names, n)
		}
		sort.Strings(names)
		t.Errorf("listed %v", names)
	}
	for n, w := range want {
		if listed[n] != w {
			t.Errorf("listing %s: %q, want %q", n, listed[n], w)
		}
	}
}

// TestMountedSubApp: fiber merges the routes of an app mounted with
// app.Mount into the parent on the first request; the invitation is one,
// so the sub-app's named routes are endpoints of the joined parent, under
// their full path, and handlers of the sub-app find the parent's handle
// through c.App().
func TestMountedSubApp(t *testing.T) {
	parent, sub, deeper := fiber.New(), fiber.New(), fiber.New()
	if _, err := partyfiber.Join(parent); err != nil {
		t.Fatal(err)
	}
	deeper.Get("/leaf/:id", nop).Name("leaf")
	sub.Get("/items/:id", func(c *fiber.Ctx) error {
		u, err := partyfiber.URL(c, "leaf", "id", c.Params("id"))
		if err != nil {
			return err
		}
		return c.SendString(u)
	}).Name("item")
	sub.Mount("/deeper", deeper)
	parent.Mount("/shop", sub)
	parent.Group("/g").Mount("/sub2", fiber.New())

	p := newParty(t, mount{"/legacy", partyfiber.Handler(parent)})
	b := urlfor.New(p)
	u, err := b.URL("legacy:item", "id", "9")
	if err != nil || u != "/legacy/shop/items/9" {
		t.Fatalf("mounted route: %q, %v", u, err)
	}
	if code, body, _ := get(t, nil, serve(t, p).URL+u); code != 200 || body != "/legacy/shop/deeper/leaf/9" {
		t.Fatalf("GET %s: %d %q", u, code, body)
	}
}
