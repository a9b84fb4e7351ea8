package urlfor_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

// The url_for service, asked through core: each participant answers with a
// path carrying its mount prefix, or is high and dry.
func TestServiceThroughCore(t *testing.T) {
	s := newShopBlog(t)
	shopOp := s.shopP.Operator()

	got, err := shopOp.AskAround(urlfor.Service, &urlfor.Request{Name: "blog:post", Pairs: []string{"id", "7", "page", "2"}, Fragment: "c"})
	if err != nil || len(got) != 1 || got[0] != "/blog/posts/7?page=2#c" {
		t.Errorf("AskAround(blog:post) = %v, %v", got, err)
	}
	// A Request value works as well as a pointer.
	got, err = shopOp.AskAround(urlfor.Service, urlfor.Request{Name: "thread", Pairs: []string{"id", "3"}})
	if err != nil || len(got) != 1 || got[0] != "/forum/t/3" {
		t.Errorf("AskAround(thread) = %v, %v", got, err)
	}
	// A bare name known to several: every one answers.
	got, err = shopOp.AskAround(urlfor.Service, &urlfor.Request{Name: "home"})
	if err != nil || len(got) != 2 || got[0] != "/blog/" || got[1] != "/forum/" {
		t.Errorf("AskAround(home) from the shop = %v, %v", got, err)
	}
	// High and dry: another namespace, an unknown name, the asker's own.
	for _, name := range []string{"nope:post", "blog:nope", "nope", "cart", "forum:post"} {
		got, err := shopOp.AskAround(urlfor.Service, &urlfor.Request{Name: name, Pairs: []string{"id", "1"}})
		if err != nil || len(got) != 0 {
			t.Errorf("AskAround(%q) = %v, %v; want no answer", name, got, err)
		}
	}
	// The party asks everyone, the shop included.
	got, err = s.party.AskAround(urlfor.Service, &urlfor.Request{Name: "cart"})
	if err != nil || len(got) != 1 || got[0] != "/cart" {
		t.Errorf("Party.AskAround(cart) = %v, %v", got, err)
	}
}

// A known endpoint with a bad value answers its *ParamError, wrapped by
// core in a *HandlerError.
func TestServiceParamError(t *testing.T) {
	s := newShopBlog(t)
	_, err := s.shopP.Operator().AskAround(urlfor.Service, &urlfor.Request{Name: "blog:archive", Pairs: []string{"year", "99", "slug", "x"}})
	var he *core.HandlerError
	if !errors.As(err, &he) || he.Service != urlfor.Service || he.Participant != "/blog/__invite__/" {
		t.Fatalf("AskAround = %v, want a *core.HandlerError from the blog", err)
	}
	pe := wantParamError(t, err, "year", urlfor.ErrInvalidParam)
	if pe.Endpoint != "blog:archive" || pe.Value != "99" {
		t.Errorf("ParamError = %+v", pe)
	}
	_, err = s.shopP.Operator().AskAround(urlfor.Service, &urlfor.Request{Name: "blog:post"})
	wantParamError(t, err, "id", urlfor.ErrMissingParam)

	_, err = s.party.AskAround(urlfor.Service, "blog:post")
	if !errors.As(err, &he) || !strings.Contains(err.Error(), "*urlfor.Request") {
		t.Errorf("AskAround with a string payload = %v", err)
	}
}

// An app built on urlfor.Member, as adapters build theirs.
type memberApp struct {
	m   *urlfor.Member
	mux *http.ServeMux
}

