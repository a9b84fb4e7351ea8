package partygin_test

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	partygin "github.com/partyline-go/partyline/adapters/gin"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// With Sticky("lang"), a handler of "/:lang/posts/:id" links to its own
// "about" and to the shop's cart in the language of the request; a given
// lang wins, and without a context nothing is filled.
func ExampleSticky() {
	gin.SetMode(gin.TestMode)
	blog, shop := gin.New(), gin.New()
	h, _ := partygin.Join(blog, partygin.Sticky("lang"))
	hs, _ := partygin.Join(shop)
	blog.Use(h.Middleware())
	h.Router(blog).Named("about").GET("/:lang/about", showArticle)
	hs.Router(shop).Named("cart").GET("/:lang/cart", showArticle)
	blog.GET("/:lang/posts/:id", func(c *gin.Context) {
		about, _ := h.URL(c, "about")
		cart, _ := partygin.URL(c, "shop:cart")
		en, _ := h.URL(c, "about", "lang", "en")
		c.String(http.StatusOK, "%s %s %s", about, cart, en)
	})

	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", blog))
	mux.Handle("/shop/", http.StripPrefix("/shop", shop))
	p, _ := core.New(mux, []string{"/blog/__invite__/", "/shop/__invite__/"})
	rec := httptest.NewRecorder()
	p.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/blog/fr/posts/7", nil))
	fmt.Println(rec.Body.String())
	_, err := h.URL(nil, "about")
	fmt.Println(errors.Is(err, urlfor.ErrMissingParam))
	// Output:
	// /blog/fr/about /shop/fr/cart /blog/en/about
	// true
}

// A download link that works until it expires and only as it was built:
// SignWith gives the handle's SignedURL its signer, ValidateSignature
// guards the route and answers 403 with the reason to a changed or
// unsigned URL.
func ExampleSignWith() {
	gin.SetMode(gin.TestMode)
	signer, _ := urlfor.NewSigner(bytes.Repeat([]byte("k"), 32)) // a real key comes from crypto/rand
	engine := gin.New()
	h, _ := partygin.Join(engine, partygin.SignWith(signer))
	h.Router(engine).Named("file").GET("/files/:name", partygin.ValidateSignature(signer), func(c *gin.Context) {
		c.String(http.StatusOK, "file %s", c.Param("name"))
	})
	mux := http.NewServeMux()
	mux.Handle("/shop/", http.StripPrefix("/shop", engine))
	p, _ := core.New(mux, []string{"/shop/__invite__/"})

	u, _ := h.SignedURL(nil, time.Now().AddDate(1, 0, 0), "file", "name", "report.pdf")
	path, _, _ := strings.Cut(u, "?")
	fmt.Println(path, signer.Verify(httptest.NewRequest(http.MethodGet, u, nil)))
	for _, target := range []string{u, u + "&admin=1", path} {
		rec := httptest.NewRecorder()
		p.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		fmt.Println(rec.Code, strings.TrimSpace(rec.Body.String()))
	}
	// Output:
	// /shop/files/report.pdf <nil>
	// 200 file report.pdf
	// 403 urlfor: the URL's signature does not match
	// 403 urlfor: the URL is not signed: no signature or no expiry
}

// A paginated API sets an RFC 8288 Link header built by endpoint name.
func ExampleHandle_Link() {
	gin.SetMode(gin.TestMode)
	engine := gin.New()
	h, _ := partygin.Join(engine)
	h.Router(engine).Named("items").GET("/items", func(c *gin.Context) {
		next, err := h.Link(c, "next", "items", "page", "3")
		if err != nil {
			c.String(http.StatusInternalServerError, "%v", err)
			return
		}
		prev, _ := h.Link(c, "prev", "items", "page", "1")
		c.Header("Link", urlfor.JoinLinks(next, prev))
		c.Status(http.StatusOK)
	})
	mux := http.NewServeMux()
	mux.Handle("/api/", http.StripPrefix("/api", engine))
	p, _ := core.New(mux, []string{"/api/__invite__/"})

	rec := httptest.NewRecorder()
	p.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/items?page=2", nil))
	fmt.Println(rec.Header().Get("Link"))
	// Output:
	// </api/items?page=3>; rel="next", </api/items?page=1>; rel="prev"
}
