package partyfiber_test

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
	partyfiber "github.com/partyline-go/partyline/adapters/fiber"
	"github.com/partyline-go/partyline/urlfor"
)

// roundTripRoutes are the patterns FuzzRoundTrip builds and requests: one
// of each shape of fiber's dialect. params are the keys c.Params knows.
var roundTripRoutes = []struct {
	name, pattern string
	params        []string
}{
	{"param", "/p/:id", []string{"id"}},
	{"optional", "/opt/:name?", []string{"name"}},
	{"star", "/files/*", []string{"*1"}},
	{"plus", "/plus/+", []string{"+1"}},
	{"adjacent", "/range/:from-:to", []string{"from", "to"}},
	{"file", "/f/:file.:ext", []string{"file", "ext"}},
	{"int", "/int/:id<int>", []string{"id"}},
	{"regex", `/re/:code<regex(^[a-z]{2}[0-9]+$)>`, []string{"code"}},
	{"length", "/len/:s<minLen(2);maxLen(5)>", []string{"s"}},
	{"min", "/min/:n<min(10)>", []string{"n"}},
	{"alpha", "/alpha/:w<alpha>", []string{"w"}},
	{"inside", "/mid/*/tail", []string{"*1"}},
	{"letterstop", `/esc/:a\bc`, []string{"a"}},
	{"hexstop", `/hex/:a\1f`, []string{"a"}},
	{"dot", "/dot/:a.json", []string{"a"}},
	{"case", "/Mixed/Case/:v", []string{"v"}},
	{"colon", `/v1/some\:thing/:id`, []string{"id"}},
	{"midopt", "/o/:a?/c", []string{"a"}},
	{"short", "/s/*", []string{"*1"}},
	{"bool", "/b/:x<bool>", []string{"x"}},
}

// roundTripApps are the fiber configurations under test, by namespace.
var roundTripApps = []struct {
	ns  string
	cfg fiber.Config
}{
	{"legacy", fiber.Config{}}, // fiber's defaults: raw path, case-insensitive, not strict
	{"decoded", fiber.Config{UnescapePath: true}},
	{"strict", fiber.Config{UnescapePath: true, CaseSensitive: true, StrictRouting: true}},
	{"rawstrict", fiber.Config{CaseSensitive: true, StrictRouting: true}},
}

// echo answers with the route's name, its parameters as partyfiber.Param
// and c.Params give them (Go-quoted: any bytes survive JSON), and the
// query value "q".
func echo(c *fiber.Ctx) error {
	params, native := map[string]string{}, map[string]string{}
	for _, p := range c.Route().Params {
		v, err := partyfiber.Param(c, p)
		if err != nil {
			v = "error: " + err.Error()
		}
		params[p], native[p] = strconv.Quote(v), strconv.Quote(c.Params(p))
	}
	return c.JSON(map[string]any{"route": c.Route().Name, "params": params, "native": native, "q": strconv.Quote(c.Query("q"))})
}

type echoed struct {
	Route  string            `json:"route"`
	Params map[string]string `json:"params"`
	Native map[string]string `json:"native"`
	Q      string            `json:"q"`
}

// roundTripServer mounts one fiber app per configuration at /<ns> in a
// ServeMux behind http.StripPrefix, invited by core.New, on a real server.
func roundTripServer(t testing.TB) (*urlfor.Builder, string) {
	var mounts []mount
	for _, a := range roundTripApps {
		app := fiber.New(a.cfg)
		if _, err := partyfiber.Join(app); err != nil {
			t.Fatal(err)
		}
		// Static siblings registered before "/p/:id" take "new" and
		// "latest" from it (siblings.go).
		app.Get("/p/new", echo).Name("pnew")
		app.Get("/p/Latest", echo).Name("platest")
		for _, r := range roundTripRoutes {
			app.Get(r.pattern, echo).Name(r.name)
		}
		mounts = append(mounts, mount{"/" + a.ns, partyfiber.Handler(app)})
	}
	p := newParty(t, mounts...)
	return urlfor.New(p), serve(t, p).URL
}

