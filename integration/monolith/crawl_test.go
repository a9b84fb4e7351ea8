package monolith_test

import (
	"cmp"
	"encoding/json"
	"fmt"
	linkheader "github.com/peterhellberg/link"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
	"github.com/partyline-go/partyline/integration/monolith"
)

func newServer(t *testing.T) (*monolith.Site, *httptest.Server) {
	t.Helper()
	gin.SetMode(gin.TestMode)
	site, err := monolith.New(monolith.Options{Debug: true})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(site)
	t.Cleanup(func() {
		srv.Close()
		_ = site.Close()
	})
	return site, srv
}

// party names the site's own pages (the inspector, its stylesheet, the
// manifest) in appOf: they are no app's.
const party = "(party)"

// appOf names the app that serves path, by its framework label: the longest
// mount prefix; party for the site's own pages.
func appOf(path string) string {
	if path == monolith.InspectorPath || strings.HasPrefix(path, monolith.InspectorPath+"/") {
		return party
	}
	best, name := -1, ""
	for _, m := range monolith.Mounts {
		if (path == m.Prefix || strings.HasPrefix(path, m.Prefix+"/")) && len(m.Prefix) > best {
			best, name = len(m.Prefix), m.Framework
		}
	}
	return name
}

var linkRE = regexp.MustCompile(`(?s)<(a|form)\b[^>]*?\b(?:href|action)="([^"]*)"[^>]*>`)
var methodRE = regexp.MustCompile(`\bmethod="([^"]*)"`)

type link struct {
	from, to string
	post     bool
}

// links extracts the links of an HTML page or a JSON document.
func links(t *testing.T, from, contentType string, body []byte) []link {
	var out []link
	switch {
	case strings.HasPrefix(contentType, "text/html"):
		for _, m := range linkRE.FindAllSubmatch(body, -1) {
			l := link{from: from, to: html.UnescapeString(string(m[2]))}
			if mm := methodRE.FindSubmatch(m[0]); string(m[1]) == "form" && mm != nil && strings.EqualFold(string(mm[1]), "post") {
				l.post = true
			}
			out = append(out, l)
		}
	case strings.HasPrefix(contentType, "application/json"):
		var doc any
		if err := json.Unmarshal(body, &doc); err != nil {
			t.Errorf("%s: bad JSON: %v", from, err)
		}
		var walk func(any)
		walk = func(v any) {
			switch v := v.(type) {
			case map[string]any:
				for k, x := range v {
					if s, ok := x.(string); ok && k == "href" {
						out = append(out, link{from: from, to: s})
					}
					walk(x)
				}
			case []any:
				for _, x := range v {
					walk(x)
				}
			}
		}
		walk(doc)
	}
	return out
}

// mainOf is the <main> element of an HTML page: its content, without the
// navigation every page shares.
func mainOf(body []byte) []byte {
	s := string(body)
	i, j := strings.Index(s, "<main>"), strings.LastIndex(s, "</main>")
	if i < 0 || j < i {
		return nil
	}
	return body[i:j]
}

// generationLinks are the links across generations that the content of
// the pages (not only the navigation) must have, from app to app.
var generationLinks = [][2]string{
	{"echo v5", "echo v4"},   // a blog post to its archived predecessor
	{"echo v4", "echo v5"},   // an archived post forward to the blog
	{"fiber v3", "fiber v2"}, // an event back to a legacy page
	{"fiber v2", "fiber v3"}, // a legacy page forward to an event
}

