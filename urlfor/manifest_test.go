package urlfor_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

// manifestParty is a party of a blog (constraints, a taken value, a
// catch-all, an optional parameter, an alias) and a shop at the root.
func manifestParty(t *testing.T) *urlfor.Builder {
	t.Helper()
	id := urlfor.Param("id").Matching("[0-9]+")
	slug := urlfor.Param("slug").TakenBy(urlfor.Taken{By: "GET /posts/new", Values: []string{"new"}})
	blog := urlfortest.NewApp("blog",
		urlfortest.Route("post", "GET", "/posts/{slug}", urlfor.Literal("/posts/"), slug),
		urlfortest.Route("comment", "GET", "/posts/{id}/c", urlfor.Literal("/posts/"), id, urlfor.Literal("/c")),
		urlfortest.Route("files", "GET", "/files/*", urlfor.Literal("/files/"), urlfor.Wildcard("*1").Alias("*")),
		urlfortest.Route("user", "GET", "/user/{name?}", urlfor.Literal("/user/"), urlfor.Param("name").Optional()),
	)
	shop := urlfortest.NewApp("", route("cart", "/cart/{id}"))
	return urlfor.New(newParty(t, mount{"/blog", blog}, mount{"", shop}))
}

func TestManifestExport(t *testing.T) {
	b := manifestParty(t)
	if _, err := b.Manifest(urlfor.ManifestOptions{}); !errors.Is(err, urlfor.ErrBadCall) {
		t.Errorf("Manifest with nothing chosen: %v, want ErrBadCall", err)
	}
	if _, err := b.Manifest(urlfor.ManifestOptions{Namespaces: []string{"blog"}, Origin: "ftp://x"}); !errors.Is(err, urlfor.ErrBadCall) {
		t.Errorf("Manifest with a bad origin: %v, want ErrBadCall", err)
	}
	m, err := b.Manifest(urlfor.ManifestOptions{Namespaces: []string{"blog"}, Origin: "https://example.com/"})
	if err != nil {
		t.Fatal(err)
	}
	if m.Version != urlfor.ManifestVersion || m.Origin != "https://example.com" || len(m.Endpoints) != 4 {
		t.Fatalf("manifest: %+v", m)
	}
	if strings.Join(m.InvitePaths, " ") != "/__invite__ /blog/__invite__" {
		t.Errorf("InvitePaths = %q", m.InvitePaths)
	}
	for name, want := range map[string]string{
		"blog:post":    "/blog/posts/{slug}",
		"blog:comment": "/blog/posts/{id}/c",
		"blog:files":   "/blog/files/{+*1}",
		"blog:user":    "/blog/user{/name}",
	} {
		if e := m.Endpoints[name]; e == nil || e.Template != want || e.Prefix != "/blog" || e.Namespace != "blog" {
			t.Errorf("%s: %+v, want template %q", name, e, want)
		}
	}
	post := m.Endpoints["blog:post"].Path[1]
	if post.Kind != "param" || len(post.Taken) != 1 || post.Taken[0].By != "GET /posts/new" || post.Taken[0].Values[0] != "new" {
		t.Errorf("post's slug part: %+v", post)
	}
	if c := m.Endpoints["blog:comment"].Path[1]; c.Pattern != "[0-9]+" || c.JS != "(?:[0-9])+" {
		t.Errorf("comment's id part: %+v", c)
	}
	if f := m.Endpoints["blog:files"].Path[1]; f.Kind != "wildcard" || f.Alias != "*" {
		t.Errorf("files' wildcard: %+v", f)
	}
	// A predicate chooses single endpoints, from any app.
	m, err = b.Manifest(urlfor.ManifestOptions{Include: func(e urlfor.Endpoint) bool { return e.Name == "cart" }})
	if err != nil || len(m.Endpoints) != 1 || m.Endpoints["cart"] == nil || m.Endpoints["cart"].Prefix != "" {
		t.Fatalf("Include cart: %+v, %v", m, err)
	}
	data, err := m.JSON()
	if err != nil || !json.Valid(data) || !strings.Contains(string(data), `"partyline": "partyline.manifest/1"`) {
		t.Errorf("JSON: %s, %v", data, err)
	}
}

func TestManifestHandler(t *testing.T) {
	b := manifestParty(t)
	h := b.ManifestHandler(urlfor.ManifestOptions{Namespaces: []string{"blog", ""}})
	srv := httptest.NewServer(h)
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	etag := resp.Header.Get("ETag")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json" || resp.Header.Get("Cache-Control") != "no-cache" || len(etag) != 34 {
		t.Fatalf("GET: %s %q", resp.Status, resp.Header)
	}
	req, _ := http.NewRequest("GET", srv.URL, nil)
	req.Header.Set("If-None-Match", etag)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusNotModified {
		t.Errorf("revalidation: %v, %v", resp, err)
	}
	if resp, err := http.Post(srv.URL, "text/plain", nil); err != nil || resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %v, %v", resp, err)
	}
	none := httptest.NewRecorder()
	urlfor.New(nil).ManifestHandler(urlfor.ManifestOptions{Namespaces: []string{"x"}}).ServeHTTP(none, httptest.NewRequest("GET", "/", nil))
	if none.Code != http.StatusServiceUnavailable {
		t.Errorf("no party: %d", none.Code)
	}
}

func TestManifestTypeScript(t *testing.T) {
	m, err := manifestParty(t).Manifest(urlfor.ManifestOptions{Namespaces: []string{"blog", ""}})
	if err != nil {
		t.Fatal(err)
	}
	ts := m.TypeScript()
	for _, want := range []string{
		`"blog:post": { "slug": Value };`,
		`"blog:files": {} & ({ "*1"?: Value } | { "*"?: Value });`,
		`"blog:user": { "name"?: Value };`,
		`"cart": { "id": Value };`,
		"export declare function urlFor<N extends keyof Endpoints>(",
	} {
		if !strings.Contains(ts, want) {
			t.Errorf("TypeScript lacks %q:\n%s", want, ts)
		}
	}
}
