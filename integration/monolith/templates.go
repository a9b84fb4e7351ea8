package monolith

import (
	"fmt"
	"html/template"
)

// layout is shared by every HTML page: a header naming every app with its
// framework and version (each app renders it with its own urlFor, so the
// same template works wherever it is mounted), the one stylesheet, and a
// footer naming the app that served the page. Pages write their links with
// {{link}} (see funcs): a link to another app carries a badge with the
// endpoint it was built from and the framework it goes to.
const layout = `
{{define "header"}}<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<link rel="stylesheet" href="{{stylesheet}}"></head>
<body class="app-{{with self}}{{or .Namespace "party"}}{{end}}">
<header class="party">
<div class="bar"><a class="brand" id="nav-party" href="{{inspector}}">partyline</a>
<span class="tagline">{{spell (len apps)}} apps, {{spell frameworks}} frameworks, one party. A link's badge names the endpoint it was built from and the framework it goes to.</span></div>
<nav>{{nav}}</nav>
</header>
<main><h1>{{.Title}}</h1>
{{end}}
{{define "footer"}}</main>
<footer>{{with self}}{{if .Namespace}}Served by the <b>{{.Namespace}}</b> app, {{.Framework}}, mounted at <code>{{.Mount}}</code>{{else}}Served by the party itself{{end}}{{end}}.
 <a href="{{inspector}}">Inspect the party</a>: its apps, endpoints, and a URL builder.</footer>
</body></html>
{{end}}
`

// parse returns the template set of the app of namespace ns ("" for the
// site's own pages): the layout and its pages, with the app's urlFor and
// the functions of funcs.
func parse(d *directory, ns string, app template.FuncMap, pages string) *template.Template {
	t := template.New("").Funcs(funcs(d, ns, app))
	return template.Must(template.Must(t.Parse(layout)).Parse(pages))
}

func price(cents int) string { return fmt.Sprintf("$%d.%02d", cents/100, cents%100) }

// Page data.
type view struct {
	Title string
	Data  any
}

const shopPages = `
{{define "shop/home"}}{{template "header" .}}
<p class="lead">A Gin shop. Its reviews are on the echo v5 blog, its items in the gorilla/mux API, its history in the legacy apps:
every link is asked of the party by endpoint name, and none of these apps knows another's routes or where it is mounted.</p>
{{with .Data}}<ul class="cards">{{range .Products}}
<li>{{link .Name "product" "id" .ID "@class" "product"}} <span class="price">{{price .Price}}</span>
 <span class="more">{{link "Read the review" "blog:post" "slug" .Review}} {{link "As JSON" "api:item" "id" .ID}} {{link "First sold" "legacy:page" "slug" .Origin}}</span></li>{{end}}
</ul>
<form class="inline" action="{{urlFor "search"}}" method="get"><input name="q" placeholder="hat" aria-label="search the shop"> <button>Search</button></form>
<h2>Around the site</h2>
<ul class="links">{{range .Events}}
<li>{{.Date}}: {{link .Title "events:event" "slug" .Slug}}</li>{{end}}{{range .Posts}}
<li>On the blog: {{link .Title "blog:post" "slug" .Slug}}</li>{{end}}
<li>From the archive: {{link "our first shoes" "archive:post" "slug" "first-shoes-2009"}}; {{link "how search works" "help:topic" "topic" "search"}}</li>
</ul>{{end}}
{{template "footer" .}}{{end}}

{{define "shop/product"}}{{template "header" .}}{{with .Data}}
<p class="price">{{price .Price}}</p>
<ul class="links">
<li>{{link "Read the review on the blog" "blog:post" "slug" .Review "@id" "review"}}</li>
<li>{{link "This product in the API" "api:item" "id" .ID}}</li>
<li>{{link "Where it first appeared" "legacy:page" "slug" .Origin}}</li>
<li>{{link "Back to the shop" "home"}}</li>
</ul>
{{end}}{{template "footer" .}}{{end}}

{{define "shop/search"}}{{template "header" .}}
<p>{{plural (len .Data) "product"}} found.</p>
<ul>{{range .Data}}<li>{{link .Name "product" "id" .ID}}</li>{{end}}</ul>
<p>{{link "How search works" "help:topic" "topic" "search"}}</p>
{{template "footer" .}}{{end}}
`

