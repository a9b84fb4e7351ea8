package integration_test

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	partyfiber "github.com/partyline-go/partyline/adapters/fiber"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// fiberChiSeen is what fiberChiRecord answers: the fiber route matched, the
// path fiber saw, and each parameter after url.PathUnescape (fiber hands raw
// values with its default UnescapePath false).
type fiberChiSeen struct {
	Route  string            `json:"route"`
	Path   string            `json:"path"`
	Params map[string]string `json:"params"`
}

func fiberChiRecord(c *fiber.Ctx) error {
	s := fiberChiSeen{Route: c.Route().Name, Path: c.Path(), Params: map[string]string{}}
	for _, p := range c.Route().Params {
		v, err := url.PathUnescape(c.Params(p))
		if err != nil {
			v = "!error: " + err.Error()
		}
		s.Params[p] = v
	}
	return c.JSON(s)
}

// fiberChiShop is a chi router that joins the party by hand (urlfor.Join,
// static routes) and serves GET /cart/{item}, answering the item and the
// URL of "legacy:page" 7 built from inside it.
func fiberChiShop(t *testing.T) chi.Router {
	r := chi.NewRouter()
	var p atomic.Pointer[urlfor.Participant]
	cart, err := urlfor.NewTemplate("/cart/{item}", []urlfor.Part{urlfor.Literal("/cart/"), urlfor.Param("item")})
	if err != nil {
		t.Fatal(err)
	}
	routes := []urlfor.Route{{Name: "cart", Method: "GET", Pattern: "/cart/{item}", Path: cart}}
	r.Get(core.DefaultInvitePath, func(w http.ResponseWriter, r *http.Request) {
		op, ok := core.AcceptInvitation(r)
		if !ok {
			http.NotFound(w, r)
			return
		}
		part, err := urlfor.Join(op, urlfor.Config{Namespace: "shop", Framework: "chi",
			Source: urlfor.SourceFunc(func() []urlfor.Route { return routes })})
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		p.Store(part)
	})
	r.Get("/cart/{item}", func(w http.ResponseWriter, r *http.Request) {
		item, _ := url.PathUnescape(chi.URLParam(r, "item"))
		back, err := p.Load().URL("legacy:page", "id", "7")
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Write([]byte("cart " + item + " back=" + back))
	})
	return r
}

// chiRoutePath is partyfiber.LocalPath for chi's Mount: the path left
// after the mount pattern.
func chiRoutePath(r *http.Request) string { return chi.RouteContext(r.Context()).RoutePath }

