package adaptertest

import (
	"errors"
	"fmt"
	"net/http"
	"sync"
	"testing"

	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

const (
	builders   = 8  // goroutines building and requesting
	iterations = 24 // calls of the law per builder
	joiners    = 3  // apps joining other parties meanwhile
)

// testConcurrent checks the law from many goroutines at once, with good
// and refused values, while other apps of the same framework join other
// parties: a handle is safe for concurrent use (DESIGN.md, core: ask around
// from many request goroutines while another app joins), and one party's
// URLs never leak into another's. It finds data races only under -race.
func (s *suite) testConcurrent(t *testing.T) {
	s.requireDialect(t, itemRoute)
	routes := []Route{itemRoute}
	app := s.newApp(t, routes, Options{})
	pt := s.serve(t, mount{prefix: "/mnt", app: app})
	params := Params(itemRoute.Pattern)
	values := catalogue()
	rep := newReporter(t)

	var wg sync.WaitGroup
	for g := range builders {
		wg.Go(func() {
			for i := range iterations {
				v := fmt.Sprintf("g%d-%d", g, i)
				if i%2 == 1 {
					v = values[(g*iterations+i)%len(values)] // some are refused
				}
				s.law(rep, pt, app, "/mnt", call{name: "item", params: params, values: []string{v}})
			}
		})
	}
	for j := range joiners {
		wg.Go(func() { s.joinElsewhere(rep, routes, j) })
	}
	wg.Wait()
}

var ruleJoinElsewhere = rule{"concurrent joins", "an app joins its own party while apps of another party build and serve; each party sees only its own apps"}

// joinElsewhere makes another app and joins it to a party of its own, from
// a goroutine that is not the test's: it reports through rep, never with
// t.Fatal.
func (s *suite) joinElsewhere(rep *reporter, routes []Route, j int) {
	app, err := s.tryNewApp(rep.t, routes, Options{})
	if err != nil || app == nil || app.Handler == nil || app.URL == nil {
		rep.errorf(ruleJoinElsewhere, "NewApp from goroutine %d: %v", j, err)
		return
	}
	dispatcher := http.NewServeMux()
	dispatcher.Handle("/two/", http.StripPrefix("/two", app.Handler))
	p, err := core.New(dispatcher, []string{"/two" + core.DefaultInvitePath})
	if err != nil {
		rep.errorf(ruleJoinElsewhere, "core.New: %v", err)
		return
	}
	if inv := p.Invitations(); len(inv) != 1 || !inv[0].Joined {
		rep.errorf(ruleJoinElsewhere, "the app did not join its party: %+v", inv)
		return
	}
	if u, err := app.URL("item", "id", "7"); err != nil || u != "/two/items/7" {
		rep.errorf(ruleJoinElsewhere, "URL(\"item\") in the second party = %q, %v; want \"/two/items/7\"", u, err)
	}
	if _, err := app.URL("mnt:item", "id", "7"); !errors.Is(err, urlfor.ErrUnknownEndpoint) {
		rep.errorf(ruleJoinElsewhere, "URL(\"mnt:item\") from the second party = %v; want urlfor.ErrUnknownEndpoint (mnt is on another party)", err)
	}
}
