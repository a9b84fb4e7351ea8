package adaptertest

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// testHosts checks the host policy of AbsoluteURL (adapterkit's
// AllowedHosts, CanonicalOrigin, TrustProxy): a host comes from
// configuration or an allow-list, never blindly from a header; without a
// policy only a plain host (a DNS name or an IP literal, with a port) is
// taken from the request.
func (s *suite) testHosts(t *testing.T) {
	s.requireDialect(t, itemRoute)
	routes := []Route{itemRoute}
	const path = "/mnt/items/7"
	type req struct {
		host   string
		header map[string]string
	}
	for _, c := range []struct {
		name string
		kit  []adapterkit.Option
		req  req
		want string // "" when AbsoluteURL must fail
	}{
		{"plain host", nil, req{host: "example.com:8080"}, "http://example.com:8080" + path},
		{"no policy refuses a reg-name host", nil, req{host: "x'onmouseover='alert(1)"}, ""},
		{"no policy ignores X-Forwarded-Host", nil, req{host: "example.com", header: map[string]string{"X-Forwarded-Host": "evil.example"}}, "http://example.com" + path},
		{"allowed host", []adapterkit.Option{adapterkit.AllowedHosts("example.com", ".example.org")}, req{host: "EXAMPLE.com:8080"}, "http://EXAMPLE.com:8080" + path},
		{"allowed subdomain", []adapterkit.Option{adapterkit.AllowedHosts("example.com", ".example.org")}, req{host: "a.example.org"}, "http://a.example.org" + path},
		{"unlisted host falls back to the first", []adapterkit.Option{adapterkit.AllowedHosts("example.com", ".example.org")}, req{host: "evil.example"}, "http://example.com" + path},
		{"malformed host falls back to the first", []adapterkit.Option{adapterkit.AllowedHosts("example.com")}, req{host: "x'onmouseover='alert(1)"}, "http://example.com" + path},
		{"unlisted host, pattern first", []adapterkit.Option{adapterkit.AllowedHosts("*.example.org")}, req{host: "evil.example"}, ""},
		{"proxy trusted and policed", []adapterkit.Option{adapterkit.TrustProxy(), adapterkit.AllowedHosts("example.com")}, req{host: "internal", header: map[string]string{"X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https"}}, "https://example.com" + path},
		{"proxy trusted, listed host", []adapterkit.Option{adapterkit.TrustProxy(), adapterkit.AllowedHosts("example.com")}, req{host: "internal", header: map[string]string{"X-Forwarded-Host": "example.com", "X-Forwarded-Proto": "https"}}, "https://example.com" + path},
		{"canonical origin", []adapterkit.Option{adapterkit.CanonicalOrigin("https://www.example.com")}, req{host: "evil.example"}, "https://www.example.com" + path},
	} {
		t.Run(c.name, func(t *testing.T) {
			const rule = "absolute URLs take their host from CanonicalOrigin, AllowedHosts, or a plain request host, never blindly from a header"
			app := s.newApp(t, routes, Options{Namespace: "mnt", Kit: c.kit})
			pt := s.serve(t, mount{prefix: "/mnt", app: app})
			e, err := s.getWithHost(pt, path, c.req.host, c.req.header)
			if err != nil {
				t.Fatalf("GET %s with Host %q: %v", path, c.req.host, err)
			}
			switch {
			case c.want == "" && strings.Contains(e.Absolute, "://"):
				t.Errorf("%s: AbsoluteURL with Host %q, headers %q = %q, want an error", rule, c.req.host, c.req.header, e.Absolute)
			case c.want != "" && e.Absolute != c.want:
				t.Errorf("%s: AbsoluteURL with Host %q, headers %q = %q, want %q (the driver's handler must set Echo.Absolute)", rule, c.req.host, c.req.header, e.Absolute, c.want)
			}
		})
	}
	t.Run("malformed options", func(t *testing.T) {
		for _, kit := range [][]adapterkit.Option{
			{adapterkit.AllowedHosts("bad host")},
			{adapterkit.AllowedHosts("evil.com/x")},
			{adapterkit.CanonicalOrigin("ftp://example.com")},
			{adapterkit.CanonicalOrigin("https://x'y")},
		} {
			if _, err := s.d.NewApp(t, routes, Options{Kit: kit}); !errors.Is(err, adapterkit.ErrInvalidOption) {
				t.Errorf("Join with a malformed host option: %v, want adapterkit.ErrInvalidOption", err)
			}
		}
	})
}

// getWithHost sends GET path with the Host header host and headers, and
// reads the Echo.
func (s *suite) getWithHost(pt *party, path, host string, headers map[string]string) (Echo, error) {
	req, err := http.NewRequest(http.MethodGet, pt.srv.URL+path, nil)
	if err != nil {
		return Echo{}, err
	}
	req.Host = host
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return Echo{}, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return Echo{}, err
	}
	if resp.StatusCode != http.StatusOK {
		return Echo{}, errors.New(resp.Status + ": " + snippet(body))
	}
	return readEcho(body)
}
