package urlfor_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

// A value that turns the URL into an invite path builds a dead link: the
// party answers such paths 404 from outside. Every adapter shares this
// through urlfor, so it is refused here, for the Builder, for local names
// and for the url_for service.
func TestRefusesInvitePaths(t *testing.T) {
	page := urlfortest.Route("page", "GET", "/{slug}/", urlfor.Literal("/"), urlfor.Param("slug"), urlfor.Literal("/"))
	file := urlfortest.Route("file", "GET", "/{path...}", urlfor.Literal("/"), urlfor.Wildcard("path"))
	blog := urlfortest.NewApp("blog", page, file)
	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", blog))
	party, err := core.New(mux, []string{"/blog/__invite__/"})
	if err != nil {
		t.Fatal(err)
	}
	b := urlfor.New(party)
	for _, c := range []struct{ name, key, value string }{
		{"blog:page", "slug", "__invite__"},
		{"blog:page", "slug", "__INVITE__"},
		{"blog:file", "path", "__invite__"},
		{"blog:file", "path", "__Invite__"},
	} {
		u, err := b.URL(c.name, c.key, c.value)
		var pe *urlfor.ParamError
		if !errors.As(err, &pe) || !errors.Is(err, urlfor.ErrInvalidParam) || pe.Param != c.key || pe.Value != c.value || !strings.Contains(err.Error(), "invite path") {
			t.Errorf("URL(%s, %s=%q) = %q, %v; want a ParamError naming the invite path", c.name, c.key, c.value, u, err)
		}
		if _, err := blog.Participant().URL(c.name, c.key, c.value); !errors.Is(err, urlfor.ErrInvalidParam) {
			t.Errorf("local URL(%s, %q): %v, want ErrInvalidParam", c.name, c.value, err)
		}
	}
	if _, err := party.AskAround(urlfor.Service, &urlfor.Request{Name: "blog:page", Pairs: []string{"slug", "__invite__"}}); !errors.Is(err, urlfor.ErrInvalidParam) {
		t.Errorf("url_for service: %v, want ErrInvalidParam", err)
	}
	// Neighbours of the invite path are fine.
	for _, v := range []string{"__invite", "invite", "__invite__x"} {
		if u, err := b.URL("blog:page", "slug", v); err != nil || u != "/blog/"+v+"/" {
			t.Errorf("URL(blog:page, %q) = %q, %v", v, u, err)
		}
	}
}

// The root app's "/{page}" with page "blog" would reach the app mounted at
// /blog, not the root app: the dispatcher routes by mount prefix first.
func TestRefusesPathsOfNestedApps(t *testing.T) {
	root := urlfortest.NewApp("site", urlfortest.Route("page", "GET", "/{page}", urlfor.Literal("/"), urlfor.Param("page")))
	blog := urlfortest.NewApp("blog", urlfortest.Route("post", "GET", "/{id}", urlfor.Literal("/"), urlfor.Param("id")))
	mux := http.NewServeMux()
	mux.Handle("/", root)
	mux.Handle("/blog/", http.StripPrefix("/blog", blog))
	party, err := core.New(mux, []string{"/__invite__/", "/blog/__invite__/"})
	if err != nil {
		t.Fatal(err)
	}
	b := urlfor.New(party)
	if u, err := b.URL("site:page", "page", "blog"); !errors.Is(err, urlfor.ErrInvalidParam) || !strings.Contains(err.Error(), "mounted at /blog") {
		t.Errorf("site:page blog = %q, %v; want a refusal naming /blog", u, err)
	}
	for _, c := range [][]string{{"site:page", "page", "blogs"}, {"site:page", "page", "Blog"}, {"blog:post", "id", "blog"}} {
		if _, err := b.URL(c[0], c[1:]...); err != nil {
			t.Errorf("URL%v: %v", c, err)
		}
	}
}
