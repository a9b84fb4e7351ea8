package adapterkit_test

import (
	"bytes"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"weak"

	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

func TestConfigCheck(t *testing.T) {
	for _, c := range []struct {
		opts []adapterkit.Option
		bad  string // part of the message, "" when valid
	}{
		{nil, ""},
		{[]adapterkit.Option{adapterkit.Namespace("blog"), adapterkit.InviteRoute("/_join/"), nil}, ""},
		{[]adapterkit.Option{adapterkit.InviteRoute("")}, `InviteRoute("") does not start`},
		{[]adapterkit.Option{adapterkit.InviteRoute("x/")}, `InviteRoute("x/") does not start`},
		{[]adapterkit.Option{adapterkit.InviteRoute("/{x}/")}, "placeholder"},
		{[]adapterkit.Option{adapterkit.Namespace("a:b")}, `Namespace("a:b") contains`},
	} {
		err := adapterkit.NewConfig(c.opts).Check("partytest", "{}")
		switch {
		case c.bad == "" && err != nil:
			t.Errorf("%v", err)
		case c.bad != "" && (!errors.Is(err, adapterkit.ErrInvalidOption) || !strings.HasPrefix(err.Error(), "partytest: invalid option: ") || !strings.Contains(err.Error(), c.bad)):
			t.Errorf("err = %v, want ErrInvalidOption saying %q", err, c.bad)
		}
	}
	cfg := adapterkit.NewConfig([]adapterkit.Option{adapterkit.TrustProxy(), adapterkit.WithLogger(nil)})
	if !cfg.TrustProxy || cfg.InviteRoute != core.DefaultInvitePath || cfg.Logger != nil {
		t.Errorf("NewConfig = %+v", cfg)
	}
}

func TestErrNoHandle(t *testing.T) {
	if !errors.Is(adapterkit.ErrNoHandle, urlfor.ErrNotInvited) {
		t.Error("ErrNoHandle does not wrap urlfor.ErrNotInvited")
	}
	err := adapterkit.Errorf("partyx", adapterkit.ErrAlreadyJoined, "")
	if err.Error() != "partyx: app already joined" || !errors.Is(err, adapterkit.ErrAlreadyJoined) {
		t.Errorf("Errorf = %v", err)
	}
}

type app struct{ name string }
type handle struct{ app *app }

// The registry refuses a second join, finds handles, and keeps neither
// side alive.
func TestRegistry(t *testing.T) {
	var reg adapterkit.Registry[app, handle]
	a := &app{"a"}
	h := &handle{a}
	if err := reg.Add("partyx", a, h); err != nil {
		t.Fatal(err)
	}
	if err := reg.Add("partyx", a, &handle{}); !errors.Is(err, adapterkit.ErrAlreadyJoined) || !strings.HasPrefix(err.Error(), "partyx: ") {
		t.Errorf("second Add = %v", err)
	}
	if got, ok := reg.Lookup(a); !ok || got != h {
		t.Errorf("Lookup = %v, %v", got, ok)
	}
	if _, ok := reg.Lookup(&app{}); ok {
		t.Error("Lookup found an app that never joined")
	}
	if _, ok := reg.Lookup(nil); ok {
		t.Error("Lookup(nil) found something")
	}
	reg.Remove(a)
	if _, ok := reg.Lookup(a); ok {
		t.Error("Lookup after Remove")
	}

	b := &app{"b"}
	if err := reg.Add("partyx", b, &handle{b}); err != nil {
		t.Fatal(err)
	}
	wb := weak.Make(b)
	b = nil
	for i := 0; i < 10 && wb.Value() != nil; i++ {
		runtime.GC()
	}
	if wb.Value() != nil {
		t.Error("the registry keeps a joined app alive")
	}
	runtime.KeepAlive(h)
}

// A member's invite route joins on the invitation, answers 404 otherwise,
// and 500 with the reason, starting with the adapter's name, when joining
// fails.
func TestMemberAnswer(t *testing.T) {
	src := urlfor.SourceFunc(func() []urlfor.Route { return nil })
	a := adapterkit.NewMember("partyx", "x", adapterkit.NewConfig([]adapterkit.Option{adapterkit.Namespace("x")}), src)
	b := adapterkit.NewMember("partyx", "x", adapterkit.NewConfig([]adapterkit.Option{adapterkit.Namespace("x")}), src)
	mux := http.NewServeMux()
	mux.HandleFunc("/a/__invite__/", a.ServeInvite)
	mux.HandleFunc("/b/__invite__/", b.ServeInvite)

	rec := httptest.NewRecorder()
	a.ServeInvite(rec, httptest.NewRequest("GET", "/a/__invite__/", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("a request from outside got %d", rec.Code)
	}
	if _, err := a.URL("home"); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("URL before the invitation: %v", err)
	}
	_, err := core.New(mux, []string{"/a/__invite__/", "/b/__invite__/"})
	if !errors.Is(err, core.ErrNamespaceTaken) || !strings.Contains(err.Error(), "/b/__invite__/: the app declined: ") || !strings.Contains(err.Error(), `"x"`) {
		t.Fatalf("core.New = %v, want b's failure with its reason (namespace x taken)", err)
	}
	if !a.Invited() || b.Invited() {
		t.Errorf("Invited: a %v, b %v", a.Invited(), b.Invited())
	}
	if p, err := a.Participant(); err != nil || p.Namespace() != "x" || a.Config().Namespace != "x" {
		t.Errorf("Participant = %v, %v", p, err)
	}
}

// Member builds local-first, absolute URLs with TrustProxy, redirects only
// with a 3xx status and writes nothing otherwise.
func TestMemberBuilds(t *testing.T) {
	tm, err := urlfor.NewTemplate("/posts/{id}", []urlfor.Part{urlfor.Literal("/posts/"), urlfor.Param("id")})
	if err != nil {
		t.Fatal(err)
	}
	src := urlfor.SourceFunc(func() []urlfor.Route { return []urlfor.Route{{Name: "post", Pattern: "/posts/{id}", Path: tm}} })
	var logged bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logged, nil))
	m := adapterkit.NewMember("partyx", "x", adapterkit.NewConfig([]adapterkit.Option{adapterkit.TrustProxy(), adapterkit.WithLogger(logger)}), src)
	// TrustProxy without an allow-list is a warning at once.
	if !strings.Contains(logged.String(), "level=WARN") || !strings.Contains(logged.String(), "TrustProxy without AllowedHosts or CanonicalOrigin") {
		t.Errorf("NewMember with TrustProxy alone logged %q, want a warning", logged.String())
	}
	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", http.HandlerFunc(m.ServeInvite)))
	if _, err := core.New(mux, []string{"/blog/__invite__/"}); err != nil {
		t.Fatal(err)
	}
	if u, err := m.URL("post", "id", "a b"); u != "/blog/posts/a%20b" || err != nil {
		t.Errorf("URL = %q, %v", u, err)
	}
	if u, err := m.Build(&urlfor.Request{Name: "blog:post", Pairs: []string{"id", "7"}, Fragment: "c"}); u != "/blog/posts/7#c" || err != nil {
		t.Errorf("Build = %q, %v", u, err)
	}
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("X-Forwarded-Proto", "https")
	r.Header.Set("X-Forwarded-Host", "example.org")
	if u, err := m.AbsoluteURL(r, "post", "id", "7"); u != "https://example.org/blog/posts/7" || err != nil {
		t.Errorf("AbsoluteURL = %q, %v", u, err)
	}
	rec := httptest.NewRecorder()
	if err := m.Redirect(rec, r, http.StatusSeeOther, "post", "id", "7"); err != nil || rec.Code != 303 || rec.Header().Get("Location") != "/blog/posts/7" {
		t.Errorf("Redirect: %v, %d %q", err, rec.Code, rec.Header().Get("Location"))
	}
	rec = httptest.NewRecorder()
	var rce *urlfor.RedirectCodeError
	if err := m.Redirect(rec, r, http.StatusOK, "post", "id", "7"); !errors.As(err, &rce) || rec.Code != 200 || rec.Body.Len() != 0 || len(rec.Header()) != 0 {
		t.Errorf("Redirect with 200: %v, wrote %d %q", err, rec.Code, rec.Body)
	}
	rec = httptest.NewRecorder()
	if err := m.Redirect(rec, r, http.StatusFound, "nope"); !errors.Is(err, urlfor.ErrUnknownEndpoint) || rec.Body.Len() != 0 {
		t.Errorf("Redirect to an unknown endpoint: %v", err)
	}
	if _, ok := m.FuncMap()["urlFor"]; !ok {
		t.Error("FuncMap has no urlFor")
	}
}

