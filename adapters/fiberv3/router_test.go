package partyfiberv3_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/gofiber/fiber/v3"
	partyfiberv3 "github.com/partyline-go/partyline/adapters/fiberv3"
	"github.com/partyline-go/partyline/urlfor"
)

// TestRouterEscaping records what fiber v3's router hands a handler for
// percent-encoded paths, in each configuration that changes it, requested
// over real HTTP through http.ServeMux, http.StripPrefix and the bridge
// (ctx.go configDependentPaths). It is what translate.go and Param rest on:
//
//   - UnescapePath false (the default): the router matches the raw path
//     and c.Params returns raw text ("a%2Fb"), which Param unescapes; "%2F"
//     stays inside its parameter; a constraint sees the raw text.
//   - UnescapePath true: the path is decoded before routing with
//     fasthttp's query decoding: "%2F" becomes a separator and "+" a
//     space, so both are unroutable in values.
//   - a case-insensitive app lower-cases the pattern before parsing it,
//     regex constraints included: "^[A-Z]+$" takes "abc", not "ABC", and
//     "\D" becomes "\d".
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
			{"/p/a%2Fb", 200, "a%2Fb"}, {"/p/a+b", 200, "a+b"}, {"/p/%C3%A9", 200, "%C3%A9"},
			{"/p/%25", 200, "%25"}, {"/p/a/b", 404, ""}, {"/P/x", 200, "x"},
		}},
		{"decoded", fiber.Config{UnescapePath: true}, "/p/:v", []row{
			{"/p/a%2Fb", 404, ""}, {"/p/a+b", 200, "a b"}, {"/p/a%2Bb", 200, "a+b"},
			{"/p/%C3%A9", 200, "é"}, {"/p/%25", 200, "%"}, {"/p/a%3Fb", 200, "a?b"},
		}},
		{"alpharaw", fiber.Config{}, "/a/:v<alpha>", []row{{"/a/abc", 200, "abc"}, {"/a/%C3%A9", 404, ""}}},
		{"upper", fiber.Config{}, "/u/:v<regex(^[A-Z]+$)>", []row{{"/u/ABC", 404, ""}, {"/u/abc", 200, "abc"}}},
		{"upperstrict", fiber.Config{CaseSensitive: true}, "/u/:v<regex(^[A-Z]+$)>", []row{{"/u/ABC", 200, "ABC"}, {"/u/abc", 404, ""}}},
		{"notdigit", fiber.Config{}, `/d/:v<regex(^\D+$)>`, []row{{"/d/123", 200, "123"}, {"/d/abc", 404, ""}}},
		{"adj", fiber.Config{}, "/r/:v-:w", []row{{"/r/a-b-c", 200, "a"}, {"/r/a%2Db-c", 200, "a%2Db"}}},
		{"ext", fiber.Config{}, "/q/:v.json", []row{{"/q/a.b.json", 200, "a.b"}, {"/q/a.json.json", 404, ""}}},
		{"midopt", fiber.Config{}, "/o/:v?/c", []row{{"/o/c", 404, ""}, {"/o/x/c", 200, "x"}}},
		{"short", fiber.Config{}, "/f/:v?", []row{{"/f", 404, ""}, {"/f/", 404, ""}, {"/f/x", 200, "x"}}},
		{"cluster", fiber.Config{}, "/x/a::b", []row{{"/x/a:b", 200, "b"}, {"/x/a:zz", 200, "zz"}}},
	}
	var mounts []mount
	for _, c := range cases {
		app := fiber.New(c.cfg)
		app.Get(c.pattern, func(c fiber.Ctx) error { return c.SendString(c.Params("v") + c.Params("b")) })
		mounts = append(mounts, mount{"/" + c.ns, partyfiberv3.Handler(app)})
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

// TestGetRouteURL records how fiber v3's own reverse routing differs from
// ours, on the same app (res.go getLocationFromRoute; fiber #4604):
// GetRouteURL splices values raw, leaves a missing one empty, takes keys in
// any case and lowercases a case-insensitive app's path; an unknown name
// is now ErrNotFound (v2 answered ""). partyfiberv3 escapes, refuses, and
// keeps names and keys exact.
func TestGetRouteURL(t *testing.T) {
	app := fiber.New()
	h, err := partyfiberv3.Join(app)
	if err != nil {
		t.Fatal(err)
	}
	app.Get("/Users/:ID/posts", func(c fiber.Ctx) error {
		out := map[string][2]string{}
		for _, q := range []struct{ name, key, value string }{
			{"user", "ID", "a/b?c"}, {"user", "id", "7"}, {"user", "", ""}, {"User", "ID", "7"},
		} {
			params := fiber.Map{}
			var pairs []string
			if q.key != "" {
				params[q.key] = q.value
				pairs = []string{q.key, q.value}
			}
			native, err := c.GetRouteURL(q.name, params)
			if errors.Is(err, fiber.ErrNotFound) {
				native = "ErrNotFound"
			}
			ours, err := h.URL(c, q.name, pairs...)
			if err != nil {
				ours = "error"
			}
			out[q.name+" "+q.key+"="+q.value] = [2]string{native, ours}
		}
		return c.JSON(out)
	}).Name("user")
	p := newParty(t, mount{"/events", partyfiberv3.Handler(app)})
	_, body, _ := get(t, nil, serve(t, p).URL+"/events/users/1/posts")
	var got map[string][2]string
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err, body)
	}
	want := map[string][2]string{
		"user ID=a/b?c": {"/users/a/b?c/posts", "/events/Users/a%2Fb%3Fc/posts"},
		"user id=7":     {"/users/7/posts", "error"}, // key case: fiber folds, we do not
		"user =":        {"/users//posts", "error"},  // missing: fiber leaves it empty
		"User ID=7":     {"ErrNotFound", "error"},    // names are exact in both
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: got (native, ours) %q, want %q", k, got[k], w)
		}
	}
	var pe *urlfor.ParamError
	if _, err := h.URL(nil, "user"); !errors.As(err, &pe) || !pe.Missing {
		t.Errorf("missing value: %v", err)
	}
}
