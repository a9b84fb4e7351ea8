package core_test

// go test -run '^$' -bench . -benchmem ./core/
//
// BenchmarkServeHTTP_Party minus BenchmarkServeHTTP_Bare is what the party
// adds to an ordinary request (goal: under 20 ns, 0 allocs/op);
// BenchmarkServeHTTP_GuardOnly measures the same with a no-op dispatcher.
// BenchmarkAskAroundParallel shows that readers do not serialise: a lock on
// the read path would make it slower than the serial benchmark, not faster.

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/partyline-go/partyline/core"
)

// discard is a reusable no-op ResponseWriter.
type discard struct{ h http.Header }

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) Write(b []byte) (int, error) { return len(b), nil }
func (d *discard) WriteHeader(int)             {}

// benchDispatcher is the usual dispatcher: a ServeMux with StripPrefix in
// front of each mounted app; each app answers with a trivial handler and
// has its invite route.
func benchDispatcher() http.Handler {
	app := func() http.Handler {
		mux := http.NewServeMux()
		mux.HandleFunc(core.DefaultInvitePath, func(w http.ResponseWriter, r *http.Request) {
			if _, ok := core.AcceptInvitation(r); !ok {
				http.NotFound(w, r)
			}
		})
		mux.HandleFunc("/posts/{id}", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
		return mux
	}
	return dispatcher(mountPoint{"", app()}, mountPoint{"/blog", app()}, mountPoint{"/shop", app()})
}

func benchServe(b *testing.B, h http.Handler, target string) {
	w := &discard{h: http.Header{}}
	r := httptest.NewRequest(http.MethodGet, target, nil)
	b.ReportAllocs()
	for b.Loop() {
		h.ServeHTTP(w, r)
	}
}

func BenchmarkServeHTTP_Bare(b *testing.B) {
	benchServe(b, benchDispatcher(), "/blog/posts/7")
}

func BenchmarkServeHTTP_Party(b *testing.B) {
	p, err := core.New(benchDispatcher(), invitePaths(trioPrefixes...))
	if err != nil {
		b.Fatal(err)
	}
	benchServe(b, p, "/blog/posts/7")
}

// The party's own cost: its dispatcher does nothing.
func BenchmarkServeHTTP_GuardOnly(b *testing.B) {
	noop := http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})
	// No app joins a dispatcher that does nothing: AllowDecline.
	p, err := core.New(noop, invitePaths(trioPrefixes...), core.AllowDecline())
	if err != nil {
		b.Fatal(err)
	}
	b.Run("baseline", func(b *testing.B) { benchServe(b, noop, "/blog/posts/7") }) // no party
	for _, c := range []struct{ name, target string }{
		{"ordinary", "/blog/posts/7"},
		{"invite-length", "/blog/__invite"},                                // as long as an invite path: compared
		{"long", "/blog/2026/11/21/a-rather-longer-post-slug/comments/42"}, // the guard scans the path
		{"unclean", "/blog//posts/./7"},                                    // cleaned first: allocates
	} {
		b.Run(c.name, func(b *testing.B) { benchServe(b, p, c.target) })
	}
}

// The party answering an invite path from outside.
func BenchmarkServeHTTP_InvitePath(b *testing.B) {
	p, err := core.New(benchDispatcher(), invitePaths(trioPrefixes...))
	if err != nil {
		b.Fatal(err)
	}
	benchServe(b, p, "/blog/__invite__/")
}

// fiveParticipants makes a party of five apps, each connected to "ping".
func fiveParticipants(b *testing.B) (*core.Party, []*core.Operator) {
	var ops []*core.Operator
	app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if op, ok := core.AcceptInvitation(r); ok {
			op.Connect("ping", answer("pong"))
			ops = append(ops, op)
		}
	})
	var invites []string
	for i := range 5 {
		invites = append(invites, fmt.Sprintf("/app%d/__invite__/", i))
	}
	p, err := core.New(app, invites)
	if err != nil || len(ops) != 5 {
		b.Fatalf("New: %v, %d operators", err, len(ops))
	}
	return p, ops
}

// AskAround over 5 participants: from the party (5 answers) and from one of
// them (4 answers).
func BenchmarkAskAround(b *testing.B) {
	p, ops := fiveParticipants(b)
	b.Run("party", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if ans, err := p.AskAround("ping", nil); err != nil || len(ans) != 5 {
				b.Fatal(ans, err)
			}
		}
	})
	b.Run("operator", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if ans, err := ops[2].AskAround("ping", nil); err != nil || len(ans) != 4 {
				b.Fatal(ans, err)
			}
		}
	})
}

func BenchmarkAskAroundParallel(b *testing.B) {
	p, ops := fiveParticipants(b)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if ans, err := ops[2].AskAround("ping", nil); err != nil || len(ans) != 4 {
				b.Error(ans, err)
				return
			}
		}
	})
	_ = p
}
