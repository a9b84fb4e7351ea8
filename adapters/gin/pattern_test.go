package partygin

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"testing"

	"github.com/gin-gonic/gin"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

func init() { gin.SetMode(gin.TestMode) }

var (
	lit      = adapterkit.Lit
	param    = adapterkit.P
	catchAll = adapterkit.Wild
)

func toks(t ...adapterkit.Token) []adapterkit.Token { return t }
func kv(pairs ...string) []string                   { return pairs }

// TestParsePattern checks the parser against gin's own syntax: every
// pattern the parser accepts, gin registers, and the URL built from the
// template reaches that route with the values given (gin's catch-all value
// starts with "/"); every pattern the parser refuses, gin panics on.
func TestParsePattern(t *testing.T) {
	tests := []struct {
		pattern string
		want    []adapterkit.Token
		pairs   []string          // values to build with
		url     string            // the URL they build
		params  map[string]string // what gin hands the handler
		joined  bool              // gin joins it to the group's base path, so never lists it
	}{
		{pattern: "/", want: toks(lit("/")), url: "/"},
		{pattern: "/posts", want: toks(lit("/posts")), url: "/posts"},
		{pattern: "/posts/", want: toks(lit("/posts/")), url: "/posts/"},
		{pattern: "/posts/:id", want: toks(lit("/posts/"), param("id")),
			pairs: kv("id", "7"), url: "/posts/7", params: map[string]string{"id": "7"}},
		{pattern: "/posts/:id/", want: toks(lit("/posts/"), param("id"), lit("/")),
			pairs: kv("id", "a b"), url: "/posts/a%20b/", params: map[string]string{"id": "a b"}},
		{pattern: "/posts/:id/comments/:cid", want: toks(lit("/posts/"), param("id"), lit("/comments/"), param("cid")),
			pairs: kv("id", "7", "cid", "é"), url: "/posts/7/comments/%C3%A9", params: map[string]string{"id": "7", "cid": "é"}},
		{pattern: "/user_:name", want: toks(lit("/user_"), param("name")),
			pairs: kv("name", "bob"), url: "/user_bob", params: map[string]string{"name": "bob"}},
		// gin's parameter name runs to the next "/": this one is "name.json".
		{pattern: "/files/:name.json", want: toks(lit("/files/"), param("name.json")),
			pairs: kv("name.json", "a"), url: "/files/a", params: map[string]string{"name.json": "a"}},
		{pattern: "/src/*filepath", want: toks(lit("/src/"), catchAll("filepath")),
			pairs: kv("filepath", "/css/site.css"), url: "/src/css/site.css", params: map[string]string{"filepath": "/css/site.css"}},
		{pattern: "/src/*filepath", want: toks(lit("/src/"), catchAll("filepath")),
			pairs: kv("filepath", "css/a b.css"), url: "/src/css/a%20b.css", params: map[string]string{"filepath": "/css/a b.css"}},
		{pattern: "/src/*filepath", want: toks(lit("/src/"), catchAll("filepath")),
			pairs: kv("filepath", ""), url: "/src/", params: map[string]string{"filepath": "/"}},
		{pattern: "/*any", want: toks(lit("/"), catchAll("any")),
			pairs: kv("any", "a/b"), url: "/a/b", params: map[string]string{"any": "/a/b"}},
		{pattern: "/v1/:kind/*rest", want: toks(lit("/v1/"), param("kind"), lit("/"), catchAll("rest")),
			pairs: kv("kind", "x", "rest", "/y"), url: "/v1/x/y", params: map[string]string{"kind": "x", "rest": "/y"}},
		// gin 1.10's escaped colon is a literal ":".
		{pattern: `/a\:b`, want: toks(lit("/a:b")), url: "/a:b"},
		{pattern: `/rpc/v1\:call/:id`, want: toks(lit("/rpc/v1:call/"), param("id")),
			pairs: kv("id", "9"), url: "/rpc/v1:call/9", params: map[string]string{"id": "9"}},

		// gin makes "/posts" of these (joinPaths), and lists that.
		{pattern: "posts", joined: true},
		{pattern: "", joined: true},
		// gin panics on all of these.
		{pattern: "/:"},
		{pattern: "/*"},
		{pattern: "/:a:b"},
		{pattern: "/:a*b"},
		{pattern: "/src/*p/x"},
		{pattern: "/src*p"},
		{pattern: `/a\b`},
		{pattern: `/x/:id\:y`},
	}
	for _, tt := range tests {
		t.Run(tt.pattern, func(t *testing.T) {
			got, err := parsePattern(tt.pattern)
			ginPanic := registers(tt.pattern)
			if tt.want == nil {
				if !errors.Is(err, urlfor.ErrInvalidTemplate) {
					t.Fatalf("parsePattern = %v, %v; want an error wrapping ErrInvalidTemplate", got, err)
				}
				if ginPanic == nil && !tt.joined {
					t.Fatalf("parser refuses %q but gin registers it", tt.pattern)
				}
				return
			}
			if err != nil {
				t.Fatalf("parsePattern: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("parsePattern = %#v\nwant %#v", got, tt.want)
			}
			if ginPanic != nil {
				t.Fatalf("parser accepts %q but gin panics: %v", tt.pattern, ginPanic)
			}
			tmpl, err := urlfor.NewTemplate(tt.pattern, parts(got, modeDecoded, nil), modeDecoded.templateOptions(false)...)
			if err != nil {
				t.Fatalf("NewTemplate: %v", err)
			}
			u, err := tmpl.Build(tt.pairs...)
			if err != nil || u != tt.url {
				t.Fatalf("Build = %q, %v; want %q", u, err, tt.url)
			}
			// Gin, serving the URL, finds the route and the values.
			e := gin.New()
			var fullPath string
			var params map[string]string
			e.GET(tt.pattern, func(c *gin.Context) {
				fullPath = c.FullPath()
				params = map[string]string{}
				for _, p := range c.Params {
					params[p.Key] = p.Value
				}
			})
			rec := httptest.NewRecorder()
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			req.URL, err = url.Parse(u)
			if err != nil {
				t.Fatal(err)
			}
			req.RequestURI = u
			e.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				t.Fatalf("GET %s: %d", u, rec.Code)
			}
			if tt.params == nil {
				tt.params = map[string]string{}
			}
			if !reflect.DeepEqual(params, tt.params) {
				t.Fatalf("GET %s: params %v, want %v (route %s)", u, params, tt.params, fullPath)
			}
		})
	}
}

