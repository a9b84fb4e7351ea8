package partychi_test

import (
	"errors"
	"net/http"
	"sync"
	"testing"

	"github.com/go-chi/chi/v5"
	partychi "github.com/partyline-go/partyline/adapters/chi"
	"github.com/partyline-go/partyline/urlfor"
)

// Builds (hits and misses, which walk the router) run concurrently with
// requests; run with -race.
func TestConcurrentUse(t *testing.T) {
	r := chi.NewRouter()
	h := mustJoin(t, r)
	r.With(partychi.Name("post")).Get("/posts/{id}", echo("post", "id"))
	srv := server(t, mustParty(t, stripMux(map[string]http.Handler{"/app": r}), "/app/__invite__/"))

	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				switch i % 3 {
				case 0:
					if u, err := h.URL(nil, "post", "id", "1"); err != nil || u != "/app/posts/1" {
						t.Errorf("URL = %q, %v", u, err)
					}
				case 1:
					if _, err := h.URL(nil, "missing"); !errors.Is(err, urlfor.ErrUnknownEndpoint) {
						t.Errorf("missing: %v", err)
					}
				default:
					resp, err := http.Get(srv.URL + "/app/posts/2")
					if err != nil {
						t.Error(err)
						return
					}
					resp.Body.Close()
				}
			}
		}()
	}
	wg.Wait()
}
