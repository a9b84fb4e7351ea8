package partyecho

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/partyline-go/partyline/core"
)

// seen is what the test handlers answer: the route echo matched and, for
// each of its parameters, what c.Param gave, what url.PathUnescape made of
// it, and what Param gave.
type seen struct {
	Route     string            `json:"route"`
	Raw       map[string]string `json:"raw"`
	Unescaped map[string]string `json:"unescaped"`
	Exact     map[string]string `json:"exact"`
	Query     map[string]string `json:"query,omitempty"`
}

// record is an echo handler that answers a seen as JSON.
func record(c echo.Context) error {
	s := seen{Route: c.Path(), Raw: map[string]string{}, Unescaped: map[string]string{}, Exact: map[string]string{}, Query: map[string]string{}}
	for _, n := range c.ParamNames() {
		v := c.Param(n)
		s.Raw[n] = v
		if u, err := url.PathUnescape(v); err == nil {
			s.Unescaped[n] = u
		} else {
			s.Unescaped[n] = "!error: " + err.Error()
		}
		if u, err := Param(c, n); err == nil {
			s.Exact[n] = u
		} else {
			s.Exact[n] = "!error: " + err.Error()
		}
	}
	for k, v := range c.QueryParams() {
		s.Query[k] = strings.Join(v, ",")
	}
	return c.JSON(http.StatusOK, s)
}

// cParamExact says whether echo's c.Param hands a handler exactly the
// values of pairs (key, value...) in a URL partyecho builds: unless a
// value of a one-segment parameter holds "/", whose "%2F" makes net/url
// keep a RawPath, on which echo then routes and hands raw text for every
// parameter of the request (see the package doc). The wildcard "*" keeps
// "/" raw, which net/url writes the same.
func cParamExact(pairs []string) bool {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i] != "*" && strings.Contains(pairs[i+1], "/") {
			return false
		}
	}
	return true
}

// app is a mounted app: its prefix in the dispatcher ("" for the root).
type app struct {
	prefix  string
	handler http.Handler
}

// party mounts apps in an http.ServeMux behind http.StripPrefix, wraps
// the mux with core.New (inviting every app at prefix+DefaultInvitePath)
// and serves the party with httptest.NewServer.
func party(t testing.TB, apps ...app) (*core.Party, *httptest.Server) {
	t.Helper()
	mux := http.NewServeMux()
	var invites []string
	for _, a := range apps {
		if a.prefix == "" {
			mux.Handle("/", a.handler)
		} else {
			mux.Handle(a.prefix+"/", http.StripPrefix(a.prefix, a.handler))
		}
		invites = append(invites, a.prefix+core.DefaultInvitePath)
	}
	p, err := core.New(mux, invites)
	if err != nil {
		t.Fatalf("core.New: %v", err)
	}
	srv := httptest.NewServer(p)
	t.Cleanup(srv.Close)
	return p, srv
}

// noRedirects is a client that returns redirects instead of following them.
var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// get requests u (a path of srv, or an absolute URL) without following
// redirects and returns the status, the Location header and the body.
func get(t testing.TB, client *http.Client, srv *httptest.Server, u string) (int, string, string) {
	t.Helper()
	if strings.HasPrefix(u, "/") {
		u = srv.URL + u
	}
	res, err := client.Get(u)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	return res.StatusCode, res.Header.Get("Location"), string(b)
}

// getSeen requests u and decodes the seen a record handler answered.
func getSeen(t testing.TB, srv *httptest.Server, u string) seen {
	t.Helper()
	status, _, body := get(t, noRedirects, srv, u)
	if status != http.StatusOK {
		t.Fatalf("GET %s: %d %s", u, status, body)
	}
	var s seen
	if err := json.Unmarshal([]byte(body), &s); err != nil {
		t.Fatalf("GET %s: %v in %q", u, err, body)
	}
	return s
}

// mustJoin joins e or fails the test.
func mustJoin(t testing.TB, e *echo.Echo, opts ...Option) *Handle {
	t.Helper()
	h, err := Join(e, opts...)
	if err != nil {
		t.Fatalf("Join: %v", err)
	}
	return h
}

// ctx returns an echo context of e for a GET of target, for calling the
// helpers outside a handler.
func ctx(e *echo.Echo, target string) echo.Context {
	return e.NewContext(httptest.NewRequest(http.MethodGet, target, nil), httptest.NewRecorder())
}

// errorIs fails the test unless err matches every target.
func errorIs(t testing.TB, err error, targets ...error) {
	t.Helper()
	if err == nil {
		t.Fatalf("err = nil, want %v", targets)
	}
	for _, target := range targets {
		if !errors.Is(err, target) {
			t.Errorf("err = %v (%T), want errors.Is %v", err, err, target)
		}
	}
}

// sortedKeys lists the keys of m, sorted.
func sortedKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
