package partyfiber

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gofiber/fiber/v2"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// TestVersionedSource: fiber's OnRoute and OnName hooks fire for every
// route added and named, before and after the invitation, so the source is
// urlfor.Versioned: a name that is not found re-reads the route table only
// when a route was added or named since the last read. A route added after
// the invitation is found at the next build, and its URL reaches it over
// HTTP.
func TestVersionedSource(t *testing.T) {
	app := fiber.New()
	h, err := Join(app)
	if err != nil {
		t.Fatal(err)
	}
	ok := func(c *fiber.Ctx) error { return c.SendString(c.Route().Name + " " + c.Params("id")) }
	app.Get("/a", ok).Name("a")
	v0 := h.src.RoutesVersion()
	if v0 < 3 { // invite route, GET /a (+ HEAD), its name
		t.Fatalf("version after 2 routes and a name: %d", v0)
	}
	mux := http.NewServeMux()
	mux.Handle("/legacy/", http.StripPrefix("/legacy", Handler(app)))
	p, err := core.New(mux, []string{"/legacy/__invite__/"})
	if err != nil {
		t.Fatal(err)
	}
	b := urlfor.New(p)
	if _, err := b.URL("legacy:a"); err != nil {
		t.Fatal(err)
	}
	reads := h.src.reads.Load()
	for range 3 {
		if _, err := b.URL("legacy:nope"); !errors.Is(err, urlfor.ErrUnknownEndpoint) {
			t.Fatal(err)
		}
	}
	if got := h.src.reads.Load(); got != reads {
		t.Errorf("misses re-read the table %d times with no route added", got-reads)
	}

	// Added after the invitation, named after it was added (OnName).
	app.Get("/late/:id", ok)
	v1 := h.src.RoutesVersion()
	if v1 <= v0 {
		t.Errorf("OnRoute did not move the version: %d -> %d", v0, v1)
	}
	app.Name("late")
	if v2 := h.src.RoutesVersion(); v2 <= v1 {
		t.Errorf("OnName did not move the version: %d -> %d", v1, v2)
	}
	u, err := b.URL("legacy:late", "id", "a b")
	if err != nil || u != "/legacy/late/a%20b" {
		t.Fatalf("late route: %q, %v", u, err)
	}
	srv := httptest.NewServer(p)
	defer srv.Close()
	res, err := http.Get(srv.URL + u)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || string(body) != "late a%20b" { // c.Params is the raw text (package doc)
		t.Errorf("GET %s: %d %q", u, res.StatusCode, body)
	}
	reads = h.src.reads.Load()
	if _, err := b.URL("legacy:nope"); !errors.Is(err, urlfor.ErrUnknownEndpoint) {
		t.Fatal(err)
	}
	if got := h.src.reads.Load(); got != reads {
		t.Errorf("a miss after the refresh re-read the table")
	}
	// A route named in a group after the invitation.
	g := app.Group("/g").Name("g.")
	g.Get("/x", ok).Name("x")
	if u, err := b.URL("legacy:g.x"); err != nil || u != "/legacy/g/x" {
		t.Errorf("group route after invitation: %q, %v", u, err)
	}
}

// TestSourceCache: a pattern is translated once.
func TestSourceCache(t *testing.T) {
	app := fiber.New()
	s := newSource(app)
	app.Get("/x/:id", func(*fiber.Ctx) error { return nil }).Name("x")
	r1, r2 := s.Routes(), s.Routes()
	if len(r1) != 1 || r1[0].Path != r2[0].Path || r1[0].Method != "GET" {
		t.Fatalf("routes %+v %+v", r1, r2)
	}
}
