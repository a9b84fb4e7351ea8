package partymux

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/gorilla/mux"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// TestConcurrentBuilds builds URLs from many goroutines, over HTTP (the
// package-level helper) and directly, mixing misses (each a walk of the
// router) with hits; run it with -race.
func TestConcurrentBuilds(t *testing.T) {
	p := newAPIParty(t)
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				if g%2 == 0 {
					resp, err := p.client.Get(p.srv.URL + "/api/links")
					if err != nil {
						errs <- err
						return
					}
					body, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `"pkg post":"/api/posts/7"`) {
						errs <- fmt.Errorf("links: %d %s", resp.StatusCode, body)
						return
					}
					continue
				}
				u, err := p.handle.URL(nil, "post", "id", "7")
				if err != nil || u != "/api/posts/7" {
					errs <- err
					return
				}
				if _, err := p.handle.URL(nil, "missing", "i", string(rune('a'+i%26))); !errors.Is(err, urlfor.ErrUnknownEndpoint) {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestWithLogger(t *testing.T) {
	var buf bytes.Buffer
	r := mux.NewRouter()
	if _, err := Join(r, WithLogger(slog.New(slog.NewTextHandler(&buf, nil))), Namespace("logged")); err != nil {
		t.Fatal(err)
	}
	if _, err := core.New(r, []string{core.DefaultInvitePath}); err != nil {
		t.Fatal(err)
	}
	if out := buf.String(); !strings.Contains(out, "joined") || !strings.Contains(out, "namespace=logged") {
		t.Errorf("log: %q", out)
	}
}
