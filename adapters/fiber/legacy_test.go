package partyfiber_test

import (
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/gofiber/fiber/v2"
	partyfiber "github.com/partyline-go/partyline/adapters/fiber"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// shopApp is a plain net/http app that joins the party by hand (urlfor.Join
// with a static route table) and serves its routes: GET /cart/{item}
// answers "cart <item> back=<URL of legacy:page 7>".
type shopApp struct {
	mux *http.ServeMux
	p   atomic.Pointer[urlfor.Participant]
}

func newShopApp() *shopApp {
	s := &shopApp{mux: http.NewServeMux()}
	cart, err := urlfor.NewTemplate("/cart/{item}", []urlfor.Part{urlfor.Literal("/cart/"), urlfor.Param("item")})
	if err != nil {
		panic(err)
	}
	routes := []urlfor.Route{{Name: "cart", Method: "GET", Pattern: "/cart/{item}", Path: cart}}
	s.mux.HandleFunc("GET "+core.DefaultInvitePath, func(w http.ResponseWriter, r *http.Request) {
		op, ok := core.AcceptInvitation(r)
		if !ok {
			http.NotFound(w, r)
			return
		}
		p, err := urlfor.Join(op, urlfor.Config{Namespace: "shop", Framework: "net/http",
			Source: urlfor.SourceFunc(func() []urlfor.Route { return routes })})
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		s.p.Store(p)
	})
	s.mux.HandleFunc("GET /cart/{item}", func(w http.ResponseWriter, r *http.Request) {
		back, err := s.p.Load().URL("legacy:page", "id", "7")
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Write([]byte("cart " + r.PathValue("item") + " back=" + back))
	})
	return s
}

func (s *shopApp) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// TestLegacyBehindStripPrefix is the must-show: a Fiber app at
// /legacy behind http.StripPrefix in an http.ServeMux, invited by core.New,
// builds a URL for another app (a net/http shop at /shop) and is linked to
// by it, and both links are followed over real HTTP.
func TestLegacyBehindStripPrefix(t *testing.T) {
	app := fiber.New()
	h, err := partyfiber.Join(app)
	if err != nil {
		t.Fatal(err)
	}
	app.Get("/pages/:id", func(c *fiber.Ctx) error {
		cart, err := partyfiber.URL(c, "shop:cart", "item", "red shoes/42")
		if err != nil {
			return err
		}
		self, err := h.URL(c, "page", "id", c.Params("id"))
		if err != nil {
			return err
		}
		return c.SendString("page " + c.Params("id") + " self=" + self + " cart=" + cart)
	}).Name("page")
	app.Get("/go/:item", func(c *fiber.Ctx) error {
		return partyfiber.Redirect(c, fiber.StatusSeeOther, "shop:cart", "item", c.Params("item"))
	}).Name("go")

	shop := newShopApp()
	p := newParty(t, mount{"/legacy", partyfiber.Handler(app)}, mount{"/shop", shop})
	for _, inv := range p.Invitations() {
		if !inv.Joined {
			t.Fatalf("%s did not join: %+v", inv.Path, inv)
		}
	}
	srv := serve(t, p)

	// Fiber -> shop.
	code, body, _ := get(t, nil, srv.URL+"/legacy/pages/7")
	want := "page 7 self=/legacy/pages/7 cart=/shop/cart/red%20shoes%2F42"
	if code != 200 || body != want {
		t.Fatalf("GET /legacy/pages/7 = %d %q, want %q", code, body, want)
	}
	cart := body[strings.Index(body, "cart=")+len("cart="):]
	code, body, _ = get(t, nil, srv.URL+cart)
	if want := "cart red shoes/42 back=/legacy/pages/7"; code != 200 || body != want {
		t.Fatalf("following %s: %d %q, want %q", cart, code, body, want)
	}
	// Shop -> Fiber: the link the shop built reaches the Fiber route.
	back := body[strings.Index(body, "back=")+len("back="):]
	code, body, _ = get(t, nil, srv.URL+back)
	if code != 200 || !strings.HasPrefix(body, "page 7 ") {
		t.Fatalf("following %s: %d %q", back, code, body)
	}
	// A redirect built inside Fiber, followed by the client.
	code, _, resp := get(t, nil, srv.URL+"/legacy/go/socks")
	if loc := resp.Header.Get("Location"); code != http.StatusSeeOther || loc != "/shop/cart/socks" {
		t.Fatalf("GET /legacy/go/socks = %d Location %q", code, loc)
	}
	resp, err = http.Get(srv.URL + "/legacy/go/socks")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Request.URL.Path != "/shop/cart/socks" {
		t.Fatalf("redirect followed to %s: %d", resp.Request.URL, resp.StatusCode)
	}
	// The party's builder, from outside any app.
	if u, err := urlfor.New(p).URL("legacy:page", "id", "a b"); err != nil || u != "/legacy/pages/a%20b" {
		t.Fatalf("builder: %q, %v", u, err)
	}
	// The invite path is not reachable from outside.
	if code, _, _ := get(t, nil, srv.URL+"/legacy/__invite__/"); code != http.StatusNotFound {
		t.Fatalf("invite path from outside: %d", code)
	}
}