// TestCrawl follows every link of every page from the shop's home page,
// forms and redirects included, and checks that nothing is broken, that
// every app is reached, that the content of each app's pages (navigation
// left out) links to at least two other apps, and that the two generations
// link to each other: echo v5 and echo v4 both ways, fiber v3 and fiber v2
// both ways, every legacy app to and from the current generation.
//
// On every HTML page it checks the links (checkLinks): an <a> that names
// its endpoint is the URL the site's builder builds from that endpoint and
// values, and every link to another app names its endpoint and carries a
// badge with that endpoint and the framework of the app it goes to.
func TestCrawl(t *testing.T) {
	site, srv := newServer(t)
	client := srv.Client()
	base, _ := url.Parse(srv.URL)

	seen := map[string]bool{}
	queue := []link{{from: "(start)", to: "/"}}
	reached := map[string]bool{}
	linksTo := map[string]map[string]bool{} // app -> apps its pages' content links to
	posted := 0
	var badges, named int
	for len(queue) > 0 {
		l := queue[0]
		queue = queue[1:]
		key := l.to
		if l.post {
			key = "POST " + l.to
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		u, err := base.Parse(l.to)
		if err != nil || u.Host != base.Host || !strings.HasPrefix(l.to, "/") {
			t.Errorf("%s links to %q: not a path of the site", l.from, l.to)
			continue
		}
		var resp *http.Response
		if l.post {
			posted++
			resp, err = client.PostForm(u.String(), url.Values{"author": {"crawler"}, "text": {"all links work"}})
		} else {
			resp, err = client.Get(u.String())
		}
		if err != nil {
			t.Errorf("%s -> %s: %v", l.from, l.to, err)
			continue
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s -> %s: status %d: %s", l.from, key, resp.StatusCode, body)
			continue
		}
		final := resp.Request.URL.Path // after redirects
		if l.post && appOf(final) == appOf(u.Path) {
			t.Errorf("form %s was not redirected to another app (landed on %s)", l.to, final)
		}
		app := appOf(final)
		reached[app] = true
		contentType := resp.Header.Get("Content-Type")
		queue = append(queue, links(t, final, contentType, body)...)
		content := body
		if strings.HasPrefix(contentType, "text/html") {
			content = mainOf(body)
			b, n := checkLinks(t, site, final, body)
			badges, named = badges+b, named+n
		}
		for _, next := range links(t, final, contentType, content) {
			target, err := url.Parse(next.to)
			if err != nil {
				t.Errorf("%s: bad link %q", final, next.to)
				continue
			}
			if other := appOf(target.Path); other != app {
				if linksTo[app] == nil {
					linksTo[app] = map[string]bool{}
				}
				linksTo[app][other] = true
			}
		}
	}
	legacy := map[string]bool{}
	for _, m := range monolith.Mounts {
		legacy[m.Framework] = m.Legacy
	}
	for _, m := range monolith.Mounts {
		if !reached[m.Framework] {
			t.Errorf("no link reaches the %s app at %q", m.Framework, m.Prefix)
		}
		if n := len(linksTo[m.Framework]); n < 2 {
			t.Errorf("the content of the %s app links to %d other apps, want at least 2", m.Framework, n)
		}
		if !m.Legacy {
			continue
		}
		out, in := false, false
		for other, isLegacy := range legacy {
			out = out || !isLegacy && linksTo[m.Framework][other]
			in = in || !isLegacy && linksTo[other][m.Framework]
		}
		if !out || !in {
			t.Errorf("the legacy %s app: links to the current generation %v, linked from it %v; want both", m.Framework, out, in)
		}
	}
	for _, g := range generationLinks {
		if !linksTo[g[0]][g[1]] {
			t.Errorf("no page of the %s app links to the %s app", g[0], g[1])
		}
	}
	if posted == 0 {
		t.Error("no form was submitted")
	}
	if !reached[party] {
		t.Error("no page links to the inspector")
	}
	if badges == 0 || named == 0 {
		t.Errorf("%d badges, %d named links checked; want some", badges, named)
	}
	t.Logf("%d links named their endpoint and were rebuilt; %d cross-app links carried a badge", named, badges)
	pages := make([]string, 0, len(seen))
	for k := range seen {
		pages = append(pages, k)
	}
	sort.Strings(pages)
	t.Logf("crawled %d URLs, %d forms posted: %s", len(pages), posted, strings.Join(pages, " "))
}

// TestInvitePathsAreClosed checks every invite path answers 404 from
// outside, whatever the method.
func TestInvitePathsAreClosed(t *testing.T) {
	_, srv := newServer(t)
	for _, p := range monolith.InvitePaths() {
		for _, method := range []string{http.MethodGet, http.MethodPost, http.MethodHead} {
			req, _ := http.NewRequest(method, srv.URL+p, nil)
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusNotFound {
				t.Errorf("%s %s: status %d, want 404", method, p, resp.StatusCode)
			}
		}
	}
}

// TestCommentRedirectsToAdmin posts the blog's form and follows the
// redirect, by name, to the chi admin.
func TestCommentRedirectsToAdmin(t *testing.T) {
	site, srv := newServer(t)
	client := srv.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := client.PostForm(srv.URL+"/blog/posts/red-shoes-review/comments", url.Values{"author": {"ann"}, "text": {"nice & red"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/admin/comments?post=red-shoes-review" {
		t.Fatalf("status %d, Location %q; want 303 to /admin/comments?post=red-shoes-review", resp.StatusCode, resp.Header.Get("Location"))
	}
	if got := site.Store.Comments("red-shoes-review"); len(got) != 1 || got[0].Text != "nice & red" {
		t.Fatalf("comments: %+v", got)
	}
	resp, err = http.Get(srv.URL + "/admin/comments?post=red-shoes-review")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), "nice &amp; red") {
		t.Errorf("the admin does not list the comment:\n%s", body)
	}
}

// TestRoutesTable checks the endpoint table lists every app and that the
// example URL of every GET endpoint answers 200: the examples are built
// from the demo's content.
func TestRoutesTable(t *testing.T) {
	site, srv := newServer(t)
	apps := map[string]bool{}
	for _, r := range site.Routes() {
		apps[r.Framework] = true
		if r.Method != http.MethodGet {
			continue
		}
		resp, err := http.Get(srv.URL + r.Example)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: example %s answered %d", r.Name, r.Example, resp.StatusCode)
		}
	}
	for _, m := range monolith.Mounts {
		if !apps[m.Framework] {
			t.Errorf("the table lists no endpoint of %s", m.Framework)
		}
	}
	var names []string
	for _, r := range site.Routes() {
		names = append(names, r.Name)
	}
	for _, want := range []string{"shop:product", "blog:post", "events:event", "api:item", "admin:comments", "help:topic", "archive:post", "legacy:page"} {
		if !slices.Contains(names, want) {
			t.Errorf("the table has no %s", want)
		}
	}
}

