package partygin_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"
	partygin "github.com/partyline-go/partyline/adapters/gin"
	"github.com/partyline-go/partyline/core"
)

// benchApp is a gin app at /shop with n routes, one of them the two-param
// "comment" route, invited by a party.
func benchApp(b *testing.B, n int) (*partygin.Handle, *gin.Context) {
	b.Helper()
	e := gin.New()
	h, err := partygin.Join(e)
	if err != nil {
		b.Fatal(err)
	}
	r := h.Router(e)
	r.Named("comment").GET("/posts/:id/comments/:cid", report)
	for i := 1; i < n; i++ {
		r.Named(fmt.Sprintf("r%d", i)).GET(fmt.Sprintf("/r%d/:a/x/:b", i), report)
	}
	mux := http.NewServeMux()
	mux.Handle("/shop/", http.StripPrefix("/shop", e))
	if _, err := core.New(mux, []string{"/shop/__invite__/"}); err != nil {
		b.Fatal(err)
	}
	c, _ := gin.CreateTestContext(httptest.NewRecorder())
	c.Request = httptest.NewRequest(http.MethodGet, "/shop/", nil)
	h.Middleware()(c)
	return h, c
}

// BenchmarkURL builds the URL of a two-param route from inside a gin
// handler: with the handle (h.URL), with the handle found in the context
// (partygin.URL), and a miss (an unknown name), which re-reads the
// engine's routes, O(routes), when urlfor's re-read budget allows it (at
// most a tenth of the wall time, urlfor.Versioned): as documented.
func BenchmarkURL(b *testing.B) {
	for _, n := range []int{10, 1000} {
		h, c := benchApp(b, n)
		if u, err := h.URL(c, "comment", "id", "7", "cid", "42"); err != nil || u != "/shop/posts/7/comments/42" {
			b.Fatalf("URL = %q, %v", u, err)
		}
		b.Run(fmt.Sprintf("routes=%d/handle", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := h.URL(c, "comment", "id", "7", "cid", "42"); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("routes=%d/context", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := partygin.URL(c, "comment", "id", "7", "cid", "42"); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("routes=%d/miss", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := h.URL(c, "shop:nowhere"); err == nil {
					b.Fatal("built an unknown name")
				}
			}
		})
	}
}
