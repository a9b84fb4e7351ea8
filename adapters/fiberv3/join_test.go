package partyfiberv3_test

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

	"github.com/gofiber/fiber/v3"
	partyfiberv3 "github.com/partyline-go/partyline/adapters/fiberv3"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

func TestJoinErrors(t *testing.T) {
	if _, err := partyfiberv3.Join(nil); !errors.Is(err, partyfiberv3.ErrInvalidOption) || !strings.HasPrefix(err.Error(), "partyfiberv3: ") {
		t.Errorf("Join(nil): %v", err)
	}
	for _, opt := range []partyfiberv3.Option{
		partyfiberv3.InviteRoute("__invite__/"),
		partyfiberv3.InviteRoute(""),
		partyfiberv3.InviteRoute("/:invite/"),
		partyfiberv3.InviteRoute("/inv*"),
		partyfiberv3.InviteRoute(`/inv\:x`),
		partyfiberv3.Namespace("a:b"),
	} {
		app := fiber.New()
		if _, err := partyfiberv3.Join(app, opt); !errors.Is(err, partyfiberv3.ErrInvalidOption) || !strings.HasPrefix(err.Error(), "partyfiberv3: ") {
			t.Errorf("bad option: %v", err)
		}
		// A failed Join leaves the app free to join.
		if _, err := partyfiberv3.Join(app); err != nil {
			t.Errorf("Join after a failed Join: %v", err)
		}
	}
	app := fiber.New()
	if _, err := partyfiberv3.Join(app, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := partyfiberv3.Join(app); !errors.Is(err, partyfiberv3.ErrAlreadyJoined) {
		t.Errorf("second Join: %v", err)
	}
	// The errors are the kit's: errors.Is works across adapters.
	if partyfiberv3.ErrInvalidOption != adapterkit.ErrInvalidOption || partyfiberv3.ErrNoHandle != adapterkit.ErrNoHandle || partyfiberv3.ErrAlreadyJoined != adapterkit.ErrAlreadyJoined {
		t.Error("errors are not the kit's")
	}
}

// TestNotInvited: every helper fails with urlfor.ErrNotInvited before the
// invitation, and the package-level ones with ErrNoHandle (which wraps it)
// for an app that never joined.
func TestNotInvited(t *testing.T) {
	app := fiber.New()
	h, err := partyfiberv3.Join(app)
	if err != nil {
		t.Fatal(err)
	}
	var errs []error
	app.Get("/", func(c fiber.Ctx) error {
		_, e1 := h.URL(c, "home")
		_, e2 := h.AbsoluteURL(c, "home")
		e3 := h.Redirect(c, 302, "home")
		_, e4 := partyfiberv3.URL(c, "home")
		e5 := partyfiberv3.Redirect(c, 302, "home")
		_, e6 := h.Participant()
		_, e7 := partyfiberv3.AbsoluteURL(c, "home")
		errs = append(errs, e1, e2, e3, e4, e5, e6, e7)
		return c.SendString("ok")
	}).Name("home")
	var buf bytes.Buffer
	tmpl := template.Must(template.New("t").Funcs(h.FuncMap()).Parse(`{{urlFor "home"}}`))
	errs = append(errs, tmpl.Execute(&buf, nil))
	record(partyfiberv3.Handler(app), httptest.NewRequest("GET", "/", nil))
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
	never.Get("/", func(c fiber.Ctx) error {
		_, e1 = partyfiberv3.URL(c, "home")
		e2 = partyfiberv3.Redirect(c, 302, "home")
		_, e3 = partyfiberv3.AbsoluteURL(c, "home")
		_, found = partyfiberv3.FromContext(c)
		return nil
	})
	record(partyfiberv3.Handler(never), httptest.NewRequest("GET", "/", nil))
	for _, err := range []error{e1, e2, e3} {
		if !errors.Is(err, partyfiberv3.ErrNoHandle) || !errors.Is(err, urlfor.ErrNotInvited) || !strings.HasPrefix(err.Error(), "partyfiberv3: ") {
			t.Errorf("never joined: %v", err)
		}
	}
	if found {
		t.Error("FromContext found a handle for an app that never joined")
	}
	if _, err := partyfiberv3.URL(nil, "home"); !errors.Is(err, partyfiberv3.ErrNoHandle) {
		t.Errorf("URL(nil): %v", err)
	}
	if _, ok := partyfiberv3.FromContext(nil); ok {
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
	if _, err := partyfiberv3.Join(app, partyfiberv3.WithLogger(slog.New(slog.NewTextHandler(&logs, nil)))); err != nil {
		t.Fatal(err)
	}
	bridge := partyfiberv3.Handler(app)
	p := newParty(t, mount{"/events", bridge})
	if inv := p.Invitations()[0]; inv.Status != 200 || !inv.Joined {
		t.Fatalf("invitation: %+v", inv)
	}
	if !strings.Contains(logs.String(), "joined") {
		t.Errorf("log: %q", logs.String())
	}
	r := httptest.NewRequest("GET", "/__invite__/", nil)
	r.Header.Set(core.TokenHeader, "0123456789abcdef0123456789abcdef")
	if w := record(bridge, r); w.Code != http.StatusNotFound {
		t.Errorf("invite route, no invitation: %d", w.Code)
	}

	a, b := fiber.New(), fiber.New()
	partyfiberv3.Join(a, partyfiberv3.Namespace("same"))
	partyfiberv3.Join(b, partyfiberv3.Namespace("same"))
	mux, invites := newDispatcher(mount{"/a", partyfiberv3.Handler(a)}, mount{"/b", partyfiberv3.Handler(b)})
	_, err := core.New(mux, invites)
	var ie *core.InvitationError
	if !errors.As(err, &ie) || ie.Path != "/b/__invite__/" || !errors.Is(err, core.ErrNamespaceTaken) || !strings.Contains(err.Error(), "the app declined: partyfiberv3: ") {
		t.Errorf("namespace taken: %v", err)
	}
}

// TestLocalFirst: inside an app, a bare name is its own endpoint even when
// another app has one; a qualified name reaches the other; a bare name
// known only elsewhere is found; a bare name two other apps have is
// ambiguous.
func TestLocalFirst(t *testing.T) {
	app := fiber.New()
	h, err := partyfiberv3.Join(app)
	if err != nil {
		t.Fatal(err)
	}
	results := map[string]string{}
	app.Get("/posts/:id", func(c fiber.Ctx) error {
		for _, name := range []string{"post", "blog:post", "shop:post", "cart", "events:post", "tag"} {
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
	p := newParty(t, mount{"/events", partyfiberv3.Handler(app)}, mount{"/blog", blog}, mount{"/shop", shop})
	get(t, nil, serve(t, p).URL+"/events/posts/1")
	want := map[string]string{
		"post":        "/events/posts/7?item=x&t=go",
		"events:post": "/events/posts/7?item=x&t=go",
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
	h, err := partyfiberv3.Join(app)
	if err != nil {
		t.Fatal(err)
	}
	app.Get("/to/:code", func(c fiber.Ctx) error {
		code, _ := strconv.Atoi(c.Params("code"))
		if err := h.Redirect(c, code, "page", "id", "a b"); err != nil {
			return c.Status(500).SendString(err.Error())
		}
		return nil
	})
	app.Get("/missing", func(c fiber.Ctx) error {
		if err := partyfiberv3.Redirect(c, 302, "page"); err != nil {
			return c.Status(500).SendString(err.Error())
		}
		return nil
	})
	app.Get("/pages/:id", func(c fiber.Ctx) error { return nil }).Name("page")
	p := newParty(t, mount{"/events", partyfiberv3.Handler(app)})
	srv := serve(t, p)
	for _, code := range []int{301, 302, 303, 307, 308} {
		got, _, resp := get(t, nil, srv.URL+"/events/to/"+strconv.Itoa(code))
		if got != code || resp.Header.Get("Location") != "/events/pages/a%20b" {
			t.Errorf("Redirect %d: %d %q", code, got, resp.Header.Get("Location"))
		}
	}
	for _, code := range []int{200, 299, 400, 0} {
		got, body, resp := get(t, nil, srv.URL+"/events/to/"+strconv.Itoa(code))
		if got != 500 || !strings.Contains(body, "not a 3xx") || resp.Header.Get("Location") != "" {
			t.Errorf("Redirect %d: %d %q", code, got, body)
		}
	}
	var rerr error
	app2 := fiber.New()
	h2, _ := partyfiberv3.Join(app2)
	app2.Get("/", func(c fiber.Ctx) error { rerr = h2.Redirect(c, 200, "x"); return nil })
	record(partyfiberv3.Handler(app2), httptest.NewRequest("GET", "/", nil))
	var rce *urlfor.RedirectCodeError
	if !errors.As(rerr, &rce) || rce.Code != 200 {
		t.Errorf("Redirect 200: %v, want a *urlfor.RedirectCodeError", rerr)
	}
	if got, body, resp := get(t, nil, srv.URL+"/events/missing"); got != 500 || !strings.Contains(body, "missing parameter") || resp.Header.Get("Location") != "" {
		t.Errorf("Redirect, missing parameter: %d %q", got, body)
	}
}

// TestJoinedAppCollected: the registry of joined apps holds them weakly,
// so that a joined app nothing else references is garbage collected.
func TestJoinedAppCollected(t *testing.T) {
	app := fiber.New()
	if _, err := partyfiberv3.Join(app); err != nil {
		t.Fatal(err)
	}
	app.Get("/x", func(c fiber.Ctx) error { return nil }).Name("x")
	wp := weak.Make(app)
	app = nil
	for i := 0; wp.Value() != nil; i++ {
		if i == 10 {
			t.Fatal("a joined app that is otherwise garbage is kept alive")
		}
		runtime.GC()
	}
}
