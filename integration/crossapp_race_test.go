package integration_test

// Many goroutines build cross-app URLs through the handles of every
// adapter while requests flow over HTTP (handlers building URLs, and those
// URLs followed), and while the net/http app registers new routes that the
// others then find. Run with -race.

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/partyline-go/partyline/urlfor"
)

func TestCrossAppConcurrentBuilds(t *testing.T) {
	const (
		builders  = 8
		builds    = 300
		clients   = 4
		requests  = 40
		lateRoute = 30
	)
	apps := xfMatrixApps(t, xfServeMux)
	party, srv := xfServe(t, xfServeMux, apps...)
	outside := urlfor.New(party)
	var std *xfApp
	for _, a := range apps {
		if a.add != nil {
			std = a
		}
	}

	var wg sync.WaitGroup
	// Builders: every handle builds every other app's URL, and asks for
	// routes the net/http app may or may not have registered yet.
	for g := range builders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range builds {
				a, b := apps[(g+i)%len(apps)], apps[(g+3*i+1)%len(apps)]
				v := fmt.Sprintf("g%d é?#%d", g, i)
				u, err := a.url(b.ns+":show", "v", v)
				if want := b.prefix() + "/show/" + xfSegment(v); err != nil || u != want {
					t.Errorf("%s builds %s:show %q: %q, %v; want %q", a.ns, b.ns, v, u, err, want)
					return
				}
				late := fmt.Sprintf("late%d", i%lateRoute)
				u, err = a.url("std:"+late, "v", "x")
				if want := fmt.Sprintf("/std/late/%d/x", i%lateRoute); err == nil && u != want {
					t.Errorf("%s builds std:%s: %q, want %q", a.ns, late, u, want)
					return
				} else if err != nil && !errors.Is(err, urlfor.ErrUnknownEndpoint) {
					t.Errorf("%s builds std:%s: %v, want a URL or ErrUnknownEndpoint", a.ns, late, err)
					return
				}
				if _, err := outside.URL("show", "v", v); !errors.Is(err, urlfor.ErrAmbiguous) {
					t.Errorf(`the party's builder, bare "show": %v, want ErrAmbiguous`, err)
					return
				}
			}
		}()
	}
	// Clients: a handler of one app builds another's URL, over HTTP, and
	// the URL is followed.
	for g := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := srv.Client()
			for i := range requests {
				a, b := apps[(g+i)%len(apps)], apps[(2*g+i+1)%len(apps)]
				v := fmt.Sprintf("c%d ü&%d", g, i)
				u, err := xfLink(client, srv.URL, a, b.ns+":show", "v", v)
				if want := b.prefix() + "/show/" + xfSegment(v); err != nil || u != want {
					t.Errorf("%s's handler builds %s:show: %q, %v; want %q", a.ns, b.ns, u, err, want)
					return
				}
				s, err := xfFetchSeen(client, srv.URL, u)
				if err != nil || s.App != b.ns || s.Endpoint != "show" || s.Params["v"] != v {
					t.Errorf("GET %s: %v, %v", u, s, err)
					return
				}
			}
		}()
	}
	// The net/http app registers routes while all this goes on; each is
	// found at once from another app, and served.
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range lateRoute {
			name := fmt.Sprintf("late%d", i)
			std.add(name, fmt.Sprintf("/late/%d/{v}", i))
			a := apps[i%len(apps)]
			u, err := a.url("std:"+name, "v", "a b")
			if want := fmt.Sprintf("/std/late/%d/a%%20b", i); err != nil || u != want {
				t.Errorf("%s builds std:%s after it was added: %q, %v; want %q", a.ns, name, u, err, want)
				return
			}
			s, err := xfFetchSeen(srv.Client(), srv.URL, u)
			if err != nil || s.App != "std" || s.Endpoint != name || s.Params["v"] != "a b" {
				t.Errorf("GET %s: %v, %v", u, s, err)
				return
			}
		}
	}()
	wg.Wait()
}
