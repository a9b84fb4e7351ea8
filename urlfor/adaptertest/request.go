package adaptertest

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
)

// response is one answer of a test server.
type response struct {
	status   int
	location string
	body     []byte
}

// do sends method uri to srv exactly as uri is written. The client must
// not clean, re-escape or resolve it: uri goes into the request line as an
// opaque URL (url.URL.Opaque), which is how the browser or proxy in front
// of an app sends what the app emitted. A transport error (a control byte
// the client will not write, a reset) is returned as is.
func (s *suite) do(srv *httptest.Server, method, uri string) (response, error) {
	req, err := http.NewRequest(method, srv.URL, nil)
	if err != nil {
		return response{}, err
	}
	path, query, hasQuery := strings.Cut(uri, "?")
	req.URL.Opaque = path
	req.URL.RawQuery = query
	req.URL.ForceQuery = hasQuery && query == ""
	resp, err := s.client.Do(req)
	if err != nil {
		return response{}, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return response{}, err
	}
	return response{status: resp.StatusCode, location: resp.Header.Get("Location"), body: body}, nil
}

// snippet is the start of a body, for messages.
func snippet(b []byte) string {
	const n = 200
	s := strings.TrimSpace(string(b))
	if len(s) > n {
		s = s[:n] + "..."
	}
	return fmt.Sprintf("%q", s)
}
