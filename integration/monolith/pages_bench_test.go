package monolith_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"
	"github.com/partyline-go/partyline/integration/monolith"
)

// BenchmarkPages renders the pages that show comments, and a few others,
// on a site without comments and on one with 10k (the load test's
// before and after, page by page, without the network): the pages are
// bounded, so the two should be close.
func BenchmarkPages(b *testing.B) {
	gin.SetMode(gin.TestMode)
	for _, comments := range []int{0, 10_000} {
		site, err := monolith.New(monolith.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { _ = site.Close() })
		posts := []string{"red-shoes-review", "hats-for-every-season"}
		for i := range comments {
			site.Store.AddComment(monolith.Comment{Post: posts[i%2], Author: fmt.Sprint("load ", i), Text: fmt.Sprintf("comment %d, with <markup> & escapes", i)})
		}
		for _, path := range []string{"/", "/blog/posts/red-shoes-review", "/admin/", "/admin/comments", "/admin/comments?post=red-shoes-review", monolith.InspectorPath} {
			b.Run(fmt.Sprintf("comments=%d/page=%s", comments, path), func(b *testing.B) {
				w := httptest.NewRecorder()
				site.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
				if w.Code != http.StatusOK {
					b.Fatalf("GET %s: %d", path, w.Code)
				}
				b.ReportAllocs()
				for b.Loop() {
					w := httptest.NewRecorder()
					site.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
				}
			})
		}
	}
}
