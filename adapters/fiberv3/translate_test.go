package partyfiberv3

import (
	"errors"
	"io"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v3"
	"github.com/partyline-go/partyline/urlfor"
)

var (
	defaultMode = routerMode{}                                                  // fiber.New()
	decodedMode = routerMode{unescape: true}                                    // UnescapePath
	strictMode  = routerMode{unescape: true, caseSensitive: true, strict: true} // all three
	customMode  = routerMode{strict: true}                                      // with a custom constraint "even"
)

func (m routerMode) config() fiber.Config {
	return fiber.Config{UnescapePath: m.unescape, CaseSensitive: m.caseSensitive, StrictRouting: m.strict}
}

// even is a custom constraint (fiber v3's CustomConstraint).
type even struct{}

func (even) Name() string { return "even" }
func (even) Execute(v string, _ ...string) bool {
	n, err := strconv.Atoi(v)
	return err == nil && n%2 == 0
}

// newApp returns a fiber app of mode m (customMode registers "even").
func newApp(m routerMode) *fiber.App {
	app := fiber.New(m.config())
	if m == customMode {
		app.RegisterCustomConstraint(even{})
	}
	return app
}

// translate compiles a fiber pattern into its template, nothing refused.
func translate(pattern string, m routerMode) (*urlfor.Template, error) {
	tr, err := translateParts(pattern, m)
	if err != nil {
		return nil, err
	}
	return tr.template(nil)
}

// routeBack requests u from app (fiber's own server, in memory) and returns
// the status and the values c.Params gave, unescaped where fiber hands raw
// text.
func routeBack(t *testing.T, app *fiber.App, u string, m routerMode) (int, map[string]string) {
	t.Helper()
	resp, err := app.Test(httptest.NewRequest("GET", u, nil))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	vals := map[string]string{}
	for _, line := range strings.Split(strings.TrimSuffix(string(body), "\n"), "\n") {
		if line == "" {
			continue
		}
		k, q, _ := strings.Cut(line, "=")
		v, err := strconv.Unquote(q)
		if err != nil {
			t.Fatalf("GET %s: %q", u, body)
		}
		if !m.unescape {
			v, _ = url.PathUnescape(v)
		}
		vals[k] = v
	}
	return resp.StatusCode, vals
}

// echoParams answers with every parameter, one "key=quoted value" a line.
func echoParams(c fiber.Ctx) error {
	var b strings.Builder
	for _, p := range c.Route().Params {
		b.WriteString(p + "=" + strconv.Quote(c.Params(p)) + "\n")
	}
	return c.SendString(b.String())
}

