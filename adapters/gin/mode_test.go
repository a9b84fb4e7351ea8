package partygin_test

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
	partygin "github.com/partyline-go/partyline/adapters/gin"
	"github.com/partyline-go/partyline/urlfor"
)

// TestLawHoldsForOrdinaryValues makes sure the law is not kept by refusing:
// ordinary values build, in every mode, for every route, and round-trip.
func TestLawHoldsForOrdinaryValues(t *testing.T) {
	srv, handles := lawParty(t)
	for i, h := range handles {
		m := modeOfHandle(i)
		for _, r := range lawRoutesOf(i) {
			for _, v := range []string{"7", "a b", "é€", "{id}", ":id", "a;b,c", "!'()*", "100%x"} {
				if strings.Contains(v, "%") && m.rawWithRawPath && r.rawPath {
					continue // refused there, see TestModeRefusals
				}
				var pairs []string
				for _, p := range r.params {
					pairs = append(pairs, strings.TrimPrefix(p, "*"), v)
				}
				if _, err := h.URL(nil, r.name, pairs...); err != nil {
					t.Errorf("%s: URL(%s, %q): %v", m.name, r.name, v, err)
					continue
				}
				checkLaw(t, srv.Client(), srv, h, m, r, []string{v})
			}
		}
	}
}

// TestModeRefusals checks what each engine mode refuses, and why: gin's
// own behaviour for the refused values. URLs partyline builds are written
// as net/url writes paths, so requests for them have no RawPath unless the
// route's literal text keeps one ("/bang!/...": net/url escapes "!",
// clients send it raw).
func TestModeRefusals(t *testing.T) {
	tests := []struct {
		mode         string
		paramRefuses string // bytes a :param value may not hold
		wildRefuses  string // bytes a *catch-all value may not hold
		// the same in a route whose URLs keep a RawPath
		rawParamRefuses, rawWildRefuses string
	}{
		{"default", "/", "", "/", ""},
		{"RemoveExtraSlash+RedirectFixedPath-RedirectTrailingSlash", "/", "", "/", ""},
		{"UseRawPath", "/", "", "/+", "+"},
		{"UseRawPath-UnescapePathValues", "/", "", "/%", "%"},
		{"UseEscapedPath", "/+", "+", "/+", "+"},
		{"UseEscapedPath-UnescapePathValues", "/", "", "/", ""},
	}
	srv, handles := lawParty(t)
	for i, tt := range tests {
		m, h := engineModes[i], handles[i]
		if m.name != tt.mode {
			t.Fatalf("mode %d is %s, want %s", i, m.name, tt.mode)
		}
		refused := func(what string, refuses string, c rune, pairs ...string) {
			t.Helper()
			_, err := h.URL(nil, pairs[0], pairs[1:]...)
			if want := strings.ContainsRune(refuses, c); want != errors.Is(err, urlfor.ErrInvalidParam) {
				t.Errorf("%s: URL(%s %q): %v, want refused %v", m.name, what, pairs, err, want)
			}
		}
		for _, c := range "/+%" {
			v := "a" + string(c) + "b"
			refused(":param", tt.paramRefuses, c, "one", "id", v)
			refused("*catch-all", tt.wildRefuses, c, "wild", "rest", v)
			refused(":param with a RawPath", tt.rawParamRefuses, c, "bang", "id", v, "rest", "x")
			refused("*catch-all with a RawPath", tt.rawWildRefuses, c, "bang", "id", "x", "rest", v)
		}
	}

	// Why: what gin hands a handler for requests we would not build, and
	// for those we build.
	why := []struct {
		mode, path, want string
		status           int
	}{
		// The decoded path has a "/" where the value had "%2F".
		{"default", "/one/a%2Fb", "", http.StatusNotFound},
		// Without a RawPath gin matches the decoded path and unescapes
		// nothing: "+" and "%" are safe.
		{"UseRawPath", "/one/a+b,c;%25", "a+b,c;%", http.StatusOK},
		{"UseRawPath-UnescapePathValues", "/one/100%25", "100%", http.StatusOK},
		// With one, gin unescapes raw values with url.QueryUnescape: "+" is
		// a space.
		{"UseRawPath", "/bang!/a+b/x", "a b", http.StatusOK},
		{"UseEscapedPath", "/one/a+b", "a b", http.StatusOK},
		// Or hands them raw; a client that escapes the "!" of the literal
		// sends no RawPath, and the value comes decoded: a value with "%"
		// cannot be told apart.
		{"UseRawPath-UnescapePathValues", "/bang!/100%25/x", "100%25", http.StatusOK},
		{"UseRawPath-UnescapePathValues", "/bang%21/100%25/x", "100%", http.StatusOK},
		// The escaped path, always.
		{"UseEscapedPath-UnescapePathValues", "/one/a%2Fb+", "a%2Fb+", http.StatusOK},
	}
	for _, w := range why {
		i := modeIndex(t, w.mode)
		resp, body := get(t, noRedirects, srv, "/m"+string(rune('0'+i))+w.path)
		if resp.StatusCode != w.status {
			t.Errorf("%s: GET %s: %d, want %d", w.mode, w.path, resp.StatusCode, w.status)
			continue
		}
		if w.status == http.StatusOK {
			if got := follow(t, srv, "/m"+string(rune('0'+i))+w.path); got.Params["id"] != w.want {
				t.Errorf("%s: GET %s: id %q, want %q (%s)", w.mode, w.path, got.Params["id"], w.want, body)
			}
		}
	}
}

