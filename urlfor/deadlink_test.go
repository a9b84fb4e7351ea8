package urlfor_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

// A URL that the party or the dispatcher would send elsewhere is refused:
// an invite path (the party answers it 404 from outside), or a path under
// the mount prefix of an app mounted inside the one that builds it.
func TestDeadLinksAreRefused(t *testing.T) {
	root := urlfortest.NewApp("",
		route("page", "/{page}"),
		route("files", "/files/{*rest}"),
		route("any", "/{*rest}"),
	)
	blog := urlfortest.NewApp("blog", route("post", "/posts/{id}"))
	b := urlfor.New(newParty(t, mount{"", root}, mount{"/blog", blog}))

	for _, tt := range []struct{ name, param, value string }{
		{"any", "rest", "__invite__"},
		{"any", "rest", "blog/__invite__"},
		{"any", "rest", "BLOG/__Invite__"},
		{"page", "page", "__invite__"},
		{"page", "page", "blog"},
		{"any", "rest", "blog/posts/7"},
	} {
		got, err := b.URL(tt.name, tt.param, tt.value)
		if !errors.Is(err, urlfor.ErrInvalidParam) {
			t.Errorf("URL(%s, %s=%q) = %q, %v; want ErrInvalidParam", tt.name, tt.param, tt.value, got, err)
			continue
		}
		var pe *urlfor.ParamError
		if errors.As(err, &pe) && (pe.Param != tt.param || pe.Value != tt.value || !strings.HasPrefix(pe.Error(), "urlfor: ")) {
			t.Errorf("URL(%s, %s=%q): %+v", tt.name, tt.param, tt.value, pe)
		}
	}
	for _, tt := range []struct{ name, param, value, want string }{
		{"page", "page", "blogger", "/blogger"},
		{"page", "page", "about", "/about"},
		{"page", "page", "__invite", "/__invite"},
		{"files", "rest", "__invite__", "/files/__invite__"},
		{"any", "rest", "blogs/x", "/blogs/x"},
	} {
		got, err := b.URL(tt.name, tt.param, tt.value)
		if err != nil || got != tt.want {
			t.Errorf("URL(%s, %s=%q) = %q, %v; want %q", tt.name, tt.param, tt.value, got, err, tt.want)
		}
	}
	// The blog's own URLs are fine, whatever the value.
	if got, err := b.URL("blog:post", "id", "__invite__"); err != nil || got != "/blog/posts/__invite__" {
		t.Errorf("URL(blog:post) = %q, %v", got, err)
	}
}
