package partyhttp_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/partyline-go/partyline/adapters/nethttp"
	"github.com/partyline-go/partyline/core"
)

// BenchmarkURL builds a two-parameter route of an app with 10 and with 1000
// routes, from a handler's point of view (h.URL with the request). Lookups
// are O(1) in the number of routes: both sizes should cost the same.
func BenchmarkURL(b *testing.B) {
	for _, n := range []int{10, 1000} {
		b.Run(fmt.Sprintf("routes=%d", n), func(b *testing.B) {
			m := partyhttp.NewServeMux()
			h, err := partyhttp.Join(m)
			if err != nil {
				b.Fatal(err)
			}
			for i := range n {
				m.Named(fmt.Sprintf("r%d", i)).HandleFunc(fmt.Sprintf("GET /r%d/{id}/comments/{cid}", i), nop)
			}
			root := http.NewServeMux()
			root.Handle("/pages/", http.StripPrefix("/pages", m))
			if _, err := core.New(root, []string{"/pages/__invite__/"}); err != nil {
				b.Fatal(err)
			}
			name := fmt.Sprintf("r%d", n/2)
			want := fmt.Sprintf("/pages/r%d/7/comments/42", n/2)
			r := httptest.NewRequest("GET", "/pages/x", nil)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				u, err := h.URL(r, name, "id", "7", "cid", "42")
				if err != nil || u != want {
					b.Fatalf("URL = %q, %v", u, err)
				}
			}
		})
	}
}
