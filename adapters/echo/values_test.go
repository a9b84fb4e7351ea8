package partyecho

import (
	"errors"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/partyline-go/partyline/urlfor"
)

// TestHandlersReadValues: the values of issue 13, built by partyecho and
// requested over real HTTP through http.StripPrefix, reach the handler
// exactly through c.Param, as echo's users read them, and through Param;
// "/" inside one segment reaches it through Param (c.Param is raw there,
// see the package doc), and in the wildcard through c.Param too.
func TestHandlersReadValues(t *testing.T) {
	e := echo.New()
	e.GET("/items/:id", record).Name = "item"
	e.GET("/files/*", record).Name = "files"
	h := mustJoin(t, e)
	_, srv := party(t, app{"/shop", e})

	for _, tt := range []struct {
		name, key, value string
		native           bool // c.Param is the value
	}{
		{"item", "id", "100%", true},
		{"item", "id", "100%-cotton", true},
		{"item", "id", "%2F", true},
		{"item", "id", "a,b", true},
		{"item", "id", "Smith, John", true},
		{"item", "id", "a;b=c", true},
		{"item", "id", "a/b", false},
		{"files", "*", "100%/a,b/Smith, John", true},
		{"files", "*", "a/b", true},
		{"files", "*", "%2F/x", true},
	} {
		u, err := h.URL(nil, tt.name, tt.key, tt.value)
		if err != nil {
			t.Errorf("%s %q: %v", tt.name, tt.value, err)
			continue
		}
		s := getSeen(t, srv, u)
		if s.Exact[tt.key] != tt.value || tt.native && s.Raw[tt.key] != tt.value {
			t.Errorf("GET %s: c.Param(%q) = %q, Param = %q; want %q (c.Param exact: %v)", u, tt.key, s.Raw[tt.key], s.Exact[tt.key], tt.value, tt.native)
		}
		if !tt.native && s.Raw[tt.key] == tt.value {
			t.Errorf("GET %s: c.Param(%q) = %q: exact where the package doc says raw", u, tt.key, s.Raw[tt.key])
		}
	}
}

// TestStaticTextWritten: static text that net/url writes otherwise
// ("/café", "/c d", "/c%20d") is written as net/url writes it, which echo
// meets in the decoded path, over real HTTP; "/" in a parameter of such a
// route, whose "%2F" would give the request a RawPath where echo cannot
// meet that text, is refused.
func TestStaticTextWritten(t *testing.T) {
	e := echo.New()
	e.GET("/café/:id/edit", record).Name = "cafe"
	e.GET("/c d/:id", record).Name = "space"
	e.GET("/c%20d/:id/edit", record).Name = "escaped"
	e.GET("/café/files/*", record).Name = "files"
	h := mustJoin(t, e)
	_, srv := party(t, app{"/blog", e})
	for _, tt := range []struct{ name, route, key, value, want string }{
		{"cafe", "/café/:id/edit", "id", "100%", "/blog/caf%C3%A9/100%25/edit"},
		{"space", "/c d/:id", "id", "x y", "/blog/c%20d/x%20y"},
		{"escaped", "/c%20d/:id/edit", "id", "a,b", "/blog/c%2520d/a,b/edit"},
		{"files", "/café/files/*", "*", "a/b c", "/blog/caf%C3%A9/files/a/b%20c"},
	} {
		u, err := h.URL(nil, tt.name, tt.key, tt.value)
		if err != nil || u != tt.want {
			t.Errorf("URL(%s, %q) = %q, %v; want %q", tt.name, tt.value, u, err, tt.want)
			continue
		}
		if s := getSeen(t, srv, u); s.Route != tt.route || s.Exact[tt.key] != tt.value || s.Raw[tt.key] != tt.value {
			t.Errorf("GET %s reached %q with c.Param %q, Param %q; want %q", u, s.Route, s.Raw[tt.key], s.Exact[tt.key], tt.value)
		}
	}
	for _, name := range []string{"cafe", "space", "escaped"} {
		u, err := h.URL(nil, name, "id", "a/b")
		var pe *urlfor.ParamError
		if !errors.As(err, &pe) {
			t.Errorf("URL(%s, a/b) = %q, %v; want a *urlfor.ParamError", name, u, err)
		}
	}
}
