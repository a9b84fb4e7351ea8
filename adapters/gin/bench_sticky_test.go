package partygin_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	partygin "github.com/partyline-go/partyline/adapters/gin"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// BenchmarkSticky builds "/:lang/posts/:id" from a handler of that route:
// plain (lang given), sticky (lang from the request's route) and signed
// (lang given, SignedURL).
func BenchmarkSticky(b *testing.B) {
	signer, err := urlfor.NewSigner(bytes.Repeat([]byte("k"), 32))
	if err != nil {
		b.Fatal(err)
	}
	e := gin.New()
	h, err := partygin.Join(e, partygin.Sticky("lang"), partygin.SignWith(signer))
	if err != nil {
		b.Fatal(err)
	}
	h.Router(e).Named("post").GET("/:lang/posts/:id", report)
	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", e))
	if _, err := core.New(mux, []string{"/blog/__invite__/"}); err != nil {
		b.Fatal(err)
	}
	c, _ := gin.CreateTestContext(httptest.NewRecorder())
	c.Request = httptest.NewRequest(http.MethodGet, "/fr/posts/7", nil)
	c.Params = gin.Params{{Key: "lang", Value: "fr"}, {Key: "id", Value: "7"}}
	if u, err := h.URL(c, "post", "id", "8"); err != nil || u != "/blog/fr/posts/8" {
		b.Fatalf("URL = %q, %v", u, err)
	}
	expires := time.Now().Add(time.Hour)
	for _, bc := range []struct {
		name  string
		build func() (string, error)
	}{
		{"plain", func() (string, error) { return h.URL(c, "post", "lang", "fr", "id", "8") }},
		{"sticky", func() (string, error) { return h.URL(c, "post", "id", "8") }},
		{"signed", func() (string, error) { return h.SignedURL(c, expires, "post", "lang", "fr", "id", "8") }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := bc.build(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
