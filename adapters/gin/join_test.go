package partygin_test

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
	"sync"
	"testing"
	"weak"

	"github.com/gin-gonic/gin"
	partygin "github.com/partyline-go/partyline/adapters/gin"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

func TestJoinErrors(t *testing.T) {
	if _, err := partygin.Join(nil); !errors.Is(err, partygin.ErrInvalidOption) {
		t.Errorf("Join(nil): %v", err)
	}
	for _, opt := range []partygin.Option{
		partygin.InviteRoute("__invite__/"),
		partygin.InviteRoute(""),
		partygin.InviteRoute("/:x/"),
		partygin.InviteRoute("/a/*x"),
		partygin.Namespace("a:b"),
	} {
		e := gin.New()
		if _, err := partygin.Join(e, opt); !errors.Is(err, partygin.ErrInvalidOption) {
			t.Errorf("Join with a bad option: %v, want ErrInvalidOption", err)
		}
		// A refused Join leaves nothing behind: the engine may join.
		if _, err := partygin.Join(e); err != nil {
			t.Errorf("Join after a refused Join: %v", err)
		}
	}

	e := gin.New()
	if _, err := partygin.Join(e, nil); err != nil {
		t.Fatalf("Join: %v", err)
	}
	if _, err := partygin.Join(e); !errors.Is(err, partygin.ErrAlreadyJoined) {
		t.Errorf("second Join: %v, want ErrAlreadyJoined", err)
	}
}

// gin refuses any route beside a root catch-all, and panics: Join returns
// the conflict as an error instead (TestSPACatchAllBeforeJoin has more).
func TestJoinBesideARootCatchAll(t *testing.T) {
	e := gin.New()
	e.GET("/*any", report)
	_, err := partygin.Join(e)
	var ce *partygin.InviteConflictError
	if !errors.As(err, &ce) || !errors.Is(err, partygin.ErrInvalidOption) || !strings.Contains(err.Error(), "conflicts") {
		t.Fatalf("Join: %v, want the conflict as an InviteConflictError", err)
	}
	// With another invite route, it works.
	e2 := gin.New()
	e2.GET("/app/*any", report)
	if _, err := partygin.Join(e2); err != nil {
		t.Fatalf("Join: %v", err)
	}
}

func TestBeforeTheInvitation(t *testing.T) {
	e := gin.New()
	h, err := partygin.Join(e)
	if err != nil {
		t.Fatal(err)
	}
	e.Use(h.Middleware())
	h.Router(e).Named("post").GET("/posts/:id", report)

	if _, err := h.URL(nil, "post", "id", "1"); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("URL: %v", err)
	}
	if _, err := h.Participant(); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("Participant: %v", err)
	}
	if got := h.String(); !strings.Contains(got, "not invited") {
		t.Errorf("String() = %q", got)
	}
	tmpl := template.Must(template.New("t").Funcs(h.FuncMap()).Parse(`{{urlFor "post" "id" 1}}`))
	if err := tmpl.Execute(&bytes.Buffer{}, nil); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("urlFor in a template: %v", err)
	}

	// Inside a request, every helper says the same; so does the invite
	// route, reached without an invitation.
	var errs []error
	e.GET("/try", func(c *gin.Context) {
		_, err1 := h.AbsoluteURL(c, "post", "id", "1")
		_, err2 := partygin.URL(c, "post", "id", "1")
		err3 := h.Redirect(c, http.StatusFound, "post", "id", "1")
		err4 := partygin.Redirect(c, http.StatusFound, "post", "id", "1")
		errs = []error{err1, err2, err3, err4}
		c.Status(http.StatusTeapot)
	})
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/try", nil))
	if rec.Code != http.StatusTeapot {
		t.Fatalf("GET /try: %d", rec.Code)
	}
	for i, err := range errs {
		if !errors.Is(err, urlfor.ErrNotInvited) {
			t.Errorf("helper %d: %v", i, err)
		}
	}
	rec = httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/__invite__/", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("invite route without an invitation: %d", rec.Code)
	}
}

func TestPackageLevelHelpersNeedTheMiddleware(t *testing.T) {
	e := gin.New()
	h, err := partygin.Join(e)
	if err != nil {
		t.Fatal(err)
	}
	var errs []error
	h.Router(e).Named("bare").GET("/bare", func(c *gin.Context) {
		_, err1 := partygin.URL(c, "bare")
		_, err2 := partygin.AbsoluteURL(c, "bare")
		err3 := partygin.Redirect(c, http.StatusFound, "bare")
		errs = []error{err1, err2, err3}
		if _, ok := partygin.FromContext(c); ok {
			t.Error("FromContext found a handle without the middleware")
		}
	})
	e.GET("/with", h.Middleware(), func(c *gin.Context) {
		got, ok := partygin.FromContext(c)
		if !ok || got != h {
			t.Error("FromContext did not find the handle")
		}
		if err := partygin.Redirect(c, http.StatusFound, "bare"); err != nil {
			t.Error(err)
		}
	})
	_, srv := party(t, mount{"", e})
	get(t, srv.Client(), srv, "/bare")
	for i, err := range errs {
		if !errors.Is(err, partygin.ErrNoHandle) || !errors.Is(err, urlfor.ErrNotInvited) {
			t.Errorf("helper %d: %v, want ErrNoHandle wrapping ErrNotInvited", i, err)
		}
	}
	resp, _ := get(t, noRedirects, srv, "/with")
	if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/bare" {
		t.Errorf("GET /with: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if _, ok := partygin.FromContext(nil); ok {
		t.Error("FromContext(nil) found a handle")
	}
}

