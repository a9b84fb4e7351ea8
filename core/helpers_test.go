package core_test

import (
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/partyline-go/partyline/core"
)

// testApp is a participating app as an adapter would make it: an
// http.ServeMux with the invite route at core.DefaultInvitePath, which calls
// core.AcceptInvitation and answers 404 when it is refused, as wsgi_party
// asks of every invite route after the first call.
type testApp struct {
	name   string
	mux    *http.ServeMux
	onJoin func(*core.Operator) // called inside the invitation, if set

	reached  atomic.Int32 // calls of the invite route, accepted or not
	accepted atomic.Int32 // calls where AcceptInvitation returned true
	op       atomic.Pointer[core.Operator]
}

func newTestApp(name string, onJoin func(*core.Operator)) *testApp {
	a := &testApp{name: name, mux: http.NewServeMux(), onJoin: onJoin}
	a.mux.HandleFunc(core.DefaultInvitePath, a.invite)
	a.mux.HandleFunc("/hello", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "%s says hello at %s", a.name, r.URL.Path)
	})
	return a
}

func (a *testApp) ServeHTTP(w http.ResponseWriter, r *http.Request) { a.mux.ServeHTTP(w, r) }

func (a *testApp) invite(w http.ResponseWriter, r *http.Request) {
	a.reached.Add(1)
	op, ok := core.AcceptInvitation(r)
	if !ok {
		http.NotFound(w, r)
		return
	}
	a.accepted.Add(1)
	a.op.Store(op)
	if a.onJoin != nil {
		a.onJoin(op)
	}
	w.WriteHeader(http.StatusNoContent)
}

// operator returns the app's operator, failing the test if it never joined.
func (a *testApp) operator(t testing.TB) *core.Operator {
	t.Helper()
	op := a.op.Load()
	if op == nil {
		t.Fatalf("app %s never joined the party", a.name)
	}
	return op
}

// mountPoint is one app of a dispatcher: prefix "" is the root app.
type mountPoint struct {
	prefix string
	h      http.Handler
}

// dispatcher mounts apps the net/http way: an http.ServeMux with one subtree
// pattern per prefix and http.StripPrefix in front of every mounted app.
func dispatcher(mps ...mountPoint) *http.ServeMux {
	mux := http.NewServeMux()
	for _, mp := range mps {
		if mp.prefix == "" {
			mux.Handle("/", mp.h)
			continue
		}
		mux.Handle(mp.prefix+"/", http.StripPrefix(mp.prefix, mp.h))
	}
	return mux
}

// invitePaths gives the invite path of each prefix: "" -> "/__invite__/".
func invitePaths(prefixes ...string) []string {
	out := make([]string, len(prefixes))
	for i, p := range prefixes {
		out[i] = p + core.DefaultInvitePath
	}
	return out
}

// trio is the usual fixture: root, blog and shop apps behind one dispatcher.
type trio struct {
	root, blog, shop *testApp
	mux              *http.ServeMux
	party            *core.Party
}

func (tr *trio) apps() []*testApp { return []*testApp{tr.root, tr.blog, tr.shop} }

var trioPrefixes = []string{"", "/blog", "/shop"}

// newTrio builds the three apps, mounts them and makes the party. onJoin, if
// not nil, runs inside each app's invitation.
func newTrio(t testing.TB, onJoin func(name string, op *core.Operator), opts ...core.Option) *trio {
	t.Helper()
	tr := newTrioApps(onJoin)
	p, err := core.New(tr.mux, invitePaths(trioPrefixes...), opts...)
	if err != nil {
		t.Fatalf("core.New: %v", err)
	}
	tr.party = p
	for _, a := range tr.apps() {
		if got := a.accepted.Load(); got != 1 {
			t.Fatalf("app %s accepted %d invitations, want 1", a.name, got)
		}
	}
	return tr
}

// newTrioApps builds the three apps and their dispatcher, without a party.
func newTrioApps(onJoin func(name string, op *core.Operator)) *trio {
	mk := func(name string) *testApp {
		if onJoin == nil {
			return newTestApp(name, nil)
		}
		return newTestApp(name, func(op *core.Operator) { onJoin(name, op) })
	}
	tr := &trio{root: mk("root"), blog: mk("blog"), shop: mk("shop")}
	tr.mux = dispatcher(
		mountPoint{"", tr.root},
		mountPoint{"/blog", tr.blog},
		mountPoint{"/shop", tr.shop},
	)
	return tr
}

// calls records the payloads handlers were called with, safely.
type calls struct {
	mu  sync.Mutex
	log []string
}

func (c *calls) handler(name string, answer any, err error) core.Handler {
	return func(payload any) (any, error) {
		c.mu.Lock()
		c.log = append(c.log, fmt.Sprintf("%s(%v)", name, payload))
		c.mu.Unlock()
		return answer, err
	}
}

func (c *calls) got() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.log...)
}

// answer returns a handler that always answers v.
func answer(v any) core.Handler { return func(any) (any, error) { return v, nil } }