func TestRuneSet(t *testing.T) {
	digits := adapterkit.RuneSet{'0', '9'}
	lower := adapterkit.RunesOf("zyxabc")
	if !lower.Equal(adapterkit.RuneSet{'a', 'c', 'x', 'z'}) {
		t.Errorf("RunesOf = %q", lower)
	}
	u := digits.Union(lower)
	if !u.Equal(adapterkit.RuneSet{'0', '9', 'a', 'c', 'x', 'z'}) || !u.Contains('5') || u.Contains('d') {
		t.Errorf("Union = %q", u)
	}
	if m := u.Minus(digits); !m.Equal(lower) {
		t.Errorf("Minus = %q", m)
	}
	if !adapterkit.AllRunes.Complement().Empty() || !adapterkit.RuneSet(nil).Complement().Equal(adapterkit.AllRunes) {
		t.Error("Complement of all / none")
	}
	for b, want := range map[byte]adapterkit.RuneSet{'a': {'a', 'a'}, 0xC3: {0xC0, 0xFF}, 0xE0: {0x800, 0xFFF}, 0xF4: {0x100000, 0x10FFFF}, 0x80: nil} {
		if got := adapterkit.RunesStartingWith(b); !got.Equal(want) {
			t.Errorf("RunesStartingWith(%#x) = %x, want %x", b, got, want)
		}
	}
}

