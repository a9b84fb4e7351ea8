package monolith

import (
	"fmt"
	"html/template"
)

// layout is shared by every HTML page. Its links name endpoints of all eight
// apps, the current generation first, then the legacy part: each app renders it with its own urlFor, so the same template works
// wherever it is mounted.
const layout = `
{{define "header"}}<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{.Title}}</title>
<style>body{font-family:sans-serif;max-width:46em;margin:2em auto}nav a{margin-right:1em}</style></head>
<body><nav>
<a id="nav-shop" href="{{urlFor "shop:home"}}">Shop</a>
<a id="nav-blog" href="{{urlFor "blog:index"}}">Blog</a>
<a id="nav-events" href="{{urlFor "events:index"}}">Events</a>
<a id="nav-api" href="{{urlFor "api:docs"}}">API</a>
<a id="nav-admin" href="{{urlFor "admin:dashboard"}}">Admin</a>
<a id="nav-help" href="{{urlFor "help:index"}}">Help</a>
| <a id="nav-archive" href="{{urlFor "archive:index"}}">Archive</a>
<a id="nav-legacy" href="{{urlFor "legacy:index"}}">Legacy</a>
</nav><main><h1>{{.Title}}</h1>
{{end}}
{{define "footer"}}</main><footer><small>served by {{.Framework}}</small></footer></body></html>
{{end}}
`

// parse returns the template set of one app: the layout and its pages,
// with the app's urlFor.
func parse(funcs template.FuncMap, pages string) *template.Template {
	t := template.New("").Funcs(funcs).Funcs(template.FuncMap{"price": price})
	return template.Must(template.Must(t.Parse(layout)).Parse(pages))
}

func price(cents int) string { return fmt.Sprintf("$%d.%02d", cents/100, cents%100) }

// Page data.
type view struct {
	Title     string
	Framework string
	Data      any
}

const shopPages = `
{{define "shop/home"}}{{template "header" .}}
<p>Everything here is linked by name, across eight apps and two generations of echo and fiber.</p>
<ul>{{range .Data}}
<li><a class="product" href="{{urlFor "product" "id" .ID}}">{{.Name}}</a> {{price .Price}}
 — <a href="{{urlFor "blog:post" "slug" .Review}}">read the review</a>
 — <a href="{{urlFor "api:item" "id" .ID}}">as JSON</a></li>{{end}}
</ul>
<form action="{{urlFor "search"}}" method="get"><input name="q" placeholder="search"><button>Search</button></form>
{{template "footer" .}}{{end}}

{{define "shop/product"}}{{template "header" .}}{{with .Data}}
<p>{{price .Price}}</p>
<p><a id="review" href="{{urlFor "blog:post" "slug" .Review}}">Read the review on the blog</a></p>
<p><a href="{{urlFor "api:item" "id" .ID}}">This product in the API</a></p>
<p><a href="{{urlFor "legacy:page" "slug" .Origin}}">Where it first appeared</a></p>
{{end}}{{template "footer" .}}{{end}}

{{define "shop/search"}}{{template "header" .}}
<ul>{{range .Data}}<li><a href="{{urlFor "product" "id" .ID}}">{{.Name}}</a></li>{{else}}<li>Nothing found.</li>{{end}}</ul>
<p><a href="{{urlFor "help:topic" "topic" "search"}}">How search works</a></p>
{{template "footer" .}}{{end}}
`

const blogPages = `
{{define "blog/index"}}{{template "header" .}}
<ul>{{range .Data}}<li><a class="post" href="{{urlFor "post" "slug" .Slug}}">{{.Title}}</a>
 (about <a href="{{urlFor "shop:product" "id" .Product}}">product {{.Product}}</a>)</li>{{end}}</ul>
{{template "footer" .}}{{end}}

{{define "blog/post"}}{{template "header" .}}{{with .Data}}
<p>{{.Post.Body}}</p>
<p><a id="product" href="{{urlFor "shop:product" "id" .Post.Product}}">Buy it in the shop</a>
 or <a href="{{urlFor "api:item" "id" .Post.Product}}">get it from the API</a>.</p>
<p>Shown at <a id="event" href="{{urlFor "events:event" "slug" .Post.Event}}">an event</a>;
 first written about <a id="archive" href="{{urlFor "archive:post" "slug" .Post.OldPost}}">in the archive</a>.</p>
<h2>Comments</h2>
<ul>{{range .Comments}}<li><b>{{.Author}}</b>: {{.Text}}</li>{{else}}<li>No comments yet.</li>{{end}}</ul>
<form id="comment" action="{{urlFor "comment" "slug" .Post.Slug}}" method="post">
<input name="author" placeholder="name" required> <input name="text" placeholder="comment" required>
<button type="submit">Comment</button></form>
<p><a href="{{urlFor "admin:comments" "post" .Post.Slug}}">Moderate comments</a></p>
{{end}}{{template "footer" .}}{{end}}
`

