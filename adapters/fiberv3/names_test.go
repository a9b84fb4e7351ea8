package partyfiberv3_test

import (
	"errors"
	"sort"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v3"
	partyfiberv3 "github.com/partyline-go/partyline/adapters/fiberv3"
	"github.com/partyline-go/partyline/urlfor"
)

func nop(c fiber.Ctx) error { return c.SendString(c.Route().Name) }

// TestNames: names as fiber v3 has them (app.Name after the route, group
// name prefixes, nested, and app.Route's), exact case; a route listed once
// per pattern whatever its methods (GET's automatic HEAD folded in); the
// same name on two patterns ambiguous; a route partyfiberv3 cannot check
// listed with its error. Every URL built is requested and reaches the
// route of that name.
func TestNames(t *testing.T) {
	app := fiber.New()
	if _, err := partyfiberv3.Join(app); err != nil {
		t.Fatal(err)
	}
	app.RegisterCustomConstraint(evenCheck{})
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
	app.Add([]string{"GET", "PUT"}, "/both/:id", nop).Name("both")
	app.Get("/dup/a", nop).Name("dup")
	app.Get("/dup/b", nop).Name("dup")
	app.Get("/d/:d<datetime(2006\\-01\\-02)>", nop).Name("day")
	app.Get("/even/:n<even>", nop).Name("even")

	p := newParty(t, mount{"/events", partyfiberv3.Handler(app)})
	b := urlfor.New(p)
	srv := serve(t, p)
	for _, c := range []struct {
		name  string
		pairs []string
		want  string
	}{
		{"events:home", nil, "/events/"},
		{"events:Page", []string{"id", "1"}, "/events/Page/1"},
		{"events:api.user", []string{"id", "2"}, "/events/api/users/2"},
		{"events:api.v2.item", []string{"id", "3"}, "/events/api/v2/items/3"},
		{"events:admin.stats", nil, "/events/admin/stats"},
	} {
		u, err := b.URL(c.name, c.pairs...)
		if err != nil || u != c.want {
			t.Errorf("%s: %q, %v; want %q", c.name, u, err, c.want)
			continue
		}
		local := strings.TrimPrefix(c.name, "events:")
		if code, body, _ := get(t, nil, srv.URL+u); code != 200 || body != local {
			t.Errorf("GET %s: %d %q, want route %q", u, code, body, local)
		}
	}
	if u, err := b.URL("events:both", "id", "4"); err != nil || u != "/events/both/4" {
		t.Errorf("both: %q, %v", u, err)
	}
	if _, err := b.URL("events:api.users.create"); err != nil {
		t.Errorf("POST route: %v", err)
	}
	var unknown *urlfor.UnknownEndpointError
	if _, err := b.URL("events:page", "id", "1"); !errors.As(err, &unknown) || !strings.Contains(err.Error(), `"events:Page"`) {
		t.Errorf("names are exact: %v", err)
	}
	var amb *urlfor.AmbiguousError
	if _, err := b.URL("events:dup"); !errors.As(err, &amb) || len(amb.Candidates) != 2 {
		t.Errorf("dup: %v", err)
	}
	var pe *partyfiberv3.PatternError
	if _, err := b.URL("events:day", "d", "2024-01-02"); !errors.As(err, &pe) || pe.Param != "d" || !errors.Is(err, urlfor.ErrInvalidTemplate) {
		t.Errorf("untranslatable: %v", err)
	}
	if _, err := b.URL("events:even", "n", "2"); !errors.As(err, &pe) || !strings.Contains(err.Error(), "<even>") {
		t.Errorf("custom constraint: %v, want a *PatternError naming <even>", err)
	}

	listed := map[string]string{}
	for _, e := range b.Endpoints() {
		listed[e.Name] = e.Route.Method + " " + e.Route.Pattern
		if e.Framework != "fiber v3" || e.MountPrefix != "/events" {
			t.Errorf("endpoint %+v", e)
		}
	}
	want := map[string]string{
		"events:home":             "GET /",
		"events:Page":             "GET /Page/:id",
		"events:api.user":         "GET /api/users/:id",
		"events:api.users.create": "POST /api/users",
		"events:api.v2.item":      "GET /api/v2/items/:id",
		"events:admin.stats":      "GET /admin/stats",
		"events:both":             "PUT /both/:id", // fiber names the last method Add registered
		"events:dup":              "GET /dup/b",
		"events:day":              `GET /d/:d<datetime(2006\-01\-02)>`,
		"events:even":             "GET /even/:n<even>",
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

// evenCheck is a custom constraint.
type evenCheck struct{}

func (evenCheck) Name() string                       { return "even" }
func (evenCheck) Execute(v string, _ ...string) bool { return strings.HasSuffix(v, "0") }

// TestMountedSubApp: fiber v3 mounts an app with app.Use(prefix, subApp)
// (Mount is gone) and merges its routes into the parent on the first
// request; the invitation is one, so the sub-app's named routes are
// endpoints of the joined parent, under their full path, and handlers of
// the sub-app find the parent's handle through c.App().
func TestMountedSubApp(t *testing.T) {
	parent, sub, deeper := fiber.New(), fiber.New(), fiber.New()
	if _, err := partyfiberv3.Join(parent); err != nil {
		t.Fatal(err)
	}
	deeper.Get("/leaf/:id", nop).Name("leaf")
	sub.Get("/items/:id", func(c fiber.Ctx) error {
		u, err := partyfiberv3.URL(c, "leaf", "id", c.Params("id"))
		if err != nil {
			return err
		}
		return c.SendString(u)
	}).Name("item")
	sub.Use("/deeper", deeper)
	parent.Use("/shop", sub)
	parent.Group("/g").Use("/sub2", fiber.New())

	p := newParty(t, mount{"/events", partyfiberv3.Handler(parent)})
	b := urlfor.New(p)
	u, err := b.URL("events:item", "id", "9")
	if err != nil || u != "/events/shop/items/9" {
		t.Fatalf("mounted route: %q, %v", u, err)
	}
	if code, body, _ := get(t, nil, serve(t, p).URL+u); code != 200 || body != "/events/shop/deeper/leaf/9" {
		t.Fatalf("GET %s: %d %q", u, code, body)
	}
}

// TestRemovedRoute records fiber v3's RemoveRoute (router.go), which fires
// no hook: the handle keeps building a removed route until its table is
// read again, at the first miss after a route is added or named.
func TestRemovedRoute(t *testing.T) {
	app := fiber.New()
	h, err := partyfiberv3.Join(app)
	if err != nil {
		t.Fatal(err)
	}
	app.Get("/gone", nop).Name("gone")
	newParty(t, mount{"/events", partyfiberv3.Handler(app)})
	app.RemoveRoute("/gone")
	app.RebuildTree()
	if u, err := h.URL(nil, "gone"); err != nil || u != "/events/gone" {
		t.Errorf("before a re-read: %q, %v (if fiber has a remove hook now, use it)", u, err)
	}
	app.Get("/new", nop).Name("new")
	h.URL(nil, "nope") // a miss: the version moved, the table is read again
	if _, err := h.URL(nil, "gone"); !errors.Is(err, urlfor.ErrUnknownEndpoint) {
		t.Errorf("after a re-read: %v", err)
	}
}
