package partyfiber_test

import (
	"encoding/json"
	"testing"

	"github.com/gofiber/fiber/v2"
	partyfiber "github.com/partyline-go/partyline/adapters/fiber"
)

// TestRouterEscaping records what fiber's router hands a handler for
// percent-encoded paths, in each configuration that changes it, requested
// over real HTTP through core.New, http.ServeMux, http.StripPrefix and the
// bridge. It is what the template options in translate.go rest on:
//
//   - UnescapePath false (fiber's default): the router matches the raw path
//     and c.Params returns raw text ("a%2Fb"): handlers url.PathUnescape it.
//     "%2F" stays inside its parameter, so no byte is unroutable; a
//     constraint sees the raw text ("%C3%A9" is not <alpha>).
//   - UnescapePath true: the path is decoded before routing with fasthttp's
//     query decoding: "%2F" becomes a separator (404 here) and "+" a space,
//     so both are unroutable in values.
func TestRouterEscaping(t *testing.T) {
	type row struct {
		path   string
		status int
		value  string // c.Params("v") when status is 200
	}
	cases := []struct {
		ns      string
		cfg     fiber.Config
		pattern string
		rows    []row
	}{
		{"raw", fiber.Config{}, "/p/:v", []row{
			{"/p/a%2Fb", 200, "a%2Fb"},
			{"/p/a%2fb", 200, "a%2fb"},
			{"/p/a+b", 200, "a+b"},
			{"/p/a%20b", 200, "a%20b"},
			{"/p/%C3%A9", 200, "%C3%A9"},
			{"/p/%25", 200, "%25"},
			{"/p/a%3Fb", 200, "a%3Fb"},
			{"/p/a/b", 404, ""},
			{"/P/x", 200, "x"}, // case-insensitive literals
		}},
		{"decoded", fiber.Config{UnescapePath: true}, "/p/:v", []row{
			{"/p/a%2Fb", 404, ""},  // decoded to a separator
			{"/p/a+b", 200, "a b"}, // fasthttp decodes "+" as in a query
			{"/p/a%2Bb", 200, "a+b"},
			{"/p/a%20b", 200, "a b"},
			{"/p/%C3%A9", 200, "é"},
			{"/p/%25", 200, "%"},
			{"/p/a%3Fb", 200, "a?b"},
		}},
		{"alpharaw", fiber.Config{}, "/a/:v<alpha>", []row{
			{"/a/abc", 200, "abc"},
			{"/a/%C3%A9", 404, ""}, // the constraint sees "%C3%A9"
		}},
		{"alphadecoded", fiber.Config{UnescapePath: true}, "/a/:v<alpha>", []row{
			{"/a/%C3%A9", 200, "é"},
		}},
		{"adjraw", fiber.Config{}, "/r/:v-:w", []row{
			{"/r/a-b-c", 200, "a"}, // a parameter ends at the first "-"
			{"/r/a%2Db-c", 200, "a%2Db"},
		}},
		{"midopt", fiber.Config{}, "/o/:v?/c", []row{
			{"/o/c", 404, ""},  // an optional parameter inside the path cannot be left out...
			{"/o//c", 307, ""}, // ...except with "//", which fiber routes but ServeMux redirects to /o/c
			{"/o/x/c", 200, "x"},
		}},
		{"short", fiber.Config{}, "/f/:v?", []row{
			{"/f", 404, ""}, // fiber files the route under "/f/" and looks "/f" up elsewhere
			{"/f/", 404, ""},
			{"/f/x", 200, "x"},
		}},
	}
	var mounts []mount
	for _, c := range cases {
		app := fiber.New(c.cfg)
		app.Get(c.pattern, func(c *fiber.Ctx) error { return c.SendString(c.Params("v")) })
		mounts = append(mounts, mount{"/" + c.ns, partyfiber.Handler(app)})
	}
	mux, _ := newDispatcher(mounts...)
	srv := serve(t, mux)
	for _, c := range cases {
		for _, r := range c.rows {
			code, body, _ := get(t, nil, srv.URL+"/"+c.ns+r.path)
			if code != r.status || code == 200 && body != r.value {
				t.Errorf("%s %s: %s -> %d %q, want %d %q", c.ns, c.pattern, r.path, code, body, r.status, r.value)
			}
		}
	}
}

// TestGetRouteURL records how fiber's own reverse routing differs from
// ours, on the same app: GetRouteURL splices values raw, leaves a missing
// one empty, takes keys in any case, lowercases a case-insensitive app's
// path, and answers "" without an error for an unknown name; partyfiber
// escapes, refuses, and keeps names and keys exact.
func TestGetRouteURL(t *testing.T) {
	app := fiber.New()
	h, err := partyfiber.Join(app)
	if err != nil {
		t.Fatal(err)
	}
	app.Get("/Users/:ID/posts", func(c *fiber.Ctx) error {
		out := map[string][2]string{}
		for _, q := range []struct{ name, key, value string }{
			{"user", "ID", "a/b?c"},
			{"user", "id", "7"},
			{"user", "", ""},
			{"User", "ID", "7"},
		} {
			params := fiber.Map{}
			var pairs []string
			if q.key != "" {
				params[q.key] = q.value
				pairs = []string{q.key, q.value}
			}
			native, _ := c.GetRouteURL(q.name, params)
			ours, err := h.URL(c, q.name, pairs...)
			if err != nil {
				ours = "error"
			}
			out[q.name+" "+q.key+"="+q.value] = [2]string{native, ours}
		}
		return c.JSON(out)
	}).Name("user")
	p := newParty(t, mount{"/legacy", partyfiber.Handler(app)})
	_, body, _ := get(t, nil, serve(t, p).URL+"/legacy/users/1/posts")
	var got map[string][2]string
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err, body)
	}
	want := map[string][2]string{
		"user ID=a/b?c": {"/users/a/b?c/posts", "/legacy/Users/a%2Fb%3Fc/posts"},
		"user id=7":     {"/users/7/posts", "error"}, // key case: fiber folds, we do not
		"user =":        {"/users//posts", "error"},  // missing: fiber leaves it empty
		"User ID=7":     {"", "error"},               // names are exact in both; fiber says nothing
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: got (native, ours) %q, want %q", k, got[k], w)
		}
	}
}