// RestrictRegexp narrows a regexp to the allowed runes exactly, including
// case-folded literals (K folds to the Kelvin sign).
func TestRestrictRegexp(t *testing.T) {
	for _, c := range []struct {
		re       string
		allowed  adapterkit.RuneSet
		match    []string
		nonmatch []string
	}{
		{`[a-z ]+`, adapterkit.RawSegmentRunes, []string{"abc"}, []string{"a b"}},
		{`.+`, adapterkit.RawSegmentRunes, []string{"a-b.c~", "a,b;c"}, []string{"a/b", "a b", "é"}},
		{`(?i)k`, adapterkit.AllRunes.Minus(adapterkit.RuneSet{'K', 'K'}), []string{"k", "\u212a"}, []string{"K"}},
		{`x|y z`, adapterkit.RawSegmentRunes, []string{"x"}, []string{"y z"}},
		{`a\nb|.`, adapterkit.AllRunes, []string{"a\nb", "c"}, []string{"\n"}},
	} {
		got, err := adapterkit.RestrictRegexp(c.re, c.allowed)
		if err != nil {
			t.Fatal(err)
		}
		rx := regexp.MustCompile(`^(?:` + got + `)$`)
		for _, s := range c.match {
			if !rx.MatchString(s) {
				t.Errorf("%s narrowed to %s does not match %q", c.re, got, s)
			}
		}
		for _, s := range c.nonmatch {
			if rx.MatchString(s) {
				t.Errorf("%s narrowed to %s matches %q", c.re, got, s)
			}
		}
	}
	if _, err := adapterkit.RestrictRegexp(`(`, adapterkit.AllRunes); err == nil {
		t.Error("a regexp that does not parse gave no error")
	}
}

func TestSample(t *testing.T) {
	for re, want := range map[string]string{
		`[0-9]+`: "0", `[a-z]{3}`: "aaa", `x|y`: "x", `(?i)ABC`: "abc", `\d{4}-\d{2}`: "0000-00", `[^/]+`: "a", `a*`: "", `(`: "", `[^\x00-\x{10FFFF}]`: "",
	} {
		if got := adapterkit.Sample(re); got != want {
			t.Errorf("Sample(%q) = %q, want %q", re, got, want)
		}
	}
}

