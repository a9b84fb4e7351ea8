package partygin_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
	partygin "github.com/partyline-go/partyline/adapters/gin"
)

// engineMode is one setting of the engine's path flags.
type engineMode struct {
	name string
	set  func(*gin.Engine)
	// raw: handlers get raw (escaped) values, the law unescapes them with
	// url.PathUnescape; rawWithRawPath: they do for a route whose URLs keep
	// a RawPath (lawRoute.rawPath).
	raw, rawWithRawPath bool
}

// rawFor says whether handlers of route r get raw values in mode m.
func (m engineMode) rawFor(r lawRoute) bool { return m.raw || m.rawWithRawPath && r.rawPath }

var engineModes = []engineMode{
	{name: "default", set: func(*gin.Engine) {}},
	{name: "RemoveExtraSlash+RedirectFixedPath-RedirectTrailingSlash", set: func(e *gin.Engine) {
		e.RemoveExtraSlash = true
		e.RedirectFixedPath = true
		e.RedirectTrailingSlash = false
	}},
	{name: "UseRawPath", set: func(e *gin.Engine) { e.UseRawPath = true }},
	{name: "UseRawPath-UnescapePathValues", set: func(e *gin.Engine) { e.UseRawPath = true; e.UnescapePathValues = false }, rawWithRawPath: true},
	{name: "UseEscapedPath", set: func(e *gin.Engine) { e.UseEscapedPath = true }},
	{name: "UseEscapedPath-UnescapePathValues", set: func(e *gin.Engine) { e.UseEscapedPath = true; e.UnescapePathValues = false }, raw: true},
}

// lawRoute is one route of the law's app: its name, pattern and params
// (the catch-all's name starts with "*"); rawPath when its literal text
// makes its URLs keep a url.URL.RawPath ("!", which net/url escapes and
// clients send raw).
type lawRoute struct {
	name, pattern string
	params        []string
	rawPath       bool
}

// lawRoutes cover every shape of gin pattern, with static siblings that take
// some values ("/one/new", "/pre/user_admin", "/about", the invite route).
var lawRoutes = []lawRoute{
	{"one", "/one/:id", []string{"id"}, false},
	{"two", "/two/:a/and/:b", []string{"a", "b"}, false},
	{"pre", "/pre/user_:name", []string{"name"}, false},
	{"wild", "/wild/*rest", []string{"*rest"}, false},
	{"mixed", "/mixed/:id/*rest", []string{"id", "*rest"}, false},
	{"slash", "/slash/:id/", []string{"id"}, false},
	{"bang", "/bang!/:id/*rest", []string{"id", "*rest"}, true},
	{"root", "/:page", []string{"page"}, false},
}

var lawSiblings = []string{"/one/new", "/pre/user_admin", "/about", "/two/x/and/y", "/one", "/pre", "/two/x", "/wild", "/mixed/new/"}

// lawApp is a gin app in one mode with the law's routes. atRoot leaves out
// "/:page": an app at the root of a dispatcher shares its first segment
// with the other mounts, which the app cannot know (see the package doc).
func lawApp(t testing.TB, m engineMode, atRoot bool) (*gin.Engine, *partygin.Handle) {
	t.Helper()
	e := gin.New()
	m.set(e)
	h, err := partygin.Join(e)
	if err != nil {
		t.Fatal(err)
	}
	r := h.Router(e)
	for _, lr := range lawRoutes {
		if atRoot && lr.name == "root" {
			continue
		}
		r.Named(lr.name).GET(lr.pattern, report)
	}
	for _, p := range lawSiblings {
		r.Named("sibling "+p).GET(p, report)
	}
	return e, h
}

// lawParty mounts one law app per mode under /m0, /m1... and a default one
// at the root, behind http.ServeMux + http.StripPrefix, in a party served
// over HTTP.
func lawParty(t testing.TB) (*httptest.Server, []*partygin.Handle) {
	t.Helper()
	var mounts []mount
	var handles []*partygin.Handle
	for i, m := range engineModes {
		e, h := lawApp(t, m, false)
		mounts = append(mounts, mount{fmt.Sprintf("/m%d", i), e})
		handles = append(handles, h)
	}
	e, h := lawApp(t, engineModes[0], true)
	mounts = append(mounts, mount{"", e})
	handles = append(handles, h)
	_, srv := party(t, mounts...)
	return srv, handles
}

// modeOfHandle is the engine mode of the i-th handle of lawParty.
func modeOfHandle(i int) engineMode {
	if i < len(engineModes) {
		return engineModes[i]
	}
	return engineModes[0]
}

// lawRoutesOf is the routes of the i-th handle of lawParty.
func lawRoutesOf(i int) []lawRoute {
	if i < len(engineModes) {
		return lawRoutes
	}
	return lawRoutes[:len(lawRoutes)-1] // the root app has no "/:page"
}

// checkLaw builds the URL of route r of h with values, and, unless the
// build is refused, requests it without following redirects and checks
// that it reached r with the same values: the round-trip law.
func checkLaw(t testing.TB, client *http.Client, srv *httptest.Server, h *partygin.Handle, m engineMode, r lawRoute, values []string) {
	t.Helper()
	var pairs []string
	for i, p := range r.params {
		pairs = append(pairs, strings.TrimPrefix(p, "*"), values[i%len(values)])
	}
	u, err := h.URL(nil, r.name, pairs...)
	if err != nil {
		return // refusing is within the law
	}
	resp, err := client.Get(srv.URL + u)
	if err != nil {
		t.Fatalf("%s %s %q: GET %s: %v", m.name, r.name, values, u, err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s %s %q: GET %s: %d %s", m.name, r.name, values, u, resp.StatusCode, body)
	}
	var got hit
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatalf("%s %s %q: GET %s: %v in %s", m.name, r.name, values, u, err, body)
	}
	if got.Route != r.pattern {
		t.Fatalf("%s %s %q: GET %s reached %s, want %s", m.name, r.name, values, u, got.Route, r.pattern)
	}
	for i, p := range r.params {
		key := strings.TrimPrefix(p, "*")
		want, have := pairs[2*i+1], got.Params[key]
		if m.rawFor(r) {
			if have, err = url.PathUnescape(have); err != nil {
				t.Fatalf("%s %s %q: GET %s: %s = %q does not unescape: %v", m.name, r.name, values, u, key, got.Params[key], err)
			}
		}
		if p[0] == '*' {
			// gin's catch-all value starts with "/"; a value given with or
			// without it builds the same URL.
			want, have = strings.TrimPrefix(want, "/"), strings.TrimPrefix(have, "/")
		}
		if have != want {
			t.Fatalf("%s %s %q: GET %s: %s = %q, want %q", m.name, r.name, values, u, key, have, want)
		}
	}
}
