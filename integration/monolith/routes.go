package monolith

import (
	"fmt"
	"html/template"
	"io"
	"net/http"
	"strings"
	"text/tabwriter"

	"github.com/partyline-go/partyline/urlfor"
)

// Row is one line of the endpoint table.
type Row struct {
	Name, Framework, Method, Pattern, Example string
}

// Routes lists every endpoint of every app, like `flask routes` or
// `rails routes`, with an example URL built from sample values.
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
		rows = append(rows, Row{e.Name, framework, method, e.MountPrefix + pattern, s.example(e)})
	}
	return rows
}

// samples are tried in turn for each parameter until the URL builds.
var samples = []string{"1", "example", "a"}

func (s *Site) example(e urlfor.Endpoint) string {
	if e.Route.Err != nil {
		return "(" + e.Route.Err.Error() + ")"
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
			return u
		}
	}
	return "-"
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

var routesPage = template.Must(template.New("routes").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Party endpoints</title></head><body>
<h1>Party endpoints</h1>
<table><tr><th>Endpoint</th><th>Framework</th><th>Method</th><th>Pattern</th><th>Example</th></tr>
{{range .}}<tr><td>{{.Name}}</td><td>{{.Framework}}</td><td>{{.Method}}</td><td><code>{{.Pattern}}</code></td><td>{{if eq .Method "GET" "*"}}<a href="{{.Example}}">{{.Example}}</a>{{else}}{{.Example}}{{end}}</td></tr>
{{end}}</table></body></html>`))

func (s *Site) serveRoutes(w http.ResponseWriter, r *http.Request) {
	render(w, routesPage, "routes", s.Routes())
}
