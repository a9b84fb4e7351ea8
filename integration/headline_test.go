package integration_test

// The headline of issue 4: a Gin shop at "/" renders, through gin's own
// HTML renderer, links to an Echo blog mounted at "/blog", and the blog
// redirects to the shop, with neither knowing the other's routes or mount
// point. Shown behind http.ServeMux with http.StripPrefix, then with chi's
// Mount as the dispatcher: same URLs, same handlers, same parameters.

import (
	"encoding/json"
	"errors"
	"html"
	"html/template"
	"net/http"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
	partyecho "github.com/partyline-go/partyline/adapters/echo"
	partygin "github.com/partyline-go/partyline/adapters/gin"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// xfShopPage is the shop's page template, parsed with the shop handle's
// FuncMap: every link to the blog is asked for by name.
const xfShopPage = `<!doctype html>
<title>shop</title>
<ul>
<li><a id="post" href="{{urlFor "blog:post" "id" "hello world"}}">space</a>
<li><a id="slashed" href="{{urlFor "blog:post" "id" "2024/07 notes"}}">a slash inside a parameter</a>
<li><a id="files" href="{{urlFor "blog:files" "*" "2024/summer sale/ü.txt"}}">slashes in echo's wildcard</a>
<li><a id="unicode" href="{{urlFor "blog:post" "id" "café 日本"}}">unicode</a>
<li><a id="query" href="{{urlFor "blog:post" "id" 7 "page" 2 "q" "red shoes&more"}}">query</a>
<li><a id="fragment" href="{{.Comments}}">fragment</a>
<li><a id="bloghome" href="{{urlFor "blog:home"}}">the blog's home</a>
<li><a id="home" href="{{urlFor "home"}}">our home</a>
<li><a id="product" href="{{urlFor "product" "sku" .SKU}}">our product</a>
</ul>
`

// xfHeadlineApps are the two apps of the headline.
type xfHeadlineApps struct {
	shop, blog *xfApp
	shopHandle *partygin.Handle
	blogHandle *partyecho.Handle
	page       *template.Template
}

// xfHeadlineShop is the Gin app, at "/" in both layouts, namespace "shop".
func xfHeadlineShop(t testing.TB, x *xfHeadlineApps) {
	gin.SetMode(gin.TestMode)
	a := &xfApp{ns: "shop", root: true, framework: "gin", errs: make(chan error, 64)}
	engine := gin.New()
	h, err := partygin.Join(engine, partygin.Namespace("shop"))
	xfMust(t, err)
	engine.Use(h.Middleware())
	// gin's renderer, as partygin documents it: the handle's FuncMap with
	// SetFuncMap, then the templates loaded by gin (LoadHTMLFS parses them
	// with it and calls SetHTMLTemplate). x.page is the same page parsed
	// by hand with the same FuncMap, for TestCrossAppNotInvited.
	engine.SetFuncMap(h.FuncMap())
	engine.LoadHTMLFS(http.FS(fstest.MapFS{"page.html": {Data: []byte(xfShopPage)}}), "page.html")
	x.page = template.Must(template.New("page").Funcs(h.FuncMap()).Parse(xfShopPage))

	r := h.Router(engine)
	r.Named("home").GET("/", xfGinRecord("shop", "home"))
	r.Named("product").GET("/products/:sku", xfGinRecord("shop", "product", "sku"))
	r.Named("page").GET("/page", func(c *gin.Context) {
		// urlFor takes no fragment: a fragment is asked for with a
		// urlfor.Request through the participant, local names first.
		p, err := h.Participant()
		if err == nil {
			var u string
			u, err = p.Build(&urlfor.Request{Name: "blog:post", Pairs: []string{"id", "7"}, Fragment: "comments & more"})
			if err == nil {
				c.HTML(http.StatusOK, "page.html", gin.H{"Comments": u, "SKU": "blue shoes"})
				return
			}
		}
		code, body := a.reportLink("", err)
		c.String(code, body)
	})
	r.Named("links").GET("/links", func(c *gin.Context) {
		xfGinLinks(c, a, map[string][]string{
			"home":      {"home"},
			"blog:home": {"blog:home"},
			"product":   {"product", "sku", "x y"},
		})
	})
	a.handler = engine
	a.url = func(name string, pairs ...string) (string, error) { return h.URL(nil, name, pairs...) }
	a.participant = h.Participant
	x.shop, x.shopHandle = a, h
}

// xfGinLinks answers the URLs partygin.URL builds for each request, as JSON.
func xfGinLinks(c *gin.Context, a *xfApp, reqs map[string][]string) {
	out := map[string]string{}
	for k, req := range reqs {
		u, err := partygin.URL(c, req[0], req[1:]...)
		if err != nil {
			code, body := a.reportLink("", err)
			c.String(code, body)
			return
		}
		out[k] = u
	}
	c.JSON(http.StatusOK, out)
}

// xfHeadlineBlog is the Echo app at "/blog", namespace "blog". Under
// chi.Mount its routes live in an echo Group("/blog") and it joins with the
// full invite route (see partyecho's package doc, "Dispatchers").
func xfHeadlineBlog(t testing.TB, layout xfLayout, x *xfHeadlineApps) {
	a := xfNewApp(layout, "blog", "echo", "*")
	e := echo.New()
	opts := []partyecho.Option{partyecho.Namespace("blog")}
	if a.base != "" {
		opts = append(opts, partyecho.InviteRoute(a.base+core.DefaultInvitePath))
	}
	h, err := partyecho.Join(e, opts...)
	xfMust(t, err)
	g := e.Group(a.base)
	g.GET("/", xfEchoRecord("blog", "home")).Name = "home"
	g.GET("/posts/:id", xfEchoRecord("blog", "post", "id")).Name = "post"
	g.GET("/files/*", xfEchoRecord("blog", "files", "*")).Name = "files"
	g.GET("/buy/:sku", func(c echo.Context) error {
		sku, err := partyecho.Param(c, "sku")
		if err == nil {
			err = partyecho.Redirect(c, http.StatusSeeOther, "shop:product", "sku", sku, "ref", "blog")
		}
		if err != nil {
			code, body := a.reportLink("", err)
			return c.String(code, body)
		}
		return nil
	}).Name = "buy"
	g.GET("/links", func(c echo.Context) error {
		out := map[string]string{}
		for k, req := range map[string][]string{
			"home":      {"home"},
			"shop:home": {"shop:home"},
			"post":      {"post", "id", "x y"},
		} {
			u, err := partyecho.URL(c, req[0], req[1:]...)
			if err != nil {
				code, body := a.reportLink("", err)
				return c.String(code, body)
			}
			out[k] = u
		}
		return c.JSON(http.StatusOK, out)
	}).Name = "links"
	a.handler = e
	a.url = func(name string, pairs ...string) (string, error) { return h.URL(nil, name, pairs...) }
	a.participant = h.Participant
	x.blog, x.blogHandle = a, h
}

func xfHeadline(t testing.TB, layout xfLayout) *xfHeadlineApps {
	x := &xfHeadlineApps{}
	xfHeadlineShop(t, x)
	xfHeadlineBlog(t, layout, x)
	return x
}

// xfAnchor matches the links of xfShopPage.
var xfAnchor = regexp.MustCompile(`<a id="([a-z]+)" href="([^"]*)">`)

// xfStep is one observation of the headline, compared across layouts.
type xfStep struct {
	What string
	URL  string
	Seen string
}

func TestHeadlineGinLinksToEchoBlog(t *testing.T) {
	transcripts := map[xfLayout][]xfStep{}
	for _, layout := range xfLayouts {
		t.Run(string(layout), func(t *testing.T) {
			transcripts[layout] = xfRunHeadline(t, layout)
		})
	}
	a, b := transcripts[xfServeMux], transcripts[xfChiMount]
	if len(a) == 0 || !reflect.DeepEqual(a, b) {
		t.Errorf("the two dispatchers differ:\n%s: %v\n%s: %v", xfServeMux, a, xfChiMount, b)
	}
}

func xfRunHeadline(t *testing.T, layout xfLayout) []xfStep {
	x := xfHeadline(t, layout)
	party, srv := xfServe(t, layout, x.blog, x.shop)
	var steps []xfStep
	follow := func(what, u string, want xfSeen) {
		t.Helper()
		seen := xfFollow(t, srv, u)
		if seen.String() != want.String() {
			t.Errorf("%s: GET %s reached %v\nwant %v", what, u, seen, want)
		}
		steps = append(steps, xfStep{what, u, seen.String()})
	}
	seen := func(app, endpoint string, kv ...string) xfSeen {
		s := xfNewSeen(app, endpoint)
		for i := 0; i+1 < len(kv); i += 2 {
			if k, ok := strings.CutPrefix(kv[i], "?"); ok {
				s.Query[k] = kv[i+1]
			} else {
				s.Params[kv[i]] = kv[i+1]
			}
		}
		return s
	}

	// 1. The Gin page, rendered by gin's HTML renderer with the shop's
	// FuncMap: exact URLs, then each one followed.
	status, _, body := xfGet(t, srv, "/page")
	if status != http.StatusOK {
		t.Fatalf("GET /page: %d %s", status, body)
	}
	links := map[string]string{}
	for _, m := range xfAnchor.FindAllStringSubmatch(body, -1) {
		links[m[1]] = html.UnescapeString(m[2])
	}
	want := []struct {
		id, url string
		seen    xfSeen
	}{
		{"post", "/blog/posts/hello%20world", seen("blog", "post", "id", "hello world")},
		{"slashed", "/blog/posts/2024%2F07%20notes", seen("blog", "post", "id", "2024/07 notes")},
		{"files", "/blog/files/2024/summer%20sale/%C3%BC.txt", seen("blog", "files", "*", "2024/summer sale/ü.txt")},
		{"unicode", "/blog/posts/caf%C3%A9%20%E6%97%A5%E6%9C%AC", seen("blog", "post", "id", "café 日本")},
		{"query", "/blog/posts/7?page=2&q=red+shoes%26more", seen("blog", "post", "id", "7", "?page", "2", "?q", "red shoes&more")},
		// The fragment stays with the client; the request reaches the post.
		{"fragment", "/blog/posts/7#comments%20&%20more", seen("blog", "post", "id", "7")},
		// "blog:home" from gin is echo's home; a bare "home" inside the
		// shop is the shop's own (local first).
		{"bloghome", "/blog/", seen("blog", "home")},
		{"home", "/", seen("shop", "home")},
		{"product", "/products/blue%20shoes", seen("shop", "product", "sku", "blue shoes")},
	}
	if len(links) != len(want) {
		t.Errorf("the page has %d links, want %d:\n%s", len(links), len(want), body)
	}
	for _, w := range want {
		if links[w.id] != w.url {
			t.Errorf("link %s = %q, want %q", w.id, links[w.id], w.url)
			continue
		}
		follow("link "+w.id, w.url, w.seen)
	}
	// html/template escaped the query's "&" and "+" for the attribute.
	if !strings.Contains(body, `href="/blog/posts/7?page=2&amp;q=red&#43;shoes%26more"`) {
		t.Errorf("the query link is not attribute-escaped as html/template does:\n%s", body)
	}

	// 2. Local-first names, seen from inside each app.
	var blogLinks, shopLinks map[string]string
	for _, l := range []struct {
		path string
		into *map[string]string
		want map[string]string
	}{
		{"/blog/links", &blogLinks, map[string]string{"home": "/blog/", "shop:home": "/", "post": "/blog/posts/x%20y"}},
		{"/links", &shopLinks, map[string]string{"home": "/", "blog:home": "/blog/", "product": "/products/x%20y"}},
	} {
		status, _, body := xfGet(t, srv, l.path)
		if status != http.StatusOK || json.Unmarshal([]byte(body), l.into) != nil {
			t.Fatalf("GET %s: %d %s", l.path, status, body)
		}
		if !reflect.DeepEqual(*l.into, l.want) {
			t.Errorf("GET %s = %v, want %v", l.path, *l.into, l.want)
		}
	}
	follow("blog's home", blogLinks["home"], seen("blog", "home"))
	follow("blog's shop:home", blogLinks["shop:home"], seen("shop", "home"))
	follow("shop's home", shopLinks["home"], seen("shop", "home"))
	follow("shop's blog:home", shopLinks["blog:home"], seen("blog", "home"))
	// From outside both apps, a bare "home" has two answers.
	_, err := urlfor.New(party).URL("home")
	var amb *urlfor.AmbiguousError
	if !errors.As(err, &amb) || len(amb.Candidates) != 2 ||
		!strings.HasPrefix(amb.Candidates[0], "blog:home (GET ") || !strings.HasPrefix(amb.Candidates[1], "shop:home (GET ") {
		t.Errorf(`URL("home") from outside: %v, want an AmbiguousError naming blog:home and shop:home`, err)
	}

	// 3. The Echo blog redirects to a Gin endpoint.
	status, loc, body := xfGet(t, srv, "/blog/buy/blue%20shoes%20%C3%A9")
	if status != http.StatusSeeOther || loc != "/products/blue%20shoes%20%C3%A9?ref=blog" {
		t.Fatalf("GET /blog/buy/...: %d Location %q %s", status, loc, body)
	}
	follow("redirect", loc, seen("shop", "product", "sku", "blue shoes é", "?ref", "blog"))
	// A value gin could not hand back ("/" inside :sku) is refused with a
	// typed error, and no redirect is written.
	status, loc, _ = xfGet(t, srv, "/blog/buy/a%2Fb")
	err = x.blog.lastErr()
	var pe *urlfor.ParamError
	if status != http.StatusInternalServerError || loc != "" || !errors.As(err, &pe) || pe.Param != "sku" || pe.Value != "a/b" || pe.Endpoint != "shop:product" {
		t.Errorf("redirect with sku a/b: %d Location %q, error %v; want 500, no Location, a *urlfor.ParamError", status, loc, err)
	}
	return steps
}
