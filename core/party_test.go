package core_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/partyline-go/partyline/core"
)

func TestNewRejectsInvalidInvitePaths(t *testing.T) {
	for _, tc := range []struct {
		name    string
		invites []string
	}{
		{"empty", []string{""}},
		{"no leading slash", []string{"__invite__/"}},
		{"mounted, no leading slash", []string{"blog/__invite__/"}},
		{"double slash alone", []string{"//"}},
		{"double slash inside", []string{"/blog//__invite__/"}},
		{"double slash at the end", []string{"/blog/__invite__//"}},
		{"dot segment alone", []string{"/./"}},
		{"dot segment inside", []string{"/blog/./__invite__/"}},
		{"dot segment at the end", []string{"/blog/__invite__/."}},
		{"dot-dot segment alone", []string{"/../"}},
		{"dot-dot segment inside", []string{"/blog/../__invite__/"}},
		{"dot-dot segment at the end", []string{"/blog/__invite__/.."}},
		{"duplicate", []string{"/__invite__/", "/blog/__invite__/", "/__invite__/"}},
		{"valid ones first, invalid last", []string{"/__invite__/", "/blog/__invite__/", "shop/__invite__/"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var sent atomic.Int32
			app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				sent.Add(1)
				core.AcceptInvitation(r)
			})
			p, err := core.New(app, tc.invites)
			if !errors.Is(err, core.ErrInvalidInvitePath) {
				t.Fatalf("New(%q) error = %v, want ErrInvalidInvitePath", tc.invites, err)
			}
			if p != nil {
				t.Error("New returned a party with its error")
			}
			if !strings.HasPrefix(err.Error(), "core: ") {
				t.Errorf("error %q does not start with the package name", err)
			}
			if n := sent.Load(); n != 0 {
				t.Errorf("%d invitations were sent, want none", n)
			}
		})
	}
}

func TestNewAcceptsUnusualButCleanInvitePaths(t *testing.T) {
	for _, invites := range [][]string{
		nil,
		{},
		{"/__invite__"},        // no trailing slash
		{"/a/b/c/__invite__/"}, // deep mount
		{"/blog/__invite__/", "/blog/__invite__"}, // differ by the slash: two paths
		{"/.well-known/__invite__/"},              // a dot inside a segment is fine
		{"/blog/.../__invite__/"},                 // three dots is a name, not a dot segment
	} {
		app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { core.AcceptInvitation(r) })
		p, err := core.New(app, invites)
		if err != nil {
			t.Errorf("New(%q): %v", invites, err)
			continue
		}
		if got := len(p.Invitations()); got != len(invites) {
			t.Errorf("New(%q) sent %d invitations", invites, got)
		}
	}
}

func TestNewNilDispatcher(t *testing.T) {
	p, err := core.New(nil, invitePaths("", "/blog"))
	if err == nil || p != nil {
		t.Fatalf("New(nil) = %v, %v; want nil and an error", p, err)
	}
	if !strings.Contains(err.Error(), "nil dispatcher") {
		t.Errorf("error %q does not say the dispatcher is nil", err)
	}
}