// TestTranslate is the parser's table: fiber's own syntax, what we build
// for sample values, and (for every URL we build) fiber's router agreeing:
// the pattern is registered in a real fiber app, its Route.Params must be
// the parameter names we read, and the URL must reach the route with the
// values. Rows from partyfiber's table, with v3's differences added.
func TestTranslate(t *testing.T) {
	cases := []struct {
		pattern string
		mode    routerMode
		params  []string // as fiber's Route.Params names them
		pairs   []string
		want    string // the URL, or "missing", "invalid", "untranslatable"
	}{
		{"/users/:id", defaultMode, []string{"id"}, []string{"id", "7"}, "/users/7"},
		{"/users/:id", defaultMode, nil, []string{"id", "a/b c"}, "/users/a%2Fb%20c"},
		{"/users/:id", decodedMode, nil, []string{"id", "a/b"}, "invalid"}, // "%2F" routes as "/"
		{"/users/:id", decodedMode, nil, []string{"id", "a+b"}, "invalid"}, // "+" decodes to " "
		{"/users/:id", decodedMode, nil, []string{"id", "a b"}, "/users/a%20b"},
		{"/users/:id", defaultMode, nil, nil, "missing"}, // fiber's GetRouteURL would give "/users/"
		{"/users/:id/", defaultMode, []string{"id"}, []string{"id", "7"}, "/users/7"},
		{"/users/:id/", strictMode, []string{"id"}, []string{"id", "7"}, "/users/7/"},
		// optional
		{"/user/:name?", defaultMode, []string{"name"}, nil, "/user"},
		{"/user/:name?", defaultMode, nil, []string{"name", "bob"}, "/user/bob"},
		{"/user/:name?", strictMode, nil, nil, "/user"},
		{"/o/:a?/c", defaultMode, []string{"a"}, nil, "missing"}, // fiber needs "/o//c"
		{"/o/:a?/c", defaultMode, nil, []string{"a", "x"}, "/o/x/c"},
		{"/u/:name?", defaultMode, nil, nil, "missing"}, // "/u" is looked up outside the route's "/u/" bucket
		// greedy
		{"/files/*", defaultMode, []string{"*1"}, []string{"*1", "a/b c.txt"}, "/files/a/b%20c.txt"},
		{"/files/*", defaultMode, nil, nil, "/files/"},
		{"/files/*", decodedMode, nil, []string{"*1", "a+b"}, "invalid"},
		{"/s/*", defaultMode, nil, nil, "invalid"}, // "/s" would miss the "/s/" bucket: required
		{"/s/*", defaultMode, nil, []string{"*1", "x"}, "/s/x"},
		{"/plus/+", defaultMode, []string{"+1"}, []string{"+1", "a/b"}, "/plus/a/b"},
		{"/plus/+", defaultMode, nil, nil, "invalid"},
		{"/*", defaultMode, []string{"*1"}, []string{"*1", "x/y"}, "/x/y"},
		{"/mid/*/tail", defaultMode, []string{"*1"}, []string{"*1", "a/b"}, "/mid/a%2Fb/tail"},
		{"/mid/*/tail", decodedMode, nil, []string{"*1", "a/b"}, "invalid"},
		{"/a/*/b/*", defaultMode, []string{"*1", "*2"}, []string{"*1", "x", "*2", "y"}, "untranslatable"},
		{"/a/+/b/:c", defaultMode, []string{"+1", "c"}, []string{"+1", "x", "c", "y"}, "/a/x/b/y"},
		{"/g/*.txt", defaultMode, []string{"*1"}, []string{"*1", "notes"}, "/g/notes.txt"},
		{"/g/*.:ext", defaultMode, []string{"*1", "ext"}, []string{"*1", "notes", "ext", "md"}, "untranslatable"},
		// adjacent parameters
		{"/range/:from-:to", defaultMode, []string{"from", "to"}, []string{"from", "1", "to", "5"}, "/range/1-5"},
		{"/range/:from-:to", defaultMode, nil, []string{"from", "a-b", "to", "5"}, "invalid"},
		{"/range/:from-:to", defaultMode, nil, []string{"from", "a", "to", "b-c"}, "/range/a-b-c"},
		{"/f/:file.:ext", defaultMode, []string{"file", "ext"}, []string{"file", "report", "ext", "tar.gz"}, "/f/report.tar.gz"},
		{"/f/:file.:ext", defaultMode, nil, []string{"file", "a.b", "ext", "c"}, "invalid"},
		{"/ab/:a:b", defaultMode, []string{"a", "b"}, []string{"a", "x", "b", "y"}, "untranslatable"},
		// escapes
		{`/v1/some\:resource/:id`, defaultMode, []string{"id"}, []string{"id", "7"}, "/v1/some:resource/7"},
		{`/esc/:a\bc`, defaultMode, []string{"a"}, []string{"a", "xy"}, "/esc/xybc"},
		{`/esc/:a\bc`, defaultMode, nil, []string{"a", "xB"}, "invalid"}, // 'B' ends it in a case-insensitive app
		{`/esc/:a\bc`, strictMode, nil, []string{"a", "xB"}, "/esc/xBbc"},
		{`/esc/:a\bc`, defaultMode, nil, []string{"a", "x y"}, "invalid"},                              // "%20" has no 'b', but "%0B" would
		{"/a+b/:x", defaultMode, []string{"+1", "x"}, []string{"+1", "p", "x", "1"}, "untranslatable"}, // "+" starts a greedy parameter
		// literals
		{"/Mixed/Case", defaultMode, nil, nil, "/Mixed/Case"},
		{"/caf\u00e9/:x", defaultMode, []string{"x"}, []string{"x", "1"}, "untranslatable"}, // no client sends "é" raw
		{"/caf\u00e9/:x", decodedMode, []string{"x"}, []string{"x", "1"}, "/caf%C3%A9/1"},
		{`/a\+b/:x`, decodedMode, []string{"x"}, []string{"x", "1"}, "/a%2Bb/1"},
		{`/a\+b/:x`, defaultMode, []string{"x"}, []string{"x", "1"}, "/a+b/1"},
		// constraints
		{"/int/:id<int>", defaultMode, []string{"id"}, []string{"id", "-42"}, "/int/-42"},
		{"/int/:id<int>", defaultMode, nil, []string{"id", "4x"}, "invalid"},
		{"/int/:id<int>", defaultMode, nil, []string{"id", "+4"}, "invalid"}, // fiber takes it; we keep to canonical
		{"/min/:n<min(10)>", defaultMode, []string{"n"}, []string{"n", "10"}, "/min/10"},
		{"/min/:n<min(10)>", defaultMode, nil, []string{"n", "9"}, "invalid"},
		{"/r/:n<range(-5,5)>", defaultMode, []string{"n"}, []string{"n", "-5"}, "/r/-5"},
		{"/r/:n<range(-5,5)>", defaultMode, nil, []string{"n", "6"}, "invalid"},
		{"/r/:n<int;max(3)>", defaultMode, []string{"n"}, []string{"n", "3"}, "/r/3"},
		{"/r/:n<range(5,1)>", defaultMode, []string{"n"}, []string{"n", "3"}, "untranslatable"},
		{"/b/:x<bool>", defaultMode, []string{"x"}, []string{"x", "TRUE"}, "/b/TRUE"},
		{"/fl/:x<float>", defaultMode, []string{"x"}, []string{"x", "1.5"}, "/fl/1.5"},
		{"/alpha/:w<alpha>", defaultMode, []string{"w"}, []string{"w", "abc"}, "/alpha/abc"},
		{"/alpha/:w<alpha>", defaultMode, nil, []string{"w", "\u00e9"}, "invalid"}, // fiber would see "%C3%A9"
		{"/alpha/:w<alpha>", decodedMode, nil, []string{"w", "\u00e9"}, "/alpha/%C3%A9"},
		{"/g/:id<guid>", defaultMode, []string{"id"}, []string{"id", "0b4d5b5e-8d7a-4f7e-9c39-2f0b1f0f7e11"}, "/g/0b4d5b5e-8d7a-4f7e-9c39-2f0b1f0f7e11"},
		{"/len/:s<len(3)>", defaultMode, []string{"s"}, []string{"s", "abc"}, "/len/abc"},
		{"/len/:s<maxLen(3)>", defaultMode, nil, []string{"s", "a b"}, "invalid"}, // "a%20b" is 5 bytes to fiber
		{"/len/:s<minLen(3)>", defaultMode, nil, []string{"s", "a b"}, "/len/a%20b"},
		{"/len/:s<betweenLen(2,4)>", defaultMode, []string{"s"}, []string{"s", "abcd"}, "/len/abcd"},
		{"/len/:s<minLen(2);maxLen(4);alpha>", defaultMode, []string{"s"}, []string{"s", "ab"}, "/len/ab"},
		{"/re/:c<regex(^[a-z]+$)>", defaultMode, []string{"c"}, []string{"c", "abc"}, "/re/abc"},
		{"/re/:c<regex(\\d+)>", defaultMode, []string{"c"}, []string{"c", "x1"}, "invalid"}, // fiber's regex is unanchored; ours is anchored
		{"/re/:c<regex(.+)>", defaultMode, nil, []string{"c", "a b"}, "invalid"},            // fiber would test "a%20b"
		{"/re/:c<regex(.+)>", decodedMode, nil, []string{"c", "a b"}, "/re/a%20b"},
		{"/re/:c<regex((?i)k)>", defaultMode, []string{"c"}, []string{"c", "K"}, "/re/K"},
		{"/d/:d<datetime(2006\\-01\\-02)>", defaultMode, []string{"d"}, []string{"d", "2024-01-02"}, "untranslatable"},
		{"/i/:id<int;minLen(2)>", defaultMode, []string{"id"}, []string{"id", "12"}, "untranslatable"},
		{"/u/:id<unknown>", defaultMode, []string{"id"}, []string{"id", "a b"}, "untranslatable"}, // fiber checks nothing, or a custom constraint
		{"/u/:id<even>", customMode, []string{"id"}, []string{"id", "2"}, "untranslatable"},       // app.RegisterCustomConstraint
		{"/u/:n<Int>", defaultMode, []string{"n"}, []string{"n", "7"}, "/u/7"},                    // lower-cased: int
		{"/u/:n<Int>", strictMode, []string{"n"}, []string{"n", "7"}, "untranslatable"},           // not a built-in there
		{"/min/:n<min(x)>", defaultMode, []string{"n"}, []string{"n", "7"}, "untranslatable"},     // fiber never matches it
		{"/re/:c<regex(^[A-Z]+$)>", defaultMode, []string{"c"}, []string{"c", "ABC"}, "invalid"},  // fiber lower-cases the regexp
		{"/re/:c<regex(^[A-Z]+$)>", defaultMode, []string{"c"}, []string{"c", "abc"}, "/re/abc"},
		{"/re/:c<regex(^[A-Z]+$)>", strictMode, []string{"c"}, []string{"c", "ABC"}, "/re/ABC"},
		{`/re/:c<regex(^\D+$)>`, defaultMode, []string{"c"}, []string{"c", "12"}, "/re/12"}, // "\D" is "\d" there
		{"/x/a::b", defaultMode, []string{"b"}, []string{"b", "y"}, "/x/a:y"},               // v3: a cluster ends at its last ":"
		{"/q/:v.json", defaultMode, []string{"v"}, []string{"v", "a"}, "/q/a.json"},
	}
	for _, c := range cases {
		name := c.pattern + " " + strings.Join(c.pairs, ",")
		segs, err := parsePattern(c.pattern)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var names []string
		for _, s := range segs {
			if s.IsParam {
				names = append(names, s.ParamName)
			}
		}
		app := newApp(c.mode)
		app.Get(c.pattern, echoParams)
		if c.params != nil {
			if fp := app.GetRoutes(true)[0].Params; !slices.Equal(fp, c.params) || !slices.Equal(names, c.params) {
				t.Errorf("%s: params: fiber %q, ours %q, want %q", name, fp, names, c.params)
			}
		}
		tmpl, err := translate(c.pattern, c.mode)
		var got string
		switch {
		case err != nil:
			var pe *PatternError
			if !errors.As(err, &pe) || !errors.Is(err, urlfor.ErrInvalidTemplate) || !errors.Is(err, ErrUntranslatable) {
				t.Errorf("%s: error %v is not a *PatternError", name, err)
			}
			got = "untranslatable"
		default:
			u, err := tmpl.Build(c.pairs...)
			switch {
			case errors.Is(err, urlfor.ErrMissingParam):
				got = "missing"
			case errors.Is(err, urlfor.ErrInvalidParam):
				got = "invalid"
			case err != nil:
				t.Errorf("%s: untyped error %v", name, err)
			default:
				got = u
			}
		}
		if got != c.want {
			t.Errorf("%s (mode %+v): got %q (%v), want %q", name, c.mode, got, err, c.want)
			continue
		}
		if !strings.HasPrefix(got, "/") {
			continue
		}
		status, vals := routeBack(t, app, got, c.mode)
		if status != 200 {
			t.Errorf("%s: GET %s -> %d", name, got, status)
			continue
		}
		for i := 0; i+1 < len(c.pairs); i += 2 {
			if vals[c.pairs[i]] != c.pairs[i+1] {
				t.Errorf("%s: GET %s gave %s = %q, want %q", name, got, c.pairs[i], vals[c.pairs[i]], c.pairs[i+1])
			}
		}
	}
}

