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
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// named answers with its own label, so a test sees which route a request
// reached.
func named(label string) fiber.Handler {
	return func(c *fiber.Ctx) error { return c.SendString(label) }
}

// TestFiberPrecedence pins the rules of siblings.go's table on fiber's real
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
		{"prefix family, any case", fiber.Config{}, []reg{{"GET", "/items/draft-:n", "draft"}, {"GET", "/items/:id", "item"}}, "GET", "/items/Draft-1", "draft"},
		{"prefix family, CaseSensitive", fiber.Config{CaseSensitive: true}, []reg{{"GET", "/items/draft-:n", "draft"}, {"GET", "/items/:id", "item"}}, "GET", "/items/Draft-1", "item"},
		{"prefix family last: unreachable", fiber.Config{}, []reg{{"GET", "/items/:id", "item"}, {"GET", "/items/draft-:n", "draft"}}, "GET", "/items/draft-1", "item"},
		{"int takes what Atoi reads", fiber.Config{}, []reg{{"GET", "/r/:y<int>", "year"}, {"GET", "/r/:id", "any"}}, "GET", "/r/007", "year"},
		{"int refuses the rest", fiber.Config{}, []reg{{"GET", "/r/:y<int>", "year"}, {"GET", "/r/:id", "any"}}, "GET", "/r/x7", "any"},
		{"wildcard first takes all", fiber.Config{}, []reg{{"GET", "/f/*", "rest"}, {"GET", "/f/:id", "one"}}, "GET", "/f/x", "rest"},
		{"parameter first takes a suffixed route", fiber.Config{}, []reg{{"GET", "/e/:id", "plain"}, {"GET", "/e/:id.json", "json"}}, "GET", "/e/x.json", "plain"},
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
// refused with a *urlfor.ParamError whose TakenBy names that route, and
// that the others build and reach the parameter route.
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
			{"file", []string{"file", "x", "ext", "b"}, ""}, // "/f/x.b": only "a" with "b" spells "/f/a.b", and "a" is refused
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
				if !errors.As(err, &pe) || pe.TakenBy != strings.Trim(w.refused, `"`) || !strings.Contains(err.Error(), w.refused) {
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

// TestSiblingsWrong are the "Wrong" cases of issue 11 for fiber, and the
// competitors an order-based router adds: each refusal names the route
// registered before that takes the value (ParamError.TakenBy), and every
// other value builds a URL that reaches its own route, over real HTTP.
func TestSiblingsWrong(t *testing.T) {
	type want struct {
		name, key, value string
		takenBy          string // "" when the URL builds
	}
	cases := []struct {
		cfg    fiber.Config
		routes [][2]string // name, pattern, in registration order
		wants  []want
	}{
		// A prefix-family sibling registered first, matched in any letter case.
		{fiber.Config{}, [][2]string{{"draft", "/items/draft-:n"}, {"item", "/items/:id"}}, []want{
			{"item", "id", "draft-1", "GET /items/draft-:n"},
			{"item", "id", "Draft-1", "GET /items/draft-:n"},
			{"item", "id", "DRAFT-x", "GET /items/draft-:n"},
			{"item", "id", "draft", ""},
			{"item", "id", "drafts-1", ""},
			{"draft", "n", "1", ""},
		}},
		{fiber.Config{CaseSensitive: true}, [][2]string{{"draft", "/items/draft-:n"}, {"item", "/items/:id"}}, []want{
			{"item", "id", "draft-1", "GET /items/draft-:n"},
			{"item", "id", "Draft-1", ""},
		}},
		// ...and registered last: every URL of it reaches the plain route.
		{fiber.Config{}, [][2]string{{"item", "/items/:id"}, {"draft", "/items/draft-:n"}}, []want{
			{"draft", "n", "1", "GET /items/:id"},
			{"item", "id", "draft-1", ""},
		}},
		// A constrained parameter beside a plain one: what fiber takes, not what we build.
		{fiber.Config{}, [][2]string{{"year", "/r/:y<int>"}, {"any", "/r/:id"}}, []want{
			{"any", "id", "2024", "GET /r/:y<int>"},
			{"any", "id", "007", "GET /r/:y<int>"},
			{"any", "id", "+5", "GET /r/:y<int>"},
			{"any", "id", "-0", "GET /r/:y<int>"},
			{"any", "id", "x2024", ""},
			{"year", "y", "2024", ""},
		}},
		{fiber.Config{}, [][2]string{{"code", "/c/:c<regex(^[a-z]+$)>"}, {"any", "/c/:id"}}, []want{
			{"any", "id", "abc", "GET /c/:c<regex(^[a-z]+$)>"},
			{"any", "id", "ABC", ""}, // fiber folds literals, not the text a constraint checks
			{"any", "id", "a1", ""},
		}},
		// A wildcard, a plain parameter, or one that spells the value, registered first.
		{fiber.Config{}, [][2]string{{"rest", "/f/*"}, {"one", "/f/:id"}}, []want{
			{"one", "id", "x", "GET /f/*"},
			{"rest", "*1", "x", ""},
		}},
		{fiber.Config{}, [][2]string{{"slug", "/p/:slug"}, {"post", "/p/:id"}}, []want{
			{"post", "id", "7", "GET /p/:slug"},
		}},
		{fiber.Config{}, [][2]string{{"pair", "/m/:a-:b"}, {"one", "/m/:id"}}, []want{
			{"one", "id", "x-y", "GET /m/:a-:b"},
			{"one", "id", "xy", ""},
		}},
	}
	for ci, tc := range cases {
		app := fiber.New(tc.cfg)
		if _, err := partyfiber.Join(app); err != nil {
			t.Fatal(err)
		}
		for _, r := range tc.routes {
			app.Get(r[1], named(r[0])).Name(r[0])
		}
		p := newParty(t, mount{"/app", partyfiber.Handler(app)})
		b := urlfor.New(p)
		srv := serve(t, p)
		for _, w := range tc.wants {
			u, err := b.URL("app:"+w.name, w.key, w.value)
			var pe *urlfor.ParamError
			switch {
			case w.takenBy != "":
				if !errors.As(err, &pe) || pe.TakenBy != w.takenBy || pe.Param != w.key {
					t.Errorf("case %d: %s %s=%q: %q, %v; want a refusal taken by %q", ci, w.name, w.key, w.value, u, err, w.takenBy)
				}
			case err != nil:
				t.Errorf("case %d: %s %s=%q: %v", ci, w.name, w.key, w.value, err)
			default:
				if status, body, _ := get(t, nil, srv.URL+u); status != http.StatusOK || body != w.name {
					t.Errorf("case %d: %s %s=%q: GET %s: %d %q, want the route %q", ci, w.name, w.key, w.value, u, status, body, w.name)
				}
			}
		}
	}
}

// TestUnreachableStatic: a named route without parameters whose path a
// route registered before it takes is a *PatternError (fiber's own
// RoutePatternMatch says so); the same route registered first builds.
func TestUnreachableStatic(t *testing.T) {
	app := fiber.New()
	if _, err := partyfiber.Join(app); err != nil {
		t.Fatal(err)
	}
	app.Get("/posts/:id", named("post")).Name("post")
	app.Get("/posts/new", named("new")).Name("new")
	app.Get("/POSTS/New/", named("upper")).Name("upper")
	app.Get("/f/*", named("rest")).Name("rest")
	app.Get("/f/readme", named("readme")).Name("readme")
	app.Get("/s/new", named("first")).Name("first")
	app.Get("/s/:id", named("s")).Name("s")
	b := urlfor.New(newParty(t, mount{"/app", partyfiber.Handler(app)}))
	for name, by := range map[string]string{"new": "GET /posts/:id", "upper": "GET /posts/:id", "readme": "GET /f/*"} {
		var pe *partyfiber.PatternError
		if _, err := b.URL("app:" + name); !errors.As(err, &pe) || !errors.Is(err, urlfor.ErrInvalidTemplate) || !strings.Contains(pe.Reason, by) {
			t.Errorf("%s: %v, want a *PatternError naming %q", name, err, by)
		}
	}
	if u, err := b.URL("app:first"); err != nil || u != "/app/s/new" {
		t.Errorf("first: %q, %v", u, err)
	}
}

// TestCanStart: whether a competing constraint can read a literal of ours
// and go on (adapterkit.CanStart), which decides whether "/items/:y<int>"
// registered first takes anything from "/items/draft-:n".
func TestCanStart(t *testing.T) {
	for _, c := range []struct {
		re, prefix string
		want       bool
	}{
		{`[0-9]+`, "draft-", false},
		{`[0-9]+`, "12", true},
		{`\+?0*[1-9][0-9]*`, "+00", true},
		{`(?i:true|false)`, "TR", true},
		{`(?i:true|false)`, "tx", false},
		{`[A-Za-z]+`, "draft-", false},
		{`(?s:.*)(?:^[a-z]+$)(?s:.*)`, "draft-", true}, // assertions hold: the safe side
		{`é+`, "éé", true},
		{`é+`, "e", false},
		{`(`, "x", true}, // does not parse: the safe side
	} {
		if got := adapterkit.CanStart(c.re, c.prefix); got != c.want {
			t.Errorf("CanStart(%q, %q) = %v, want %v", c.re, c.prefix, got, c.want)
		}
	}
}