// An invite path that no app joins is an error from New naming the path,
// the status, and that no adapter saw it: a mistake in the listing or the
// mounting, not something to find out from a later "unknown endpoint".
func TestInvitationNobodyJoinedFailsNew(t *testing.T) {
	root, shop := newTestApp("root", nil), newTestApp("shop", nil)
	mux := dispatcher(mountPoint{"", root}, mountPoint{"/shop", shop})
	p, err := core.New(mux, invitePaths("", "/blog", "/shop"))
	var ie *core.InvitationError
	if p != nil || !errors.As(err, &ie) || !errors.Is(err, core.ErrNotJoined) {
		t.Fatalf("New = %v, %v; want nil and an *InvitationError matching ErrNotJoined", p, err)
	}
	if ie.Path != "/blog/__invite__/" || ie.Status != http.StatusNotFound || ie.Seen || ie.Reason != nil {
		t.Errorf("error = %+v, want /blog/__invite__/, 404, not seen, no reason", ie)
	}
	for _, want := range []string{"/blog/__invite__/", "answered 404", "no partyline adapter saw the invitation", "core.AllowDecline"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if root.reached.Load() != 1 || shop.reached.Load() != 1 {
		t.Errorf("the other apps were invited %d and %d times, want once each", root.reached.Load(), shop.reached.Load())
	}
}

// With AllowDecline, an app that answers its invitation 404 is not
// participating (wsgi_party): recorded, not an error, and the others still
// join.
func TestInvitationAnswered404IsNotParticipating(t *testing.T) {
	root, shop := newTestApp("root", nil), newTestApp("shop", nil)
	// Nothing is mounted at /blog: the root app's mux answers 404 for it.
	mux := dispatcher(mountPoint{"", root}, mountPoint{"/shop", shop})
	p, err := core.New(mux, invitePaths("", "/blog", "/shop"), core.AllowDecline())
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	invs := p.Invitations()
	if len(invs) != 3 {
		t.Fatalf("Invitations() has %d entries, want 3", len(invs))
	}
	if b := invs[1]; b.Path != "/blog/__invite__/" || b.Status != http.StatusNotFound || b.Joined || b.Err != nil {
		t.Errorf("blog invitation = %+v, want 404, not joined, no error", b)
	}
	for _, i := range []int{0, 2} {
		if inv := invs[i]; !inv.Joined || inv.Status != http.StatusNoContent || inv.Err != nil {
			t.Errorf("invitation %s = %+v, want joined with 204", inv.Path, inv)
		}
	}
	if ops := p.Operators(); len(ops) != 2 || ops[0] != root.operator(t) || ops[1] != shop.operator(t) {
		t.Errorf("Operators() = %v, want root's and shop's", ops)
	}
}

// A 5xx or a panic is an error from New that names the invite path; the
// invitations after it are still sent.
func TestInvitationFailureIsAnErrorNamingTheInvitePath(t *testing.T) {
	for _, tc := range []struct {
		name       string
		invite     http.HandlerFunc
		wantStatus int
		wantPanic  any
		wantMsg    string
	}{
		{
			name:       "500 with a body",
			invite:     func(w http.ResponseWriter, r *http.Request) { http.Error(w, "database is down", 500) },
			wantStatus: 500,
			wantMsg:    "core: invitation /blog/__invite__/: app answered 500: database is down",
		},
		{
			name:       "503 without a body",
			invite:     func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(503) },
			wantStatus: 503,
			wantMsg:    "core: invitation /blog/__invite__/: app answered 503",
		},
		{
			name:       "500 after accepting",
			invite:     func(w http.ResponseWriter, r *http.Request) { core.AcceptInvitation(r); w.WriteHeader(500) },
			wantStatus: 500,
			wantMsg:    "core: invitation /blog/__invite__/: app answered 500",
		},
		{
			name:      "panic with a string",
			invite:    func(w http.ResponseWriter, r *http.Request) { panic("no config") },
			wantPanic: "no config",
			wantMsg:   "core: invitation /blog/__invite__/: app panicked: no config",
		},
		{
			name:      "panic after accepting",
			invite:    func(w http.ResponseWriter, r *http.Request) { core.AcceptInvitation(r); panic("late") },
			wantPanic: "late",
			wantMsg:   "core: invitation /blog/__invite__/: app panicked: late",
		},
		{
			name:      "panic with http.ErrAbortHandler",
			invite:    func(w http.ResponseWriter, r *http.Request) { panic(http.ErrAbortHandler) },
			wantPanic: http.ErrAbortHandler,
			wantMsg:   "core: invitation /blog/__invite__/: app panicked: net/http: abort Handler",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, shop := newTestApp("root", nil), newTestApp("shop", nil)
			blog := http.NewServeMux()
			blog.HandleFunc(core.DefaultInvitePath, tc.invite)
			mux := dispatcher(mountPoint{"", root}, mountPoint{"/blog", blog}, mountPoint{"/shop", shop})

			p, err := core.New(mux, invitePaths(trioPrefixes...))
			if p != nil || err == nil {
				t.Fatalf("New = %v, %v; want nil and an error", p, err)
			}
			var ie *core.InvitationError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v (%T) has no *core.InvitationError", err, err)
			}
			if ie.Path != "/blog/__invite__/" || ie.Status != tc.wantStatus || ie.Panic != tc.wantPanic {
				t.Errorf("InvitationError = %+v, want path /blog/__invite__/, status %d, panic %v", ie, tc.wantStatus, tc.wantPanic)
			}
			if err.Error() != tc.wantMsg {
				t.Errorf("error message = %q, want %q", err.Error(), tc.wantMsg)
			}
			if root.accepted.Load() != 1 || shop.accepted.Load() != 1 {
				t.Errorf("root and shop accepted %d and %d invitations, want 1 and 1: the invitations after a failure must still be sent",
					root.accepted.Load(), shop.accepted.Load())
			}
		})
	}
}

