package partymux

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp/syntax"
	"strings"
	"testing"

	"github.com/gorilla/mux"
)

// report is what every test handler answers: the route mux matched, its
// variables, and the path and query as the router saw them.
type report struct {
	Route string              `json:"route"`
	Vars  map[string]string   `json:"vars"`
	Path  string              `json:"path"`
	Query map[string][]string `json:"query"`
}

func reportHandler(w http.ResponseWriter, r *http.Request) {
	rep := report{Vars: mux.Vars(r), Path: r.URL.Path, Query: r.URL.Query()}
	if rt := mux.CurrentRoute(r); rt != nil {
		rep.Route = rt.GetName()
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(rep)
}

// noRedirects is a client that does not follow redirects: a URL that only
// reaches its route through a redirect breaks the round-trip law.
func noRedirects(srv *httptest.Server) *http.Client {
	c := *srv.Client()
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &c
}

// fetch requests u (a path, or an absolute URL whose host is sent in the
// Host header) from srv and returns the status and the report.
func fetch(t testing.TB, c *http.Client, srv *httptest.Server, u string) (int, report) {
	t.Helper()
	target := srv.URL + u
	host := ""
	if strings.Contains(u, "://") {
		parsed, err := url.Parse(u)
		if err != nil {
			t.Fatalf("URL %q does not parse: %v", u, err)
		}
		host = parsed.Host
		target = srv.URL + strings.TrimPrefix(u, parsed.Scheme+"://"+parsed.Host)
	}
	req, err := http.NewRequest(http.MethodGet, target, nil)
	if err != nil {
		t.Fatalf("URL %q: %v", u, err)
	}
	if host != "" {
		req.Host = host
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("GET %q: %v", u, err)
	}
	defer resp.Body.Close()
	var rep report
	if resp.StatusCode == http.StatusOK && strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		if err := json.NewDecoder(resp.Body).Decode(&rep); err != nil {
			t.Fatalf("GET %q: body: %v", u, err)
		}
	}
	return resp.StatusCode, rep
}

type regexpSyntax = syntax.Regexp

// newRoute is a route with a path (or path prefix) template, on no router.
func newRoute(prefix bool, tpl string) *mux.Route {
	if prefix {
		return new(mux.Route).PathPrefix(tpl)
	}
	return new(mux.Route).Path(tpl)
}

func errorsIsAny(err error, targets ...error) bool {
	for _, t := range targets {
		if errors.Is(err, t) {
			return true
		}
	}
	return false
}
