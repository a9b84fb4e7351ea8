package monolith

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/partyline-go/partyline/urlfor"
)

// Row is one line of the endpoint table.
type Row struct {
	Name, Framework, Method, Pattern, Example string
	Pairs                                     []string // what Example is built from
}

// Routes lists every endpoint of every app, like `flask routes` or
// `rails routes`, with an example URL built from the demo's content (a
// product, a post that exists), or from sample values.
func (s *Site) Routes() []Row {
	var rows []Row
	for _, e := range s.Builder.Endpoints() {
		method := e.Route.Method
		if method == "" {
			method = "*"
		}
		// net/http patterns carry their method ("GET /posts/{id}"): the
		// table has a column for it.
		pattern := e.Route.Pattern
		if _, path, ok := strings.Cut(pattern, " "); ok {
			pattern = path
		}
		framework := e.Framework
		if m, ok := mountAt(e.MountPrefix); ok {
			framework = m.Framework // with its major version
		}
		example, pairs := s.example(e)
		rows = append(rows, Row{e.Name, framework, method, e.MountPrefix + pattern, example, pairs})
	}
	return rows
}

// examples are the values of the demo's content that each endpoint's
// example URL is built from: these pages exist.
var examples = map[string][]string{
	"shop:product":   {"id", "1"},
	"shop:search":    {"q", "hat"},
	"blog:post":      {"slug", "red-shoes-review"},
	"blog:comment":   {"slug", "red-shoes-review"},
	"events:event":   {"slug", "winter-market"},
	"api:item":       {"id", "1"},
	"admin:comments": {"post", "red-shoes-review"},
	"help:topic":     {"topic", "search"},
	"archive:post":   {"slug", "first-shoes-2009"},
	"legacy:page":    {"slug", "catalogue-2009"},
}

// samples are tried in turn for each parameter of an endpoint without
// examples until the URL builds.
var samples = []string{"1", "example", "a"}

func (s *Site) example(e urlfor.Endpoint) (string, []string) {
	if e.Route.Err != nil {
		return "(" + e.Route.Err.Error() + ")", nil
	}
	if pairs, ok := examples[e.Name]; ok {
		if u, err := s.Builder.URL(e.Name, pairs...); err == nil {
			return u, pairs
		}
	}
	var params []string
	if e.Route.Path != nil {
		params = e.Route.Path.Params()
	}
	for _, v := range samples {
		pairs := make([]string, 0, 2*len(params))
		for _, p := range params {
			pairs = append(pairs, p, v)
		}
		if u, err := s.Builder.URL(e.Name, pairs...); err == nil {
			return u, pairs
		}
	}
	return "-", nil
}

// WriteRoutes writes the endpoint table as aligned text.
func (s *Site) WriteRoutes(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ENDPOINT\tFRAMEWORK\tMETHOD\tPATTERN\tEXAMPLE")
	for _, r := range s.Routes() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Name, r.Framework, r.Method, r.Pattern, r.Example)
	}
	return tw.Flush()
}
