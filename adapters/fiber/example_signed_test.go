package partyfiber_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	partyfiber "github.com/partyline-go/partyline/adapters/fiber"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// Sticky("lang") carries the page's language into the URLs its handlers
// build, read from the route as Param reads it; a given value wins;
// without a context nothing is filled.
func ExampleSticky() {
	app := fiber.New()
	h, _ := partyfiber.Join(app, partyfiber.Sticky("lang"))
	app.Get("/:lang/about", func(c *fiber.Ctx) error { return nil }).Name("about")
	app.Get("/:lang/posts/:id", func(c *fiber.Ctx) error {
		here, _ := h.URL(c, "about")
		en, _ := h.URL(c, "about", "lang", "en")
		_, err := h.URL(nil, "about")
		return c.SendString(here + "\n" + en + "\n" + err.Error())
	}).Name("post")

	mux := http.NewServeMux()
	mux.Handle("/legacy/", http.StripPrefix("/legacy", partyfiber.Handler(app)))
	party, _ := core.New(mux, []string{"/legacy/__invite__/"})
	w := httptest.NewRecorder()
	party.ServeHTTP(w, httptest.NewRequest("GET", "/legacy/fr/posts/7", nil))
	fmt.Println(w.Body.String())
	// Output:
	// /legacy/fr/about
	// /legacy/en/about
	// urlfor: about: missing parameter "lang" for pattern "/:lang/about"
}

// SignWith gives Handle.SignedURL its signer; ValidateSignature lets the
// signed URL through, mount prefix included.
func ExampleSignWith() {
	signer, _ := urlfor.NewSigner(bytes.Repeat([]byte("k"), 32)) // crypto/rand keys in production
	app := fiber.New()
	h, _ := partyfiber.Join(app, partyfiber.SignWith(signer))
	app.Get("/files/:name", partyfiber.ValidateSignature(signer), func(c *fiber.Ctx) error {
		return c.SendString("file " + c.Params("name"))
	}).Name("file")
	app.Get("/share", func(c *fiber.Ctx) error {
		u, err := h.SignedURL(c, time.Now().Add(24*time.Hour), "file", "name", "report.pdf")
		if err != nil {
			return err
		}
		return c.SendString(u)
	})

	mux := http.NewServeMux()
	mux.Handle("/legacy/", http.StripPrefix("/legacy", partyfiber.Handler(app)))
	party, _ := core.New(mux, []string{"/legacy/__invite__/"})
	w := httptest.NewRecorder()
	party.ServeHTTP(w, httptest.NewRequest("GET", "/legacy/share", nil))
	signed := w.Body.String()
	u, _ := url.Parse(signed)
	fmt.Println(u.Path, signer.Verify(httptest.NewRequest("GET", signed, nil)) == nil)

	w = httptest.NewRecorder()
	party.ServeHTTP(w, httptest.NewRequest("GET", signed, nil))
	fmt.Println(w.Code, w.Body.String())
	// Output:
	// /legacy/files/report.pdf true
	// 200 file report.pdf
}

// ValidateSignature answers 403 with the reason to a URL that was changed,
// has expired or was never signed.
func ExampleValidateSignature() {
	signer, _ := urlfor.NewSigner(bytes.Repeat([]byte("k"), 32))
	app := fiber.New()
	app.Get("/files/:name", partyfiber.ValidateSignature(signer), func(c *fiber.Ctx) error {
		return c.SendString("file")
	})
	signed, _ := signer.Sign("/files/report.pdf", time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))
	expired, _ := signer.Sign("/files/report.pdf", time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
	for _, u := range []string{signed, strings.Replace(signed, "report", "secret", 1), expired, "/files/report.pdf"} {
		w := httptest.NewRecorder()
		partyfiber.Handler(app).ServeHTTP(w, httptest.NewRequest("GET", u, nil))
		fmt.Println(w.Code, strings.TrimSpace(w.Body.String()))
	}
	// Output:
	// 200 file
	// 403 urlfor: the URL's signature does not match
	// 403 urlfor: the signed URL has expired
	// 403 urlfor: the URL is not signed: no signature or no expiry
}

// Link builds RFC 8288 link-values by endpoint name for a Link header.
func ExampleHandle_Link() {
	app := fiber.New()
	h, _ := partyfiber.Join(app)
	app.Get("/items", func(c *fiber.Ctx) error {
		next, err := h.Link(c, "next", "items", "page", strconv.Itoa(c.QueryInt("page", 1)+1))
		if err != nil {
			return err
		}
		first, err := h.Link(c, "first", "items")
		if err != nil {
			return err
		}
		c.Set("Link", urlfor.JoinLinks(next, first))
		return nil
	}).Name("items")

	mux := http.NewServeMux()
	mux.Handle("/api/", http.StripPrefix("/api", partyfiber.Handler(app)))
	party, _ := core.New(mux, []string{"/api/__invite__/"})
	w := httptest.NewRecorder()
	party.ServeHTTP(w, httptest.NewRequest("GET", "/api/items?page=2", nil))
	fmt.Println(w.Header().Get("Link"))
	// Output: </api/items?page=3>; rel="next", </api/items>; rel="first"
}
