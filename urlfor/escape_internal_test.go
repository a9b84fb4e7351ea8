package urlfor

import (
	"net/url"
	"strings"
	"testing"
)

// netPath is s written as part of a path the way net/url writes one
// (url.URL.EscapedPath): "/" stays the separator.
func netPath(s string) string { return (&url.URL{Path: "/" + s}).EscapedPath()[1:] }

// The byte classes agree with net/url for every byte: a path segment is
// escaped as net/url writes a path, "/" aside (see the package doc), a
// query key or value as url.QueryEscape.
func TestEscapeTablesMatchNetURL(t *testing.T) {
	for c := 0; c < 256; c++ {
		s := string([]byte{byte(c)})
		segment := netPath(s)
		if c == '/' {
			segment = "%2F"
		}
		if got := string(appendEscaped(nil, s, rawSegment)); got != segment {
			t.Errorf("segment %#02x: %q, net/url %q", c, got, segment)
		}
		if got, want := escapedLen(s, rawSegment), len(segment); got != want {
			t.Errorf("escapedLen segment %#02x = %d, want %d", c, got, want)
		}
		if got, want := string(appendEscaped(nil, s, rawQuery)), url.QueryEscape(s); got != want {
			t.Errorf("query %#02x: %q, url.QueryEscape %q", c, got, want)
		}
		if got, want := queryEscapedLen(s), len(url.QueryEscape(s)); got != want {
			t.Errorf("queryEscapedLen %#02x = %d, want %d", c, got, want)
		}
		// A wildcard is a segment that keeps "/".
		want := netPath(s)
		if got := string(appendEscaped(nil, s, rawPath)); got != want {
			t.Errorf("path %#02x: %q, want %q", c, got, want)
		}
		if got := escapedLen(s, rawPath); got != len(want) {
			t.Errorf("escapedLen path %#02x = %d, want %d", c, got, len(want))
		}
	}
}

// A fragment keeps what RFC 3986 §3.5 allows (pchar, "/" and "?") and what
// url.URL.String keeps; everything else, "%" and "#" included, is escaped.
func TestFragmentClass(t *testing.T) {
	const allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?"
	for c := 0; c < 256; c++ {
		s := string([]byte{byte(c)})
		got := string(appendEscaped(nil, s, rawFragment))
		raw := c < 0x80 && strings.IndexByte(allowed, byte(c)) >= 0
		if raw != (got == s) {
			t.Errorf("fragment %#02x: %q", c, got)
		}
		if !raw && got != "%"+string(upperhex[c>>4])+string(upperhex[c&15]) {
			t.Errorf("fragment %#02x escaped as %q", c, got)
		}
		// What we emit, net/url parses back.
		u, err := url.Parse("/x#" + got)
		if err != nil || u.Fragment != s {
			t.Errorf("fragment %#02x: url.Parse gives %q, %v", c, u.Fragment, err)
		}
	}
}

// Host labels: letters, digits and hyphens only.
func TestHostLabelClass(t *testing.T) {
	for c := 0; c < 256; c++ {
		b := byte(c)
		want := 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '-'
		if got := classes[c]&hostLabel != 0; got != want {
			t.Errorf("hostLabel %#02x = %v", c, got)
		}
	}
}

func TestCheckText(t *testing.T) {
	for s, want := range map[string]string{
		"":             "",
		"abc":          "",
		"café":         "",
		"日本🎉":          "",
		"a\x00":        "contains a NUL byte",
		"é\x00":        "contains a NUL byte",
		"\xff":         "is not valid UTF-8",
		"a\x00\xff":    "is not valid UTF-8",
		"\xed\xa0\x80": "is not valid UTF-8", // a surrogate
		"\xc0\xaf":     "is not valid UTF-8", // overlong "/"
	} {
		if got := checkText(s); got != want {
			t.Errorf("checkText(%q) = %q, want %q", s, got, want)
		}
	}
}