const apiPages = `
{{define "api/docs"}}{{template "header" .}}
<p>A JSON API. Every item carries links ("href") to the pages of the other apps.</p>
<ul><li><a id="items" href="{{urlFor "items"}}">All items</a></li>
{{range .Data}}<li><a href="{{urlFor "item" "id" .ID}}">Item {{.ID}}</a>, sold at <a href="{{urlFor "shop:product" "id" .ID}}">the shop</a></li>{{end}}</ul>
{{template "footer" .}}{{end}}
`

const adminPages = `
{{define "admin/dashboard"}}{{template "header" .}}{{with .Data}}
<p>{{len .Products}} products, {{len .Posts}} posts, {{.Comments}} comments.</p>
<ul>{{range .Products}}<li><a href="{{urlFor "shop:product" "id" .ID}}">{{.Name}}</a> (<a href="{{urlFor "api:item" "id" .ID}}">API</a>)</li>{{end}}</ul>
<ul>{{range .Posts}}<li><a href="{{urlFor "blog:post" "slug" .Slug}}">{{.Title}}</a></li>{{end}}</ul>
<p><a id="comments" href="{{urlFor "comments"}}">All comments</a></p>
{{end}}{{template "footer" .}}{{end}}

{{define "admin/comments"}}{{template "header" .}}
<ul>{{range .Data}}<li class="comment"><b>{{.Author}}</b> on <a href="{{urlFor "blog:post" "slug" .Post}}">{{.Post}}</a>: {{.Text}}</li>{{else}}<li>No comments.</li>{{end}}</ul>
<p><a href="{{urlFor "dashboard"}}">Back to the dashboard</a></p>
{{template "footer" .}}{{end}}
`

const legacyPages = `
{{define "legacy/index"}}{{template "header" .}}
<ul>{{range .Data}}<li><a class="page" href="{{urlFor "page" "slug" .Slug}}">{{.Title}}</a></li>{{end}}</ul>
{{template "footer" .}}{{end}}

{{define "legacy/page"}}{{template "header" .}}{{with .Data}}
<p>{{.Body}}</p>
<p><a href="{{urlFor "shop:product" "id" .Product}}">The product today</a>,
 <a href="{{urlFor "blog:post" "slug" .Post}}">and what the blog says</a>.</p>
<p>Back on stage: <a id="event" href="{{urlFor "events:event" "slug" .Event}}">the event</a>.</p>
{{end}}{{template "footer" .}}{{end}}
`

const archivePages = `
{{define "archive/index"}}{{template "header" .}}
<p>The blog as it was, on echo v4.</p>
<ul>{{range .Data}}<li><a class="oldpost" href="{{urlFor "post" "slug" .Slug}}">{{.Title}}</a></li>{{end}}</ul>
{{template "footer" .}}{{end}}

{{define "archive/post"}}{{template "header" .}}{{with .Data}}
<p>{{.Body}}</p>
<p>From the same years: <a id="page" href="{{urlFor "legacy:page" "slug" .Page}}">a legacy page</a>.
 Followed up on <a id="followup" href="{{urlFor "blog:post" "slug" .Post}}">the new blog</a>.</p>
{{end}}{{template "footer" .}}{{end}}
`

const eventsPages = `
{{define "events/index"}}{{template "header" .}}
<ul>{{range .Data}}<li><a class="event" href="{{urlFor "event" "slug" .Slug}}">{{.Title}}</a>, {{.Date}}
 (<a href="{{urlFor "shop:product" "id" .Product}}">product {{.Product}}</a>)</li>{{end}}</ul>
{{template "footer" .}}{{end}}

{{define "events/event"}}{{template "header" .}}{{with .Data}}
<p>{{.Date}}. {{.Body}}</p>
<p><a id="product" href="{{urlFor "shop:product" "id" .Product}}">The product in the shop</a>,
 <a id="post" href="{{urlFor "blog:post" "slug" .Post}}">what the blog says</a>,
 <a id="page" href="{{urlFor "legacy:page" "slug" .Page}}">where it all began</a>.</p>
<p><a href="{{urlFor "index"}}">All events</a></p>
{{end}}{{template "footer" .}}{{end}}
`

const helpPages = `
{{define "help/index"}}{{template "header" .}}
<p>Each part of this site is another framework; none knows the others' routes.</p>
<ul>{{range .Data}}<li><a href="{{urlFor "topic" "topic" .}}">{{.}}</a></li>{{end}}</ul>
<p><a id="client" href="{{urlFor "client"}}">Links built in your browser</a>, from the route manifest.</p>
{{template "footer" .}}{{end}}

{{define "help/client"}}{{template "header" .}}
<p>These links are built in your browser by partyline's JavaScript client,
from the route manifest the site serves: the same URLs Go builds.</p>
<ul id="client-links">{{range .Data}}
<li><a class="client-link" data-endpoint="{{.Endpoint}}" data-params="{{.Params}}" data-go="{{.Go}}">{{.Label}}</a></li>{{end}}
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
<p>Help about {{.Data}}. Try the <a href="{{urlFor "shop:search" "q" "hat"}}">shop search</a>
 or the <a href="{{urlFor "blog:index"}}">blog</a>.</p>
{{template "footer" .}}{{end}}
`
