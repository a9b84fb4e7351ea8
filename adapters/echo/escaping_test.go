package partyecho

import (
	"testing"

	"github.com/labstack/echo/v4"
)

// TestWhatHandlersReceive pins, over real HTTP through http.StripPrefix,
// what echo's c.Param hands a handler (echo #1974): the raw, still escaped
// text when the request has a RawPath (net/url keeps one when the client's
// escaping differs from the one it would choose: "%2F", "%3B", "%2C",
// "%41"...), and the decoded text when it has none. urlfor escapes as
// net/url does, so only "%2F" in one segment gives a URL partyecho builds
// a RawPath. Unescaping c.Param always, as url.PathUnescape does, breaks
// decoded values that hold "%" ("100%", "a%2Fb"): Param unescapes only
// when the request has a RawPath, and recovers the value in every row.
func TestWhatHandlersReceive(t *testing.T) {
	e := echo.New()
	e.GET("/posts/:id", record)
	e.GET("/u/:id/files/*", record)
	mustJoin(t, e)
	_, srv := party(t, app{"/blog", e})

	tests := []struct {
		path      string // as sent, after /blog
		param     string
		raw       string // c.Param
		unescaped string // url.PathUnescape(c.Param)
		exact     string // Param
	}{
		{"/posts/a%2Fb", "id", "a%2Fb", "a/b", "a/b"},
		{"/posts/a%2fb", "id", "a%2fb", "a/b", "a/b"},
		{"/posts/a%20b", "id", "a b", "a b", "a b"},
		{"/posts/%C3%A9t%C3%A9", "id", "été", "été", "été"},
		{"/posts/été", "id", "été", "été", "été"}, // the client escapes it
		{"/posts/a%3Bb", "id", "a%3Bb", "a;b", "a;b"},
		{"/posts/a;b", "id", "a;b", "a;b", "a;b"},
		{"/posts/a,b", "id", "a,b", "a,b", "a,b"}, // as partyecho builds "a,b"
		{"/posts/a%2Cb", "id", "a%2Cb", "a,b", "a,b"},
		{"/posts/Smith,%20John", "id", "Smith, John", "Smith, John", "Smith, John"},
		{"/posts/a%2Fb%20c", "id", "a%2Fb%20c", "a/b c", "a/b c"},
		{"/posts/%41", "id", "%41", "A", "A"},
		{"/posts/a+b", "id", "a+b", "a+b", "a+b"},
		// A decoded "%": c.Param is the value, url.PathUnescape breaks it.
		{"/posts/100%25", "id", "100%", "!error: invalid URL escape \"%\"", "100%"},
		{"/posts/100%25-cotton", "id", "100%-cotton", "!error: invalid URL escape \"%-c\"", "100%-cotton"},
		{"/posts/%252F", "id", "%2F", "/", "%2F"},
		{"/posts/a%252Fb", "id", "a%2Fb", "a/b", "a%2Fb"},
		// A "%2F" anywhere in the path makes every value raw, here the
		// wildcard's "%20" too.
		{"/u/a%2Fb/files/x%20y/z", "*", "x%20y/z", "x y/z", "x y/z"},
		{"/u/ab/files/x%20y/z", "*", "x y/z", "x y/z", "x y/z"},
		{"/u/a%2Fb/files/x%20y/z", "id", "a%2Fb", "a/b", "a/b"},
	}
	for _, tt := range tests {
		s := getSeen(t, srv, "/blog"+tt.path)
		if s.Raw[tt.param] != tt.raw || s.Unescaped[tt.param] != tt.unescaped || s.Exact[tt.param] != tt.exact {
			t.Errorf("%s: c.Param(%q) = %q, url.PathUnescape = %q, Param = %q; want %q, %q, %q",
				tt.path, tt.param, s.Raw[tt.param], s.Unescaped[tt.param], s.Exact[tt.param], tt.raw, tt.unescaped, tt.exact)
		}
	}
}
