package urlfor_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

// A manifest exported by one party is loaded by another: its endpoints
// build the same URLs, absolute on the origin, with the same refusals.
func TestRemoteRoundTrip(t *testing.T) {
	m, err := manifestParty(t).Manifest(urlfor.ManifestOptions{Namespaces: []string{"blog"}})
	if err != nil {
		t.Fatal(err)
	}
	data, _ := m.JSON()
	local := urlfor.New(newParty(t, mount{"/shop", urlfortest.NewApp("shop", route("cart", "/cart/{id}"))}))
	rm, err := local.AddRemote(data, "https://blog.example.com")
	if err != nil {
		t.Fatal(err)
	}
	if ns := rm.Namespaces(); len(ns) != 1 || ns[0] != "blog" {
		t.Errorf("Namespaces = %q", ns)
	}
	for _, tt := range []struct {
		name  string
		pairs []string
		want  string
	}{
		{"blog:post", []string{"slug", "a b"}, "https://blog.example.com/blog/posts/a%20b"},
		{"blog:comment", []string{"id", "42", "q", "1"}, "https://blog.example.com/blog/posts/42/c?q=1"},
		{"blog:files", []string{"*", "a/b"}, "https://blog.example.com/blog/files/a/b"},
		{"blog:user", nil, "https://blog.example.com/blog/user"},
		{"cart", []string{"id", "1"}, "/shop/cart/1"},
	} {
		if got, err := local.URL(tt.name, tt.pairs...); err != nil || got != tt.want {
			t.Errorf("URL(%s, %q) = %q, %v; want %q", tt.name, tt.pairs, got, err, tt.want)
		}
	}
	var pe *urlfor.ParamError
	if _, err := local.URL("blog:post", "slug", "new"); !errors.As(err, &pe) || pe.TakenBy != "GET /posts/new" {
		t.Errorf("taken value: %v", err)
	}
	if _, err := local.URL("blog:comment", "id", "x"); !errors.Is(err, urlfor.ErrInvalidParam) {
		t.Errorf("constraint: %v", err)
	}
	var ue *urlfor.UnknownEndpointError
	if _, err := local.URL("blog:pots", "slug", "x"); !errors.As(err, &ue) || len(ue.Suggestions()) == 0 || ue.Suggestions()[0] != "blog:post" {
		t.Errorf("did you mean: %v", err)
	}

	// A bad manifest changes nothing; a good one replaces the endpoints.
	for _, bad := range [][]byte{[]byte("{"), []byte(`{"partyline": "partyline.manifest/0", "endpoints": {}}`), []byte(strings.Replace(string(data), `"[0-9]+"`, `"[0-9"`, 1))} {
		if err := rm.Reload(bad); err == nil {
			t.Errorf("Reload(%.40q) succeeded", bad)
		}
	}
	if u, err := local.URL("blog:post", "slug", "x"); err != nil || u != "https://blog.example.com/blog/posts/x" {
		t.Errorf("after bad reloads: %q, %v", u, err)
	}
	m2, _ := manifestParty(t).Manifest(urlfor.ManifestOptions{Include: func(e urlfor.Endpoint) bool { return e.Name == "blog:user" }})
	data2, _ := m2.JSON()
	if err := rm.Reload(data2); err != nil {
		t.Fatal(err)
	}
	if _, err := local.URL("blog:post", "slug", "x"); !errors.Is(err, urlfor.ErrUnknownEndpoint) {
		t.Errorf("blog:post after a reload without it: %v", err)
	}
	if u, err := local.URL("blog:user", "name", "ann"); err != nil || u != "https://blog.example.com/blog/user/ann" {
		t.Errorf("blog:user after reload: %q, %v", u, err)
	}
}

func TestAddRemoteRefusals(t *testing.T) {
	m, _ := manifestParty(t).Manifest(urlfor.ManifestOptions{Namespaces: []string{"blog"}, Origin: "https://blog.example.com"})
	data, _ := m.JSON()
	b := urlfor.New(newParty(t, mount{"/blog", urlfortest.NewApp("blog", route("home", "/"))}))
	if _, err := b.AddRemote(data, ""); !errors.Is(err, urlfor.ErrBadCall) || !strings.Contains(err.Error(), `namespace "blog" is already on the party`) {
		t.Errorf("namespace clash: %v", err)
	}
	other := urlfor.New(newParty(t, mount{"/shop", urlfortest.NewApp("shop", route("home", "/"))}))
	if _, err := other.AddRemote(data, "ftp://x"); !errors.Is(err, urlfor.ErrBadCall) {
		t.Errorf("bad origin: %v", err)
	}
	if _, err := urlfor.New(nil).AddRemote(data, ""); !errors.Is(err, urlfor.ErrBadCall) {
		t.Errorf("no party: %v", err)
	}
	// From a file, on the manifest's own origin.
	path := filepath.Join(t.TempDir(), "blog.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	rm, err := other.AddRemoteFile(path, "")
	if err != nil {
		t.Fatal(err)
	}
	if u, err := other.URL("blog:post", "slug", "x"); err != nil || u != "https://blog.example.com/blog/posts/x" {
		t.Errorf("from a file: %q, %v", u, err)
	}
	if _, err := other.AddRemoteFile(filepath.Join(t.TempDir(), "none.json"), ""); !errors.Is(err, urlfor.ErrBadCall) {
		t.Errorf("missing file: %v", err)
	}
	if err := rm.Reload([]byte(`{"partyline": "partyline.manifest/1", "endpoints": {"x:y": {"namespace": "x", "template": "/y", "pattern": "/y", "path": [{"kind": "literal", "text": "/y"}]}}}`)); !errors.Is(err, urlfor.ErrBadCall) || !strings.Contains(err.Error(), "is new") {
		t.Errorf("Reload adding a namespace: %v", err)
	}
}

// A remote app's URLs are refused where its own party would not route
// them: its invite paths and the apps mounted inside it, from the manifest.
func TestRemoteRefusesItsPartysInvitePathsAndNestedApps(t *testing.T) {
	outer := urlfortest.NewApp("site", urlfortest.Route("page", "GET", "/{*p}", urlfor.Literal("/"), urlfor.Wildcard("p")))
	inner := urlfortest.NewApp("docs", route("home", "/"))
	m, err := urlfor.New(newParty(t, mount{"/site", outer}, mount{"/site/docs", inner})).Manifest(urlfor.ManifestOptions{Namespaces: []string{"site"}})
	if err != nil {
		t.Fatal(err)
	}
	data, _ := m.JSON()
	b := urlfor.New(newParty(t, mount{"/x", urlfortest.NewApp("x")}))
	if _, err := b.AddRemote(data, "https://remote.example"); err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{"__invite__", "docs/intro"} {
		if u, err := b.URL("site:page", "p", v); !errors.Is(err, urlfor.ErrInvalidParam) {
			t.Errorf("site:page %q = %q, %v; want a refusal (the remote party would not route it)", v, u, err)
		}
	}
	if u, err := b.URL("site:page", "p", "about"); err != nil || u != "https://remote.example/site/about" {
		t.Errorf("site:page about = %q, %v", u, err)
	}
}
