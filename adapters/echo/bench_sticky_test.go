package partyecho

import (
	"bytes"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
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
	e := echo.New()
	e.GET("/:lang/posts/:id", record).Name = "post"
	h := mustJoin(b, e, Sticky("lang"), SignWith(signer))
	party(b, app{"/blog", e})
	c := ctx(e, "/blog/fr/posts/7")
	c.SetParamNames("lang", "id")
	c.SetParamValues("fr", "7")
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