func TestRedirectCodes(t *testing.T) {
	e := gin.New()
	h, err := partygin.Join(e)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	errs := map[int]error{}
	h.Router(e).Named("target").GET("/target", report)
	e.GET("/r/:code", func(c *gin.Context) {
		code, _ := strconv.Atoi(c.Param("code"))
		err := h.Redirect(c, code, "target")
		mu.Lock()
		errs[code] = err
		mu.Unlock()
		if err != nil {
			c.String(http.StatusTeapot, err.Error())
		}
	})
	_, srv := party(t, mount{"", e})
	for _, code := range []int{0, 200, 201, 299, 304, 305, 306, 309, 300, 301, 302, 303, 307, 308} {
		resp, body := get(t, noRedirects, srv, "/r/"+strconv.Itoa(code))
		mu.Lock()
		err := errs[code]
		mu.Unlock()
		var rce *urlfor.RedirectCodeError
		switch code {
		case 300, 301, 302, 303, 307, 308:
			if err != nil || resp.StatusCode != code || resp.Header.Get("Location") != "/target" {
				t.Errorf("Redirect(%d): %v; answered %d %q", code, err, resp.StatusCode, resp.Header.Get("Location"))
			}
		default:
			if !errors.As(err, &rce) || rce.Code != code || !errors.Is(err, urlfor.ErrBadCall) || resp.StatusCode != http.StatusTeapot {
				t.Errorf("Redirect(%d): %v, want a RedirectCodeError; answered %d %s", code, err, resp.StatusCode, body)
			}
		}
	}
	// A failed build writes nothing.
	e.GET("/bad", func(c *gin.Context) {
		if err := h.Redirect(c, http.StatusFound, "nowhere"); !errors.Is(err, urlfor.ErrUnknownEndpoint) {
			t.Errorf("Redirect(nowhere): %v", err)
		}
		if c.Writer.Written() {
			t.Error("a failed Redirect wrote the response")
		}
		c.Status(http.StatusTeapot)
	})
	if resp, _ := get(t, noRedirects, srv, "/bad"); resp.StatusCode != http.StatusTeapot {
		t.Errorf("GET /bad: %d", resp.StatusCode)
	}
}

func TestJoinFailureIsReportedByTheParty(t *testing.T) {
	a, b := gin.New(), gin.New()
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, nil))
	if _, err := partygin.Join(a, partygin.Namespace("same")); err != nil {
		t.Fatal(err)
	}
	if _, err := partygin.Join(b, partygin.Namespace("same"), partygin.WithLogger(logger)); err != nil {
		t.Fatal(err)
	}
	mux, invites := dispatcher(mount{"/a", a}, mount{"/b", b})
	_, err := core.New(mux, invites)
	var ie *core.InvitationError
	if !errors.As(err, &ie) || ie.Path != "/b/__invite__/" || ie.Status != http.StatusInternalServerError {
		t.Fatalf("core.New: %v, want a 500 for /b/__invite__/", err)
	}
	if !strings.Contains(logs.String(), "namespace taken") {
		t.Errorf("the logger did not see why: %q", logs.String())
	}
}

func TestLoggerSeesTheJoin(t *testing.T) {
	var logs bytes.Buffer
	e := gin.New()
	h, err := partygin.Join(e, partygin.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))), partygin.Namespace("shop"))
	if err != nil {
		t.Fatal(err)
	}
	party(t, mount{"/store", e})
	if !strings.Contains(logs.String(), "partyline: joined") || !strings.Contains(logs.String(), "namespace=shop") {
		t.Errorf("logs: %q", logs.String())
	}
	if got := h.String(); got != `partygin app "shop" at "/store"` {
		t.Errorf("String() = %q", got)
	}
	if h.Engine() != e {
		t.Error("Engine() is not the engine")
	}
}

func TestCustomInviteRoute(t *testing.T) {
	e := gin.New()
	h, err := partygin.Join(e, partygin.InviteRoute("/_party/"))
	if err != nil {
		t.Fatal(err)
	}
	h.Router(e).Named("x").GET("/x", report)
	mux := http.NewServeMux()
	mux.Handle("/app/", http.StripPrefix("/app", e))
	p, err := core.New(mux, []string{"/app/_party/"})
	if err != nil {
		t.Fatal(err)
	}
	if inv := p.Invitations(); len(inv) != 1 || !inv[0].Joined {
		t.Fatalf("invitations: %+v", inv)
	}
	if u, err := h.URL(nil, "app:x"); err != nil || u != "/app/x" {
		t.Errorf("URL = %q, %v", u, err)
	}
}

// TestJoinedEngineIsNotKeptAlive: the registry of joined engines holds them
// weakly, so an engine that is otherwise garbage is collected.
func TestJoinedEngineIsNotKeptAlive(t *testing.T) {
	e := gin.New()
	h, err := partygin.Join(e)
	if err != nil {
		t.Fatal(err)
	}
	h.Router(e).Named("x").GET("/x/:id", report)
	w := weak.Make(e)
	e, h = nil, nil
	for i := 0; i < 10 && w.Value() != nil; i++ {
		runtime.GC()
	}
	if w.Value() != nil {
		t.Fatal("a joined engine that is otherwise garbage is kept alive")
	}
}
