package partygin_test

import (
	"errors"
	"net/http"
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
				if strings.Contains(v, "%") && m.name == "UseRawPath-UnescapePathValues" {
					continue // refused in that mode, see TestModeRefusals
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
// own behaviour for the refused values.
func TestModeRefusals(t *testing.T) {
	tests := []struct {
		mode         string
		paramRefuses string // bytes a :param value may not hold
		wildRefuses  string // bytes a *catch-all value may not hold
	}{
		{"default", "/", ""},
		{"RemoveExtraSlash+RedirectFixedPath-RedirectTrailingSlash", "/", ""},
		{"UseRawPath", "/+", "+"},
		{"UseRawPath-UnescapePathValues", "/%", "%"},
		{"UseEscapedPath", "/+", "+"},
		{"UseEscapedPath-UnescapePathValues", "/", ""},
	}
	srv, handles := lawParty(t)
	for i, tt := range tests {
		m, h := engineModes[i], handles[i]
		if m.name != tt.mode {
			t.Fatalf("mode %d is %s, want %s", i, m.name, tt.mode)
		}
		for _, c := range "/+%" {
			v := "a" + string(c) + "b"
			_, err := h.URL(nil, "one", "id", v)
			if refused := strings.ContainsRune(tt.paramRefuses, c); refused != errors.Is(err, urlfor.ErrInvalidParam) {
				t.Errorf("%s: URL(one, %q): %v, want refused %v", m.name, v, err, refused)
			}
			_, err = h.URL(nil, "wild", "rest", v)
			if refused := strings.ContainsRune(tt.wildRefuses, c); refused != errors.Is(err, urlfor.ErrInvalidParam) {
				t.Errorf("%s: URL(wild, %q): %v, want refused %v", m.name, v, err, refused)
			}
		}
	}

	// Why: what gin hands a handler for requests we would not build.
	why := []struct {
		mode, path, want string
		status           int
	}{
		// The decoded path has a "/" where the value had "%2F".
		{"default", "/one/a%2Fb", "", http.StatusNotFound},
		// gin unescapes raw values with url.QueryUnescape: "+" is a space.
		{"UseRawPath", "/one/a+b%2C", "a b,", http.StatusOK},
		{"UseEscapedPath", "/one/a+b", "a b", http.StatusOK},
		// Without a RawPath gin matches the decoded path and hands the
		// decoded value; with one, the raw value: "%" cannot be told apart.
		{"UseRawPath-UnescapePathValues", "/one/100%25", "100%", http.StatusOK},
		{"UseRawPath-UnescapePathValues", "/one/100%25%2C", "100%25%2C", http.StatusOK},
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

// TestRawModesRefuseLiteralsClientsEscape: in the raw modes gin compares
// the request's raw text with a route's literal, so a literal clients
// percent-encode ("café") is unreachable once a RawPath is set; such a
// route is listed with an error. In the default mode it works.
func TestRawModesRefuseLiteralsClientsEscape(t *testing.T) {
	for _, raw := range []bool{false, true} {
		e := gin.New()
		e.UseRawPath = raw
		h, err := partygin.Join(e)
		if err != nil {
			t.Fatal(err)
		}
		h.Router(e).Named("cafe").GET("/café/:id", report)
		_, srv := party(t, mount{"/app", e})
		u, err := h.URL(nil, "cafe", "id", "a,b")
		if raw {
			if !errors.Is(err, urlfor.ErrInvalidTemplate) {
				t.Errorf("UseRawPath: URL(cafe) = %q, %v; want ErrInvalidTemplate", u, err)
			}
			// The reason: with a RawPath (",": we send %2C), gin misses it.
			if resp, _ := get(t, noRedirects, srv, "/app/caf%C3%A9/a%2Cb"); resp.StatusCode != http.StatusNotFound {
				t.Errorf("UseRawPath: GET /app/caf%%C3%%A9/a%%2Cb: %d, want gin's 404", resp.StatusCode)
			}
			continue
		}
		if err != nil {
			t.Fatalf("URL(cafe): %v", err)
		}
		if got := follow(t, srv, u); got.Route != "/café/:id" || got.Params["id"] != "a,b" {
			t.Errorf("GET %s reached %+v", u, got)
		}
	}
}
