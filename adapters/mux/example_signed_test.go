package partymux_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"time"

	"github.com/gorilla/mux"
	"github.com/partyline-go/partyline/adapters/mux"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// A site under /{lang}/ keeps its language: a handler that builds a URL
// without lang gets the lang of the page it serves; a given lang wins.
func ExampleSticky() {
	r := mux.NewRouter()
	h, _ := partymux.Join(r, partymux.Sticky("lang"))
	r.HandleFunc("/{lang}/about", hello).Name("about")
	r.HandleFunc("/{lang}/posts/{id}", func(w http.ResponseWriter, r *http.Request) {
		about, _ := h.URL(r, "about")
		english, _ := h.URL(r, "about", "lang", "en")
		fmt.Fprintln(w, about, english)
	})
	party, _ := core.New(http.StripPrefix("/blog", r), []string{"/blog/__invite__/"})

	rec := httptest.NewRecorder()
	party.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/blog/fr/posts/7", nil))
	fmt.Print(rec.Body)
	_, err := h.URL(nil, "about") // no request, nothing sticky
	fmt.Println(err)
	// Output:
	// /blog/fr/about /blog/en/about
	// urlfor: about: missing parameter "lang" for pattern "/{lang}/about"
}

// A handler hands out a signed link that expires; ValidateSignature
// guards the route it reaches.
func ExampleSignWith() {
	signer, _ := urlfor.NewSigner(bytes.Repeat([]byte("k"), 32)) // crypto/rand in production
	r := mux.NewRouter()
	h, _ := partymux.Join(r, partymux.SignWith(signer))
	r.Handle("/invoices/{id}", partymux.ValidateSignature(signer)(http.HandlerFunc(hello))).Name("invoice")
	party, _ := core.New(http.StripPrefix("/shop", r), []string{"/shop/__invite__/"})

	signed, err := h.SignedURL(nil, time.Now().Add(24*time.Hour), "invoice", "id", "42")
	u, _ := url.Parse(signed)
	fmt.Println(u.Path, err, signer.Verify(httptest.NewRequest(http.MethodGet, signed, nil)))
	rec := httptest.NewRecorder()
	party.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, signed, nil))
	fmt.Print(rec.Code, " ", rec.Body)
	// Output:
	// /shop/invoices/42 <nil> <nil>
	// 200 post 42
}

// ValidateSignature, in a subrouter's Use, answers 403 with the reason to
// a URL that was not signed, changed, or expired.
func ExampleValidateSignature() {
	signer, _ := urlfor.NewSigner(bytes.Repeat([]byte("k"), 32))
	r := mux.NewRouter()
	h, _ := partymux.Join(r, partymux.SignWith(signer))
	invoices := r.PathPrefix("/invoices").Subrouter()
	invoices.Use(partymux.ValidateSignature(signer))
	invoices.HandleFunc("/{id}", hello).Name("invoice")
	party, _ := core.New(http.StripPrefix("/shop", r), []string{"/shop/__invite__/"})

	signed, _ := h.SignedURL(nil, time.Now().Add(time.Hour), "invoice", "id", "42")
	expired, _ := h.SignedURL(nil, time.Now().Add(-time.Hour), "invoice", "id", "42")
	for _, u := range []string{signed, strings.Replace(signed, "/42?", "/43?", 1), expired, "/shop/invoices/42"} {
		rec := httptest.NewRecorder()
		party.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, u, nil))
		fmt.Print(rec.Code, " ", rec.Body)
	}
	// Output:
	// 200 post 42
	// 403 urlfor: the URL's signature does not match
	// 403 urlfor: the signed URL has expired
	// 403 urlfor: the URL is not signed: no signature or no expiry
}

// Link headers by endpoint name (RFC 8288), for the API's pagination.
func ExampleHandle_Link() {
	r := mux.NewRouter()
	h, _ := partymux.Join(r)
	r.HandleFunc("/items", func(w http.ResponseWriter, r *http.Request) {
		next, _ := h.Link(r, "next", "items", "page", "3")
		prev, _ := h.Link(r, "prev", "items", "page", "1")
		w.Header().Set("Link", urlfor.JoinLinks(next, prev))
	}).Name("items")
	party, _ := core.New(http.StripPrefix("/api", r), []string{"/api/__invite__/"})

	rec := httptest.NewRecorder()
	party.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/items?page=2", nil))
	fmt.Println(rec.Header().Get("Link"))
	// Output:
	// </api/items?page=3>; rel="next", </api/items?page=1>; rel="prev"
}
