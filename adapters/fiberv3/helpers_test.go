package partyfiberv3_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v3"
	"github.com/partyline-go/partyline/core"
)

// mount is one app of a test party: h is mounted at prefix ("" for the
// root) in an http.ServeMux, behind http.StripPrefix.
type mount struct {
	prefix string
	h      http.Handler
}

// newDispatcher returns the ServeMux with every app mounted, and the
// invite paths.
func newDispatcher(mounts ...mount) (*http.ServeMux, []string) {
	mux := http.NewServeMux()
	var invites []string
	for _, m := range mounts {
		if m.prefix == "" {
			mux.Handle("/", m.h)
		} else {
			mux.Handle(m.prefix+"/", http.StripPrefix(m.prefix, m.h))
		}
		invites = append(invites, m.prefix+core.DefaultInvitePath)
	}
	return mux, invites
}

// newParty wraps the dispatcher of mounts in core.New and fails the test if
// an invitation fails.
func newParty(t testing.TB, mounts ...mount) *core.Party {
	t.Helper()
	mux, invites := newDispatcher(mounts...)
	p, err := core.New(mux, invites)
	if err != nil {
		t.Fatalf("core.New: %v", err)
	}
	return p
}

// serve starts a real server for h, closed at the end of the test.
func serve(t testing.TB, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// get requests url with client (http.DefaultClient when nil), not following
// redirects, and returns the status, the body and the response.
func get(t testing.TB, client *http.Client, url string, header ...string) (int, string, *http.Response) {
	t.Helper()
	if client == nil {
		client = http.DefaultClient
	}
	c := *client
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Add(header[i], header[i+1])
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, strings.TrimSpace(string(b)), resp
}

// record serves r with h in memory.
func record(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// named answers with the name of the route that served the request.
func named(name string) fiber.Handler {
	return func(c fiber.Ctx) error { return c.SendString(name) }
}