// Every failed invitation has its own *InvitationError in the joined error.
func TestEveryFailedInvitationIsReported(t *testing.T) {
	app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/a/__invite__/":
			w.WriteHeader(http.StatusBadGateway)
		case "/b/__invite__/":
			core.AcceptInvitation(r)
		case "/c/__invite__/":
			panic(fmt.Errorf("broken %d", 3))
		}
	})
	_, err := core.New(app, invitePaths("/a", "/b", "/c"))
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok {
		t.Fatalf("error %v (%T) is not a joined error", err, err)
	}
	var paths []string
	for _, e := range joined.Unwrap() {
		var ie *core.InvitationError
		if !errors.As(e, &ie) {
			t.Fatalf("%v is not an *InvitationError", e)
		}
		paths = append(paths, ie.Path)
	}
	if want := []string{"/a/__invite__/", "/c/__invite__/"}; !slices.Equal(paths, want) {
		t.Errorf("failed paths = %v, want %v", paths, want)
	}
}

func TestInvitationsReportStatusJoinedAndDuration(t *testing.T) {
	const slow = 5 * time.Millisecond
	root := newTestApp("root", nil)
	blog := newTestApp("blog", func(*core.Operator) { time.Sleep(slow) })
	quiet := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}) // 200, never accepts
	// legacy registered "/__invite__/" but is invited without the slash:
	// its ServeMux redirects, the invitation is not accepted.
	legacy := newTestApp("legacy", nil)
	mux := dispatcher(mountPoint{"", root}, mountPoint{"/blog", blog}, mountPoint{"/quiet", quiet}, mountPoint{"/legacy", legacy})
	invites := []string{"/__invite__/", "/blog/__invite__/", "/quiet/__invite__/", "/legacy/__invite__", "/nowhere/__invite__/"}

	p, err := core.New(mux, invites, core.AllowDecline())
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		status int
		joined bool
	}{
		{http.StatusNoContent, true},
		{http.StatusNoContent, true},
		{http.StatusOK, false},
		{http.StatusMovedPermanently, false}, // any 3xx
		{http.StatusNotFound, false},
	}
	var invs []core.Invitation = p.Invitations()
	if len(invs) != len(want) {
		t.Fatalf("Invitations() has %d entries, want %d", len(invs), len(want))
	}
	for i, inv := range invs {
		status := inv.Status
		if status/100 == 3 {
			status = http.StatusMovedPermanently // ServeMux's redirect code varies with the Go version
		}
		if inv.Path != invites[i] || status != want[i].status || inv.Joined != want[i].joined || inv.Err != nil {
			t.Errorf("Invitations()[%d] = %+v, want path %s, status %d, joined %v, no error", i, inv, invites[i], want[i].status, want[i].joined)
		}
		if inv.Duration < 0 {
			t.Errorf("%s: negative duration %v", inv.Path, inv.Duration)
		}
	}
	if d := invs[1].Duration; d < slow {
		t.Errorf("blog's invitation took %v, but its app slept %v in it", d, slow)
	}
	if legacy.reached.Load() != 0 {
		t.Error("legacy's invite route was reached through a redirect")
	}

	invs[0].Path = "changed"
	if p.Invitations()[0].Path != "/__invite__/" {
		t.Error("Invitations() returned the party's own slice, not a copy")
	}
}

