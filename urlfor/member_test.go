package urlfor_test

import (
	"crypto/tls"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

// joiner returns a member app (newMemberApp) whose routes are a urlfortest
// app's, and its member.
func joiner(namespace string, routes ...urlfor.Route) (*urlfor.Member, http.Handler) {
	a := newMemberApp(urlfor.Config{Namespace: namespace, Framework: "member", Source: urlfortest.NewApp(namespace, routes...)}, nil)
	return a.m, a
}

func TestMemberAbsoluteURL(t *testing.T) {
	m, blog := joiner("blog", route("post", "/posts/{id}"))
	shop := urlfortest.NewApp("", route("cart", "/cart/{id}"))

	req := httptest.NewRequest("GET", "http://example.com/blog/x", nil)
	if _, err := m.AbsoluteURL(req, urlfor.HostPolicy{}, "post", "id", "7"); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("before the invitation: %v, want ErrNotInvited", err)
	}
	newParty(t, mount{"/blog", blog}, mount{"", shop})

	_, err := m.AbsoluteURL(nil, urlfor.HostPolicy{}, "post", "id", "7")
	if !errors.Is(err, urlfor.ErrBadCall) || !strings.Contains(err.Error(), `"post"`) {
		t.Errorf("nil request: %v, want ErrBadCall naming the endpoint", err)
	}

	forwarded := httptest.NewRequest("GET", "http://internal:8080/blog/x", nil)
	forwarded.Header.Set("X-Forwarded-Proto", "https, http")
	forwarded.Header.Set("X-Forwarded-Host", "example.org, internal")
	secure := httptest.NewRequest("GET", "http://example.com/blog/x", nil)
	secure.TLS = &tls.ConnectionState{}
	badHost := httptest.NewRequest("GET", "http://example.com/blog/x", nil)
	badHost.Host = "example.com/evil"

	for _, tc := range []struct {
		desc  string
		r     *http.Request
		trust bool
		name  string
		pairs []string
		want  string
	}{
		{"plain", req, false, "post", []string{"id", "7"}, "http://example.com/blog/posts/7"},
		{"local first, query", req, false, "post", []string{"id", "a b", "q", "1"}, "http://example.com/blog/posts/a%20b?q=1"},
		{"another app", req, false, "cart", []string{"id", "3"}, "http://example.com/cart/3"},
		{"tls", secure, false, "post", []string{"id", "7"}, "https://example.com/blog/posts/7"},
		{"proxy not trusted", forwarded, false, "post", []string{"id", "7"}, "http://internal:8080/blog/posts/7"},
		{"proxy trusted", forwarded, true, "post", []string{"id", "7"}, "https://example.org/blog/posts/7"},
	} {
		hp, err := urlfor.NewHostPolicy("", nil, tc.trust)
		if err != nil {
			t.Fatal(err)
		}
		got, err := m.AbsoluteURL(tc.r, hp, tc.name, tc.pairs...)
		if err != nil || got != tc.want {
			t.Errorf("%s: AbsoluteURL(%q, %q) = %q, %v, want %q", tc.desc, tc.name, tc.pairs, got, err, tc.want)
		}
	}

	if _, err := m.AbsoluteURL(badHost, urlfor.HostPolicy{}, "post", "id", "7"); !errors.Is(err, urlfor.ErrBadCall) {
		t.Errorf("malformed host: %v, want ErrBadCall", err)
	}
	if _, err := m.AbsoluteURL(req, urlfor.HostPolicy{}, "post"); !errors.Is(err, urlfor.ErrMissingParam) {
		t.Errorf("missing id: %v, want ErrMissingParam", err)
	}
}

func TestCheckRedirectCode(t *testing.T) {
	for _, code := range []int{300, 301, 302, 303, 304, 307, 308, 399} {
		if err := urlfor.CheckRedirectCode(code); err != nil {
			t.Errorf("CheckRedirectCode(%d) = %v, want nil", code, err)
		}
	}
	for _, code := range []int{-1, 0, 200, 299, 400, 1302} {
		err := urlfor.CheckRedirectCode(code)
		var rce *urlfor.RedirectCodeError
		if !errors.As(err, &rce) || rce.Code != code || !errors.Is(err, urlfor.ErrBadCall) {
			t.Errorf("CheckRedirectCode(%d) = %v, want a *RedirectCodeError matching ErrBadCall", code, err)
		}
	}
	if got, want := urlfor.CheckRedirectCode(200).Error(), "urlfor: redirect status 200 is not a 3xx status"; got != want {
		t.Errorf("message %q, want %q", got, want)
	}
}

func TestMemberErr(t *testing.T) {
	m, app := joiner("blog", route("post", "/posts/{id}"))
	if err := m.Err(); err != nil {
		t.Errorf("before any invitation: %v", err)
	}

	// A request to the invite route that is not an invitation changes nothing.
	if status := m.Accept(httptest.NewRequest("GET", core.DefaultInvitePath, nil)); status != http.StatusNotFound || m.Err() != nil {
		t.Errorf("not an invitation: %d, %v", status, m.Err())
	}

	// The namespace is taken: the join fails and Err says why.
	taken := urlfortest.NewApp("blog", route("post", "/p/{id}"))
	_, err := core.New(dispatcher(mount{"/a", taken}, mount{"/b", app}), []string{"/a/__invite__/", "/b/__invite__/"})
	var ie *core.InvitationError
	if !errors.As(err, &ie) || ie.Status != http.StatusInternalServerError {
		t.Fatalf("core.New = %v, want the member's invitation to fail with 500", err)
	}
	if !errors.Is(m.Err(), core.ErrNamespaceTaken) || m.Invited() {
		t.Errorf("after a failed join: Err %v, Invited %v", m.Err(), m.Invited())
	}

	// A later join succeeds and clears it.
	newParty(t, mount{"/b", app})
	if err := m.Err(); err != nil || !m.Invited() {
		t.Errorf("after a join: Err %v, Invited %v", err, m.Invited())
	}
}

// Err may be read while invitations are accepted (go test -race).
func TestMemberErrConcurrent(t *testing.T) {
	m, app := joiner("blog", route("post", "/posts/{id}"))
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
					_ = m.Err()
				}
			}
		}()
	}
	// Failed joins store an error; the one join an app may make clears it.
	for range 10 {
		taken := urlfortest.NewApp("blog", route("post", "/p/{id}"))
		_, _ = core.New(dispatcher(mount{"/a", taken}, mount{"/b", app}), []string{"/a/__invite__/", "/b/__invite__/"})
	}
	newParty(t, mount{"/b", app})
	close(stop)
	wg.Wait()
	if err := m.Err(); err != nil {
		t.Errorf("after the last join: %v", err)
	}
}
