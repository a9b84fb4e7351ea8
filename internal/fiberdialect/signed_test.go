package fiberdialect

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/partyline-go/partyline/urlfor"
)

func TestStickyValue(t *testing.T) {
	for _, c := range []struct {
		raw       string
		unescaped bool
		want      string
		ok        bool
	}{
		{"fr", false, "fr", true},
		{"a%2Fb", false, "a/b", true},
		{"a%2Fb", true, "a%2Fb", true},
		{"", false, "", false},    // no such parameter, or left out
		{"%zz", false, "", false}, // not from our URL
	} {
		got, ok := StickyValue(c.raw, c.unescaped)
		if got != c.want || ok != c.ok {
			t.Errorf("StickyValue(%q, %v) = %q, %v; want %q, %v", c.raw, c.unescaped, got, ok, c.want, c.ok)
		}
	}
}

// VerifySigned accepts what Signer.Middleware in front of the dispatcher
// accepts, given the path the app sees and the mount prefix.
func TestVerifySigned(t *testing.T) {
	s, err := urlfor.NewSigner(bytes.Repeat([]byte("k"), 32))
	if err != nil {
		t.Fatal(err)
	}
	signed, err := s.Sign("/blog/posts/a%2Fb%20c?x=1", time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	front := httptest.NewRequest("GET", signed, nil)
	if err := s.Verify(front); err != nil {
		t.Fatalf("Verify in front: %v", err)
	}
	local := []byte(front.URL.EscapedPath()[len("/blog"):])
	query := []byte(front.URL.RawQuery)
	if err := VerifySigned(s, &http.Request{Host: "example.com"}, "/blog", local, query); err != nil {
		t.Errorf("VerifySigned: %v", err)
	}
	for name, c := range map[string]struct {
		prefix      string
		path, query string
		want        error
	}{
		"no prefix":  {"", string(local), string(query), urlfor.ErrSignatureInvalid},
		"decoded":    {"/blog", "/posts/a/b c", string(query), urlfor.ErrSignatureInvalid},
		"bad escape": {"/blog", "/posts/a%zz", string(query), urlfor.ErrSignatureInvalid},
		"no query":   {"/blog", string(local), "", urlfor.ErrSignatureMissing},
	} {
		err := VerifySigned(s, &http.Request{Host: "example.com"}, c.prefix, []byte(c.path), []byte(c.query))
		if !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", name, err, c.want)
		}
	}
}
