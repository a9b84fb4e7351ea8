package monolith

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"github.com/gorilla/mux"
	partymux "github.com/partyline-go/partyline/adapters/mux"
	"github.com/partyline-go/partyline/urlfor"
)

// newAPI is the gorilla/mux app at "/api": JSON whose "href" links point
// at pages of the shop, the blog and the legacy app.
func newAPI(s *Store, d *directory, opts ...partymux.Option) (*mux.Router, error) {
	r := mux.NewRouter()
	h, err := partymux.Join(r, opts...)
	if err != nil {
		return nil, err
	}
	pages := parse(d, "api", h.FuncMap(), apiPages)
	r.HandleFunc("/", func(w http.ResponseWriter, req *http.Request) {
		render(w, pages, "api/docs", view{"API", s.Products})
	}).Methods(http.MethodGet).Name("docs")
	r.HandleFunc("/items", func(w http.ResponseWriter, req *http.Request) {
		items := make([]item, 0, len(s.Products))
		for _, p := range s.Products {
			it, err := newItem(h, req, p)
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			items = append(items, it)
		}
		writeJSON(w, items)
	}).Methods(http.MethodGet).Name("items")
	r.HandleFunc("/items/{id:[0-9]+}", func(w http.ResponseWriter, req *http.Request) {
		id, _ := strconv.Atoi(mux.Vars(req)["id"])
		p, ok := s.Product(id)
		if !ok {
			http.Error(w, `{"error":"no such item"}`, http.StatusNotFound)
			return
		}
		it, err := newItem(h, req, p)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		// The same links as an RFC 8288 Link header, built by endpoint
		// name: the shop's HTML page of the item is its alternate.
		canonical, err1 := h.Link(req, "canonical", "item", "id", strconv.Itoa(p.ID))
		alternate, err2 := h.Link(req, "alternate", "shop:product", "id", strconv.Itoa(p.ID))
		if err := errors.Join(err1, err2); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Link", urlfor.JoinLinks(canonical, alternate))
		writeJSON(w, it)
	}).Methods(http.MethodGet).Name("item")
	return r, nil
}

type item struct {
	ID    int    `json:"id"`
	Name  string `json:"name"`
	Price int    `json:"price_cents"`
	Links []link `json:"links"`
}

type link struct {
	Rel  string `json:"rel"`
	Href string `json:"href"`
}

func newItem(h *partymux.Handle, r *http.Request, p Product) (item, error) {
	it := item{ID: p.ID, Name: p.Name, Price: p.Price}
	for _, l := range []struct{ rel, name, key, value string }{
		{"self", "item", "id", strconv.Itoa(p.ID)},
		{"page", "shop:product", "id", strconv.Itoa(p.ID)},
		{"review", "blog:post", "slug", p.Review},
		{"origin", "legacy:page", "slug", p.Origin},
	} {
		u, err := h.URL(r, l.name, l.key, l.value)
		if err != nil {
			return item{}, err
		}
		it.Links = append(it.Links, link{l.rel, u})
	}
	return it, nil
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}
