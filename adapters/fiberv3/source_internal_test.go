package partyfiberv3

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gofiber/fiber/v3"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// TestVersionedSource: fiber v3's OnRoute and OnName hooks fire for every
// route added (GET's automatic HEAD too) and named, before and after the
// invitation, so the source is urlfor.Versioned: a name that is not found
// re-reads the route table only when a route was added or named since the
// last read. A route added after the invitation is found at the next build
// and routed too, over HTTP (the adaptor rebuilds fiber's tree on each
// request).
func TestVersionedSource(t *testing.T) {
	app := fiber.New()
	h, err := Join(app)
	if err != nil {
		t.Fatal(err)
	}
	ok := func(c fiber.Ctx) error { return c.SendString(c.Route().Name) }
	app.Get("/a", ok).Name("a")
	v0 := h.src.RoutesVersion()
	if v0 < 3 { // invite route, GET /a, its name
		t.Fatalf("version after 2 routes and a name: %d", v0)
	}
	mux := http.NewServeMux()
	mux.Handle("/events/", http.StripPrefix("/events", Handler(app)))
	p, err := core.New(mux, []string{"/events/__invite__/"})
	if err != nil {
		t.Fatal(err)
	}
	b := urlfor.New(p)
	if _, err := b.URL("events:a"); err != nil {
		t.Fatal(err)
	}
	reads := h.src.reads.Load()
	for range 3 {
		if _, err := b.URL("events:nope"); !errors.Is(err, urlfor.ErrUnknownEndpoint) {
			t.Fatal(err)
		}
	}
	if got := h.src.reads.Load(); got != reads {
		t.Errorf("misses re-read the table %d times with no route added", got-reads)
	}

	app.Get("/late/:id", ok)
	v1 := h.src.RoutesVersion()
	if v1 <= v0 {
		t.Errorf("OnRoute did not move the version: %d -> %d", v0, v1)
	}
	app.Name("late")
	if v2 := h.src.RoutesVersion(); v2 <= v1 {
		t.Errorf("OnName did not move the version: %d -> %d", v1, v2)
	}
	u, err := b.URL("events:late", "id", "1")
	if err != nil || u != "/events/late/1" {
		t.Errorf("late route: %q, %v", u, err)
	}
	srv := httptest.NewServer(p)
	defer srv.Close()
	res, err := http.Get(srv.URL + u)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || string(body) != "late" {
		t.Errorf("GET %s: %d %q", u, res.StatusCode, body)
	}
	// That request added the route's automatic HEAD (an OnRoute): one
	// re-read, then none.
	b.URL("events:nope")
	reads = h.src.reads.Load()
	if _, err := b.URL("events:nope"); !errors.Is(err, urlfor.ErrUnknownEndpoint) {
		t.Fatal(err)
	}
	if got := h.src.reads.Load(); got != reads {
		t.Errorf("a miss after the refresh re-read the table")
	}
	g := app.Group("/g").Name("g.")
	g.Get("/x", ok).Name("x")
	if u, err := b.URL("events:g.x"); err != nil || u != "/events/g/x" {
		t.Errorf("group route after invitation: %q, %v", u, err)
	}
}
