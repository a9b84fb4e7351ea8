package urlfor_test

import (
	"crypto/tls"
	"errors"
	"net/http/httptest"
	"testing"

	"github.com/partyline-go/partyline/urlfor"
)

func TestParseOrigin(t *testing.T) {
	good := map[string]urlfor.Origin{
		"https://example.com":       {Scheme: "https", Host: "example.com"},
		"http://localhost:8080/":    {Scheme: "http", Host: "localhost:8080"},
		"HTTPS://Example.com":       {Scheme: "https", Host: "Example.com"},
		"http://[::1]:8080":         {Scheme: "http", Host: "[::1]:8080"},
		"https://xn--bcher-kva.ch/": {Scheme: "https", Host: "xn--bcher-kva.ch"},
	}
	for s, want := range good {
		got, err := urlfor.ParseOrigin(s)
		if err != nil || got != want {
			t.Errorf("ParseOrigin(%q) = %+v, %v; want %+v", s, got, err, want)
		}
	}
	if o, _ := urlfor.ParseOrigin("https://example.com"); o.String() != "https://example.com" {
		t.Errorf("String() = %q", o.String())
	}
	for _, s := range []string{
		"", "example.com", "//example.com", "ftp://example.com", "javascript://x", "https://",
		"https:///", "https://example.com/path", "https://example.com//", "https://user@example.com",
		"https://exa mple.com", "https://example.com?x", "https://example.com#x", `https://example.com\x`,
		"https://exa%6dple.com", "https://ex\x00ample.com", "https://exämple.com", "https://example.com\n",
	} {
		if got, err := urlfor.ParseOrigin(s); !errors.Is(err, urlfor.ErrBadCall) {
			t.Errorf("ParseOrigin(%q) = %+v, %v; want ErrBadCall", s, got, err)
		}
	}
}

func TestRequestOrigin(t *testing.T) {
	tests := []struct {
		name    string
		host    string
		tls     bool
		headers map[string]string
		trust   bool
		want    urlfor.Origin
	}{
		{"plain", "example.com", false, nil, false, urlfor.Origin{Scheme: "http", Host: "example.com"}},
		{"tls", "example.com:8443", true, nil, false, urlfor.Origin{Scheme: "https", Host: "example.com:8443"}},
		{"untrusted headers", "internal:8080", false, map[string]string{"X-Forwarded-Proto": "https", "X-Forwarded-Host": "evil.example"}, false,
			urlfor.Origin{Scheme: "http", Host: "internal:8080"}},
		{"trusted headers", "internal:8080", false, map[string]string{"X-Forwarded-Proto": "HTTPS", "X-Forwarded-Host": "www.example.com"}, true,
			urlfor.Origin{Scheme: "https", Host: "www.example.com"}},
		{"first value wins", "internal", false, map[string]string{"X-Forwarded-Proto": "https, http", "X-Forwarded-Host": " a.example , b.example"}, true,
			urlfor.Origin{Scheme: "https", Host: "a.example"}},
		{"trusted, only proto", "example.com", false, map[string]string{"X-Forwarded-Proto": "https"}, true,
			urlfor.Origin{Scheme: "https", Host: "example.com"}},
		{"trusted, no headers, tls", "example.com", true, nil, true, urlfor.Origin{Scheme: "https", Host: "example.com"}},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/", nil)
		r.Host = tt.host
		if tt.tls {
			r.TLS = &tls.ConnectionState{}
		}
		for k, v := range tt.headers {
			r.Header.Set(k, v)
		}
		got, err := urlfor.RequestOrigin(r, tt.trust)
		if err != nil || got != tt.want {
			t.Errorf("%s: RequestOrigin = %+v, %v; want %+v", tt.name, got, err, tt.want)
		}
	}
}

// Poisoned hosts and schemes are refused, never spliced into URLs.
func TestRequestOriginRefusesPoison(t *testing.T) {
	tests := []struct {
		name    string
		host    string
		headers map[string]string
	}{
		{"host with path", "evil.example/x", nil},
		{"host with userinfo", "good.example@evil.example", nil},
		{"host with space", "a b", nil},
		{"empty host", "", nil},
		{"forwarded host with path", "ok", map[string]string{"X-Forwarded-Host": "evil.example/@x"}},
		{"forwarded host with quote", "ok", map[string]string{"X-Forwarded-Host": `evil"><script>`}},
		{"forwarded host with backslash", "ok", map[string]string{"X-Forwarded-Host": `evil.example\@good`}},
		{"forwarded scheme", "ok", map[string]string{"X-Forwarded-Proto": "javascript"}},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/", nil)
		r.Host = tt.host
		for k, v := range tt.headers {
			r.Header.Set(k, v)
		}
		if got, err := urlfor.RequestOrigin(r, true); !errors.Is(err, urlfor.ErrBadCall) {
			t.Errorf("%s: RequestOrigin = %+v, %v; want ErrBadCall", tt.name, got, err)
		}
	}
}

// Absolute URLs carry the origin, then the mount prefix; never an origin
// taken from the pairs.
func TestAbsoluteURLs(t *testing.T) {
	s := newShopBlog(t)
	o, err := urlfor.ParseOrigin("https://example.com")
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.b.Build(&urlfor.Request{Name: "blog:post", Pairs: []string{"id", "7", "q", "x y"}, Fragment: "top", Origin: o})
	if err != nil || got != "https://example.com/blog/posts/7?q=x+y#top" {
		t.Errorf("Build = %q, %v", got, err)
	}
	got, err = s.b.Build(&urlfor.Request{Name: "cart", Origin: o})
	if err != nil || got != "https://example.com/cart" {
		t.Errorf("Build(cart) = %q, %v", got, err)
	}
	got, err = s.b.Build(&urlfor.Request{Name: "cart", Pairs: []string{"_external", "true", "host", "evil.example", "scheme", "https"}})
	if err != nil || got != "/cart?_external=true&host=evil.example&scheme=https" {
		t.Errorf("Build with origin-looking pairs = %q, %v", got, err)
	}
	r := httptest.NewRequest("GET", "/", nil)
	r.Host = "shop.example:8080"
	ro, err := urlfor.RequestOrigin(r, false)
	if err != nil {
		t.Fatal(err)
	}
	got, err = s.blogP.Build(&urlfor.Request{Name: "home", Origin: ro})
	if err != nil || got != "http://shop.example:8080/blog/" {
		t.Errorf("Participant.Build = %q, %v", got, err)
	}
}
