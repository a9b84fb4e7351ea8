package partymux

import (
	"errors"
	"html/template"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"weak"

	"github.com/gorilla/mux"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

func TestJoinErrors(t *testing.T) {
	cases := []struct {
		name  string
		setup func() (*mux.Router, []Option)
		want  error
	}{
		{"nil router", func() (*mux.Router, []Option) { return nil, nil }, ErrInvalidOption},
		{"invite route without slash", func() (*mux.Router, []Option) {
			return mux.NewRouter(), []Option{InviteRoute("__invite__/")}
		}, ErrInvalidOption},
		{"empty invite route", func() (*mux.Router, []Option) {
			return mux.NewRouter(), []Option{InviteRoute("")}
		}, ErrInvalidOption},
		{"invite route with a brace", func() (*mux.Router, []Option) {
			return mux.NewRouter(), []Option{InviteRoute("/{x}/")}
		}, ErrInvalidOption},
		{"namespace with a colon", func() (*mux.Router, []Option) {
			return mux.NewRouter(), []Option{Namespace("a:b")}
		}, ErrInvalidOption},
		{"catch-all registered before Join", func() (*mux.Router, []Option) {
			r := mux.NewRouter()
			r.PathPrefix("/").HandlerFunc(reportHandler).Name("all")
			return r, nil
		}, ErrInviteUnreachable},
		{"router for another host", func() (*mux.Router, []Option) {
			return mux.NewRouter().Host("example.com").Subrouter(), nil
		}, ErrInviteUnreachable},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, opts := c.setup()
			h, err := Join(r, opts...)
			if !errors.Is(err, c.want) || h != nil {
				t.Fatalf("Join = %v, %v; want an error wrapping %v", h, err, c.want)
			}
		})
	}
}

func TestJoinTwice(t *testing.T) {
	r := mux.NewRouter()
	if _, err := Join(r); err != nil {
		t.Fatal(err)
	}
	if _, err := Join(r); !errors.Is(err, ErrAlreadyJoined) {
		t.Fatalf("second Join: %v, want ErrAlreadyJoined", err)
	}
	// A method-restricted route on the invite path does not shadow it.
	r2 := mux.NewRouter()
	r2.Path(core.DefaultInvitePath).Methods(http.MethodPost).HandlerFunc(reportHandler)
	if _, err := Join(r2); err != nil {
		t.Fatalf("Join with a POST route on the invite path: %v", err)
	}
}

func TestNotInvited(t *testing.T) {
	r := mux.NewRouter()
	h, err := Join(r)
	if err != nil {
		t.Fatal(err)
	}
	r.HandleFunc("/posts/{id}", reportHandler).Name("post")
	req := httptest.NewRequest(http.MethodGet, "/posts/7", nil)
	if _, err := h.URL(req, "post", "id", "7"); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("URL before the invitation: %v", err)
	}
	if _, err := h.AbsoluteURL(req, "post", "id", "7"); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("AbsoluteURL before the invitation: %v", err)
	}
	if err := h.Redirect(httptest.NewRecorder(), req, http.StatusFound, "post", "id", "7"); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("Redirect before the invitation: %v", err)
	}
	if _, err := h.Participant(); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("Participant before the invitation: %v", err)
	}
	tpl := template.Must(template.New("t").Funcs(h.FuncMap()).Parse(`{{urlFor "post" "id" 7}}`))
	if err := tpl.Execute(new(strings.Builder), nil); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("urlFor before the invitation: %v", err)
	}
	// Package-level helpers, from a request the router served.
	var pkgErr, redirErr error
	r.HandleFunc("/probe", func(w http.ResponseWriter, req *http.Request) {
		_, pkgErr = URL(req, "post", "id", "7")
		redirErr = Redirect(w, req, http.StatusFound, "post", "id", "7")
	})
	r.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/probe", nil))
	if !errors.Is(pkgErr, urlfor.ErrNotInvited) || !errors.Is(redirErr, urlfor.ErrNotInvited) {
		t.Errorf("package-level helpers before the invitation: %v, %v", pkgErr, redirErr)
	}
	// An invite route answers 404 to anything but an invitation.
	rec := httptest.NewRecorder()
	r.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, core.DefaultInvitePath, nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("invite route without an invitation: %d, want 404", rec.Code)
	}
}

