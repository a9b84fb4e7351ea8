package core_test

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/core"
)

// An invite path listed without the trailing slash of the app's invite
// route: a router that redirects to the slashed path does not join, and
// New's error says which path to list.
func TestInvitePathWithoutTrailingSlashIsExplained(t *testing.T) {
	legacy := newTestApp("legacy", nil)
	mux := dispatcher(mountPoint{"/legacy", legacy})
	p, err := core.New(mux, []string{"/legacy/__invite__"})
	var ie *core.InvitationError
	if p != nil || !errors.As(err, &ie) {
		t.Fatalf("New = %v, %v; want an *InvitationError", p, err)
	}
	if ie.Status/100 != 3 || ie.Location != "/__invite__/" {
		t.Errorf("error = %+v, want a 3xx with the app's Location", ie)
	}
	if want := "list the invite path as /legacy/__invite__/"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not say %q", err, want)
	}
}

// A router that serves the slashed route for the unslashed path hands the
// app the invitation, and MountPrefix still finds the mount prefix.
func TestMountPrefixWithoutTrailingSlash(t *testing.T) {
	for _, tt := range []struct{ invite, local, want string }{
		{"/blog/__invite__", "/__invite__/", "/blog"},
		{"/__invite__", "/__invite__/", ""},
		{"/blog/__invite__/", "/__invite__/", "/blog"},
		{"/blog/_party", "/_party", "/blog"},
	} {
		if got, err := core.MountPrefix(tt.invite, tt.local); err != nil || got != tt.want {
			t.Errorf("MountPrefix(%q, %q) = %q, %v; want %q", tt.invite, tt.local, got, err, tt.want)
		}
	}
	// The tolerance is for the route's own trailing slash only.
	for _, tt := range []struct{ invite, local string }{
		{"/blog/__invite__/", "/__invite__"},
		{"/blog__invite__", "/__invite__/"},
	} {
		if got, err := core.MountPrefix(tt.invite, tt.local); !errors.Is(err, core.ErrInvalidInvitePath) {
			t.Errorf("MountPrefix(%q, %q) = %q, %v; want ErrInvalidInvitePath", tt.invite, tt.local, got, err)
		}
	}
}

var errNamespaceClash = errors.New("namespace clash")

// An adapter that accepts and then cannot join declines with its reason:
// New fails with an *InvitationError that wraps the reason, the operator
// leaves the party with the handlers it connected, and the others stay.
func TestDeclineFailsNewWithTheReason(t *testing.T) {
	var party *core.Party
	shop := newTestApp("shop", func(op *core.Operator) {
		op.Connect("ping", func(any) (any, error) { return "shop", nil })
	})
	blog := newTestApp("blog", func(op *core.Operator) {
		party = op.Party()
		op.Connect("ping", func(any) (any, error) { return "blog", nil })
		op.Connect("blog-only", func(any) (any, error) { return "blog", nil })
		if !op.Decline(fmt.Errorf("partyblog: %w", errNamespaceClash)) {
			t.Error("Decline during the invitation = false")
		}
	})
	mux := dispatcher(mountPoint{"", shop}, mountPoint{"/blog", blog})
	p, err := core.New(mux, invitePaths("", "/blog"), core.AllowDecline())
	var ie *core.InvitationError
	if p != nil || !errors.As(err, &ie) || !errors.Is(err, errNamespaceClash) || !errors.Is(err, core.ErrNotJoined) {
		t.Fatalf("New = %v, %v; want nil and an *InvitationError wrapping the reason (AllowDecline does not hide it)", p, err)
	}
	if ie.Path != "/blog/__invite__/" || !ie.Seen || !strings.Contains(err.Error(), "the app declined: partyblog: namespace clash") {
		t.Errorf("error = %+v (%q)", ie, err)
	}
	if ops := party.Operators(); len(ops) != 1 || ops[0].InvitePath() != "/__invite__/" {
		t.Errorf("operators after the decline: %v, want only the shop's", ops)
	}
	if got, err := party.AskAround("ping", nil); err != nil || len(got) != 1 || got[0] != "shop" {
		t.Errorf("AskAround(ping) = %v, %v; want only the shop's answer", got, err)
	}
	if _, err := party.AskAround("blog-only", nil); !errors.Is(err, core.ErrNoSuchService) {
		t.Errorf("AskAround(blog-only) = %v; the declining app's handler should be gone", err)
	}
	if blog.operator(t).Decline(errNamespaceClash) {
		t.Error("Decline after the invitation = true, want false")
	}
}

// One app mounted twice: the second invitation is declined with
// ErrAlreadyJoined naming the first, as adapters do (urlfor.Member).
func TestSecondMountIsDeclined(t *testing.T) {
	var first *core.Operator
	app := http.NewServeMux()
	app.HandleFunc(core.DefaultInvitePath, func(w http.ResponseWriter, r *http.Request) {
		op, ok := core.AcceptInvitation(r)
		if !ok {
			http.NotFound(w, r)
			return
		}
		if first != nil {
			op.Decline(fmt.Errorf("%w at %s", core.ErrAlreadyJoined, first.InvitePath()))
			http.Error(w, "already joined", http.StatusConflict)
			return
		}
		first = op
	})
	mux := dispatcher(mountPoint{"/a", app}, mountPoint{"/b", app})
	_, err := core.New(mux, invitePaths("/a", "/b"))
	var ie *core.InvitationError
	if !errors.As(err, &ie) || !errors.Is(err, core.ErrAlreadyJoined) || ie.Path != "/b/__invite__/" || ie.Status != http.StatusConflict {
		t.Fatalf("New: %v (%+v); want /b's invitation declined with ErrAlreadyJoined", err, ie)
	}
	if !strings.Contains(err.Error(), "app already joined at /a/__invite__/") {
		t.Errorf("error %q does not say where the app joined", err)
	}
}

// A decline without a reason still fails New, saying so.
func TestDeclineWithoutAReason(t *testing.T) {
	app := newTestApp("blog", func(op *core.Operator) { op.Decline(nil) })
	_, err := core.New(dispatcher(mountPoint{"/blog", app}), invitePaths("/blog"))
	if !errors.Is(err, core.ErrNotJoined) || !strings.Contains(err.Error(), "the app declined: declined without a reason") {
		t.Errorf("New: %v", err)
	}
}

// Any other redirect is reported with its target.
func TestInvitationRedirectedElsewhere(t *testing.T) {
	app := http.RedirectHandler("/login", http.StatusFound)
	_, err := core.New(dispatcher(mountPoint{"/blog", app}), invitePaths("/blog"))
	var ie *core.InvitationError
	if !errors.As(err, &ie) || ie.Location != "/login" || !strings.Contains(err.Error(), "answered 302 and no partyline adapter saw the invitation (redirect to /login)") {
		t.Errorf("New: %v", err)
	}
}

// An invite path that is the default route without its slash, answered
// without a redirect, gets the same advice.
func TestInvitePathWithoutTrailingSlashNotFound(t *testing.T) {
	_, err := core.New(http.NotFoundHandler(), []string{"/blog/__invite__"})
	if want := "list the invite path as /blog/__invite__/"; !errors.Is(err, core.ErrNotJoined) || !strings.Contains(err.Error(), want) {
		t.Errorf("New: %v; want it to say %q", err, want)
	}
}