// FuzzRoundTrip is the round-trip law: for any values, URL either fails
// with a typed error, or builds a URL that, requested through core.New,
// http.ServeMux, http.StripPrefix and the bridge on a real server, reaches
// the same route with the same values, read with partyfiber.Param; and
// through c.Params too, with UnescapePath or where urlfor wrote the value
// as it is. The query value q comes back through c.Query.
func FuzzRoundTrip(f *testing.F) {
	seeds := []string{"", " ", "a b", "/", "a/b", "%2F", "%", "%zz", "?", "#", "..", ".", "é", "日本",
		"{id}", ":id", "+", "a+b", ";", "~", "-", "a-b", "a.b", "x.json", "B", "bc", "1f", "%31f", "\n",
		"12", "007", "-3", "ab12", "AbC", "true", "T", "//", "a//b", "a/./b", "a/../b", "tail", "/tail",
		"\x00", "\xff", "@:=$&", "!'()*,", "%41", "abcdef", "new", "NEW", "latest", "LaTeSt", "a,b", "Smith, John", "100%-cotton"}
	for i := range roundTripRoutes {
		for j, s := range seeds {
			f.Add(uint8(i), s, seeds[(j+i)%len(seeds)])
		}
	}
	b, base := roundTripServer(f)
	client := &http.Client{Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	f.Fuzz(func(t *testing.T, sel uint8, v1, v2 string) {
		if len(v1)+len(v2) > 64 {
			// Long values add nothing to escaping but slow the engine's
			// minimization, which makes 4 HTTP requests per try.
			return
		}
		roundTrip(t, b, base, client, sel, v1, v2)
	})
}

// roundTrip checks the law for one input.
func roundTrip(t testing.TB, b *urlfor.Builder, base string, client *http.Client, sel uint8, v1, v2 string) {
	{
		r := roundTripRoutes[int(sel)%len(roundTripRoutes)]
		want := map[string]string{}
		var pairs []string
		for i, p := range r.params {
			v := v1
			if i == 1 {
				v = v2
			}
			if v == "" && (r.name == "optional" || r.name == "midopt") {
				want[p] = ""
				continue // leave the optional parameter out
			}
			want[p] = v
			pairs = append(pairs, p, v)
		}
		pairs = append(pairs, "q", v2)
		for _, a := range roundTripApps {
			u, err := b.URL(a.ns+":"+r.name, pairs...)
			if err != nil {
				if !errors.Is(err, urlfor.ErrInvalidParam) && !errors.Is(err, urlfor.ErrMissingParam) {
					t.Fatalf("%s:%s %q: untyped error %v", a.ns, r.name, pairs, err)
				}
				continue
			}
			resp, err := client.Get(base + u)
			if err != nil {
				t.Fatalf("%s:%s %q: GET %s: %v", a.ns, r.name, pairs, u, err)
			}
			var got echoed
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err == nil {
				err = json.Unmarshal(body, &got)
			}
			if resp.StatusCode != http.StatusOK || err != nil {
				t.Fatalf("%s:%s %q: GET %s: %d, %v", a.ns, r.name, pairs, u, resp.StatusCode, err)
			}
			if got.Route != r.name {
				t.Fatalf("%s:%s %q: GET %s reached route %q", a.ns, r.name, pairs, u, got.Route)
			}
			for p, w := range want {
				if g, err := strconv.Unquote(got.Params[p]); err != nil || g != w {
					t.Fatalf("%s:%s: GET %s: Param %q = %s, want %q", a.ns, r.name, u, p, got.Params[p], w)
				}
				wildcard := strings.HasSuffix(r.pattern, "*") || strings.HasSuffix(r.pattern, "+") // a greedy parameter elsewhere is a Param
				native := a.cfg.UnescapePath || writtenRaw(w, wildcard)
				if g, err := strconv.Unquote(got.Native[p]); native && (err != nil || g != w) {
					t.Fatalf("%s:%s: GET %s: c.Params(%q) = %s, want %q", a.ns, r.name, u, p, got.Native[p], w)
				}
			}
			if q, _ := strconv.Unquote(got.Q); q != v2 {
				t.Fatalf("%s:%s: GET %s: q = %q, want %q", a.ns, r.name, u, got.Q, v2)
			}
		}
	}
}
