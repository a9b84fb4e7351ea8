package partyfiber_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"
	partyfiber "github.com/partyline-go/partyline/adapters/fiber"
	"github.com/partyline-go/partyline/urlfor"
)

// TestWildcardKeys: a greedy parameter is built by either key c.Params
// reads it by, "*" or "*1", "+" or "+1" (fiber's ctx.go Params), never
// sent to the query; both keys at once are an ErrBadCall. Built through a
// urlfor.Builder, as another app would, and requested over real HTTP,
// where c.Params and Param read the value back under the key used.
func TestWildcardKeys(t *testing.T) {
	app := fiber.New()
	if _, err := partyfiber.Join(app); err != nil {
		t.Fatal(err)
	}
	read := func(c *fiber.Ctx) error {
		var out []string
		for _, k := range strings.Split(c.Query("keys"), ",") {
			v, err := partyfiber.Param(c, k)
			if err != nil {
				return err
			}
			out = append(out, k+"="+strconv.Quote(v)+" "+strconv.Quote(c.Params(k)))
		}
		return c.SendString(strings.Join(out, "\n"))
	}
	app.Get("/files/*", read).Name("files")
	app.Get("/plus/+", read).Name("plus")
	app.Get("/mid/*/tail", read).Name("mid")
	app.Get("/two/*/and/*", read).Name("two")
	p := newParty(t, mount{"/fiber", partyfiber.Handler(app)})
	b, srv := urlfor.New(p), serve(t, p)
	for _, c := range []struct {
		name, key, value, url string
		read                  []string // keys c.Params reads the value by
	}{
		{"files", "*", "docs/a b.txt", "/fiber/files/docs/a%20b.txt?keys=%2A%2C%2A1", []string{"*", "*1"}},
		{"files", "*1", "docs/a b.txt", "/fiber/files/docs/a%20b.txt?keys=%2A%2C%2A1", []string{"*", "*1"}},
		{"plus", "+", "x/y", "/fiber/plus/x/y?keys=%2B%2C%2B1", []string{"+", "+1"}},
		{"plus", "+1", "x/y", "/fiber/plus/x/y?keys=%2B%2C%2B1", []string{"+", "+1"}},
		{"mid", "*", "a b", "/fiber/mid/a%20b/tail?keys=%2A%2C%2A1", []string{"*", "*1"}},
	} {
		u, err := b.URL("fiber:"+c.name, c.key, c.value, "keys", strings.Join(c.read, ","))
		if err != nil || u != c.url {
			t.Errorf("URL(%s, %q, %q) = %q, %v; want %q", c.name, c.key, c.value, u, err, c.url)
			continue
		}
		_, body, _ := get(t, nil, srv.URL+u)
		for _, k := range c.read {
			if want := k + "=" + strconv.Quote(c.value); !strings.Contains(body, want+" ") {
				t.Errorf("%s: Param(%q): %q, want %s", u, k, body, want)
			}
		}
	}
	// c.Params("*") reads "*1" raw: with a value urlfor writes as it is,
	// c.Params is exact under "*" too.
	u, _ := b.URL("fiber:files", "*", "docs/readme.txt", "keys", "*")
	if _, body, _ := get(t, nil, srv.URL+u); body != `*="docs/readme.txt" "docs/readme.txt"` {
		t.Errorf("%s: %q", u, body)
	}
	for _, c := range []struct {
		name  string
		pairs []string
		err   error
	}{
		{"files", []string{"*", "a", "*1", "b"}, urlfor.ErrBadCall},
		{"plus", []string{"+1", "a", "+", "b"}, urlfor.ErrBadCall},
		{"files", []string{"*", "/x"}, urlfor.ErrInvalidParam}, // the pair: an empty segment, not a query
		{"plus", []string{"*", "x"}, urlfor.ErrInvalidParam},   // "+" is not "*": "+1" empty, which "+" refuses
		{"two", []string{"*", "a", "*2", "b"}, partyfiber.ErrUntranslatable},
	} {
		if u, err := b.URL("fiber:"+c.name, c.pairs...); !errors.Is(err, c.err) {
			t.Errorf("URL(%s, %q) = %q, %v; want %v", c.name, c.pairs, u, err, c.err)
		}
	}
}
