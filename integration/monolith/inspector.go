package monolith

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/partyline-go/partyline/urlfor"
)

// The inspector, at InspectorPath: the party as its builder sees it, live,
// like `flask routes` and `rails routes` with a URL builder beside them. It
// lists the apps (namespace, mount prefix, framework, invite path and the
// outcome of its invitation), every endpoint (method, the framework's
// pattern, the manifest's RFC 6570 template, an example), and has a form,
// a plain GET so that it works without JavaScript:
//
//	/__party__?name=blog:post&k=slug&v=red-shoes-review
//
// which builds the URL of any endpoint through the site's urlfor.Builder
// and shows it, or the typed error (its Go type, the sentinel it matches,
// its text).

// inspection is the data of the inspector page.
type inspection struct {
	Title     string
	Apps      []inspectedApp
	Endpoints []inspectedEndpoint
	Form      buildForm
	Result    *built
}

type inspectedApp struct {
	appInfo
	InvitePath string
	Joined     bool
	Status     int
	Duration   time.Duration
	Endpoints  int
}

type inspectedEndpoint struct {
	Row
	Template string        // the manifest's RFC 6570 URI template
	Link     template.HTML // the example as a link, for endpoints a browser can GET
	Try      string        // the inspector's form, filled with the example
}

// buildForm is what the form was given.
type buildForm struct {
	Name  string
	Pairs [][2]string // key, value; the page shows at least three rows
}

// built is the answer of the form.
type built struct {
	Call     string        // urlFor("blog:post", "slug", "a b")
	URL      string        // the URL, or "" with Err
	Link     template.HTML // a link to it, when it is a page to GET
	ErrType  string        // "*urlfor.UnknownEndpointError"
	Sentinel string        // "urlfor.ErrUnknownEndpoint"
	Err      string
}

// maxFormPairs bounds the key, value rows the form reads.
const maxFormPairs = 16

