package adaptertest_test

import (
	"fmt"
	"net/http/httptest"

	"github.com/partyline-go/partyline/urlfor/adaptertest"
)

// A Dialect for a router of the ":name" kind: ":name" for a parameter, "*"
// for the wildcard, and no regexp constraints, so a constrained pattern is
// one the framework cannot say, and the suite skips the cases that need it.
func ExampleTranslate() {
	colon := func(name, re string, wildcard bool) (string, bool) {
		if wildcard {
			return "*", true
		}
		return ":" + name, re == ""
	}
	for _, p := range []adaptertest.Pattern{"/posts/{id}", "/files/{path...}", "/e/{id}.json", "/r/{y:[0-9]{4}}"} {
		s, ok := adaptertest.Translate(p, colon)
		fmt.Printf("%-18s %-14q %v\n", p, s, ok)
	}
	// Output:
	// /posts/{id}        "/posts/:id"   true
	// /files/{path...}   "/files/*"     true
	// /e/{id}.json       "/e/:id.json"  true
	// /r/{y:[0-9]{4}}    ""             false
}

// A handler reads each parameter under its name; Params says which.
func ExampleParams() {
	for _, p := range adaptertest.Params("/r/{y:[0-9]+}/{slug}/{rest...}") {
		fmt.Printf("%s re=%q wildcard=%v\n", p.Name, p.Re, p.Wildcard)
	}
	// Output:
	// y re="[0-9]+" wildcard=false
	// slug re="" wildcard=false
	// rest re="" wildcard=true
}

// Every string is Go-quoted inside the JSON, so that a value such as
// "\xff" reaches the suite byte for byte.
func ExampleWriteEcho() {
	rec := httptest.NewRecorder()
	adaptertest.WriteEcho(rec, adaptertest.Echo{
		Route:    "item",
		Native:   map[string]string{"id": "a/b"},
		Param:    map[string]string{"id": "a/b"},
		Self:     "/mnt/items/a%2Fb",
		Absolute: adaptertest.Outcome("http://example.com/mnt/items/a%2Fb", nil),
	})
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"))
	fmt.Println(rec.Body.String())
	// Output:
	// 200 application/json
	// {"route":"\"item\"","native":{"id":"\"a/b\""},"param":{"id":"\"a/b\""},"self":"\"/mnt/items/a%2Fb\"","absolute":"\"http://example.com/mnt/items/a%2Fb\""}
}
