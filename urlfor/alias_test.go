package urlfor_test

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

// fiber reads its first wildcard as c.Params("*") or c.Params("*1"):
// either key builds it.
func ExamplePart_Alias() {
	files, _ := urlfor.NewTemplate("/files/*", []urlfor.Part{urlfor.Literal("/files/"), urlfor.Wildcard("*1").Alias("*")})
	fmt.Println(files.Params())
	fmt.Println(files.Build("*", "docs/a b.txt"))
	fmt.Println(files.Build("*1", "docs/a b.txt"))
	_, err := files.Build("*", "a", "*1", "b")
	fmt.Println(err)
	// Output:
	// [*1]
	// /files/docs/a%20b.txt <nil>
	// /files/docs/a%20b.txt <nil>
	// urlfor: bad call: /files/*: parameter "*1" given twice (as "*" and "*1")
}

// TestAlias: an alias fills its parameter as the name does, in a Route
// (other pairs still the query); both keys, or an alias that names
// another parameter, are errors.
func TestAlias(t *testing.T) {
	tpl, err := urlfor.NewTemplate("/a/+/b/*", []urlfor.Part{
		urlfor.Literal("/a/"), urlfor.Param("+1").Alias("+"), urlfor.Literal("/b/"), urlfor.Wildcard("*1").Alias("*"),
	})
	if err != nil {
		t.Fatal(err)
	}
	r := urlfor.Route{Name: "r", Pattern: tpl.Pattern(), Path: tpl}
	for _, pairs := range [][]string{{"+", "x", "*", "y/z"}, {"+1", "x", "*1", "y/z"}, {"*", "y/z", "+1", "x"}} {
		got, err := r.Build("", &urlfor.Request{Pairs: append(pairs, "q", "1")})
		if got != "/a/x/b/y/z?q=1" || err != nil {
			t.Errorf("%q: %q, %v", pairs, got, err)
		}
	}
	if _, err := r.Build("", &urlfor.Request{Pairs: []string{"+", "x"}}); err != nil {
		t.Errorf("optional wildcard left out: %v", err)
	}
	for _, pairs := range [][]string{{"+", "x", "+1", "y"}, {"+", "x", "+", "y"}} {
		if _, err := r.Build("", &urlfor.Request{Pairs: pairs}); !errors.Is(err, urlfor.ErrBadCall) || !strings.Contains(err.Error(), `"+1" given twice`) {
			t.Errorf("%q: %v, want ErrBadCall", pairs, err)
		}
	}
	if _, err := r.Build("", &urlfor.Request{Pairs: []string{"*", "y"}}); !errors.Is(err, urlfor.ErrMissingParam) {
		t.Errorf("missing +1: %v", err)
	}
	for _, parts := range [][]urlfor.Part{
		{urlfor.Literal("/"), urlfor.Param("a").Alias("b"), urlfor.Literal("/"), urlfor.Param("b")},
		{urlfor.Literal("/"), urlfor.Param("a"), urlfor.Literal("/"), urlfor.Param("b").Alias("a")},
		{urlfor.Literal("/"), urlfor.Param("a").Alias("a")},
	} {
		if _, err := urlfor.NewTemplate("/x", parts); !errors.Is(err, urlfor.ErrInvalidTemplate) {
			t.Errorf("%v: %v, want ErrInvalidTemplate", parts, err)
		}
	}
}

// TestAliasRefusal: a URL refused after it is built (an invite path) names
// the value given under the alias.
func TestAliasRefusal(t *testing.T) {
	app := urlfortest.NewApp("fiber", urlfortest.Route("files", "GET", "/*", urlfor.Literal("/"), urlfor.Wildcard("*1").Alias("*")))
	mux := http.NewServeMux()
	mux.Handle("/fiber/", http.StripPrefix("/fiber", app))
	party, err := core.New(mux, []string{"/fiber/__invite__/"})
	if err != nil {
		t.Fatal(err)
	}
	var pe *urlfor.ParamError
	if _, err := urlfor.New(party).URL("fiber:files", "*", "__invite__"); !errors.As(err, &pe) || pe.Param != "*1" || pe.Value != "__invite__" {
		t.Errorf("got %v, want a ParamError for \"*1\" with the value given under \"*\"", err)
	}
}
