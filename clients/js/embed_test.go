package partylinejs

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHandler(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	etag := resp.Header.Get("ETag")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/javascript") || etag == "" || resp.ContentLength != int64(len(Module)) {
		t.Fatalf("GET: %s %q", resp.Status, resp.Header)
	}
	req, _ := http.NewRequest("GET", srv.URL, nil)
	req.Header.Set("If-None-Match", etag)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusNotModified {
		t.Errorf("revalidation: %v %v", resp, err)
	}
	if resp, err := http.Post(srv.URL, "text/plain", nil); err != nil || resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %v %v", resp, err)
	}
	if !strings.Contains(string(Module), "export function urlFor") && !strings.Contains(string(Module), "export { urlFor") {
		t.Error("Module does not export urlFor")
	}
}