const blogPages = `
{{define "blog/index"}}{{template "header" .}}
<ul class="cards">{{range .Data}}<li>{{link .Title "post" "slug" .Slug "@class" "post"}}
 <span class="more">about {{link (printf "product %d" .Product) "shop:product" "id" .Product}}</span></li>{{end}}</ul>
{{template "footer" .}}{{end}}

{{define "blog/post"}}{{template "header" .}}{{with .Data}}
<p>{{.Post.Body}}</p>
<ul class="links">
<li>{{link "Buy it in the shop" "shop:product" "id" .Post.Product "@id" "product"}} or {{link "get it from the API" "api:item" "id" .Post.Product}}</li>
<li>Shown at {{link "an event" "events:event" "slug" .Post.Event "@id" "event"}}</li>
<li>First written about {{link "in the archive" "archive:post" "slug" .Post.OldPost "@id" "archive"}}</li>
</ul>
<h2>{{plural .Total "comment"}}</h2>
{{if gt .Total .Shown}}<p class="note">The last {{.Shown}} shown{{if gt .Total .Kept}}; the blog keeps the last {{.Kept}}{{end}}.</p>{{end}}
{{if .Shown}}{{.Comments}}{{else}}<p>No comments yet.</p>{{end}}
<form id="comment" class="inline" action="{{urlFor "comment" "slug" .Post.Slug}}" method="post">
<input name="author" placeholder="name" aria-label="name" required maxlength="{{.MaxAuthor}}"> <input name="text" placeholder="comment" aria-label="comment" required maxlength="{{.MaxText}}">
<button type="submit">Comment</button></form>
<p>{{link "Moderate comments" "admin:comments" "post" .Post.Slug}}</p>
{{end}}{{template "footer" .}}{{end}}
`

const apiPages = `
{{define "api/docs"}}{{template "header" .}}
<p class="lead">A JSON API. Every item carries links ("href") to the pages of the other apps, built by name as the pages build theirs.</p>
<ul><li>{{link "All items" "items" "@id" "items"}}</li>
{{range .Data}}<li>{{link (printf "Item %d" .ID) "item" "id" .ID}}, sold at {{link "the shop" "shop:product" "id" .ID}}</li>{{end}}</ul>
{{template "footer" .}}{{end}}
`

const adminPages = `
{{define "admin/dashboard"}}{{template "header" .}}{{with .Data}}
<p>{{plural (len .Products) "product"}}, {{plural (len .Posts) "post"}}, {{plural .Comments "comment"}}.</p>
<ul>{{range .Products}}<li>{{link .Name "shop:product" "id" .ID}} ({{link "API" "api:item" "id" .ID}})</li>{{end}}</ul>
<ul>{{range .Posts}}<li>{{link .Title "blog:post" "slug" .Slug}}</li>{{end}}</ul>
<p>{{link "All comments" "comments" "@id" "comments"}}</p>
{{end}}{{template "footer" .}}{{end}}

{{define "admin/comments"}}{{template "header" .}}{{with .Data}}
<p>{{plural .Total "comment"}}{{with .Post}} on {{.}}{{end}}{{if gt .Total .Shown}}; the last {{.Shown}} shown{{end}}.</p>
{{range .Threads}}<h2>On {{link .Post "blog:post" "slug" .Post}}</h2>
{{.List}}
{{else}}<p>No comments.</p>{{end}}
{{end}}<p>{{link "Back to the dashboard" "dashboard"}}</p>
{{template "footer" .}}{{end}}
`

