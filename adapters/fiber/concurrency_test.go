package partyfiber_test

import (
	"net/http"
	"strconv"
	"sync"
	"testing"

	"github.com/gofiber/fiber/v2"
	partyfiber "github.com/partyline-go/partyline/adapters/fiber"
	"github.com/partyline-go/partyline/urlfor"
)

// TestConcurrentRequests: many requests at once through the bridge, each
// building URLs (hits and misses, which may re-read the route table),
// while the party's builder is used from outside. Run with -race.
func TestConcurrentRequests(t *testing.T) {
	app := fiber.New()
	h, err := partyfiber.Join(app)
	if err != nil {
		t.Fatal(err)
	}
	app.Get("/pages/:id", func(c *fiber.Ctx) error {
		u, err := h.URL(c, "page", "id", c.Params("id"))
		if err != nil {
			return err
		}
		if _, err := partyfiber.URL(c, "missing"); err == nil {
			return fiber.ErrTeapot
		}
		a, err := h.AbsoluteURL(c, "page", "id", "1")
		if err != nil {
			return err
		}
		return c.SendString(u + " " + a)
	}).Name("page")
	p := newParty(t, mount{"/legacy", partyfiber.Handler(app)})
	srv := serve(t, p)
	b := urlfor.New(p)
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				id := strconv.Itoa(g*1000 + i)
				resp, err := http.Get(srv.URL + "/legacy/pages/" + id)
				if err != nil {
					errs <- err.Error()
					return
				}
				resp.Body.Close()
				if resp.StatusCode != 200 {
					errs <- "status " + resp.Status
					return
				}
				if u, err := b.URL("legacy:page", "id", id); err != nil || u != "/legacy/pages/"+id {
					errs <- "builder: " + u
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
