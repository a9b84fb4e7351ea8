package urlfor_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// One app mounted twice: the second invitation is declined, and core.New
// fails saying the app already joined and where.
func TestMemberMountedTwice(t *testing.T) {
	app := newMemberApp(urlfor.Config{Namespace: "blog", Source: urlfor.SourceFunc(func() []urlfor.Route {
		return []urlfor.Route{route("post", "/posts/{id}")}
	})}, nil)
	_, err := core.New(dispatcher(mount{"/a", app}, mount{"/b", app}), []string{"/a/__invite__/", "/b/__invite__/"})
	var ie *core.InvitationError
	if !errors.As(err, &ie) || !errors.Is(err, core.ErrAlreadyJoined) || ie.Path != "/b/__invite__/" || ie.Status != http.StatusConflict {
		t.Fatalf("New: %v; want /b's invitation declined with core.ErrAlreadyJoined (409)", err)
	}
	if want := "app already joined at /a/__invite__/ (this party: the app is mounted twice)"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not say %q", err, want)
	}
	if u, err := app.m.URL("post", "id", "7"); err != nil || u != "/a/posts/7" {
		t.Errorf("the app's links after the refused second mount: %q, %v; want /a/posts/7", u, err)
	}
}

// An app on a party invited by a second one declines: it does not switch,
// so its links (and the first party's directory) stay right.
func TestMemberInvitedBySecondParty(t *testing.T) {
	blog := newMemberApp(urlfor.Config{Namespace: "blog", Source: urlfor.SourceFunc(func() []urlfor.Route {
		return []urlfor.Route{route("post", "/posts/{id}")}
	})}, nil)
	p1 := newParty(t, mount{"/blog", blog})
	_, err := core.New(dispatcher(mount{"/journal", blog}), []string{"/journal/__invite__/"})
	if !errors.Is(err, core.ErrAlreadyJoined) || !strings.Contains(err.Error(), "at /blog/__invite__/ (another party)") {
		t.Fatalf("second party: %v; want ErrAlreadyJoined naming the first party's invite path", err)
	}
	if u, err := blog.m.URL("post", "id", "7"); err != nil || u != "/blog/posts/7" {
		t.Errorf("blog after the second party: %q, %v", u, err)
	}
	if u, err := urlfor.New(p1).URL("blog:post", "id", "7"); err != nil || u != "/blog/posts/7" {
		t.Errorf("first party's builder: %q, %v", u, err)
	}
}

// A join that fails (a namespace another app took) fails core.New with
// the adapter's reason in the error itself.
func TestMemberJoinFailureReachesNew(t *testing.T) {
	src := urlfor.SourceFunc(func() []urlfor.Route { return []urlfor.Route{route("post", "/posts/{id}")} })
	a := newMemberApp(urlfor.Config{Namespace: "blog", Source: src}, nil)
	b := newMemberApp(urlfor.Config{Namespace: "blog", Source: src}, nil)
	_, err := core.New(dispatcher(mount{"/a", a}, mount{"/b", b}), []string{"/a/__invite__/", "/b/__invite__/"})
	if !errors.Is(err, core.ErrNamespaceTaken) || !strings.Contains(err.Error(), "core: invitation /b/__invite__/: the app declined:") {
		t.Fatalf("New: %v; want /b declined with ErrNamespaceTaken", err)
	}
	if !errors.Is(b.m.Err(), core.ErrNamespaceTaken) {
		t.Errorf("Member.Err() = %v", b.m.Err())
	}
}

// With core.AllowDecline, an app that did not join is named by the
// unknown-endpoint error: the endpoint may be one of its.
func TestUnknownEndpointNamesAppsThatDidNotJoin(t *testing.T) {
	blog := newMemberApp(urlfor.Config{Namespace: "blog", Source: urlfor.SourceFunc(func() []urlfor.Route {
		return []urlfor.Route{route("post", "/posts/{id}")}
	})}, nil)
	p, err := core.New(dispatcher(mount{"/blog", blog}), []string{"/blog/__invite__/", "/forum/__invite__/"}, core.AllowDecline())
	if err != nil {
		t.Fatal(err)
	}
	_, err = urlfor.New(p).URL("forum:thread", "id", "1")
	var ue *urlfor.UnknownEndpointError
	if !errors.As(err, &ue) || len(ue.NotJoined()) != 1 || ue.NotJoined()[0] != "/forum/__invite__/" {
		t.Fatalf("URL(forum:thread): %v; want an UnknownEndpointError naming /forum/__invite__/", err)
	}
	if want := "invited but not joined: /forum/__invite__/"; !strings.Contains(err.Error(), want) {
		t.Errorf("message %q does not say %q", err, want)
	}
}
