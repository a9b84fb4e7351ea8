package urlfor_test

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/partyline-go/partyline/urlfor"
)

// Many goroutines build while another app adds routes and the directory is
// refreshed by misses: every build gives the right URL or, for a route not
// added yet, ErrUnknownEndpoint. Run with -race.
func TestConcurrentBuildsWhileRoutesChange(t *testing.T) {
	s := newShopBlog(t)
	const adds = 40
	var added atomic.Int64 // routes n < added are in the forum's table
	var builds atomic.Int64
	var wg sync.WaitGroup
	stop := make(chan struct{})
	errc := make(chan error, 64)
	report := func(err error) {
		select {
		case errc <- err:
		default:
		}
	}

	addsDone := make(chan struct{})
	wg.Add(1)
	go func() { // the forum registers routes after its invitation
		defer wg.Done()
		defer close(addsDone)
		for i := 0; i < adds; i++ {
			// Let the builders run between two additions.
			for b := builds.Load(); builds.Load() < b+16; {
				select {
				case <-stop:
					return
				default:
					runtime.Gosched()
				}
			}
			s.forum.Add(route(fmt.Sprintf("late%d", i), fmt.Sprintf("/late/%d/{id}", i)))
			added.Store(int64(i + 1))
		}
	}()
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				builds.Add(1)
				id := fmt.Sprint(g*1000 + i)
				// Steady names.
				var u string
				var err error
				switch i % 4 {
				case 0:
					u, err = s.b.URL("blog:post", "id", id)
				case 1:
					u, err = s.shopP.URL("post", "id", id)
				case 2:
					var answers []any
					answers, err = s.shopP.Operator().AskAround(urlfor.Service, &urlfor.Request{Name: "blog:post", Pairs: []string{"id", id}})
					if err == nil && len(answers) == 1 {
						u, _ = answers[0].(string)
					}
				case 3:
					u, err = s.blogP.URL("blog:post", "id", id)
				}
				if err != nil || u != "/blog/posts/"+id {
					report(fmt.Errorf("steady build %d: %q, %v", i%4, u, err))
				}
				// Late names: known once added.
				n := i % adds
				before := added.Load()
				name := fmt.Sprintf("late%d", n)
				if g%2 == 0 {
					name = "forum:" + name
				}
				u, err = s.b.URL(name, "id", id)
				switch {
				case err == nil:
					if want := fmt.Sprintf("/forum/late/%d/%s", n, id); u != want {
						report(fmt.Errorf("URL(%s) = %q, want %q", name, u, want))
					}
				case errors.Is(err, urlfor.ErrUnknownEndpoint):
					if int64(n) < before {
						report(fmt.Errorf("URL(%s) unknown after it was added: %v", name, err))
					}
					if i%16 == 0 {
						_ = err.Error() // suggestions, computed concurrently
					}
				default:
					report(fmt.Errorf("URL(%s): %v", name, err))
				}
			}
		}(g)
	}
	wg.Add(1)
	go func() { // a reader of listings
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			_ = s.b.Endpoints()
			_ = s.b.Participants()
		}
	}()

	select {
	case err := <-errc:
		close(stop)
		wg.Wait()
		t.Fatal(err)
	case <-addsDone:
	}
	close(stop)
	wg.Wait()
	close(errc)
	for err := range errc {
		t.Error(err)
	}
	for i := 0; i < adds; i++ {
		if _, err := s.b.URL(fmt.Sprintf("late%d", i), "id", "1"); err != nil {
			t.Errorf("late%d: %v", i, err)
		}
	}
}

// One allocation per URL: the result string. Guarded here so that a change
// that moves a Request (and the caller's pairs) to the heap is caught.
func TestOneAllocationPerURL(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("allocation counts")
	}
	s := newShopBlog(t)
	checks := []struct {
		name string
		f    func()
	}{
		{"Builder.URL", func() { _, _ = s.b.URL("blog:archive", "year", "2024", "slug", "hello") }},
		{"Builder.URL bare", func() { _, _ = s.b.URL("archive", "year", "2024", "slug", "hello") }},
		{"Builder.URL with a query", func() { _, _ = s.b.URL("blog:post", "id", "7", "q", "red shoes", "page", "2") }},
		{"Participant.URL", func() { _, _ = s.blogP.URL("post", "id", "7") }},
		{"Builder.Build with a fragment and an origin", func() {
			_, _ = s.b.Build(&urlfor.Request{Name: "blog:post", Pairs: []string{"id", "7"}, Fragment: "x", Origin: urlfor.Origin{Scheme: "https", Host: "example.com"}})
		}},
	}
	for _, c := range checks {
		if n := testing.AllocsPerRun(200, c.f); n > 1 {
			t.Errorf("%s: %v allocations, want 1", c.name, n)
		}
	}
}
