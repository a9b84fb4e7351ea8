package urlfor_test

import (
	"errors"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// slowApp is an app whose route table is not versioned (as gin's, gorilla/
// mux's and chi's are not) and costs about a millisecond to read.
type slowApp struct {
	mu     sync.Mutex
	routes []urlfor.Route
	reads  atomic.Int32
	p      atomic.Pointer[urlfor.Participant]
}

func (a *slowApp) Routes() []urlfor.Route {
	a.reads.Add(1)
	time.Sleep(time.Millisecond)
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]urlfor.Route(nil), a.routes...)
}

func (a *slowApp) add(r urlfor.Route) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.routes = append(a.routes, r)
}

func (a *slowApp) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	op, ok := core.AcceptInvitation(r)
	if !ok {
		http.NotFound(w, r)
		return
	}
	p, err := urlfor.Join(op, urlfor.Config{Namespace: "slow", Source: a})
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	a.p.Store(p)
}

// Misses on an unversioned source re-read it within a budget: three at
// once, then no more than a tenth of the wall time; a route added late is
// found once the app has been quiet for ten reads' time.
func TestMissesRereadWithinABudget(t *testing.T) {
	app := &slowApp{routes: []urlfor.Route{route("post", "/posts/{id}")}}
	b := urlfor.New(newParty(t, mount{"/slow", app}))
	joinReads := app.reads.Load()

	start := time.Now()
	for range 200 {
		if _, err := b.URL("slow:nope"); !errors.Is(err, urlfor.ErrUnknownEndpoint) {
			t.Fatalf("URL(slow:nope): %v", err)
		}
	}
	elapsed := time.Since(start)
	rereads := app.reads.Load() - joinReads
	// Each read takes at least 1 ms, so the budget refills at most one
	// read per 10 ms of elapsed time.
	if limit := 3 + int32(elapsed/(10*time.Millisecond)) + 1; rereads < 3 || rereads > limit {
		t.Errorf("200 misses in %v re-read the routes %d times, want 3 to %d", elapsed, rereads, limit)
	}

	app.add(route("late", "/late/{id}"))
	time.Sleep(50 * time.Millisecond) // the budget refills
	if u, err := b.URL("slow:late", "id", "7"); err != nil || u != "/slow/late/7" {
		t.Errorf("late route after a quiet spell: %q, %v", u, err)
	}
	// Refresh is outside the budget.
	app.add(route("later", "/later"))
	if !app.p.Load().Refresh() {
		t.Error("Refresh after a route was added reported no change")
	}
	if u, err := b.URL("slow:later"); err != nil || u != "/slow/later" {
		t.Errorf("route after Refresh: %q, %v", u, err)
	}
}