// get fetches path and returns its status and body.
func get(t *testing.T, srv *httptest.Server, path string) (int, string) {
	t.Helper()
	resp, err := srv.Client().Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

var (
	resultRE    = regexp.MustCompile(`(?s)<div id="result" class="result (ok|error)">(.*?)</div>`)
	resultURLRE = regexp.MustCompile(`<code id="result-url">([^<]*)</code>`)
	errTypeRE   = regexp.MustCompile(`<code class="error-type">([^<]*)</code>`)
	errTextRE   = regexp.MustCompile(`(?s)<pre class="error-text">(.*?)</pre>`)
)

// TestInspector checks the inspector: it lists every app (namespace,
// mount prefix, framework, invite path, joined) and every endpoint (with
// its manifest's URI template), and its form builds a URL through the
// site's builder, or shows the typed error, escaped.
func TestInspector(t *testing.T) {
	site, srv := newServer(t)
	code, body := get(t, srv, monolith.InspectorPath)
	if code != http.StatusOK {
		t.Fatalf("%s: status %d", monolith.InspectorPath, code)
	}
	for _, m := range monolith.Mounts {
		row := regexp.MustCompile(`(?s)<tr id="app-` + m.Namespace + `">(.*?)</tr>`).FindStringSubmatch(body)
		if row == nil {
			t.Errorf("no row for the %s app", m.Namespace)
			continue
		}
		for _, want := range []string{
			"<code>" + cmp.Or(m.Prefix, "/") + "</code>",
			m.Framework,
			"<code>" + m.Prefix + "/__invite__/</code>",
			"joined",
		} {
			if !strings.Contains(row[1], html.EscapeString(want)) && !strings.Contains(row[1], want) {
				t.Errorf("the row of %s lacks %q: %s", m.Namespace, want, row[1])
			}
		}
	}
	manifest, err := site.Manifest()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range site.Builder.Endpoints() {
		tmpl := manifest.Endpoints[e.Name].Template
		if !strings.Contains(body, "<code>"+e.Name+"</code>") || !strings.Contains(body, `<code class="template">`+html.EscapeString(tmpl)+"</code>") {
			t.Errorf("the inspector does not list %s with its template %s", e.Name, tmpl)
		}
	}

	form := func(name string, pairs ...string) url.Values {
		q := url.Values{"name": {name}}
		for i := 0; i+1 < len(pairs); i += 2 {
			q.Add("k", pairs[i])
			q.Add("v", pairs[i+1])
		}
		return q
	}
	for _, c := range []struct {
		form    url.Values
		errType string // "" for a URL
	}{
		{form("blog:post", "slug", "a b/c"), ""},
		{form("shop:search", "q", "red shoes", "page", "2"), ""},
		{form("product", "id", "7"), ""},
		{form("blog:pots", "slug", "x"), "*urlfor.UnknownEndpointError"},
		{form("post", "slug", "x"), "*urlfor.AmbiguousError"},
		{form("api:item", "id", "seven"), "*urlfor.ParamError"},
		{form("blog:post"), "*urlfor.ParamError"},
		{form("<script>alert(1)</script>", "<b>", "\"&'"), "*urlfor.UnknownEndpointError"},
	} {
		name := c.form.Get("name")
		var pairs []string
		for i, k := range c.form["k"] {
			pairs = append(pairs, k, c.form["v"][i])
		}
		want, wantErr := site.Builder.URL(name, pairs...)
		code, body := get(t, srv, monolith.InspectorPath+"?"+c.form.Encode())
		if code != http.StatusOK {
			t.Errorf("%s: status %d", c.form.Encode(), code)
			continue
		}
		if strings.Contains(body, "<script>alert") || strings.Contains(body, "<b>") {
			t.Errorf("%s: the page shows the form's values unescaped", c.form.Encode())
		}
		result := resultRE.FindStringSubmatch(body)
		if result == nil {
			t.Errorf("%s: no result on the page", c.form.Encode())
			continue
		}
		if c.errType == "" {
			got := resultURLRE.FindStringSubmatch(result[2])
			if wantErr != nil || result[1] != "ok" || got == nil || html.UnescapeString(got[1]) != want {
				t.Errorf("%s: the inspector shows %q, the builder builds %q (%v)", c.form.Encode(), result[2], want, wantErr)
			}
			continue
		}
		gotType, gotText := errTypeRE.FindStringSubmatch(result[2]), errTextRE.FindStringSubmatch(result[2])
		if wantErr == nil || result[1] != "error" || gotType == nil || gotText == nil ||
			gotType[1] != c.errType || html.UnescapeString(gotText[1]) != wantErr.Error() {
			t.Errorf("%s: the inspector shows %q; want %s %q", c.form.Encode(), result[2], c.errType, wantErr)
		}
	}
	if _, body := get(t, srv, monolith.InspectorPath+"?name=blog:pots"); !strings.Contains(body, `did you mean &#34;blog:post&#34;?`) {
		t.Error("the unknown endpoint error does not suggest blog:post")
	}
	// The built URL of a page is a link, with its badge.
	_, body = get(t, srv, monolith.InspectorPath+"?name=blog:post&k=slug&v=red-shoes-review")
	if b, n := checkLinks(t, site, monolith.InspectorPath, []byte(body)); b == 0 || n == 0 ||
		!strings.Contains(body, `<a href="/blog/posts/red-shoes-review" data-endpoint="blog:post"`) {
		t.Errorf("the built URL is not a link with a badge (%d badges, %d named links)", b, n)
	}
}

// TestSmallSite checks that the demo behaves as a real small site: unknown
// help topics are 404, counts are spelt right, bodies are capped at
// MaxBody (413), and the comment store and pages are bounded.
func TestSmallSite(t *testing.T) {
	site, srv := newServer(t)
	if code, _ := get(t, srv, "/help/topics/search"); code != http.StatusOK {
		t.Errorf("/help/topics/search: %d", code)
	}
	if code, body := get(t, srv, "/help/topics/no-such-topic"); code != http.StatusNotFound || !strings.Contains(body, "No such help topic") {
		t.Errorf("/help/topics/no-such-topic: %d %.200s", code, body)
	}
	if code, _ := get(t, srv, "/admin/comments?post=no-such-post"); code != http.StatusNotFound {
		t.Errorf("/admin/comments?post=no-such-post: %d", code)
	}

	const post = "/blog/posts/red-shoes-review"
	comment := func(author, text string) int {
		t.Helper()
		resp, err := srv.Client().PostForm(srv.URL+post+"/comments", url.Values{"author": {author}, "text": {text}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	counts := func(want string) {
		t.Helper()
		for _, path := range []string{post, "/admin/", "/admin/comments", "/admin/comments?post=red-shoes-review"} {
			_, body := get(t, srv, path)
			if !strings.Contains(body, want) {
				t.Errorf("%s does not say %q", path, want)
			}
			if regexp.MustCompile(`\b1 [a-z]+s\b`).MatchString(body) {
				t.Errorf("%s: %q", path, regexp.MustCompile(`\b1 [a-z]+s\b`).FindString(body))
			}
		}
	}
	counts("0 comments")
	if code := comment("ann", "first"); code != http.StatusOK {
		t.Fatalf("comment: %d", code)
	}
	counts("1 comment")
	comment("bob", "second")
	counts("2 comments")
	if _, body := get(t, srv, monolith.InspectorPath); !strings.Contains(body, "8 apps") || !strings.Contains(body, "<td>3 endpoints</td>") {
		t.Errorf("the inspector does not count its apps and endpoints")
	}

	// Bodies: a form above MaxBody is 413, with or without a length.
	big := url.Values{"author": {"eve"}, "text": {strings.Repeat("x", monolith.MaxBody)}}.Encode()
	for _, chunked := range []bool{false, true} {
		var body io.Reader = strings.NewReader(big)
		if chunked {
			body = io.MultiReader(body) // no length: sent chunked
		}
		req, _ := http.NewRequest(http.MethodPost, srv.URL+post+"/comments", body)
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("a %d-byte form (chunked %v): status %d, want 413", len(big), chunked, resp.StatusCode)
		}
	}
	if code := comment("eve", strings.Repeat("x", monolith.MaxText+1)); code != http.StatusBadRequest {
		t.Errorf("a text of %d characters: status %d, want 400", monolith.MaxText+1, code)
	}
	if n, _ := site.Store.CommentCount(""); n != 2 {
		t.Errorf("%d comments stored, want 2", n)
	}

	// The store keeps the last KeptComments of a post; pages show the last
	// ShownComments, newest first, with the count.
	extra := monolith.KeptComments + 100
	for i := range extra {
		site.Store.AddComment(monolith.Comment{Post: "red-shoes-review", Author: "bot", Text: fmt.Sprintf("flood %d", i)})
	}
	site.Store.AddComment(monolith.Comment{Post: "hats-for-every-season", Author: "cat", Text: "hats!"})
	posted, kept := site.Store.CommentCount("red-shoes-review")
	if posted != extra+2 || kept != monolith.KeptComments {
		t.Errorf("posted %d, kept %d; want %d, %d", posted, kept, extra+2, monolith.KeptComments)
	}
	shown := site.Store.Comments("red-shoes-review")
	if len(shown) != monolith.ShownComments || shown[0].Text != fmt.Sprintf("flood %d", extra-1) || shown[len(shown)-1].Text != fmt.Sprintf("flood %d", extra-monolith.ShownComments) {
		t.Errorf("shown %d comments, from %q to %q", len(shown), shown[0].Text, shown[len(shown)-1].Text)
	}
	if all := site.Store.Comments(""); len(all) != monolith.ShownComments || all[0].Text != "hats!" || all[1].Text != fmt.Sprintf("flood %d", extra-1) {
		t.Errorf("all comments: %d, newest %q, %q", len(all), all[0].Text, all[1].Text)
	}
	for path, want := range map[string]string{
		post:              fmt.Sprintf("%d comments", extra+2),
		"/admin/comments": fmt.Sprintf("%d comments", extra+3),
		"/admin/":         fmt.Sprintf("%d comments", extra+3),
	} {
		_, body := get(t, srv, path)
		if !strings.Contains(body, want) {
			t.Errorf("%s does not say %q", path, want)
		}
		if path != "/admin/" {
			if n := strings.Count(body, "flood "); n > monolith.ShownComments {
				t.Errorf("%s shows %d comments, want at most %d", path, n, monolith.ShownComments)
			}
			if len(body) > 64<<10 {
				t.Errorf("%s is %d bytes", path, len(body))
			}
		}
	}
}

var (
	anchorRE = regexp.MustCompile(`(?s)<a\b([^>]*)>(.*?)</a>`)
	attrRE   = regexp.MustCompile(`([a-z][a-z-]*)="([^"]*)"`)
	badgeRE  = regexp.MustCompile(`<span class="badge[^"]*"([^>]*)>([^<]*)</span>`)
)

// attrs parses the attributes of a tag, unescaped.
func attrs(s string) map[string]string {
	m := map[string]string{}
	for _, a := range attrRE.FindAllStringSubmatch(s, -1) {
		m[a[1]] = html.UnescapeString(a[2])
	}
	return m
}

// checkLinks checks the links of the HTML page at path. An <a> with a
// data-endpoint must have the href the site's builder builds from that
// endpoint and its data-params; an <a> whose href is in another app's
// mount prefix must have both, and a badge inside whose data-endpoint is
// the link's, whose data-framework is the framework of the app the href
// reaches, and whose text names both (the header's badges, on links to
// each app's first page, name the framework only). It returns how many
// badges and named links it checked.
func checkLinks(t *testing.T, site *monolith.Site, path string, body []byte) (badges, named int) {
	t.Helper()
	from := appOf(path)
	for _, m := range anchorRE.FindAllSubmatch(body, -1) {
		a := attrs(string(m[1]))
		href, ok := a["href"]
		if !ok {
			continue // built in the browser (the help app's client page)
		}
		target, err := url.Parse(href)
		if err != nil {
			t.Errorf("%s: bad href %q", path, href)
			continue
		}
		to := appOf(target.Path)
		cross := to != from && to != party && strings.HasPrefix(href, "/")
		endpoint, hasEndpoint := a["data-endpoint"]
		if cross && !hasEndpoint {
			t.Errorf("%s: the link to %s (%s) does not name its endpoint: %s", path, href, to, m[0])
			continue
		}
		if hasEndpoint {
			var params [][2]string
			if err := json.Unmarshal([]byte(a["data-params"]), &params); err != nil {
				t.Errorf("%s: link %s: data-params %q: %v", path, href, a["data-params"], err)
				continue
			}
			var pairs []string
			for _, p := range params {
				pairs = append(pairs, p[0], p[1])
			}
			built, err := site.Builder.URL(endpoint, pairs...)
			if err != nil || built != href {
				t.Errorf("%s: link %s names %s %q, which builds %q (%v)", path, href, endpoint, pairs, built, err)
			}
			named++
		}
		if !cross {
			continue
		}
		b := badgeRE.FindSubmatch(m[2])
		if b == nil {
			t.Errorf("%s: the link to %s (%s) has no badge: %s", path, href, to, m[0])
			continue
		}
		ba, text := attrs(string(b[1])), html.UnescapeString(string(b[2]))
		want := endpoint + " · " + to
		if strings.Contains(a["class"], "app") { // the header
			want = to
		}
		if ba["data-endpoint"] != endpoint || ba["data-framework"] != to || text != want {
			t.Errorf("%s: the link to %s (%s, built from %s) has the badge %q (endpoint %q, framework %q), want %q",
				path, href, to, endpoint, text, ba["data-endpoint"], ba["data-framework"], want)
		}
		badges++
	}
	return badges, named
}

// The API's item carries its links as an RFC 8288 Link header too, built by
// endpoint name; a standard parser reads them back.
func TestAPILinkHeader(t *testing.T) {
	_, srv := newServer(t)
	resp, err := http.Get(srv.URL + "/api/items/1")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	links := linkheader.ParseResponse(resp)
	if c := links["canonical"]; c == nil || c.URI != "/api/items/1" {
		t.Errorf("rel=canonical: %+v (Link: %q)", c, resp.Header.Get("Link"))
	}
	if a := links["alternate"]; a == nil || a.URI != "/products/1" {
		t.Errorf("rel=alternate: %+v (Link: %q)", a, resp.Header.Get("Link"))
	}
}
