package monolith

import (
	"encoding/json"
	"net/http"
	"slices"

	partyhttp "github.com/partyline-go/partyline/adapters/nethttp"
)

var topics = []string{"links", "search", "comments"}

// newHelp is the plain net/http app at "/help": partyhttp's ServeMux is an
// http.ServeMux that also names its patterns.
func newHelp(d *directory, opts ...partyhttp.Option) (*partyhttp.ServeMux, error) {
	m := partyhttp.NewServeMux()
	h, err := partyhttp.Join(m, opts...)
	if err != nil {
		return nil, err
	}
	pages := parse(d, "help", h.FuncMap(), helpPages)
	m.Named("index").HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		render(w, pages, "help/index", view{"Help", topics})
	})
	m.Named("topic").HandleFunc("GET /topics/{topic}", func(w http.ResponseWriter, r *http.Request) {
		topic := r.PathValue("topic")
		if !slices.Contains(topics, topic) {
			renderStatus(w, http.StatusNotFound, pages, "help/missing", view{"No such help topic", struct {
				Topic  string
				Topics []string
			}{topic, topics}})
			return
		}
		render(w, pages, "help/topic", view{"Help: " + topic, topic})
	})
	m.Named("client").HandleFunc("GET /client", func(w http.ResponseWriter, r *http.Request) {
		links, err := clientLinks(h, r)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		render(w, pages, "help/client", view{"Links built in your browser", links})
	})
	return m, nil
}

// clientLink is a link of the client page: the endpoint and values the
// JavaScript client builds it from in the browser (from the manifest at
// ManifestPath), and the URL Go builds for the same, which the browser
// test compares.
type clientLink struct {
	Label, Endpoint string
	Params          string // JSON: [["key", "value"], ...]
	Go              string
}

// clientTargets are the links of the client page, one per other app.
var clientTargets = []struct {
	label, endpoint string
	pairs           []string
}{
	{"Red shoes (shop, gin)", "shop:product", []string{"id", "1"}},
	{"The review (blog, echo v5)", "blog:post", []string{"slug", "red-shoes-review"}},
	{"Winter market (events, fiber v3)", "events:event", []string{"slug", "winter-market"}},
	{"Items (api, gorilla/mux)", "api:items", nil},
	{"Comments on the review (admin, chi)", "admin:comments", []string{"post", "red-shoes-review"}},
	{"Our first shoes (archive, echo v4)", "archive:post", []string{"slug", "first-shoes-2009"}},
	{"The 2009 catalogue (legacy, fiber v2)", "legacy:page", []string{"slug", "catalogue-2009"}},
	{"Help on search (help, net/http)", "help:topic", []string{"topic", "search"}},
}

func clientLinks(h *partyhttp.Handle, r *http.Request) ([]clientLink, error) {
	var links []clientLink
	for _, c := range clientTargets {
		u, err := h.URL(r, c.endpoint, c.pairs...)
		if err != nil {
			return nil, err
		}
		params := [][2]string{}
		for i := 0; i+1 < len(c.pairs); i += 2 {
			params = append(params, [2]string{c.pairs[i], c.pairs[i+1]})
		}
		data, err := json.Marshal(params)
		if err != nil {
			return nil, err
		}
		links = append(links, clientLink{Label: c.label, Endpoint: c.endpoint, Params: string(data), Go: u})
	}
	return links, nil
}