func fiberChiGet(t *testing.T, u string) (int, string, http.Header) {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

// TestFiberUnderChiMount mounts a Fiber app with chi's Mount, which does not
// strip the prefix, three ways: the bridge with LocalPath reading chi's
// RoutePath (the app keeps local routes), the bridge inside
// http.StripPrefix, and a bare bridge with the app's routes registered
// under their full path (InviteRoute with the full invite path). In each,
// URLs built inside Fiber, inside the chi shop and from outside are
// followed over real HTTP, with values that need escaping, and a redirect
// crosses to the shop.
func TestFiberUnderChiMount(t *testing.T) {
	for _, mode := range []string{"localpath", "stripprefix", "fullpath"} {
		t.Run(mode, func(t *testing.T) {
			app := fiber.New()
			var router fiber.Router = app
			opts := []partyfiber.Option{}
			if mode == "fullpath" {
				router = app.Group("/legacy")
				opts = append(opts, partyfiber.InviteRoute("/legacy/__invite__/"), partyfiber.Namespace("legacy"))
			}
			h, err := partyfiber.Join(app, opts...)
			if err != nil {
				t.Fatal(err)
			}
			router.Get("/pages/:id", fiberChiRecord).Name("page")
			router.Get("/files/*", fiberChiRecord).Name("files")
			router.Get("/go/:item", func(c *fiber.Ctx) error {
				return h.Redirect(c, http.StatusSeeOther, "shop:cart", "item", c.Params("item"))
			}).Name("go")
			router.Get("/links", func(c *fiber.Ctx) error {
				cart, err := partyfiber.URL(c, "shop:cart", "item", "red shoes/42")
				if err != nil {
					return err
				}
				self, err := partyfiber.URL(c, "page", "id", "x y")
				if err != nil {
					return err
				}
				return c.SendString(self + " " + cart)
			}).Name("links")

			var bridge http.Handler
			switch mode {
			case "localpath":
				bridge = partyfiber.NewBridge(app, partyfiber.LocalPath(chiRoutePath))
			case "stripprefix":
				bridge = http.StripPrefix("/legacy", partyfiber.Handler(app))
			case "fullpath":
				bridge = partyfiber.Handler(app)
			}
			r := chi.NewRouter()
			r.Mount("/legacy", bridge)
			r.Mount("/shop", fiberChiShop(t))
			p, err := core.New(r, []string{"/legacy/__invite__/", "/shop/__invite__/"})
			if err != nil {
				t.Fatal(err)
			}
			for _, inv := range p.Invitations() {
				if !inv.Joined {
					t.Fatalf("%s did not join: %+v", inv.Path, inv)
				}
			}
			srv := httptest.NewServer(p)
			defer srv.Close()
			b := urlfor.New(p)

			// From outside: values that need escaping reach the route intact.
			for _, c := range []struct {
				name, key, value string
			}{
				{"legacy:page", "id", "7"},
				{"legacy:page", "id", "a/b"},
				{"legacy:page", "id", "%2F"},
				{"legacy:page", "id", "x y?#"},
				{"legacy:page", "id", "日本"},
				{"legacy:page", "id", ":id"},
				{"legacy:files", "*1", "docs/a b/c.txt"},
			} {
				u, err := b.URL(c.name, c.key, c.value)
				if err != nil {
					t.Errorf("%s %q: %v", c.name, c.value, err)
					continue
				}
				code, body, _ := fiberChiGet(t, srv.URL+u)
				var seen fiberChiSeen
				if err := json.Unmarshal([]byte(body), &seen); code != 200 || err != nil {
					t.Errorf("GET %s: %d %q", u, code, body)
					continue
				}
				if seen.Route != strings.TrimPrefix(c.name, "legacy:") || seen.Params[c.key] != c.value {
					t.Errorf("GET %s reached %+v, want %s with %q", u, seen, c.name, c.value)
				}
			}

			// From inside Fiber, to itself and to the shop; the shop links back.
			code, body, _ := fiberChiGet(t, srv.URL+"/legacy/links")
			if want := "/legacy/pages/x%20y /shop/cart/red%20shoes%2F42"; code != 200 || body != want {
				t.Fatalf("links: %d %q, want %q", code, body, want)
			}
			code, body, _ = fiberChiGet(t, srv.URL+"/shop/cart/red%20shoes%2F42")
			if want := "cart red shoes/42 back=/legacy/pages/7"; code != 200 || body != want {
				t.Fatalf("shop: %d %q, want %q", code, body, want)
			}
			code, body, _ = fiberChiGet(t, srv.URL+"/legacy/pages/7")
			if code != 200 || !strings.Contains(body, `"route":"page"`) {
				t.Fatalf("following the shop's link: %d %q", code, body)
			}
			// A redirect across apps.
			code, _, hdr := fiberChiGet(t, srv.URL+"/legacy/go/socks")
			if code != http.StatusSeeOther || hdr.Get("Location") != "/shop/cart/socks" {
				t.Fatalf("redirect: %d %q", code, hdr.Get("Location"))
			}
			// The invite path is not reachable from outside.
			if code, _, _ := fiberChiGet(t, srv.URL+"/legacy/__invite__/"); code != http.StatusNotFound {
				t.Errorf("invite path from outside: %d", code)
			}
			// A route added after the invitation is found.
			router.Get("/late/:id", fiberChiRecord).Name("late")
			if u, err := b.URL("legacy:late", "id", "1"); err != nil || u != "/legacy/late/1" {
				t.Errorf("late route: %q %v", u, err)
			} else if code, body, _ := fiberChiGet(t, srv.URL+u); code != 200 || !strings.Contains(body, `"route":"late"`) {
				t.Errorf("GET %s: %d %q", u, code, body)
			}
		})
	}
}

// TestFiberUnderChiMountWithoutLocalPath: the bare bridge under chi's Mount
// hands the app the full path, so an app with local routes does not get its
// invitation (404) — the reason for LocalPath; core.New says so.
func TestFiberUnderChiMountWithoutLocalPath(t *testing.T) {
	app := fiber.New()
	if _, err := partyfiber.Join(app); err != nil {
		t.Fatal(err)
	}
	r := chi.NewRouter()
	r.Mount("/legacy", partyfiber.Handler(app))
	p, err := core.New(r, []string{"/legacy/__invite__/"})
	var ie *core.InvitationError
	if p != nil || !errors.As(err, &ie) || ie.Status != http.StatusNotFound || ie.Seen {
		t.Fatalf("core.New = %v, %v; want it to fail: no adapter saw the invitation (404)", p, err)
	}
	// wsgi_party's tolerance keeps the party, without the app.
	p, err = core.New(r, []string{"/legacy/__invite__/"}, core.AllowDecline())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := urlfor.New(p).URL("legacy:page"); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Fatalf("URL: %v", err)
	}
}
