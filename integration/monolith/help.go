package monolith

import (
	"net/http"

	partyhttp "github.com/partyline-go/partyline/adapters/nethttp"
)

var topics = []string{"links", "search", "comments"}

// newHelp is the plain net/http app at "/help": partyhttp's ServeMux is an
// http.ServeMux that also names its patterns.
func newHelp(opts ...partyhttp.Option) (*partyhttp.ServeMux, error) {
	m := partyhttp.NewServeMux()
	h, err := partyhttp.Join(m, opts...)
	if err != nil {
		return nil, err
	}
	pages := parse(h.FuncMap(), helpPages)
	m.Named("index").HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		render(w, pages, "help/index", view{"Help", "net/http", topics})
	})
	m.Named("topic").HandleFunc("GET /topics/{topic}", func(w http.ResponseWriter, r *http.Request) {
		render(w, pages, "help/topic", view{"Help: " + r.PathValue("topic"), "net/http", r.PathValue("topic")})
	})
	return m, nil
}
