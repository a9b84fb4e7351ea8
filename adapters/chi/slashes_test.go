package partychi_test

import (
	"errors"
	"net/http"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	partychi "github.com/partyline-go/partyline/adapters/chi"
	"github.com/partyline-go/partyline/core"
)

// chi's RedirectSlashes and StripSlashes middlewares rewrite the default
// invite route ("/__invite__/"); an app that uses them joins with an invite
// route without the trailing slash.
func TestTrailingSlashMiddlewares(t *testing.T) {
	for name, mw := range map[string]func(http.Handler) http.Handler{
		"RedirectSlashes": middleware.RedirectSlashes,
		"StripSlashes":    middleware.StripSlashes,
	} {
		// The default invite route is not reached: the app is not invited.
		r := chi.NewRouter()
		r.Use(mw)
		mustJoin(t, r)
		_, err := core.New(stripMux(map[string]http.Handler{"/app": r}), []string{"/app/__invite__/"})
		var ie *core.InvitationError
		if !errors.As(err, &ie) || ie.Seen {
			t.Errorf("%s: core.New = %v; want it to fail: the middleware rewrote the invite path before the invite route", name, err)
		}

		r = chi.NewRouter()
		r.Use(mw)
		h := mustJoin(t, r, partychi.InviteRoute("/__invite__"))
		r.With(partychi.Name("post")).Get("/posts/{id}", echo("post", "id"))
		srv := server(t, mustParty(t, stripMux(map[string]http.Handler{"/app": r}), "/app/__invite__"))
		u := mustURL(t, h, "post", "id", "1")
		if got := getHit(t, srv.URL+u); got.Params["id"] != "1" {
			t.Errorf("%s: %s reached %+v", name, u, got)
		}
	}
}
