package monolith

import (
	"cmp"
	"encoding/json"
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/partyline-go/partyline/urlfor"
)

// directory is what the pages of every app know of the party: each
// endpoint's app, framework and method, from the builder's Endpoints and
// Mounts. It is filled once, after the party has invited every app and
// before any page is served; it is read-only after.
type directory struct {
	apps      []appInfo
	endpoints map[string]dirEndpoint // by qualified name: "blog:post"
	local     map[string][]string    // local name -> qualified names: "post" -> "blog:post", "archive:post"
}

// appInfo is one app of the party, as the pages show it.
type appInfo struct {
	Namespace string // "blog"
	Prefix    string // "/blog"; "" for the app at "/"
	Framework string // with its version: "echo v5"
	Home      string // the endpoint of its first page: "blog:index"
	Legacy    bool
}

// Mount is the app's mount prefix as a path: "/" for the app at the root.
func (a appInfo) Mount() string { return cmp.Or(a.Prefix, "/") }

type dirEndpoint struct {
	app    appInfo
	method string // "" for any method
}

// fill reads the endpoints of every app that joined.
func (d *directory) fill(b *urlfor.Builder) {
	d.endpoints = map[string]dirEndpoint{}
	d.local = map[string][]string{}
	for _, p := range b.Participants() {
		m, ok := mountAt(p.MountPrefix())
		if !ok {
			m = Mount{Prefix: p.MountPrefix(), Namespace: p.Namespace(), Framework: p.Framework()}
		}
		d.apps = append(d.apps, appInfo{Namespace: p.Namespace(), Prefix: m.Prefix, Framework: m.Framework, Home: m.Home, Legacy: m.Legacy})
	}
	for _, e := range b.Endpoints() {
		app, _ := d.app(e.Namespace)
		d.endpoints[e.Name] = dirEndpoint{app: app, method: e.Route.Method}
		d.local[e.Route.Name] = append(d.local[e.Route.Name], e.Name)
	}
}

// app returns the app of namespace ns.
func (d *directory) app(ns string) (appInfo, bool) {
	for _, a := range d.apps {
		if a.Namespace == ns {
			return a, true
		}
	}
	return appInfo{}, false
}

// qualify returns the qualified name an app of namespace ns reaches with
// name, as urlfor resolves it: a qualified name as it is, a bare name in
// the app itself first, else in the one app that has it. It returns "" when
// the name is unknown or ambiguous (the build has failed already then).
func (d *directory) qualify(ns, name string) string {
	if strings.Contains(name, ":") {
		return name
	}
	if _, ok := d.endpoints[ns+":"+name]; ok && ns != "" {
		return ns + ":" + name
	}
	if q := d.local[name]; len(q) == 1 {
		return q[0]
	}
	return ""
}

// urlForFunc is the signature of every adapter's urlFor template function.
type urlForFunc = func(name string, args ...any) (string, error)

// funcs returns the template functions of the app of namespace ns (""
// for the site's own pages, such as the inspector), around its urlFor:
//
//	{{link LABEL ENDPOINT [KEY VALUE]... ["@id" ID] ["@class" CLASS]}}
//	    an <a> whose href urlFor builds; a link to another app carries a
//	    badge naming the endpoint and the framework it goes to
//	{{badge ENDPOINT}}   that badge alone, for links built elsewhere
//	{{nav}}              the header: every app with its framework
//	{{self}}             the app itself (appInfo); Namespace "" for the site
//	{{plural N WORD}}    "1 comment", "2 comments"
func funcs(d *directory, ns string, app template.FuncMap) template.FuncMap {
	urlFor, ok := app["urlFor"].(urlForFunc)
	if !ok {
		panic(fmt.Sprintf("monolith: the urlFor of %q is a %T", ns, app["urlFor"]))
	}
	return template.FuncMap{
		"urlFor": urlFor,
		"link": func(label any, name string, args ...any) (template.HTML, error) {
			var attrs []string
			params := make([]any, 0, len(args))
			for i := 0; i < len(args); i++ {
				if k, ok := args[i].(string); ok && strings.HasPrefix(k, "@") && i+1 < len(args) {
					attrs = append(attrs, k[1:], fmt.Sprint(args[i+1]))
					i++
					continue
				}
				params = append(params, args[i])
			}
			pairs, err := urlfor.Pairs(params...)
			if err != nil {
				return "", fmt.Errorf("link %q: %w", name, err)
			}
			href, err := urlFor(name, params...)
			if err != nil {
				return "", err
			}
			return d.anchor(ns, href, fmt.Sprint(label), name, pairs, attrs...)
		},
		"badge": func(name string) (template.HTML, error) {
			q := d.qualify(ns, name)
			e, ok := d.endpoints[q]
			if !ok {
				return "", fmt.Errorf("badge: no endpoint %q in the party", name)
			}
			if e.app.Namespace == ns {
				return "", nil
			}
			return d.badge(q, e.app, q+" · "+e.app.Framework), nil
		},
		"nav": func() (template.HTML, error) { return d.nav(ns, urlFor) },
		"self": func() appInfo {
			a, _ := d.app(ns)
			return a
		},
		"apps":       func() []appInfo { return d.apps },
		"frameworks": d.frameworks,
		"spell":      Spell,
		"plural":     plural,
		"price":      price,
		"inspector":  func() string { return InspectorPath },
		"stylesheet": func() string { return StylesheetPath },
	}
}