// registers returns what gin panics with when registering pattern, or nil.
func registers(pattern string) (v any) {
	defer func() { v = recover() }()
	gin.New().GET(pattern, func(*gin.Context) {})
	return nil
}

// TestPartsConstraints checks that the values other routes take, and the
// mode's refusals in a catch-all, reach the right parts.
func TestPartsConstraints(t *testing.T) {
	s := toks(lit("/a!/"), param("id"), lit("/"), catchAll("rest"))
	taken := [][]urlfor.Taken{1: {{By: "GET /a!/x/*rest", Values: []string{"x"}}}}
	tmpl, err := urlfor.NewTemplate("/a!/:id/*rest", parts(s, modeRawUnescape, taken))
	if err != nil {
		t.Fatal(err)
	}
	if u, err := tmpl.Build("id", "12", "rest", "x/y"); err != nil || u != "/a!/12/x/y" {
		t.Fatalf("Build = %q, %v", u, err)
	}
	for _, pairs := range [][]string{{"id", "x", "rest", "y"}, {"id", "1", "rest", "a+b"}} {
		if u, err := tmpl.Build(pairs...); !errors.Is(err, urlfor.ErrInvalidParam) {
			t.Errorf("Build(%q) = %q, %v; want ErrInvalidParam", pairs, u, err)
		}
	}
}
