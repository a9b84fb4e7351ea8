package partyfiberv3_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v3"
	partyfiberv3 "github.com/partyline-go/partyline/adapters/fiberv3"
	"github.com/partyline-go/partyline/urlfor"
)

// paramValues are values of the catalogue that c.Params hands
// raw by default: escaped bytes, "%", non-ASCII, and "," and ";", which
// urlfor writes raw.
var paramValues = []string{
	"a b", "café", "100%", "100%-cotton", "%2F", "a/b", "a+b", "a,b", "Smith, John", "a;b", "?#[]", "{id}", ":id", "日本", "a/b c%?é+",
}

// TestParam: over real HTTP, through core.New, http.ServeMux,
// http.StripPrefix and the bridge, Param gives the value put into the URL
// under both UnescapePath settings, for a parameter, a trailing "*" and
// "+", a greedy parameter inside the path and a left-out optional one;
// with UnescapePath, c.Params gives it too. URL refuses only "/" and "+"
// there.
func TestParam(t *testing.T) {
	for _, cfg := range []fiber.Config{{}, {UnescapePath: true}} {
		app := fiber.New(cfg)
		h, err := partyfiberv3.Join(app)
		if err != nil {
			t.Fatal(err)
		}
		read := func(c fiber.Ctx) error {
			var out []string
			for _, k := range c.Route().Params {
				v, err := partyfiberv3.Param(c, k)
				if err != nil {
					return err
				}
				out = append(out, strconv.Quote(v), strconv.Quote(c.Params(k)))
			}
			return c.SendString(strings.Join(out, "\n")) // Quote escapes "\n"
		}
		app.Get("/p/:id", read).Name("p")
		app.Get("/f/*", read).Name("f")
		app.Get("/g/+", read).Name("g")
		app.Get("/mid/*/tail", read).Name("mid")
		app.Get("/opt/:name?", read).Name("o")
		srv := serve(t, newParty(t, mount{"/events", partyfiberv3.Handler(app)}))
		type build struct{ name, key, value string }
		builds := []build{{"o", "name", ""}, {"f", "*1", "dir/a b/c,d;e"}, {"f", "*1", "dir/a b/%2F"}}
		for _, v := range paramValues {
			builds = append(builds, build{"p", "id", v}, build{"f", "*1", v}, build{"g", "+1", v}, build{"mid", "*1", v})
		}
		for _, b := range builds {
			var pairs []string
			if b.value != "" {
				pairs = []string{b.key, b.value}
			}
			u, err := h.URL(nil, b.name, pairs...)
			slash := strings.Contains(b.value, "/") && (b.name == "p" || b.name == "mid")
			if errors.Is(err, urlfor.ErrInvalidParam) && cfg.UnescapePath && (slash || strings.Contains(b.value, "+")) {
				continue // refused where fiber decodes "%2F" to "/" and "+" to a space
			}
			if err != nil {
				t.Errorf("UnescapePath %v, %+v: %v", cfg.UnescapePath, b, err)
				continue
			}
			_, body, _ := get(t, nil, srv.URL+u)
			param, native, _ := strings.Cut(body, "\n")
			if param != strconv.Quote(b.value) {
				t.Errorf("UnescapePath %v, %s: Param = %s, want %q", cfg.UnescapePath, u, param, b.value)
			}
			if cfg.UnescapePath && native != strconv.Quote(b.value) {
				t.Errorf("UnescapePath %v, %s: c.Params = %s, want %q", cfg.UnescapePath, u, native, b.value)
			}
		}
	}
}

// TestParamNil: a nil context is an error wrapping urlfor.ErrBadCall and
// naming the package, not a panic.
func TestParamNil(t *testing.T) {
	if _, err := partyfiberv3.Param(nil, "id"); !errors.Is(err, urlfor.ErrBadCall) || !strings.HasPrefix(err.Error(), "partyfiberv3: ") {
		t.Errorf("Param(nil): %v", err)
	}
}