func newMemberApp(cfg urlfor.Config, logger *slog.Logger) *memberApp {
	a := &memberApp{m: urlfor.NewMember(cfg, logger), mux: http.NewServeMux()}
	a.mux.HandleFunc(a.m.InviteRoute(), func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(a.m.Accept(r))
	})
	a.mux.HandleFunc("/posts/{id}", func(w http.ResponseWriter, r *http.Request) {
		u, err := a.m.URL("post", "id", r.PathValue("id"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Write([]byte(u))
	})
	return a
}

func (a *memberApp) ServeHTTP(w http.ResponseWriter, r *http.Request) { a.mux.ServeHTTP(w, r) }

func TestMember(t *testing.T) {
	routes := urlfor.SourceFunc(func() []urlfor.Route { return []urlfor.Route{route("post", "/posts/{id}")} })
	app := newMemberApp(urlfor.Config{Namespace: "blog", Framework: "nethttp", Source: routes}, nil)
	m := app.m
	if m.InviteRoute() != core.DefaultInvitePath {
		t.Errorf("InviteRoute() = %q", m.InviteRoute())
	}

	// Before the invitation.
	if m.Invited() {
		t.Error("Invited() before the party")
	}
	if _, err := m.URL("post", "id", "1"); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("URL before the invitation = %v", err)
	}
	if _, err := m.Build(&urlfor.Request{Name: "post"}); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("Build before the invitation = %v", err)
	}
	if p, err := m.Participant(); p != nil || !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("Participant() before = %v, %v", p, err)
	}
	tpl, err := textTemplate(m.FuncMap(), `{{urlFor "post" "id" 1}}`)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := execText(tpl, nil); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("FuncMap before the invitation: %v", err)
	}
	// A request to the invite route that is no invitation: 404.
	rec := httptest.NewRecorder()
	app.ServeHTTP(rec, httptest.NewRequest("GET", "/__invite__/", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("invite route without an invitation = %d", rec.Code)
	}

	shop := urlfortest.NewApp("", route("cart", "/cart"))
	party := newParty(t, mount{"", shop}, mount{"/blog", app})
	if inv := party.Invitations()[1]; !inv.Joined || inv.Status != http.StatusOK {
		t.Errorf("invitation = %+v", inv)
	}

	// After.
	if !m.Invited() {
		t.Error("Invited() after the party")
	}
	if got, err := m.URL("post", "id", "1"); err != nil || got != "/blog/posts/1" {
		t.Errorf("URL = %q, %v", got, err)
	}
	if got, err := m.URL("cart"); err != nil || got != "/cart" {
		t.Errorf("URL(cart) = %q, %v", got, err)
	}
	if got, err := m.Build(&urlfor.Request{Name: "post", Pairs: []string{"id", "2"}, Fragment: "x"}); err != nil || got != "/blog/posts/2#x" {
		t.Errorf("Build = %q, %v", got, err)
	}
	if p, err := m.Participant(); err != nil || p.Namespace() != "blog" || p.Framework() != "nethttp" {
		t.Errorf("Participant() = %v, %v", p, err)
	}
	if got, err := execText(tpl, nil); err != nil || got != "/blog/posts/1" {
		t.Errorf("FuncMap after the invitation: %q, %v", got, err)
	}
	// The app's own handler, through the party and the dispatcher.
	rec = httptest.NewRecorder()
	party.ServeHTTP(rec, httptest.NewRequest("GET", "/blog/posts/a%20b", nil))
	if rec.Code != 200 || rec.Body.String() != "/blog/posts/a%20b" {
		t.Errorf("GET /blog/posts/a%%20b = %d %q", rec.Code, rec.Body)
	}
	// The invitation is used up: another call of the invite route is a 404.
	rec = httptest.NewRecorder()
	app.ServeHTTP(rec, httptest.NewRequest("GET", "/__invite__/", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("invite route after the invitation = %d", rec.Code)
	}
}

// captureHandler keeps the records a slog.Logger sends.
type captureHandler struct {
	mu      sync.Mutex
	records []slog.Record
}

func (h *captureHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h *captureHandler) Handle(_ context.Context, r slog.Record) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.records = append(h.records, r)
	return nil
}
func (h *captureHandler) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *captureHandler) WithGroup(string) slog.Handler      { return h }

// A failed join (the namespace is taken) answers 500, logs the error, and
// the party reports the invitation as failed.
func TestMemberAcceptFailedJoin(t *testing.T) {
	src := urlfor.SourceFunc(func() []urlfor.Route { return []urlfor.Route{route("post", "/posts/{id}")} })
	logs := &captureHandler{}
	first := newMemberApp(urlfor.Config{Namespace: "blog", Source: src}, slog.New(logs))
	second := newMemberApp(urlfor.Config{Namespace: "blog", Source: src}, slog.New(logs))
	_, err := core.New(dispatcher(mount{"/a", first}, mount{"/b", second}), []string{"/a/__invite__/", "/b/__invite__/"})
	var ie *core.InvitationError
	if !errors.As(err, &ie) || ie.Status != http.StatusInternalServerError || ie.Path != "/b/__invite__/" {
		t.Fatalf("core.New = %v, want the second invitation to fail with 500", err)
	}
	if !first.m.Invited() || second.m.Invited() {
		t.Errorf("Invited: first %v, second %v", first.m.Invited(), second.m.Invited())
	}
	var joined, failed bool
	for _, r := range logs.records {
		switch r.Message {
		case "partyline: joined":
			joined = true
		case "partyline: joining failed":
			r.Attrs(func(a slog.Attr) bool {
				if e, ok := a.Value.Any().(error); ok && a.Key == "error" {
					failed = errors.Is(e, core.ErrNamespaceTaken)
				}
				return true
			})
		}
	}
	if !joined || !failed {
		t.Errorf("logs: joined %v, failed with ErrNamespaceTaken %v", joined, failed)
	}
}

// A Member with a nil logger is silent, and a custom invite route works.
func TestMemberCustomInviteRoute(t *testing.T) {
	src := urlfor.SourceFunc(func() []urlfor.Route { return []urlfor.Route{route("post", "/posts/{id}")} })
	app := newMemberApp(urlfor.Config{Source: src, InviteRoute: "/_party/"}, nil)
	if app.m.InviteRoute() != "/_party/" {
		t.Fatalf("InviteRoute() = %q", app.m.InviteRoute())
	}
	party, err := core.New(dispatcher(mount{"/blog", app}), []string{"/blog/_party/"})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := urlfor.New(party).URL("blog:post", "id", "1"); err != nil || got != "/blog/posts/1" {
		t.Errorf("URL = %q, %v", got, err)
	}
}

func TestMemberLogsJoin(t *testing.T) {
	var buf bytes.Buffer
	src := urlfor.SourceFunc(func() []urlfor.Route { return []urlfor.Route{route("post", "/posts/{id}")} })
	app := newMemberApp(urlfor.Config{Namespace: "blog", Source: src}, slog.New(slog.NewTextHandler(&buf, nil)))
	newParty(t, mount{"/blog", app})
	for _, s := range []string{"partyline: joined", "namespace=blog", "mount_prefix=/blog", "routes=1"} {
		if !strings.Contains(buf.String(), s) {
			t.Errorf("log %q lacks %q", buf.String(), s)
		}
	}
}