func (s *Site) serveInspector(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	v := inspection{Title: "The party", Form: buildForm{Name: strings.TrimSpace(q.Get("name"))}}
	ks, vs := q["k"], q["v"]
	for i := range min(max(len(ks), len(vs)), maxFormPairs) {
		k, val := at(ks, i), at(vs, i)
		if k == "" && val == "" {
			continue
		}
		v.Form.Pairs = append(v.Form.Pairs, [2]string{k, val})
	}
	if q.Has("name") {
		v.Result = s.build(v.Form)
	}
	for len(v.Form.Pairs) < 3 {
		v.Form.Pairs = append(v.Form.Pairs, [2]string{})
	}

	invitations := map[string]int{}
	for i, inv := range s.Party.Invitations() {
		invitations[inv.Path] = i
	}
	all := s.Party.Invitations()
	count := map[string]int{}
	for _, e := range s.Builder.Endpoints() {
		count[e.Namespace]++
	}
	for _, p := range s.Builder.Participants() {
		a, _ := s.dir.app(p.Namespace())
		ia := inspectedApp{appInfo: a, InvitePath: p.Operator().InvitePath(), Endpoints: count[p.Namespace()]}
		if i, ok := invitations[ia.InvitePath]; ok {
			ia.Joined, ia.Status, ia.Duration = all[i].Joined, all[i].Status, all[i].Duration.Round(time.Microsecond)
		}
		v.Apps = append(v.Apps, ia)
	}

	m, err := s.Manifest()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	for _, row := range s.Routes() {
		e := inspectedEndpoint{Row: row}
		if me := m.Endpoints[row.Name]; me != nil {
			e.Template = me.Template
		}
		if (row.Method == http.MethodGet || row.Method == "*") && strings.HasPrefix(row.Example, "/") {
			if e.Link, err = s.dir.anchor("", row.Example, row.Example, row.Name, row.Pairs); err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
		}
		e.Try = tryURL(row.Name, row.Pairs)
		v.Endpoints = append(v.Endpoints, e)
	}
	render(w, s.inspector, "inspector", v)
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

// tryURL is the inspector's form filled with an endpoint and its values.
func tryURL(name string, pairs []string) string {
	q := url.Values{"name": {name}}
	for i := 0; i+1 < len(pairs); i += 2 {
		q.Add("k", pairs[i])
		q.Add("v", pairs[i+1])
	}
	return InspectorPath + "?" + q.Encode() + "#build"
}

// build builds the form's URL with the site's builder.
func (s *Site) build(f buildForm) *built {
	pairs := make([]string, 0, 2*len(f.Pairs))
	args := []string{strconv.Quote(f.Name)}
	for _, p := range f.Pairs {
		pairs = append(pairs, p[0], p[1])
		args = append(args, strconv.Quote(p[0]), strconv.Quote(p[1]))
	}
	b := &built{Call: "urlFor(" + strings.Join(args, ", ") + ")"}
	u, err := s.Builder.URL(f.Name, pairs...)
	if err != nil {
		b.ErrType, b.Sentinel, b.Err = errorType(err), sentinel(err), err.Error()
		return b
	}
	b.URL = u
	if e, ok := s.dir.endpoints[s.dir.qualify("", f.Name)]; ok && (e.method == http.MethodGet || e.method == "") && strings.HasPrefix(u, "/") {
		// A failure here only leaves the URL without a link.
		b.Link, _ = s.dir.anchor("", u, "Open it", f.Name, pairs)
	}
	return b
}

// errorType names the Go type of urlfor's typed error in err, or of err.
func errorType(err error) string {
	var (
		unknown   *urlfor.UnknownEndpointError
		ambiguous *urlfor.AmbiguousError
		param     *urlfor.ParamError
	)
	switch {
	case errors.As(err, &unknown):
		return fmt.Sprintf("%T", unknown)
	case errors.As(err, &ambiguous):
		return fmt.Sprintf("%T", ambiguous)
	case errors.As(err, &param):
		return fmt.Sprintf("%T", param)
	}
	return fmt.Sprintf("%T", err)
}

// sentinel names the urlfor sentinel error err matches (errors.Is).
func sentinel(err error) string {
	for _, s := range []struct {
		name string
		err  error
	}{
		{"urlfor.ErrUnknownEndpoint", urlfor.ErrUnknownEndpoint},
		{"urlfor.ErrAmbiguous", urlfor.ErrAmbiguous},
		{"urlfor.ErrMissingParam", urlfor.ErrMissingParam},
		{"urlfor.ErrInvalidParam", urlfor.ErrInvalidParam},
		{"urlfor.ErrBadCall", urlfor.ErrBadCall},
		{"urlfor.ErrNotInvited", urlfor.ErrNotInvited},
	} {
		if errors.Is(err, s.err) {
			return s.name
		}
	}
	return ""
}

const inspectorPages = `
{{define "inspector"}}{{template "header" .}}
<p class="lead">What the party knows, live: the apps that joined, the endpoints they named, and a form that
builds any endpoint's URL through the site's <code>urlfor.Builder</code>, or shows the typed error.
The same endpoints as data: <a href="{{inspector}}/manifest.json">the route manifest</a> (RFC 6570 templates),
which <a href="{{inspector}}/partyline.js">the JavaScript client</a> builds from.</p>

<h2 id="build">Build a URL</h2>
<form id="build-form" class="build" action="{{inspector}}" method="get">
<label>Endpoint <input id="build-name" name="name" list="endpoint-names" value="{{.Form.Name}}" placeholder="blog:post" autocomplete="off"></label>
<datalist id="endpoint-names">{{range .Endpoints}}<option value="{{.Name}}">{{end}}</datalist>
{{range $i, $p := .Form.Pairs}}<div class="pair"><input name="k" value="{{index $p 0}}" placeholder="key" aria-label="key {{$i}}"> = <input name="v" value="{{index $p 1}}" placeholder="value" aria-label="value {{$i}}"></div>
{{end}}<button type="submit">Build</button>
</form>
{{with .Result}}{{if .Err}}<div id="result" class="result error">
<code class="call">{{.Call}}</code> fails:
<p><code class="error-type">{{.ErrType}}</code>{{with .Sentinel}} <small>(errors.Is <code>{{.}}</code>)</small>{{end}}</p>
<pre class="error-text">{{.Err}}</pre>
</div>{{else}}<div id="result" class="result ok">
<code class="call">{{.Call}}</code> =
<p><code id="result-url">{{.URL}}</code> {{.Link}}</p>
</div>{{end}}{{end}}

<h2 id="apps">{{plural (len .Apps) "app"}}</h2>
<table class="apps"><thead><tr><th>Namespace</th><th>Mount prefix</th><th>Framework</th><th>Invite path</th><th>Invitation</th><th>Endpoints</th></tr></thead>
<tbody>{{range .Apps}}<tr id="app-{{.Namespace}}"><td><span class="badge ns-{{.Namespace}}">{{.Namespace}}</span></td><td><code>{{.Mount}}</code></td>
<td>{{.Framework}}{{if .Legacy}} <small>(legacy)</small>{{end}}</td><td><code>{{.InvitePath}}</code></td>
<td>{{if .Joined}}joined{{else}}not joined{{end}} <small>({{.Status}}, {{.Duration}})</small></td><td>{{plural .Endpoints "endpoint"}}</td></tr>
{{end}}</tbody></table>

<h2 id="endpoints">{{plural (len .Endpoints) "endpoint"}}</h2>
<table class="endpoints"><thead><tr><th>Endpoint</th><th>Framework</th><th>Method</th><th>Pattern</th><th>URI template</th><th>Example</th><th></th></tr></thead>
<tbody>{{range .Endpoints}}<tr><td><code>{{.Name}}</code></td><td>{{.Framework}}</td><td>{{.Method}}</td><td><code>{{.Pattern}}</code></td>
<td><code class="template">{{.Template}}</code></td><td>{{if .Link}}{{.Link}}{{else}}<code>{{.Example}}</code>{{end}}</td><td><a class="try" href="{{.Try}}">build</a></td></tr>
{{end}}</tbody></table>
{{template "footer" .}}{{end}}
`