func modeIndex(t *testing.T, name string) int {
	for i, m := range engineModes {
		if m.name == name {
			return i
		}
	}
	t.Fatalf("no mode %s", name)
	return 0
}

// TestLiteralsClientsEscape: a route whose literal text clients
// percent-encode ("café") is reachable where gin matches the decoded path:
// by default, and with UseRawPath, as the URLs we build carry no RawPath.
// Where gin matches the escaped path, the request's "caf%C3%A9" never
// matches the literal, and the route is listed with an error; so it is
// with UseRawPath when the literal also keeps a RawPath ("!"), as a browser
// sends "caf%C3%A9!".
func TestLiteralsClientsEscape(t *testing.T) {
	for _, m := range engineModes {
		e := gin.New()
		m.set(e)
		h, err := partygin.Join(e)
		if err != nil {
			t.Fatal(err)
		}
		h.Router(e).Named("cafe").GET("/café/:id", report)
		h.Router(e).Named("bang").GET("/café!/:id", report)
		_, srv := party(t, mount{"/app", e})
		escaped := e.UseEscapedPath
		u, err := h.URL(nil, "cafe", "id", "a,b")
		if escaped {
			if !errors.Is(err, urlfor.ErrInvalidTemplate) {
				t.Errorf("%s: URL(cafe) = %q, %v; want ErrInvalidTemplate", m.name, u, err)
			}
			if resp, _ := get(t, noRedirects, srv, "/app/caf%C3%A9/a,b"); resp.StatusCode != http.StatusNotFound {
				t.Errorf("%s: GET /app/caf%%C3%%A9/a,b: %d, want gin's 404", m.name, resp.StatusCode)
			}
		} else if err != nil {
			t.Errorf("%s: URL(cafe): %v", m.name, err)
		} else if got := follow(t, srv, u); got.Route != "/café/:id" || got.Params["id"] != "a,b" {
			t.Errorf("%s: GET %s reached %+v", m.name, u, got)
		}

		u, err = h.URL(nil, "bang", "id", "a")
		if escaped || e.UseRawPath {
			if !errors.Is(err, urlfor.ErrInvalidTemplate) {
				t.Errorf("%s: URL(bang) = %q, %v; want ErrInvalidTemplate", m.name, u, err)
			}
			if resp, _ := get(t, noRedirects, srv, "/app/caf%C3%A9!/a"); resp.StatusCode != http.StatusNotFound {
				t.Errorf("%s: GET /app/caf%%C3%%A9!/a: %d, want gin's 404", m.name, resp.StatusCode)
			}
		} else if err != nil {
			t.Errorf("%s: URL(bang): %v", m.name, err)
		} else if got := follow(t, srv, u); got.Route != "/café!/:id" || got.Params["id"] != "a" {
			t.Errorf("%s: GET %s reached %+v", m.name, u, got)
		}
	}
}

// TestLiteralsThatKeepARawPath: a route whose literal holds a byte clients
// send raw and net/url escapes gets URLs that keep a RawPath (Go's client
// escapes "^" and "|", browsers do not), so with UseRawPath gin hands it
// raw values: the templates refuse what that breaks ("+", "%") and the
// law holds for the rest, over real HTTP.
func TestLiteralsThatKeepARawPath(t *testing.T) {
	for _, raw := range []bool{false, true} { // UnescapePathValues false: raw values
		for _, b := range "!'()[]^|" {
			e := gin.New()
			e.UseRawPath, e.UnescapePathValues = true, !raw
			h, err := partygin.Join(e)
			if err != nil {
				t.Fatal(err)
			}
			pattern := "/x" + string(b) + "/:id"
			h.Router(e).Named("x").GET(pattern, func(c *gin.Context) {
				c.JSON(http.StatusOK, map[string]string{"id": c.Param("id"), "raw": c.Request.URL.RawPath})
			})
			_, srv := party(t, mount{"/app", e})
			for _, v := range []string{"a b", "a+b", "100%", "a,b;c"} {
				u, err := h.URL(nil, "x", "id", v)
				if refused := raw && strings.Contains(v, "%") || !raw && strings.Contains(v, "+"); refused {
					if !errors.Is(err, urlfor.ErrInvalidParam) {
						t.Errorf("raw %v, %s: URL(%q) = %q, %v; want it refused", raw, pattern, v, u, err)
					}
					continue
				}
				if err != nil {
					t.Errorf("raw %v, %s: URL(%q): %v", raw, pattern, v, err)
					continue
				}
				var got map[string]string
				getJSON(t, srvT{srv}, u, &got)
				if keeps := !strings.ContainsRune("^|", b); (got["raw"] != "") != keeps {
					t.Errorf("%s: GET %s kept RawPath %q, want one: %v", pattern, u, got["raw"], keeps)
				}
				id := got["id"]
				if raw {
					id, _ = url.PathUnescape(id)
				}
				if id != v {
					t.Errorf("raw %v, %s: GET %s: id %q (c.Param %q), want %q", raw, pattern, u, id, got["id"], v)
				}
			}
		}
	}
}