func TestFromRequestUnjoined(t *testing.T) {
	r := mux.NewRouter() // never joined
	var err error
	r.HandleFunc("/x", func(w http.ResponseWriter, req *http.Request) { _, err = URL(req, "x") })
	r.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/x", nil))
	if !errors.Is(err, ErrNoHandle) || !errors.Is(err, urlfor.ErrNotInvited) || !strings.HasPrefix(err.Error(), "partymux: ") {
		t.Errorf("URL from an unjoined router: %v", err)
	}
	if _, err := URL(httptest.NewRequest(http.MethodGet, "/x", nil), "x"); !errors.Is(err, ErrNoHandle) {
		t.Errorf("URL from a request mux never routed: %v", err)
	}
	if h, ok := FromRequest(nil); h != nil || ok {
		t.Errorf("FromRequest(nil) = %v, %v", h, ok)
	}
}

func TestNamespaceTaken(t *testing.T) {
	a, b := mux.NewRouter(), mux.NewRouter()
	if _, err := Join(a, Namespace("blog")); err != nil {
		t.Fatal(err)
	}
	if _, err := Join(b, Namespace("blog")); err != nil {
		t.Fatal(err)
	}
	d := http.NewServeMux()
	d.Handle("/a/", http.StripPrefix("/a", a))
	d.Handle("/b/", http.StripPrefix("/b", b))
	_, err := core.New(d, []string{"/a/__invite__/", "/b/__invite__/"})
	var ie *core.InvitationError
	if !errors.As(err, &ie) || ie.Path != "/b/__invite__/" || ie.Status != http.StatusInternalServerError {
		t.Fatalf("core.New with two apps named blog: %v, want a 500 from /b/__invite__/", err)
	}
}

func TestCheck(t *testing.T) {
	r := mux.NewRouter()
	h, err := Join(r)
	if err != nil {
		t.Fatal(err)
	}
	r.HandleFunc("/a/{id}", reportHandler).Name("item")
	if err := h.Check(); err != nil {
		t.Fatalf("Check of a sound router: %v", err)
	}
	api := r.PathPrefix("/api").Subrouter()
	api.HandleFunc("/items/{id}", reportHandler).Name("item") // mux's Get now finds only this one
	r.HandleFunc("/{a}{b}", reportHandler).Name("adjacent")
	err = h.Check()
	var dup *DuplicateNameError
	var re *RouteError
	if !errors.As(err, &dup) || dup.Name != "item" || len(dup.Patterns) != 2 || !errors.Is(err, urlfor.ErrAmbiguous) {
		t.Errorf("Check: %v, want a DuplicateNameError for item", err)
	}
	if !errors.As(err, &re) || re.Name != "adjacent" || !errors.Is(err, urlfor.ErrInvalidTemplate) {
		t.Errorf("Check: %v, want a RouteError for adjacent", err)
	}
	if got := r.Get("item"); got == nil {
		t.Fatal("mux lost the name")
	} else if tpl, _ := got.GetPathTemplate(); tpl != "/api/items/{id}" {
		t.Fatalf("mux's Get(item) = %s; the test assumes mux keeps the last route", tpl)
	}
}

// TestJoinedRouterIsCollected: the registry of joined routers holds them
// weakly (adapterkit.Registry), so a joined router that is otherwise
// garbage is collected, with its handle.
func TestJoinedRouterIsCollected(t *testing.T) {
	var wr weak.Pointer[mux.Router]
	var wh weak.Pointer[Handle]
	func() {
		r := mux.NewRouter()
		h, err := Join(r)
		if err != nil {
			t.Fatal(err)
		}
		r.HandleFunc("/x", func(w http.ResponseWriter, req *http.Request) { _, _ = h.URL(req, "x") }).Name("x")
		r.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/x", nil))
		if err := h.Check(); err != nil {
			t.Fatal(err)
		}
		wr, wh = weak.Make(r), weak.Make(h)
	}()
	for i := 0; i < 20 && (wr.Value() != nil || wh.Value() != nil); i++ {
		runtime.GC()
	}
	if wr.Value() != nil || wh.Value() != nil {
		t.Fatal("a joined router that is otherwise garbage is kept alive")
	}
}