// RequestURL and Redirect give a route with a host of its own the scheme
// the request came with; other routes stay paths.
func TestMemberRequestURL(t *testing.T) {
	path, _ := urlfor.NewTemplate("/about", []urlfor.Part{urlfor.Literal("/about")})
	host, err := urlfor.NewHostTemplate("example.com", []urlfor.Part{urlfor.Literal("example.com")})
	if err != nil {
		t.Fatal(err)
	}
	src := urlfor.SourceFunc(func() []urlfor.Route {
		return []urlfor.Route{{Name: "about", Pattern: "example.com/about", Path: path, Host: host}, {Name: "home", Pattern: "/about", Path: path}}
	})
	m := adapterkit.NewMember("partyx", "x", adapterkit.NewConfig(nil), src)
	if _, err := core.New(http.HandlerFunc(m.ServeInvite), []string{"/__invite__/"}); err != nil {
		t.Fatal(err)
	}
	tls := httptest.NewRequest("GET", "https://other.org/", nil)
	for _, c := range []struct {
		r    *http.Request
		name string
		want string
	}{
		{tls, "about", "https://example.com/about"},
		{httptest.NewRequest("GET", "/", nil), "about", "http://example.com/about"},
		{nil, "about", "http://example.com/about"},
		{tls, "home", "/about"},
	} {
		if u, err := m.RequestURL(c.r, c.name); u != c.want || err != nil {
			t.Errorf("RequestURL(%s) = %q, %v; want %q", c.name, u, err, c.want)
		}
	}
	rec := httptest.NewRecorder()
	if err := m.Redirect(rec, tls, http.StatusFound, "about"); err != nil || rec.Header().Get("Location") != "https://example.com/about" {
		t.Errorf("Redirect: %v, %q", err, rec.Header().Get("Location"))
	}
}

// HTTPHandle's methods are the member's, shaped to *http.Request, and
// satisfy RequestHandle.
func TestHTTPHandle(t *testing.T) {
	path, _ := urlfor.NewTemplate("/about", []urlfor.Part{urlfor.Literal("/about")})
	host, _ := urlfor.NewHostTemplate("example.com", []urlfor.Part{urlfor.Literal("example.com")})
	src := urlfor.SourceFunc(func() []urlfor.Route {
		return []urlfor.Route{{Name: "about", Pattern: "example.com/about", Path: path, Host: host}, {Name: "home", Pattern: "/about", Path: path}}
	})
	m := adapterkit.NewMember("partyx", "x", adapterkit.NewConfig(nil), src)
	var h adapterkit.RequestHandle = adapterkit.NewHTTPHandle(m)
	hh := adapterkit.NewHTTPHandle(m)
	if _, err := h.URL(nil, "home"); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("URL before the invitation: %v", err)
	}
	mux := http.NewServeMux()
	mux.Handle("/x/", http.StripPrefix("/x", http.HandlerFunc(m.ServeInvite)))
	if _, err := core.New(mux, []string{"/x/__invite__/"}); err != nil {
		t.Fatal(err)
	}
	r := httptest.NewRequest("GET", "https://site.org/", nil)
	if u, err := h.URL(r, "about"); u != "https://example.com/x/about" || err != nil {
		t.Errorf("URL = %q, %v", u, err)
	}
	if u, err := h.AbsoluteURL(r, "home"); u != "https://site.org/x/about" || err != nil {
		t.Errorf("AbsoluteURL = %q, %v", u, err)
	}
	rec := httptest.NewRecorder()
	if err := h.Redirect(rec, r, http.StatusSeeOther, "home"); err != nil || rec.Header().Get("Location") != "/x/about" {
		t.Errorf("Redirect: %v %q", err, rec.Header().Get("Location"))
	}
	if p, err := hh.Participant(); err != nil || p.MountPrefix() != "/x" {
		t.Errorf("Participant = %v, %v", p, err)
	}
	if hh.FuncMap()["urlFor"] == nil {
		t.Error("FuncMap has no urlFor")
	}
}

// RawSegmentRunes is exactly what urlfor leaves raw in a one-segment
// parameter: the built path holds the value as given.
func TestRawSegmentRunesMatchUrlfor(t *testing.T) {
	tpl, err := urlfor.NewTemplate("/{v}", []urlfor.Part{urlfor.Literal("/"), urlfor.Param("v")})
	if err != nil {
		t.Fatal(err)
	}
	for c := rune(1); c < 0x80; c++ {
		v := "x" + string(c)
		got, err := tpl.Build("v", v)
		raw := err == nil && got == "/"+v
		if raw != adapterkit.RawSegmentRunes.Contains(c) {
			t.Errorf("%q: built %q, %v; RawSegmentRunes.Contains = %v", c, got, err, !raw)
		}
	}
}
