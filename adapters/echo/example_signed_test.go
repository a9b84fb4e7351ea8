package partyecho_test

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/partyline-go/partyline/adapters/echo"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// With Sticky("lang"), a handler of "/:lang/posts/:id" links to its own
// "about" and to the shop's cart in the language of the request; a given
// lang wins, and without a context nothing is filled.
func ExampleSticky() {
	blog, shop := echo.New(), echo.New()
	h, _ := partyecho.Join(blog, partyecho.Sticky("lang"))
	partyecho.Join(shop)
	blog.GET("/:lang/about", showPost).Name = "about"
	shop.GET("/:lang/cart", showPost).Name = "cart"
	blog.GET("/:lang/posts/:id", func(c echo.Context) error {
		about, _ := h.URL(c, "about")
		cart, _ := partyecho.URL(c, "shop:cart")
		en, _ := h.URL(c, "about", "lang", "en")
		return c.String(http.StatusOK, about+" "+cart+" "+en)
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
// SignWith gives Handle.SignedURL its signer, ValidateSignature guards the
// route and answers 403 with the reason to a changed or unsigned URL.
func ExampleSignWith() {
	signer, _ := urlfor.NewSigner(bytes.Repeat([]byte("k"), 32)) // a real key comes from crypto/rand
	e := echo.New()
	h, _ := partyecho.Join(e, partyecho.SignWith(signer))
	e.GET("/files/:name", func(c echo.Context) error {
		return c.String(http.StatusOK, "file "+c.Param("name"))
	}, partyecho.ValidateSignature(signer)).Name = "file"
	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", e))
	p, _ := core.New(mux, []string{"/blog/__invite__/"})

	c := e.NewContext(httptest.NewRequest(http.MethodGet, "/", nil), httptest.NewRecorder())
	u, _ := h.SignedURL(c, time.Now().AddDate(1, 0, 0), "file", "name", "report.pdf")
	path, _, _ := strings.Cut(u, "?")
	fmt.Println(path, signer.Verify(httptest.NewRequest(http.MethodGet, u, nil)))
	for _, target := range []string{u, u + "&admin=1", path} {
		rec := httptest.NewRecorder()
		p.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		fmt.Println(rec.Code, strings.TrimSpace(rec.Body.String()))
	}
	// Output:
	// /blog/files/report.pdf <nil>
	// 200 file report.pdf
	// 403 urlfor: the URL's signature does not match
	// 403 urlfor: the URL is not signed: no signature or no expiry
}

// A paginated API sets an RFC 8288 Link header built by endpoint name.
func ExampleHandle_Link() {
	e := echo.New()
	h, _ := partyecho.Join(e)
	e.GET("/items", func(c echo.Context) error {
		next, err := h.Link(c, "next", "items", "page", "3")
		if err != nil {
			return err
		}
		prev, _ := h.Link(c, "prev", "items", "page", "1")
		c.Response().Header().Set("Link", urlfor.JoinLinks(next, prev))
		return c.NoContent(http.StatusOK)
	}).Name = "items"
	mux := http.NewServeMux()
	mux.Handle("/api/", http.StripPrefix("/api", e))
	p, _ := core.New(mux, []string{"/api/__invite__/"})

	rec := httptest.NewRecorder()
	p.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/items?page=2", nil))
	fmt.Println(rec.Header().Get("Link"))
	// Output:
	// </api/items?page=3>; rel="next", </api/items?page=1>; rel="prev"
}