// anchor writes the <a> of a link built from name and pairs by the app of
// namespace ns: href, the endpoint and its values as data attributes (which
// the crawler test rebuilds), attrs (name, value...), the label, and for a
// link to another app a badge with the endpoint and its framework.
func (d *directory) anchor(ns, href, label, name string, pairs []string, attrs ...string) (template.HTML, error) {
	q := d.qualify(ns, name)
	e, ok := d.endpoints[q]
	if !ok {
		return "", fmt.Errorf("link %q: no such endpoint in the party's directory", name)
	}
	if !strings.HasPrefix(href, "/") && !strings.HasPrefix(href, "http://") && !strings.HasPrefix(href, "https://") {
		return "", fmt.Errorf("link %q: %q is not a path or an http URL", name, href)
	}
	params := make([][2]string, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		params = append(params, [2]string{pairs[i], pairs[i+1]})
	}
	data, err := json.Marshal(params)
	if err != nil {
		return "", err
	}
	esc := template.HTMLEscapeString
	cross := e.app.Namespace != ns
	var b strings.Builder
	b.WriteString(`<a href="` + esc(href) + `" data-endpoint="` + esc(q) + `" data-params="` + esc(string(data)) + `"`)
	class := ""
	for i := 0; i+1 < len(attrs); i += 2 {
		if !attrName(attrs[i]) {
			return "", fmt.Errorf("link %q: bad attribute name %q", name, attrs[i])
		}
		if attrs[i] == "class" {
			class = strings.TrimSpace(class + " " + attrs[i+1])
			continue
		}
		b.WriteString(" " + attrs[i] + `="` + esc(attrs[i+1]) + `"`)
	}
	if cross {
		class = strings.TrimSpace(class + " cross")
	}
	if class != "" {
		b.WriteString(` class="` + esc(class) + `"`)
	}
	b.WriteString(">" + esc(label))
	if cross {
		b.WriteString(string(d.badge(q, e.app, q+" · "+e.app.Framework)))
	}
	b.WriteString("</a>")
	return template.HTML(b.String()), nil
}

// badge is the mark of a link to another app: the endpoint it was built
// from and the framework that serves it, as text and as data attributes.
func (d *directory) badge(endpoint string, app appInfo, text string) template.HTML {
	esc := template.HTMLEscapeString
	return template.HTML(`<span class="badge ns-` + esc(app.Namespace) + `" data-endpoint="` + esc(endpoint) +
		`" data-framework="` + esc(app.Framework) + `" title="` + esc(endpoint+" · "+app.Framework+", mounted at "+app.Mount()) + `">` +
		esc(text) + `</span>`)
}

// nav is the header of every page: each app, its framework and version,
// linked to its first page; the app of the page is marked, and the legacy
// part of the site comes last.
func (d *directory) nav(ns string, urlFor urlForFunc) (template.HTML, error) {
	var b strings.Builder
	legacy := false
	for _, a := range d.apps {
		if a.Legacy && !legacy {
			legacy = true
			b.WriteString(`<span class="legacy-label">legacy</span>`)
		}
		href, err := urlFor(a.Home)
		if err != nil {
			return "", err
		}
		class := "app"
		if a.Namespace == ns {
			class += " here"
		}
		if a.Legacy {
			class += " legacy"
		}
		esc := template.HTMLEscapeString
		b.WriteString(`<a id="nav-` + esc(a.Namespace) + `" class="` + class + `" href="` + esc(href) +
			`" data-endpoint="` + esc(a.Home) + `" data-params="[]">` + esc(a.Namespace) +
			string(d.badge(a.Home, a, a.Framework)) + "</a>\n")
	}
	return template.HTML(b.String()), nil
}

// frameworks counts the frameworks of the party, whatever their versions:
// "echo v4" and "echo v5" are one.
func (d *directory) frameworks() int {
	seen := map[string]bool{}
	for _, a := range d.apps {
		name, _, _ := strings.Cut(a.Framework, " ")
		seen[name] = true
	}
	return len(seen)
}

// Spell writes n in words up to ten: "eight".
func Spell(n int) string {
	words := []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
	if n >= 0 && n < len(words) {
		return words[n]
	}
	return strconv.Itoa(n)
}

// attrName reports whether s is a plain attribute name (letters, digits, "-").
func attrName(s string) bool {
	if s == "" || strings.HasPrefix(s, "on") || s == "href" || s == "style" {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// commentList writes comments as a list. It is a function, not a
// template, and each item is written once, when the store takes the
// comment: a page shows up to ShownComments of them, and html/template
// spends a few microseconds on each action of each item.
func commentList(comments []Comment) template.HTML {
	n := len(`<ul class="comments"></ul>`)
	for _, c := range comments {
		n += len(c.item())
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(`<ul class="comments">`)
	for _, c := range comments {
		b.WriteString(c.item())
	}
	b.WriteString("</ul>")
	return template.HTML(b.String())
}

// item is the comment as an item of commentList.
func (c *Comment) item() string {
	if c.html == "" {
		c.html = `<li class="comment"><b>` + template.HTMLEscapeString(c.Author) + "</b>: " + template.HTMLEscapeString(c.Text) + "</li>"
	}
	return c.html
}

// plural writes a count with its noun: "1 comment", "2 comments", "0
// comments".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
