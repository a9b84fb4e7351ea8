package core_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/partyline-go/partyline/core"
)

// requestLineTap records the request target of every request the server
// read, to check that the raw client's target reached it unchanged.
type requestLineTap struct {
	mu   sync.Mutex
	last string
	h    http.Handler
}

func (t *requestLineTap) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	t.mu.Lock()
	t.last = r.RequestURI
	t.mu.Unlock()
	t.h.ServeHTTP(w, r)
}

func (t *requestLineTap) lastTarget() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.last
}

// rawDo sends one request with exactly the given request target (no client
// cleans, escapes or resolves it) and returns the status and body.
func rawDo(t *testing.T, addr, method, target string, header http.Header) (int, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\nContent-Length: 0\r\n", method, target, addr)
	for k, vs := range header {
		for _, v := range vs {
			fmt.Fprintf(&b, "%s: %s\r\n", k, v)
		}
	}
	b.WriteString("\r\n")
	if _, err := io.WriteString(conn, b.String()); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), &http.Request{Method: method})
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// Over real HTTP, every invite path in every spelling, with every method,
// is 404 and never reaches the dispatcher; and no app ever joins twice.
func TestOverHTTPInvitePathsAreUnreachable(t *testing.T) {
	tr := newTrioApps(nil)
	spy := &countingHandler{h: tr.mux}
	party, err := core.New(spy, invitePaths(trioPrefixes...))
	if err != nil {
		t.Fatal(err)
	}
	spy.n.Store(0)
	tap := &requestLineTap{h: party}
	srv := httptest.NewServer(tap)
	defer srv.Close()
	addr := srv.Listener.Addr().String()

	requests := 0
	for _, prefix := range trioPrefixes {
		for _, target := range inviteTargets(prefix) {
			for _, method := range []string{"GET", "POST", "HEAD", "PUT", "DELETE"} {
				status, _ := rawDo(t, addr, method, target, nil)
				if got := tap.lastTarget(); got != target {
					t.Fatalf("the server read target %q, the client sent %q", got, target)
				}
				if status != http.StatusNotFound {
					t.Errorf("%s %s = %d, want 404", method, target, status)
				}
				requests++
			}
		}
	}
	// The ordinary Go client too.
	for _, prefix := range trioPrefixes {
		resp, err := srv.Client().Get(srv.URL + prefix + core.DefaultInvitePath)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("http.Client GET %s = %d, want 404", prefix+core.DefaultInvitePath, resp.StatusCode)
		}
		requests++
	}
	if n := spy.n.Load(); n != 0 {
		t.Errorf("%d of %d requests for invite paths reached the dispatcher", n, requests)
	}
	for _, a := range tr.apps() {
		if n := a.accepted.Load(); n != 1 {
			t.Errorf("app %s accepted %d invitations, want exactly 1", a.name, n)
		}
	}
	t.Logf("%d requests for invite paths, all 404", requests)
}

// Over real HTTP, ordinary requests pass, a forged token header is removed,
// and an invite route reached by a longer path refuses the request.
func TestOverHTTPOrdinaryRequestsPass(t *testing.T) {
	tr := newTrioApps(nil)
	var sawToken sync.Map
	tr.blog.mux.HandleFunc("/headers", func(w http.ResponseWriter, r *http.Request) {
		if v := r.Header.Values(core.TokenHeader); len(v) > 0 {
			sawToken.Store(r.URL.Path, v)
		}
		fmt.Fprint(w, "headers")
	})
	party, err := core.New(tr.mux, invitePaths(trioPrefixes...))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(party)
	defer srv.Close()
	addr := srv.Listener.Addr().String()

	forged := http.Header{core.TokenHeader: {"0123456789abcdef0123456789abcdef"}}
	for _, tc := range []struct {
		method, target string
		header         http.Header
		status         int
		body           string
	}{
		{"GET", "/hello", nil, 200, "root says hello at /hello"},
		{"GET", "/blog/hello?x=1", nil, 200, "blog says hello at /hello"},
		{"POST", "/shop/hello", nil, 200, "shop says hello at /hello"},
		{"HEAD", "/shop/hello", nil, 200, ""},
		{"GET", "/blog/headers", forged, 200, "headers"},
		{"GET", "/blog/__invite__/more", forged, 404, "404 page not found\n"},
		{"GET", "/__invite__/more", forged, 404, "404 page not found\n"},
	} {
		status, body := rawDo(t, addr, tc.method, tc.target, tc.header)
		if status != tc.status || body != tc.body {
			t.Errorf("%s %s = %d %q, want %d %q", tc.method, tc.target, status, body, tc.status, tc.body)
		}
	}
	sawToken.Range(func(k, v any) bool {
		t.Errorf("the app saw %s %q at %v", core.TokenHeader, v, k)
		return true
	})
	for _, a := range tr.apps() {
		if n := a.accepted.Load(); n != 1 {
			t.Errorf("app %s accepted %d invitations, want exactly 1", a.name, n)
		}
	}
}
