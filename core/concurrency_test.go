package core_test

// Run these with -race (.ci/run does). They show the party safe for
// concurrent use; that the read path takes no lock is shown by
// BenchmarkAskAroundParallel, not here.

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/partyline-go/partyline/core"
)

// Many goroutines ask around, from the party and from every operator, while
// others connect handlers. Every answer list a reader sees is a prefix of
// the final connect order: a consistent snapshot, never a torn one.
func TestConcurrentAskAroundWhileConnecting(t *testing.T) {
	tr := newTrio(t, nil)
	ops := []*core.Operator{tr.root.operator(t), tr.blog.operator(t), tr.shop.operator(t)}
	tr.party.Connect("ping", answer(-1))

	const writers, perWriter, readers, reads = 3, 50, 8, 200
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for range perWriter {
				v := next.Add(1)
				ops[w].Connect("ping", answer(v))
				tr.party.Connect(fmt.Sprint("other-", v), answer(v)) // churn the table
			}
		})
	}
	seen := make([][][]any, readers)
	for r := range readers {
		wg.Go(func() {
			for i := range reads {
				var got []any
				var err error
				if i%2 == 0 {
					got, err = tr.party.AskAround("ping", nil)
				} else {
					// An operator's answers skip its own: check them apart.
					_, err = ops[(r+i)%len(ops)].AskAround("ping", nil)
					got, _ = tr.party.AskAround("ping", nil)
				}
				if err != nil {
					t.Errorf("AskAround: %v", err)
					return
				}
				seen[r] = append(seen[r], got)
			}
		})
	}
	wg.Wait()

	final, err := tr.party.AskAround("ping", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(final) != 1+writers*perWriter {
		t.Fatalf("%d answers in the end, want %d", len(final), 1+writers*perWriter)
	}
	for r, lists := range seen {
		prev := 0
		for _, got := range lists {
			if !slices.Equal(got, final[:len(got)]) {
				t.Fatalf("reader %d saw %v, not a prefix of the connect order", r, got)
			}
			if len(got) < prev {
				t.Fatalf("reader %d saw the answers shrink from %d to %d", r, prev, len(got))
			}
			prev = len(got)
		}
	}
}

// Apps serve requests that ask around (the real use) while a late app
// connects its handler.
func TestConcurrentRequestsAskAround(t *testing.T) {
	tr := newTrio(t, nil)
	tr.root.operator(t).Connect("ping", answer("root"))
	blog := tr.blog.operator(t)
	tr.blog.mux.HandleFunc("/ask", func(w http.ResponseWriter, r *http.Request) {
		got, err := blog.AskAround("ping", nil)
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		fmt.Fprint(w, len(got))
	})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				rec := httptest.NewRecorder()
				tr.party.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/blog/ask", nil))
				if rec.Code != 200 || (rec.Body.String() != "1" && rec.Body.String() != "2") {
					t.Errorf("GET /blog/ask = %d %q", rec.Code, rec.Body.String())
					return
				}
			}
		})
	}
	shop := tr.shop.operator(t)
	wg.Go(func() { shop.Connect("ping", answer("shop")) })
	wg.Wait()
}

// Inside one invitation, many goroutines race to accept it through both
// carriers: exactly one wins.
func TestConcurrentAcceptInvitationHasOneWinner(t *testing.T) {
	var wins atomic.Int32
	app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var wg sync.WaitGroup
		for i := range 32 {
			wg.Go(func() {
				req := r
				if i%2 == 1 {
					req = r.Clone(context.Background()) // the token carrier
				}
				if _, ok := core.AcceptInvitation(req); ok {
					wins.Add(1)
				}
			})
		}
		wg.Wait()
	})
	p, err := core.New(app, invitePaths("", "/a", "/b"))
	if err != nil {
		t.Fatal(err)
	}
	if n := wins.Load(); n != 3 {
		t.Errorf("%d accepts won for 3 invitations, want 3", n)
	}
	if n := len(p.Operators()); n != 3 {
		t.Errorf("%d operators, want 3", n)
	}
}

// Parties made at the same time, each with its own dispatcher (some behind a
// bridge that needs the token), never mix their operators or services.
func TestConcurrentNew(t *testing.T) {
	const parties = 16
	var wg sync.WaitGroup
	for i := range parties {
		wg.Go(func() {
			tag := fmt.Sprint("party-", i)
			tr := newTrioApps(func(name string, op *core.Operator) { op.Connect("who", answer(tag+"/"+name)) })
			var h http.Handler = tr.mux
			if i%2 == 1 {
				h = bridge(tr.mux)
			}
			p, err := core.New(h, invitePaths(trioPrefixes...))
			if err != nil {
				t.Errorf("%s: New: %v", tag, err)
				return
			}
			for _, op := range p.Operators() {
				if op.Party() != p {
					t.Errorf("%s: an operator of another party", tag)
				}
			}
			got, err := p.AskAround("who", nil)
			want := []any{tag + "/root", tag + "/blog", tag + "/shop"}
			if err != nil || !slices.Equal(got, want) {
				t.Errorf("%s: AskAround = %v, %v; want %v", tag, got, err, want)
			}
		})
	}
	wg.Wait()
}

// Extension's init runs once, however many goroutines ask at once.
func TestConcurrentExtensionInitRunsOnce(t *testing.T) {
	tr := newTrio(t, nil)
	type key struct{}
	var inits atomic.Int32
	start := make(chan struct{})
	values := make([]any, 32)
	var wg sync.WaitGroup
	for i := range values {
		wg.Go(func() {
			<-start
			values[i] = tr.party.Extension(key{}, func() any {
				inits.Add(1)
				return new(int)
			})
		})
	}
	close(start)
	wg.Wait()
	if n := inits.Load(); n != 1 {
		t.Errorf("init ran %d times, want 1", n)
	}
	for _, v := range values {
		if v != values[0] {
			t.Fatal("goroutines got different values")
		}
	}
}
