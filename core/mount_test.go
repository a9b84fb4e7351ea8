package core_test

import (
	"errors"
	"net/http"
	"sync"
	"testing"

	"github.com/partyline-go/partyline/core"
)

func TestMountPrefix(t *testing.T) {
	for _, tc := range []struct {
		invitePath, local string
		want              string
		wantErr           bool
	}{
		// The rule: the invite path minus the local invite route.
		{"/blog/__invite__/", "/__invite__/", "/blog", false},
		{"/__invite__/", "/__invite__/", "", false},                 // the root app; also local == invite
		{"/blog/__invite__/", "/blog/__invite__/", "", false},       // a dispatcher that does not strip prefixes
		{"/a/b/c/__invite__/", "/__invite__/", "/a/b/c", false},     // a deep mount
		{"/a/b/c/__invite__/", "/c/__invite__/", "/a/b", false},     // the app strips only part of it
		{"/blog/_party", "/_party", "/blog", false},                 // another local route, no slash
		{"/blog/__invite__/", "/", "/blog/__invite__", false},       // an app whose invite route is its root
		{"/blog.v2/__invite__/", "/__invite__/", "/blog.v2", false}, // dots in a segment are fine
		// Bad input.
		{"/blog/__invite__/", "", "", true},              // empty local route
		{"/blog/__invite__/", "__invite__/", "", true},   // no leading slash
		{"/blog/__invite__/", "/other/", "", true},       // not a suffix
		{"/blog/__invite__/", "/__invite__", "", true},   // not a suffix: the slash differs
		{"/blog/__invite__/", "/__INVITE__/", "", true},  // not a suffix: the case differs
		{"/blog__invite__/", "/__invite__/", "", true},   // not at a segment boundary
		{"/blog//__invite__/", "/__invite__/", "", true}, // the prefix would end with /
		{"blog/__invite__/", "/__invite__/", "", true},   // the prefix would not start with /
		{"/__invite__/", "/blog/__invite__/", "", true},  // local longer than the invite path
		{"", "/__invite__/", "", true},                   // empty invite path
	} {
		got, err := core.MountPrefix(tc.invitePath, tc.local)
		if tc.wantErr {
			if !errors.Is(err, core.ErrInvalidInvitePath) || got != "" {
				t.Errorf("MountPrefix(%q, %q) = %q, %v; want \"\" and ErrInvalidInvitePath", tc.invitePath, tc.local, got, err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("MountPrefix(%q, %q) = %q, %v; want %q", tc.invitePath, tc.local, got, err, tc.want)
		}
	}
}

func TestOperatorIdentify(t *testing.T) {
	tr := newTrio(t, nil)
	root, blog, shop := tr.root.operator(t), tr.blog.operator(t), tr.shop.operator(t)

	if blog.Namespace() != "" || blog.MountPrefix() != "" {
		t.Errorf("before Identify: namespace %q, mount prefix %q; want empty", blog.Namespace(), blog.MountPrefix())
	}
	steps := []struct {
		name          string
		op            *core.Operator
		ns, local     string
		wantSentinel  error // nil: success
		wantNamespace string
		wantPrefix    string
	}{
		{"blog identifies", blog, "blog", core.DefaultInvitePath, nil, "blog", "/blog"},
		{"again with the same values", blog, "blog", core.DefaultInvitePath, nil, "blog", "/blog"},
		{"again with another namespace", blog, "news", core.DefaultInvitePath, core.ErrNamespaceTaken, "blog", "/blog"},
		{"again with another local route", blog, "blog", "/blog/__invite__/", core.ErrNamespaceTaken, "blog", "/blog"},
		{"shop takes blog's namespace", shop, "blog", core.DefaultInvitePath, core.ErrNamespaceTaken, "", ""},
		{"shop with a bad local route", shop, "shop", "/nope/", core.ErrInvalidInvitePath, "", ""},
		{"shop identifies", shop, "shop", core.DefaultInvitePath, nil, "shop", "/shop"},
		{"root without a namespace", root, "", core.DefaultInvitePath, nil, "", ""},
	}
	for _, s := range steps {
		err := s.op.Identify(s.ns, s.local)
		if s.wantSentinel == nil && err != nil || s.wantSentinel != nil && !errors.Is(err, s.wantSentinel) {
			t.Errorf("%s: Identify(%q, %q) = %v, want %v", s.name, s.ns, s.local, err, s.wantSentinel)
		}
		if s.op.Namespace() != s.wantNamespace || s.op.MountPrefix() != s.wantPrefix {
			t.Errorf("%s: namespace %q, mount prefix %q; want %q, %q", s.name, s.op.Namespace(), s.op.MountPrefix(), s.wantNamespace, s.wantPrefix)
		}
	}
}

// The empty namespace is never taken: several apps may go without one.
func TestEmptyNamespaceIsNeverTaken(t *testing.T) {
	tr := newTrio(t, nil)
	for _, a := range tr.apps() {
		if err := a.operator(t).Identify("", core.DefaultInvitePath); err != nil {
			t.Errorf("%s: Identify(\"\") = %v", a.name, err)
		}
	}
}

// Namespaces belong to one party: two parties may each have a "blog".
func TestNamespacesArePerParty(t *testing.T) {
	for range 2 {
		tr := newTrio(t, nil)
		if err := tr.blog.operator(t).Identify("blog", core.DefaultInvitePath); err != nil {
			t.Fatal(err)
		}
	}
}

// An app may identify inside its invitation, as adapters do, and the
// dispatcher that does not strip prefixes gives the mount prefix "".
func TestIdentifyInsideTheInvitation(t *testing.T) {
	type result struct {
		ns, prefix string
		err        error
	}
	results := map[string]result{}
	// The blog registers its invite route with its full path: the
	// dispatcher hands it the request without stripping.
	blog := http.NewServeMux()
	blog.HandleFunc("/blog/__invite__/", func(w http.ResponseWriter, r *http.Request) {
		op, ok := core.AcceptInvitation(r)
		if !ok {
			http.NotFound(w, r)
			return
		}
		err := op.Identify("blog", r.URL.Path)
		results["blog"] = result{op.Namespace(), op.MountPrefix(), err}
	})
	shop := newTestApp("shop", func(op *core.Operator) {
		err := op.Identify("shop", core.DefaultInvitePath)
		results["shop"] = result{op.Namespace(), op.MountPrefix(), err}
	})
	mux := http.NewServeMux()
	mux.Handle("/blog/", blog)
	mux.Handle("/shop/", http.StripPrefix("/shop", shop))
	if _, err := core.New(mux, invitePaths("/blog", "/shop")); err != nil {
		t.Fatal(err)
	}
	if got, want := results["blog"], (result{"blog", "", nil}); got != want {
		t.Errorf("blog = %+v, want %+v", got, want)
	}
	if got, want := results["shop"], (result{"shop", "/shop", nil}); got != want {
		t.Errorf("shop = %+v, want %+v", got, want)
	}
}

// Racing for one namespace, exactly one operator wins.
func TestIdentifyRaceHasOneWinner(t *testing.T) {
	const n = 16
	var mps []mountPoint
	var prefixes []string
	var apps []*testApp
	for i := range n {
		a := newTestApp("app", nil)
		apps = append(apps, a)
		prefix := "/app" + string(rune('a'+i))
		prefixes = append(prefixes, prefix)
		mps = append(mps, mountPoint{prefix, a})
	}
	if _, err := core.New(dispatcher(mps...), invitePaths(prefixes...)); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i, a := range apps {
		op := a.operator(t)
		wg.Go(func() { errs[i] = op.Identify("same", core.DefaultInvitePath) })
	}
	wg.Wait()
	wins := 0
	for _, err := range errs {
		switch {
		case err == nil:
			wins++
		case !errors.Is(err, core.ErrNamespaceTaken):
			t.Errorf("Identify: %v", err)
		}
	}
	if wins != 1 {
		t.Errorf("%d operators got the namespace, want 1", wins)
	}
}
