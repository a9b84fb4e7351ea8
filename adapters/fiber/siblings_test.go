package partyfiber_test

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"
	partyfiber "github.com/partyline-go/partyline/adapters/fiber"
	"github.com/partyline-go/partyline/urlfor"
)

// named answers with its own label, so a test sees which route a request
// reached.
func named(label string) fiber.Handler {
	return func(c *fiber.Ctx) error { return c.SendString(label) }
}

// TestFiberPrecedence pins the rules of shadow.go's table on fiber's real
// router, over real HTTP: routes are tried in registration order per
// method, paths compared lowercased and without a trailing "/" by default.
func TestFiberPrecedence(t *testing.T) {
	type reg struct{ method, path, label string }
	cases := []struct {
		name           string
		cfg            fiber.Config
		routes         []reg
		method, target string
		want           string
	}{
		{"static first takes the value", fiber.Config{}, []reg{{"GET", "/posts/new", "static"}, {"GET", "/posts/:id", "param"}}, "GET", "/posts/new", "static"},
		{"param first takes everything", fiber.Config{}, []reg{{"GET", "/posts/:id", "param"}, {"GET", "/posts/new", "static"}}, "GET", "/posts/new", "param"},
		{"no backtracking needed: paths differ", fiber.Config{}, []reg{{"GET", "/posts/new", "static"}, {"GET", "/posts/:id/edit", "edit"}}, "GET", "/posts/new/edit", "edit"},
		{"stacks are per method", fiber.Config{}, []reg{{"GET", "/posts/new", "static"}, {"POST", "/posts/:id", "param"}}, "POST", "/posts/new", "param"},
		{"case-insensitive by default", fiber.Config{}, []reg{{"GET", "/posts/new", "static"}, {"GET", "/posts/:id", "param"}}, "GET", "/posts/NEW", "static"},
		{"CaseSensitive", fiber.Config{CaseSensitive: true}, []reg{{"GET", "/posts/new", "static"}, {"GET", "/posts/:id", "param"}}, "GET", "/posts/NEW", "param"},
		{"trailing slash trimmed", fiber.Config{}, []reg{{"GET", "/posts/new/", "static"}, {"GET", "/posts/:id", "param"}}, "GET", "/posts/new", "static"},
		{"wildcard loses to an earlier static", fiber.Config{}, []reg{{"GET", "/files/readme", "static"}, {"GET", "/files/*", "wild"}}, "GET", "/files/readme", "static"},
		{"escaped static path, raw compare", fiber.Config{}, []reg{{"GET", "/posts/a%20b", "static"}, {"GET", "/posts/:id", "param"}}, "GET", "/posts/a%20b", "static"},
		{"two parameters of one match", fiber.Config{}, []reg{{"GET", "/f/a.b", "static"}, {"GET", "/f/:file.:ext", "param"}}, "GET", "/f/a.b", "static"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			app := fiber.New(tc.cfg)
			for _, r := range tc.routes {
				app.Add(r.method, r.path, named(r.label))
			}
			srv := serve(t, partyfiber.Handler(app))
			req, err := http.NewRequest(tc.method, srv.URL+tc.target, nil)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil || resp.StatusCode != http.StatusOK || string(body) != tc.want {
				t.Fatalf("%s %s: %d %q %v, want 200 %q", tc.method, tc.target, resp.StatusCode, body, err, tc.want)
			}
		})
	}
}

// TestShadowRefused checks that values an earlier static route takes are
// refused with a *urlfor.ParamError naming that route, and that the others
// build and reach the parameter route.
func TestShadowRefused(t *testing.T) {
	type want struct {
		name    string
		pairs   []string
		refused string // "" when the URL builds
	}
	cases := []struct {
		cfg   fiber.Config
		setup func(app *fiber.App)
		wants []want
	}{
		{fiber.Config{}, func(app *fiber.App) {
			app.Get("/posts/new", named("new")).Name("new")
			app.Get("/posts/Latest/", named("latest"))
			app.Get("/posts/a%20b", named("escaped"))
			app.Post("/posts/draft", named("draft"))
			app.Get("/posts/:id", named("post")).Name("post")
			app.Get("/posts/after", named("after")) // unreachable, takes nothing
			app.Get("/f/a.b", named("ab"))
			app.Get("/f/:file.:ext", named("file")).Name("file")
			app.Get("/posts/new/edit", named("editnew"))
			app.Get("/posts/:id/edit", named("edit")).Name("edit")
		}, []want{
			{"post", []string{"id", "new"}, `"GET /posts/new"`},
			{"post", []string{"id", "NeW"}, `"GET /posts/new"`},
			{"post", []string{"id", "latest"}, `GET /posts/Latest/`},
			{"post", []string{"id", "a b"}, `GET /posts/a%20b`},
			{"post", []string{"id", "draft"}, ""}, // another method
			{"post", []string{"id", "after"}, ""}, // registered later
			{"post", []string{"id", "news"}, ""},
			{"file", []string{"file", "a", "ext", "c"}, `GET /f/a.b`},
			{"file", []string{"file", "x", "ext", "b"}, `GET /f/a.b`},
			{"file", []string{"file", "x", "ext", "y"}, ""},
			{"edit", []string{"id", "new"}, `GET /posts/new/edit`},
			{"edit", []string{"id", "old"}, ""},
		}},
		{fiber.Config{CaseSensitive: true, StrictRouting: true, UnescapePath: true}, func(app *fiber.App) {
			app.Get("/posts/new", named("new"))
			app.Get("/posts/old/", named("old"))
			app.Get("/posts/a b", named("space"))
			app.Get("/posts/:id", named("post")).Name("post")
		}, []want{
			{"post", []string{"id", "new"}, `"GET /posts/new"`},
			{"post", []string{"id", "NEW"}, ""},
			{"post", []string{"id", "old"}, ""}, // strict: "/posts/old" is not "/posts/old/"
			{"post", []string{"id", "a b"}, `GET /posts/a b`},
		}},
	}
	for ci, tc := range cases {
		app := fiber.New(tc.cfg)
		if _, err := partyfiber.Join(app); err != nil {
			t.Fatal(err)
		}
		tc.setup(app)
		p := newParty(t, mount{"/app", partyfiber.Handler(app)})
		b := urlfor.New(p)
		srv := serve(t, p)
		for _, w := range tc.wants {
			u, err := b.URL("app:"+w.name, w.pairs...)
			if w.refused != "" {
				var pe *urlfor.ParamError
				if !errors.As(err, &pe) || !strings.Contains(err.Error(), w.refused) {
					t.Errorf("case %d %s %q: %q, %v; want a *urlfor.ParamError with %q", ci, w.name, w.pairs, u, err, w.refused)
				}
				continue
			}
			if err != nil {
				t.Errorf("case %d %s %q: %v", ci, w.name, w.pairs, err)
				continue
			}
			status, body, _ := get(t, nil, srv.URL+u)
			if status != http.StatusOK || body != w.name {
				t.Errorf("case %d %s %q: GET %s: %d %q, want the route %q", ci, w.name, w.pairs, u, status, body, w.name)
			}
		}
	}
}
