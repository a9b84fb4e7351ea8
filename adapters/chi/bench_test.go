package partychi_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/go-chi/chi/v5"
	partychi "github.com/partyline-go/partyline/adapters/chi"
)

// benchApp is a chi app with n named routes, one of them the two-param
// route "post" (/posts/{year}/{slug}), mounted at /blog.
func benchApp(b *testing.B, n int) *partychi.Handle {
	r := chi.NewRouter()
	h := mustJoin(b, r)
	r.With(partychi.Name("post")).Get("/posts/{year:[0-9]+}/{slug}", show)
	for i := 1; i < n; i++ {
		r.With(partychi.Name(fmt.Sprintf("r%d", i))).Get(fmt.Sprintf("/s%d/{id}/x/{k}", i), show)
	}
	mustParty(b, stripMux(map[string]http.Handler{"/blog": r}), "/blog/__invite__/")
	return h
}

// BenchmarkURL builds the two-param route among 10 and 1000 routes: the
// lookup is a map, so both cost the same.
func BenchmarkURL(b *testing.B) {
	for _, n := range []int{10, 1000} {
		b.Run(fmt.Sprintf("routes=%d", n), func(b *testing.B) {
			h := benchApp(b, n)
			if u := mustURL(b, h, "post", "year", "2024", "slug", "hello world"); u != "/blog/posts/2024/hello%20world" {
				b.Fatal(u)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				_, _ = h.URL(nil, "post", "year", "2024", "slug", "hello world")
			}
		})
	}
}

// BenchmarkURLUnknown asks for a name no app has: chi has no add-route hook,
// so a miss walks the live router (O(routes)) before failing, within
// urlfor's re-read budget (three walks at once, then at most a tenth of the
// wall time: see urlfor.Versioned); the other misses are a map lookup.
func BenchmarkURLUnknown(b *testing.B) {
	for _, n := range []int{10, 1000} {
		b.Run(fmt.Sprintf("routes=%d", n), func(b *testing.B) {
			h := benchApp(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				_, _ = h.URL(nil, "nope")
			}
		})
	}
}

// BenchmarkRefresh walks the router once (urlfor.Participant.Refresh): what
// a miss costs when it re-reads the routes, and the unit of the budget that
// says how soon a route added after the invitation is found.
func BenchmarkRefresh(b *testing.B) {
	for _, n := range []int{10, 1000} {
		b.Run(fmt.Sprintf("routes=%d", n), func(b *testing.B) {
			p, err := benchApp(b, n).Participant()
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				p.Refresh()
			}
		})
	}
}

// BenchmarkHandWritten is the baseline: the same URL concatenated by hand
// with url.PathEscape (no checks, no lookup).
func BenchmarkHandWritten(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = "/blog/posts/" + url.PathEscape("2024") + "/" + url.PathEscape("hello world")
	}
}

// BenchmarkURLSiblings builds "/posts/{id}" alone and beside static
// siblings that take values from it ("/posts/new", ...): the refusal is a
// check of taken values (urlfor.Taken), not a complement regexp, so both
// cost about the same.
func BenchmarkURLSiblings(b *testing.B) {
	for _, siblings := range []int{0, 3} {
		b.Run(fmt.Sprintf("siblings=%d", siblings), func(b *testing.B) {
			r := chi.NewRouter()
			h := mustJoin(b, r)
			r.With(partychi.Name("post")).Get("/posts/{id}", show)
			for _, s := range []string{"new", "latest", "drafts"}[:siblings] {
				r.Get("/posts/"+s, show)
			}
			mustParty(b, stripMux(map[string]http.Handler{"/blog": r}), "/blog/__invite__/")
			if siblings > 0 {
				if _, err := h.URL(nil, "post", "id", "new"); err == nil {
					b.Fatal("a taken value was built")
				}
			}
			b.ReportAllocs()
			for b.Loop() {
				_, _ = h.URL(nil, "post", "id", "hello-world")
			}
		})
	}
}
