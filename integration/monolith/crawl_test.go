package monolith_test

import (
	"encoding/json"
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

// appOf names the app that serves path: the longest mount prefix.
func appOf(path string) string {
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
func TestCrawl(t *testing.T) {
	_, srv := newServer(t)
	client := srv.Client()
	base, _ := url.Parse(srv.URL)

	seen := map[string]bool{}
	queue := []link{{from: "(start)", to: "/"}}
	reached := map[string]bool{}
	linksTo := map[string]map[string]bool{} // app -> apps its pages' content links to
	posted := 0
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
// example URLs of GET endpoints without parameters answer 200 (those with
// parameters use sample values that name no content).
func TestRoutesTable(t *testing.T) {
	site, srv := newServer(t)
	apps := map[string]bool{}
	for _, r := range site.Routes() {
		apps[r.Framework] = true
		if r.Method != http.MethodGet || strings.ContainsAny(r.Pattern, ":{*") {
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
	resp, err := http.Get(srv.URL + monolith.DebugPath)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "blog:post") {
		t.Errorf("%s: status %d, body %.200s", monolith.DebugPath, resp.StatusCode, body)
	}
}
