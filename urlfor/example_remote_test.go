package urlfor_test

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

// A party's blog endpoints as a manifest: what a JavaScript client or
// another service needs to build the same URLs.
func ExampleBuilder_Manifest() {
	b := urlfor.New(exampleParty())
	m, err := b.Manifest(urlfor.ManifestOptions{Namespaces: []string{"blog"}, Origin: "https://example.com"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, name := range []string{"blog:post", "blog:archive"} {
		e := m.Endpoints[name]
		fmt.Printf("%s %s %q %q\n", name, e.Template, e.Path[1].Pattern, e.Path[1].JS)
	}
	// Output:
	// blog:post /blog/posts/{id} "" ""
	// blog:archive /blog/{year}/{slug} "[0-9]{4}" "[0-9][0-9][0-9][0-9]"
}

// The manifest over HTTP, with an ETag: a client revalidates for a 304.
func ExampleBuilder_ManifestHandler() {
	h := urlfor.New(exampleParty()).ManifestHandler(urlfor.ManifestOptions{Namespaces: []string{"blog"}})
	first := httptest.NewRecorder()
	h.ServeHTTP(first, httptest.NewRequest("GET", "/manifest.json", nil))
	again := httptest.NewRequest("GET", "/manifest.json", nil)
	again.Header.Set("If-None-Match", first.Header().Get("ETag"))
	second := httptest.NewRecorder()
	h.ServeHTTP(second, again)
	fmt.Println(first.Code, first.Header().Get("Content-Type"), second.Code)
	// Output: 200 application/json 304
}

// Another service's endpoints, from its manifest, build absolute URLs on
// its origin with the same checks; a bad manifest keeps the previous one.
func ExampleBuilder_AddRemote() {
	m, _ := urlfor.New(exampleParty()).Manifest(urlfor.ManifestOptions{Namespaces: []string{"blog"}})
	data, _ := m.JSON()

	local := urlfor.New(exampleParty2())
	remote, err := local.AddRemote(data, "https://blog.example.com")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(local.URL("blog:post", "id", "7"))
	_, err = local.URL("blog:archive", "year", "20x4", "slug", "s")
	fmt.Println(errors.Is(err, urlfor.ErrInvalidParam))
	fmt.Println(remote.Reload([]byte("{not json")) != nil, remote.Namespaces())
	fmt.Println(local.URL("blog:post", "id", "8"))
	// Output:
	// https://blog.example.com/blog/posts/7 <nil>
	// true
	// true [blog]
	// https://blog.example.com/blog/posts/8 <nil>
}

// ParseManifest reads a manifest and checks its version.
func ExampleParseManifest() {
	_, err := urlfor.ParseManifest([]byte(`{"partyline": "partyline.manifest/9", "endpoints": {}}`))
	fmt.Println(err)
	m, err := urlfor.ParseManifest([]byte(`{"partyline": "partyline.manifest/1", "endpoints": {}}`))
	fmt.Println(m.Version, err)
	// Output:
	// urlfor: bad call: manifest: version "partyline.manifest/9", want "partyline.manifest/1"
	// partyline.manifest/1 <nil>
}

// The TypeScript declarations of a manifest: a misspelt endpoint or a
// missing parameter is a compile error.
func ExampleManifest_TypeScript() {
	m, _ := urlfor.New(exampleParty()).Manifest(urlfor.ManifestOptions{Namespaces: []string{"blog"}})
	for _, line := range strings.Split(m.TypeScript(), "\n") {
		if strings.Contains(line, `"blog:`) {
			fmt.Println(strings.TrimSpace(line))
		}
	}
	// Output:
	// "blog:archive": { "year": Value; "slug": Value };
	// "blog:post": { "id": Value };
	// "blog:search": {};
}

// A Go constraint in ECMAScript syntax, for the JavaScript client.
func ExampleJSRegexp() {
	for _, re := range []string{"[0-9]+", "(?i)new", "en|fr"} {
		js, _ := urlfor.JSRegexp(re)
		fmt.Println(re, "=>", js)
	}
	// Output:
	// [0-9]+ => (?:[0-9])+
	// (?i)new => [Nn][Ee][Ww]
	// en|fr => (?:en|fr)
}

// Sign a URL for an hour; Verify checks it as a server receives it.
func ExampleNewSigner() {
	s, err := urlfor.NewSigner(bytes.Repeat([]byte("k"), 32))
	if err != nil {
		fmt.Println(err)
		return
	}
	signed, _ := s.Sign("/invoices/7?download=1", time.Now().Add(time.Hour))
	fmt.Println(strings.Contains(signed, "&signature="))
	fmt.Println(s.Verify(httptest.NewRequest("GET", signed, nil)))
	tampered := strings.Replace(signed, "/7?", "/8?", 1)
	fmt.Println(s.Verify(httptest.NewRequest("GET", tampered, nil)))
	// Output:
	// true
	// <nil>
	// urlfor: the URL's signature does not match
}

// Middleware answers 403 to a URL that is not signed.
func ExampleSigner_Middleware() {
	s, _ := urlfor.NewSigner(bytes.Repeat([]byte("k"), 32))
	h := s.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "the file") }))
	signed, _ := s.Sign("/files/7", time.Now().Add(time.Minute))
	for _, u := range []string{signed, "/files/7"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", u, nil))
		fmt.Println(rec.Code, strings.TrimSpace(rec.Body.String()))
	}
	// Output:
	// 200 the file
	// 403 urlfor: the URL is not signed: no signature or no expiry
}

// A Link header of two links (RFC 8288).
func ExampleLinkValue() {
	next, _ := urlfor.LinkValue("/api/items?page=3", "next")
	self, _ := urlfor.LinkValue("/api/items?page=2", "self", "title", `Items "2"`)
	fmt.Println(urlfor.JoinLinks(next, self))
	// Output: </api/items?page=3>; rel="next", </api/items?page=2>; rel="self"; title="Items \"2\""
}

// A host policy: listed hosts are used as the request gives them, others
// fall back to the first.
func ExampleNewHostPolicy() {
	hp, _ := urlfor.NewHostPolicy("", []string{"example.com", ".example.org"}, false)
	for _, host := range []string{"www.example.org", "evil.example"} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Host = host
		o, err := hp.Origin(r)
		fmt.Println(o, err)
	}
	canonical, _ := urlfor.NewHostPolicy("https://www.example.com", nil, false)
	fmt.Println(canonical.Origin(nil))
	// Output:
	// http://www.example.org <nil>
	// http://example.com <nil>
	// https://www.example.com <nil>
}

// exampleParty2 is a second service: a shop alone, which links to the
// blog of exampleParty's service through its manifest.
func exampleParty2() *core.Party {
	cart, _ := urlfor.NewTemplate("/cart", []urlfor.Part{urlfor.Literal("/cart")})
	shop := urlfortest.NewApp("shop", urlfor.Route{Name: "cart", Method: "GET", Pattern: "/cart", Path: cart})
	mux := http.NewServeMux()
	mux.Handle("/shop/", http.StripPrefix("/shop", shop))
	party, err := core.New(mux, []string{"/shop/__invite__/"})
	if err != nil {
		panic(err)
	}
	return party
}
