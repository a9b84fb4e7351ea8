package monolith

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	partychi "github.com/partyline-go/partyline/adapters/chi"
)

// newAdmin is the chi app at "/admin". chi has no route names: partychi's
// Name middleware gives them.
func newAdmin(s *Store, opts ...partychi.Option) (chi.Router, error) {
	r := chi.NewRouter()
	r.Use(middleware.Recoverer)
	h, err := partychi.Join(r, opts...)
	if err != nil {
		return nil, err
	}
	pages := parse(h.FuncMap(), adminPages)
	r.With(partychi.Name("dashboard")).Get("/", func(w http.ResponseWriter, req *http.Request) {
		data := struct {
			Products []Product
			Posts    []Post
			Comments int
		}{s.Products, s.Posts, len(s.Comments(""))}
		render(w, pages, "admin/dashboard", view{"Admin", "chi", data})
	})
	r.With(partychi.Name("comments")).Get("/comments", func(w http.ResponseWriter, req *http.Request) {
		render(w, pages, "admin/comments", view{"Comments", "chi", s.Comments(req.URL.Query().Get("post"))})
	})
	return r, nil
}