const legacyPages = `
{{define "legacy/index"}}{{template "header" .}}
<p class="lead">The site as it was, on fiber v2.</p>
<ul>{{range .Data}}<li>{{link .Title "page" "slug" .Slug "@class" "page"}}</li>{{end}}</ul>
{{template "footer" .}}{{end}}

{{define "legacy/page"}}{{template "header" .}}{{with .Data}}
<p>{{.Body}}</p>
<ul class="links">
<li>{{link "The product today" "shop:product" "id" .Product}}, {{link "and what the blog says" "blog:post" "slug" .Post}}</li>
<li>Back on stage: {{link "the event" "events:event" "slug" .Event "@id" "event"}}</li>
</ul>
{{end}}{{template "footer" .}}{{end}}
`

const archivePages = `
{{define "archive/index"}}{{template "header" .}}
<p class="lead">The blog as it was, on echo v4.</p>
<ul>{{range .Data}}<li>{{link .Title "post" "slug" .Slug "@class" "oldpost"}}</li>{{end}}</ul>
{{template "footer" .}}{{end}}

{{define "archive/post"}}{{template "header" .}}{{with .Data}}
<p>{{.Body}}</p>
<ul class="links">
<li>From the same years: {{link "a legacy page" "legacy:page" "slug" .Page "@id" "page"}}</li>
<li>Followed up on {{link "the new blog" "blog:post" "slug" .Post "@id" "followup"}}</li>
</ul>
{{end}}{{template "footer" .}}{{end}}
`

const eventsPages = `
{{define "events/index"}}{{template "header" .}}
<ul class="cards">{{range .Data}}<li>{{link .Title "event" "slug" .Slug "@class" "event"}}, {{.Date}}
 <span class="more">{{link (printf "product %d" .Product) "shop:product" "id" .Product}}</span></li>{{end}}</ul>
{{template "footer" .}}{{end}}

{{define "events/event"}}{{template "header" .}}{{with .Data}}
<p>{{.Date}}. {{.Body}}</p>
<ul class="links">
<li>{{link "The product in the shop" "shop:product" "id" .Product "@id" "product"}}</li>
<li>{{link "What the blog says" "blog:post" "slug" .Post "@id" "post"}}</li>
<li>{{link "Where it all began" "legacy:page" "slug" .Page "@id" "page"}}</li>
<li>{{link "All events" "index"}}</li>
</ul>
{{end}}{{template "footer" .}}{{end}}
`

const helpPages = `
{{define "help/index"}}{{template "header" .}}
<p class="lead">Each part of this site is another framework; none knows the others' routes.</p>
<ul>{{range .Data}}<li>{{link . "topic" "topic" .}}</li>{{end}}</ul>
<p>{{link "Links built in your browser" "client" "@id" "client"}}, from the route manifest.</p>
{{template "footer" .}}{{end}}

{{define "help/client"}}{{template "header" .}}
<p>These links are built in your browser by partyline's JavaScript client,
from the route manifest the site serves: the same URLs Go builds.</p>
<ul id="client-links">{{range .Data}}
<li><a class="client-link" data-endpoint="{{.Endpoint}}" data-params="{{.Params}}" data-go="{{.Go}}">{{.Label}}{{badge .Endpoint}}</a></li>{{end}}
</ul>
<script type="module">
import { urlFor } from "/__party__/partyline.js";
const manifest = await (await fetch("/__party__/manifest.json")).json();
for (const a of document.querySelectorAll("a.client-link")) {
  try {
    a.href = urlFor(manifest, a.dataset.endpoint, JSON.parse(a.dataset.params));
  } catch (e) {
    a.dataset.error = e.code || String(e);
  }
}
document.body.dataset.links = "ready";
</script>
{{template "footer" .}}{{end}}

{{define "help/topic"}}{{template "header" .}}
<p>Help about {{.Data}}. Try the {{link "shop search" "shop:search" "q" "hat"}}
 or the {{link "blog" "blog:index"}}.</p>
<p>{{link "All help topics" "index"}}</p>
{{template "footer" .}}{{end}}

{{define "help/missing"}}{{template "header" .}}
{{with .Data}}<p>There is no help about {{.Topic}}. The topics are:</p>
<ul>{{range .Topics}}<li>{{link . "topic" "topic" .}}</li>{{end}}</ul>{{end}}
{{template "footer" .}}{{end}}
`
