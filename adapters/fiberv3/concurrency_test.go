package partyfiberv3_test

import (
	"net/http"
	"strconv"
	"sync"
	"testing"

	"github.com/gofiber/fiber/v3"
	partyfiberv3 "github.com/partyline-go/partyline/adapters/fiberv3"
	"github.com/partyline-go/partyline/urlfor"
)

// TestConcurrentRequests: many requests at once through the bridge, each
// building URLs (hits and misses, which may re-read the route table),
// while the party's builder is used from outside. Run with -race.
func TestConcurrentRequests(t *testing.T) {
	app := fiber.New()
	h, err := partyfiberv3.Join(app)
	if err != nil {
		t.Fatal(err)
	}
	app.Get("/pages/:id", func(c fiber.Ctx) error {
		id, err := partyfiberv3.Param(c, "id")
		if err != nil {
			return err
		}
		u, err := h.URL(c, "page", "id", id)
		if err != nil {
			return err
		}
		if _, err := partyfiberv3.URL(c, "missing"); err == nil {
			return fiber.ErrTeapot
		}
		a, err := h.AbsoluteURL(c, "page", "id", "1")
		if err != nil {
			return err
		}
		return c.SendString(u + " " + a)
	}).Name("page")
	p := newParty(t, mount{"/events", partyfiberv3.Handler(app)})
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
				resp, err := http.Get(srv.URL + "/events/pages/" + id)
				if err != nil {
					errs <- err.Error()
					return
				}
				resp.Body.Close()
				if resp.StatusCode != 200 {
					errs <- "status " + resp.Status
					return
				}
				if u, err := b.URL("events:page", "id", id); err != nil || u != "/events/pages/"+id {
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