// TestCustomConstraintNamed: a route with a constraint partyfiberv3 cannot
// check is listed, and building it is a *PatternError naming it.
func TestCustomConstraintNamed(t *testing.T) {
	_, err := translate("/u/:id<even>", customMode)
	var pe *PatternError
	if !errors.As(err, &pe) || pe.Param != "id" || !strings.Contains(err.Error(), "<even>") || !strings.Contains(err.Error(), "custom constraint") {
		t.Errorf("custom constraint: %v", err)
	}
}

// TestConstraintsAgainstFiber checks, for each constraint and many values,
// that a URL we build for a value reaches the route in a real fiber app
// (its parser and CheckConstraint) with that value.
func TestConstraintsAgainstFiber(t *testing.T) {
	patterns := []string{
		"/x/:v<int>", "/x/:v<min(-3)>", "/x/:v<max(12)>", "/x/:v<range(7,130)>", "/x/:v<bool>", "/x/:v<float>",
		"/x/:v<alpha>", "/x/:v<guid>", "/x/:v<minLen(2)>", "/x/:v<maxLen(3)>", "/x/:v<len(2)>", "/x/:v<betweenLen(1,3)>",
		"/x/:v<minLen(2);maxLen(4);alpha>", `/x/:v<regex([a-c]+)>`, `/x/:v<regex(^\w{2}$)>`, `/x/:v<regex(.)>`,
		`/x/:v<regex((?i)ab)>`, "/x/:v<int;min(0);max(99)>", `/x/:v<regex(^[A-Z][a-z]$)>`, `/x/:v<regex(^\S+$)>`,
		"/x/:v<minlen(2)>", "/x/:v<INT>",
	}
	values := []string{"0", "1", "-1", "-3", "-4", "7", "12", "13", "130", "131", "+5", "007", "1.5", "-2.25", "1e3",
		"true", "T", "false", "0b4d5b5e-8d7a-4f7e-9c39-2f0b1f0f7e11", "ab", "aB", "abc", "abcd", "abcde", "a b", "é",
		"日本", "a%2F", "%", "_", "~", "a.b", "Ab", "AB", "bca", "\n", " "}
	for _, m := range []routerMode{defaultMode, decodedMode, strictMode} {
		for _, p := range patterns {
			tmpl, err := translate(p, m)
			if err != nil {
				if m != strictMode || p != "/x/:v<INT>" {
					t.Errorf("%s (%+v): %v", p, m, err)
				}
				continue
			}
			app := newApp(m)
			app.Get(p, echoParams)
			accepted := 0
			for _, v := range values {
				u, err := tmpl.Build("v", v)
				if err != nil {
					continue
				}
				accepted++
				if status, vals := routeBack(t, app, u, m); status != 200 || vals["v"] != v {
					t.Errorf("%s (%+v): we build %q for %q, fiber answers %d %q", p, m, u, v, status, vals["v"])
				}
			}
			if accepted == 0 && !strings.Contains(p, "[A-Z]") && !strings.Contains(p, `\S`) {
				t.Errorf("%s (%+v): no value accepted: the test proves nothing", p, m)
			}
		}
	}
}
