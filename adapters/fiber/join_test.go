package partyfiber_test

import (
	"bytes"
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"weak"

	"github.com/gofiber/fiber/v2"
	partyfiber "github.com/partyline-go/partyline/adapters/fiber"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

func TestJoinErrors(t *testing.T) {
	if _, err := partyfiber.Join(nil); !errors.Is(err, partyfiber.ErrInvalidOption) || !strings.HasPrefix(err.Error(), "partyfiber: ") {
		t.Errorf("Join(nil): %v", err)
	}
	for _, opt := range []partyfiber.Option{
		partyfiber.InviteRoute("__invite__/"),
		partyfiber.InviteRoute(""),
		partyfiber.InviteRoute("/:invite/"),
		partyfiber.InviteRoute("/inv*"),
		partyfiber.Namespace("a:b"),
	} {
		app := fiber.New()
		if _, err := partyfiber.Join(app, opt); !errors.Is(err, partyfiber.ErrInvalidOption) || !strings.HasPrefix(err.Error(), "partyfiber: ") {
			t.Errorf("bad option: %v", err)
		}
		// A failed Join leaves the app free to join.
		if _, err := partyfiber.Join(app); err != nil {
			t.Errorf("Join after a failed Join: %v", err)
		}
	}
	app := fiber.New()
	if _, err := partyfiber.Join(app, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := partyfiber.Join(app); !errors.Is(err, partyfiber.ErrAlreadyJoined) {
		t.Errorf("second Join: %v", err)
	}
}

// TestNotInvited: every helper fails with urlfor.ErrNotInvited before the
// invitation, and the package-level ones with ErrNoHandle (which wraps it)
// for an app that never joined.
func TestNotInvited(t *testing.T) {
	app := fiber.New()
	h, err := partyfiber.Join(app)
	if err != nil {
		t.Fatal(err)
	}
	var errs []error
	app.Get("/", func(c *fiber.Ctx) error {
		_, e1 := h.URL(c, "home")
		_, e2 := h.AbsoluteURL(c, "home")
		e3 := h.Redirect(c, 302, "home")
		_, e4 := partyfiber.URL(c, "home")
		e5 := partyfiber.Redirect(c, 302, "home")
		_, e6 := h.Participant()
		_, e7 := partyfiber.AbsoluteURL(c, "home")
		errs = append(errs, e1, e2, e3, e4, e5, e6, e7)
		return c.SendString("ok")
	}).Name("home")
	var buf bytes.Buffer
	tmpl := template.Must(template.New("t").Funcs(h.FuncMap()).Parse(`{{urlFor "home"}}`))
	errs = append(errs, tmpl.Execute(&buf, nil))
	record(partyfiber.Handler(app), httptest.NewRequest("GET", "/", nil))
	if len(errs) != 8 {
		t.Fatalf("handler did not run: %v", errs)
	}
	for i, err := range errs {
		if !errors.Is(err, urlfor.ErrNotInvited) {
			t.Errorf("helper %d: %v, want ErrNotInvited", i+1, err)
		}
	}

	never := fiber.New()
	var e1, e2, e3 error
	found := true
	never.Get("/", func(c *fiber.Ctx) error {
		_, e1 = partyfiber.URL(c, "home")
		e2 = partyfiber.Redirect(c, 302, "home")
		_, e3 = partyfiber.AbsoluteURL(c, "home")
		_, found = partyfiber.FromContext(c)
		return nil
	})
	record(partyfiber.Handler(never), httptest.NewRequest("GET", "/", nil))
	for _, err := range []error{e1, e2, e3} {
		if !errors.Is(err, partyfiber.ErrNoHandle) || !errors.Is(err, urlfor.ErrNotInvited) || !strings.HasPrefix(err.Error(), "partyfiber: ") {
			t.Errorf("never joined: %v", err)
		}
	}
	if found {
		t.Error("FromContext found a handle for an app that never joined")
	}
	if _, err := partyfiber.URL(nil, "home"); !errors.Is(err, partyfiber.ErrNoHandle) {
		t.Errorf("URL(nil): %v", err)
	}
	if _, ok := partyfiber.FromContext(nil); ok {
		t.Error("FromContext(nil) found a handle")
	}
	if _, err := h.AbsoluteURL(nil, "home"); !errors.Is(err, urlfor.ErrBadCall) {
		t.Errorf("AbsoluteURL(nil): %v", err)
	}
	if err := h.Redirect(nil, 302, "home"); !errors.Is(err, urlfor.ErrBadCall) {
		t.Errorf("Redirect(nil): %v", err)
	}
}

// TestInviteRoute: the invite route answers its invitation once (200), and
// 404 to anything else, even when a request reaches it without the party's
// guard; a failed join is a 500 that core.New reports.
func TestInviteRoute(t *testing.T) {
	var logs bytes.Buffer
	app := fiber.New()
	if _, err := partyfiber.Join(app, partyfiber.WithLogger(slog.New(slog.NewTextHandler(&logs, nil)))); err != nil {
		t.Fatal(err)
	}
	bridge := partyfiber.Handler(app)
	p := newParty(t, mount{"/legacy", bridge})
	if inv := p.Invitations()[0]; inv.Status != 200 || !inv.Joined {
		t.Fatalf("invitation: %+v", inv)
	}
	if !strings.Contains(logs.String(), "joined") {
		t.Errorf("log: %q", logs.String())
	}
	// Directly at the bridge, past the party's guard, with a forged token.
	r := httptest.NewRequest("GET", "/__invite__/", nil)
	r.Header.Set(core.TokenHeader, "0123456789abcdef0123456789abcdef")
	if w := record(bridge, r); w.Code != http.StatusNotFound {
		t.Errorf("invite route, no invitation: %d", w.Code)
	}

	// Two apps that want the same namespace: the second join fails with 500.
	a, b := fiber.New(), fiber.New()
	partyfiber.Join(a, partyfiber.Namespace("same"))
	partyfiber.Join(b, partyfiber.Namespace("same"))
	mux, invites := newDispatcher(mount{"/a", partyfiber.Handler(a)}, mount{"/b", partyfiber.Handler(b)})
	_, err := core.New(mux, invites)
	var ie *core.InvitationError
	if !errors.As(err, &ie) || ie.Path != "/b/__invite__/" || ie.Status != 500 {
		t.Errorf("namespace taken: %v", err)
	}
}

// TestLocalFirst: inside an app, a bare name is its own endpoint even when
// another app has one; a qualified name reaches the other; a bare name
// known only elsewhere is found; a bare name two other apps have is
// ambiguous.
func TestLocalFirst(t *testing.T) {
	app := fiber.New()
	h, err := partyfiber.Join(app)
	if err != nil {
		t.Fatal(err)
	}
	results := map[string]string{}
	app.Get("/posts/:id", func(c *fiber.Ctx) error {
		for _, name := range []string{"post", "blog:post", "shop:post", "cart", "legacy:post", "tag"} {
			u, err := h.URL(c, name, "id", "7", "item", "x", "t", "go")
			if err != nil {
				u = "error: " + err.Error()
			}
			results[name] = u
		}
		return nil
	}).Name("post")
	tmpl := func(name, pattern string, parts ...urlfor.Part) urlfor.Route {
		return urlfortest.Route(name, "GET", pattern, parts...)
	}
	blog := urlfortest.NewApp("blog", tmpl("post", "/p/{id}", urlfor.Literal("/p/"), urlfor.Param("id")),
		tmpl("tag", "/t/{t}", urlfor.Literal("/t/"), urlfor.Param("t")))
	shop := urlfortest.NewApp("shop", tmpl("post", "/sp/{id}", urlfor.Literal("/sp/"), urlfor.Param("id")),
		tmpl("cart", "/c/{item}", urlfor.Literal("/c/"), urlfor.Param("item")),
		tmpl("tag", "/st/{t}", urlfor.Literal("/st/"), urlfor.Param("t")))
	p := newParty(t, mount{"/legacy", partyfiber.Handler(app)}, mount{"/blog", blog}, mount{"/shop", shop})
	get(t, nil, serve(t, p).URL+"/legacy/posts/1")
	want := map[string]string{
		"post":        "/legacy/posts/7?item=x&t=go",
		"legacy:post": "/legacy/posts/7?item=x&t=go",
		"blog:post":   "/blog/p/7?item=x&t=go",
		"shop:post":   "/shop/sp/7?item=x&t=go",
		"cart":        "/shop/c/x?id=7&t=go",
	}
	for k, w := range want {
		if results[k] != w {
			t.Errorf("%s: %q, want %q", k, results[k], w)
		}
	}
	if !strings.Contains(results["tag"], "ambiguous") {
		t.Errorf("tag: %q", results["tag"])
	}
}

func TestRedirect(t *testing.T) {
	app := fiber.New()
	h, err := partyfiber.Join(app)
	if err != nil {
		t.Fatal(err)
	}
	app.Get("/to/:code", func(c *fiber.Ctx) error {
		code, _ := c.ParamsInt("code")
		if err := h.Redirect(c, code, "page", "id", "a b"); err != nil {
			return c.Status(500).SendString(err.Error())
		}
		return nil
	})
	app.Get("/missing", func(c *fiber.Ctx) error {
		if err := partyfiber.Redirect(c, 302, "page"); err != nil {
			return c.Status(500).SendString(err.Error())
		}
		return nil
	})
	app.Get("/pages/:id", func(c *fiber.Ctx) error { return nil }).Name("page")
	p := newParty(t, mount{"/legacy", partyfiber.Handler(app)})
	srv := serve(t, p)
	for _, code := range []int{301, 302, 303, 307, 308} {
		got, _, resp := get(t, nil, srv.URL+"/legacy/to/"+strconv.Itoa(code))
		if got != code || resp.Header.Get("Location") != "/legacy/pages/a%20b" {
			t.Errorf("Redirect %d: %d %q", code, got, resp.Header.Get("Location"))
		}
	}
	for _, code := range []int{200, 299, 400, 0} {
		got, body, resp := get(t, nil, srv.URL+"/legacy/to/"+strconv.Itoa(code))
		if got != 500 || !strings.Contains(body, "not a 3xx") || resp.Header.Get("Location") != "" {
			t.Errorf("Redirect %d: %d %q", code, got, body)
		}
	}
	// The error is typed.
	app2 := fiber.New()
	h2, _ := partyfiber.Join(app2)
	var rerr error
	app2.Get("/", func(c *fiber.Ctx) error { rerr = h2.Redirect(c, 200, "x"); return nil })
	record(partyfiber.Handler(app2), httptest.NewRequest("GET", "/", nil))
	var rce *urlfor.RedirectCodeError
	if !errors.As(rerr, &rce) || rce.Code != 200 {
		t.Errorf("Redirect 200: %v, want a *urlfor.RedirectCodeError", rerr)
	}
	if got, body, resp := get(t, nil, srv.URL+"/legacy/missing"); got != 500 || !strings.Contains(body, "missing parameter") || resp.Header.Get("Location") != "" {
		t.Errorf("Redirect, missing parameter: %d %q", got, body)
	}
}

// TestJoinedAppCollected: the registries of joined apps (and of their views
// engines) hold them weakly, so that a joined app nothing else references
// is garbage collected.
func TestJoinedAppCollected(t *testing.T) {
	views := newViews(map[string]string{"x": `{{urlFor "x"}}`})
	views.AddFuncMap(partyfiber.FuncMap(views))
	for _, cfg := range []fiber.Config{{}, {Views: views}} {
		app := fiber.New(cfg)
		if _, err := partyfiber.Join(app); err != nil {
			t.Fatal(err)
		}
		app.Get("/x", func(c *fiber.Ctx) error { return nil }).Name("x")
		wp := weak.Make(app)
		app = nil
		for i := 0; wp.Value() != nil; i++ {
			if i == 10 {
				t.Fatalf("views %v: a joined app that is otherwise garbage is kept alive", cfg.Views != nil)
			}
			runtime.GC()
		}
	}
	// The engine's app is gone: its urlFor says so.
	if err := views.Render(&bytes.Buffer{}, "x", nil); !errors.Is(err, partyfiber.ErrNoHandle) {
		t.Errorf("views of a collected app: %v", err)
	}
}
