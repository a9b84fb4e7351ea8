package partygin_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
	"github.com/partyline-go/partyline/core"
)

func init() { gin.SetMode(gin.TestMode) }

// hit is what the test handlers answer: which route served the request,
// with which parameters.
type hit struct {
	Route  string            `json:"route"`
	Params map[string]string `json:"params"`
}

// report answers with the route and the parameters gin found.
func report(c *gin.Context) {
	params := map[string]string{}
	for _, p := range c.Params {
		params[p.Key] = p.Value
	}
	c.JSON(http.StatusOK, hit{Route: c.FullPath(), Params: params})
}

// mount is an app at a prefix of the dispatcher ("" for the root).
type mount struct {
	prefix string
	app    http.Handler
}

// dispatcher mounts apps in an http.ServeMux, each under its prefix with
// http.StripPrefix (the root app gets "/"), and returns the mux and the
// invite paths.
func dispatcher(mounts ...mount) (*http.ServeMux, []string) {
	mux := http.NewServeMux()
	var invites []string
	for _, m := range mounts {
		if m.prefix == "" {
			mux.Handle("/", m.app)
		} else {
			mux.Handle(m.prefix+"/", http.StripPrefix(m.prefix, m.app))
		}
		invites = append(invites, m.prefix+core.DefaultInvitePath)
	}
	return mux, invites
}

// party wraps the dispatcher of mounts in a party (the invitations are
// sent) and serves it over real HTTP.
func party(t testing.TB, mounts ...mount) (*core.Party, *httptest.Server) {
	t.Helper()
	mux, invites := dispatcher(mounts...)
	p, err := core.New(mux, invites)
	if err != nil {
		t.Fatalf("core.New: %v", err)
	}
	srv := httptest.NewServer(p)
	t.Cleanup(srv.Close)
	return p, srv
}

// noRedirects is a client that does not follow redirects.
var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// get requests url on srv (url is a path, or absolute) with client and
// returns the status and body.
func get(t testing.TB, client *http.Client, srv *httptest.Server, url string) (*http.Response, string) {
	t.Helper()
	if strings.HasPrefix(url, "/") {
		url = srv.URL + url
	}
	resp, err := client.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: reading the body: %v", url, err)
	}
	return resp, string(b)
}

// follow requests a built URL and decodes the hit it reached.
func follow(t testing.TB, srv *httptest.Server, url string) hit {
	t.Helper()
	resp, body := get(t, srv.Client(), srv, url)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", url, resp.StatusCode, body)
	}
	var h hit
	if err := json.Unmarshal([]byte(body), &h); err != nil {
		t.Fatalf("GET %s: %v in %q", url, err, body)
	}
	return h
}

// srvT is a test server.
type srvT struct{ *httptest.Server }

// getJSON requests path on srv and decodes its JSON answer into v.
func getJSON(t testing.TB, srv srvT, path string, v any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	doJSON(t, req, v)
}

// doJSON sends req and decodes its JSON answer into v.
func doJSON(t testing.TB, req *http.Request, v any) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s %s: %d %s", req.Method, req.URL, resp.StatusCode, b)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s %s: %v in %s", req.Method, req.URL, err, b)
	}
}