// logLines runs New with a text logger and returns its lines, without the
// time and duration attributes, which vary.
func logLines(t *testing.T, app http.Handler, invites []string) []string {
	t.Helper()
	var buf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{
		Level: slog.LevelDebug,
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey || a.Key == "duration" {
				return slog.Attr{}
			}
			return a
		},
	}))
	core.New(app, invites, core.WithLogger(logger), core.AllowDecline())
	return strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
}

func TestWithLoggerLogsEachInvitation(t *testing.T) {
	root, blog := newTestApp("root", nil), newTestApp("blog", nil)
	quiet := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {})
	broken := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", 500) })
	panicky := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { panic("oops") })
	mux := dispatcher(mountPoint{"", root}, mountPoint{"/blog", blog}, mountPoint{"/quiet", quiet},
		mountPoint{"/broken", broken}, mountPoint{"/panicky", panicky})

	got := logLines(t, mux, invitePaths("", "/blog", "/quiet", "/absent", "/broken", "/panicky"))
	want := []string{
		`level=INFO msg="partyline: app joined" path=/__invite__/ status=204 joined=true`,
		`level=INFO msg="partyline: app joined" path=/blog/__invite__/ status=204 joined=true`,
		`level=WARN msg="partyline: app answered but did not accept the invitation (a redirect or a wrong invite route?)" path=/quiet/__invite__/ status=200 joined=false`,
		`level=INFO msg="partyline: app not participating" path=/absent/__invite__/ status=404 joined=false`,
		`level=ERROR msg="partyline: invitation failed" path=/broken/__invite__/ status=500 joined=false error="core: invitation /broken/__invite__/: app answered 500: boom"`,
		`level=ERROR msg="partyline: invitation failed" path=/panicky/__invite__/ status=0 joined=false error="core: invitation /panicky/__invite__/: app panicked: oops"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("log lines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestWithLoggerLogsTheDuration(t *testing.T) {
	var buf bytes.Buffer
	app := newTestApp("root", nil)
	if _, err := core.New(app, invitePaths(""), core.WithLogger(slog.New(slog.NewTextHandler(&buf, nil)))); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), " duration=") {
		t.Errorf("log line %q has no duration", buf.String())
	}
}

// A party is silent by default, and with WithLogger(nil): it does not fall
// back to slog's default logger.
func TestPartyIsSilentByDefault(t *testing.T) {
	var buf bytes.Buffer
	old := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})))
	defer slog.SetDefault(old)

	broken := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(500) })
	mux := dispatcher(mountPoint{"", newTestApp("root", nil)}, mountPoint{"/broken", broken})
	core.New(mux, invitePaths("", "/broken", "/absent"))
	core.New(mux, invitePaths("", "/broken", "/absent"), core.WithLogger(nil))
	if buf.Len() != 0 {
		t.Errorf("a party without a logger logged:\n%s", buf.String())
	}
}

func TestOperatorsInJoinOrder(t *testing.T) {
	var joined []string
	apps := map[string]*testApp{}
	var mps []mountPoint
	prefixes := []string{"/c", "", "/a", "/b"}
	for _, pre := range prefixes {
		a := newTestApp(pre, func(op *core.Operator) { joined = append(joined, op.InvitePath()) })
		apps[pre] = a
		mps = append(mps, mountPoint{pre, a})
	}
	p, err := core.New(dispatcher(mps...), invitePaths(prefixes...))
	if err != nil {
		t.Fatal(err)
	}
	ops := p.Operators()
	var got []string
	for i, op := range ops {
		got = append(got, op.InvitePath())
		if op != apps[prefixes[i]].operator(t) {
			t.Errorf("Operators()[%d] is not the operator app %q got", i, prefixes[i])
		}
		if op.Party() != p {
			t.Errorf("Operators()[%d].Party() is not the party", i)
		}
	}
	if want := invitePaths(prefixes...); !slices.Equal(got, want) || !slices.Equal(joined, want) {
		t.Errorf("Operators() = %v (joined %v), want %v", got, joined, want)
	}
	ops[0] = nil
	if p.Operators()[0] == nil {
		t.Error("Operators() returned the party's own slice, not a copy")
	}
}

func TestExtensionKeepsOneValuePerKey(t *testing.T) {
	tr := newTrio(t, nil)
	type keyA struct{}
	type keyB struct{}
	inits := 0
	mk := func(v string) func() any {
		return func() any { inits++; return &v }
	}
	a1 := tr.party.Extension(keyA{}, mk("a"))
	a2 := tr.party.Extension(keyA{}, mk("other"))
	b := tr.party.Extension(keyB{}, mk("b"))
	if a1 != a2 || *a1.(*string) != "a" || *b.(*string) != "b" || inits != 2 {
		t.Errorf("Extension: a1=%v a2=%v b=%v after %d inits; want a1 == a2 == a, b, 2 inits", a1, a2, b, inits)
	}

	other := newTrio(t, nil)
	if v := other.party.Extension(keyA{}, mk("mine")); *v.(*string) != "mine" {
		t.Error("two parties share an extension")
	}
}

// A package built on the partyline may connect its service, or read the
// party, while it creates its extension.
func TestExtensionInitMayUseTheParty(t *testing.T) {
	tr := newTrio(t, nil)
	type key struct{}
	done := make(chan any, 1)
	go func() {
		done <- tr.party.Extension(key{}, func() any {
			tr.party.Connect("from-init", answer("ok"))
			tr.party.Extension(struct{ other int }{}, func() any { return 1 })
			return len(tr.party.Operators())
		})
	}()
	select {
	case v := <-done:
		if v != 3 {
			t.Errorf("Extension = %v, want 3", v)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Extension's init deadlocked calling the party")
	}
	if got, err := tr.party.AskAround("from-init", nil); err != nil || !slices.Equal(got, []any{"ok"}) {
		t.Errorf("AskAround(from-init) = %v, %v", got, err)
	}
}

// The error of a failed invitation keeps the first 256 bytes of the body;
// an app that streams (asserting http.Flusher) can answer an invitation.
func TestInvitationErrorKeepsTheStartOfTheBody(t *testing.T) {
	long := strings.Repeat("0123456789", 100)
	var flushable bool
	app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, ok := w.(http.Flusher)
		flushable = ok
		if r.URL.Path == "/stream/__invite__/" {
			core.AcceptInvitation(r)
			fmt.Fprint(w, "chunk 1")
			f.Flush()
			fmt.Fprint(w, "chunk 2")
			return
		}
		w.WriteHeader(http.StatusInternalServerError)
		for i := 0; i < len(long); i += 100 {
			fmt.Fprint(w, long[i:i+100])
		}
	})
	_, err := core.New(app, []string{"/stream/__invite__/", "/broken/__invite__/"})
	var ie *core.InvitationError
	if !errors.As(err, &ie) {
		t.Fatalf("error %v has no *InvitationError", err)
	}
	if ie.Path != "/broken/__invite__/" || ie.Body != long[:256] {
		t.Errorf("InvitationError: path %s, body %q (%d bytes); want /broken/__invite__/ and the first 256 bytes", ie.Path, ie.Body, len(ie.Body))
	}
	if !flushable {
		t.Error("the invitation's ResponseWriter is not an http.Flusher")
	}
}
