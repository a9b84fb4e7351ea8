package partyechov5

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/labstack/echo/v5"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// configs are the router settings that change what echo matches.
var configs = map[string]echo.RouterConfig{
	"default":                   {},
	"UnescapePathParamValues":   {UnescapePathParamValues: true},
	"UseEscapedPathForMatching": {UseEscapedPathForMatching: true},
}

// TestAgainstRouter is the differential test of the values other routes
// take, in every router setting: for generated route tables (static
// siblings, prefix families, leaf and inner parameters, inline verbs,
// wildcards, other methods, Any and RouteNotFound routes), it builds every
// route with values made of the tables' own literals (whole, cut at every
// byte, in other letter cases, with "/" and a segment more), then asks
// echo's Router.Route which route each URL reaches. A URL must reach its
// own route, with its values as Param reads them; a value refused as taken
// must be taken: some URL with it reaches another route.
func TestAgainstRouter(t *testing.T) {
	for name, cfg := range configs {
		t.Run(name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(11, 12))
			built, taken := 0, 0
			for n := range 400 {
				paths, methods := genTable(rng)
				b, tk := checkTable(t, cfg, fmt.Sprintf("table %d", n), paths, methods)
				built, taken = built+b, taken+tk
				if t.Failed() {
					t.Logf("table %d: %q %q", n, paths, methods)
					return
				}
			}
			t.Logf("%d URLs reached their route, %d values refused as taken", built, taken)
			if built == 0 || taken == 0 {
				t.Error("the generator made no URL or no refusal: it tests nothing")
			}
		})
	}
}

// genWords are the tables' literal text. The last three are static text
// that net/url does not write as it is, which echo meets in the decoded
// path of a request without a RawPath ("%41b" is the value "%41b",
// built "%2541b") and, "c%20d" only, in the RawPath of one with a RawPath
// (the value "c d", built "c%20d", beside a "/" in a one-segment value).
var genWords = []string{"a", "ab", "new", "ne", "news", "x", "Ne", "%41b", "c%20d", "c d"}

// genTable returns 3 to 7 distinct echo paths and their methods.
func genTable(rng *rand.Rand) (paths, methods []string) {
	seen := map[string]bool{}
	for len(paths) < 3+rng.IntN(5) {
		var b strings.Builder
		segs := 1 + rng.IntN(3)
		for s := range segs {
			b.WriteByte('/')
			w := genWords[rng.IntN(len(genWords))]
			switch k := rng.IntN(11); {
			case k < 4:
				b.WriteString(w)
			case k < 6:
				fmt.Fprintf(&b, ":p%d", s)
			case k < 8:
				fmt.Fprintf(&b, "%s:p%d", w, s)
			case k == 8 && s == segs-1:
				b.WriteString(strings.TrimSuffix(w, w[len(w)-1:]) + "*")
			case k == 9:
				fmt.Fprintf(&b, `:p%d\:%s`, s, w) // an inline verb
			default: // a trailing slash
				b.WriteString(w + cmpOr(s == segs-1, "/", ""))
			}
		}
		method := []string{http.MethodGet, http.MethodGet, http.MethodGet, http.MethodPost, echo.RouteNotFound, echo.RouteAny}[rng.IntN(6)]
		if p := b.String(); !seen[method+p] {
			seen[method+p] = true
			paths, methods = append(paths, p), append(methods, method)
		}
	}
	return paths, methods
}

// checkTable joins an app of the routes and checks every build against
// the router; it returns how many URLs were built and values refused.
func checkTable(t *testing.T, cfg echo.RouterConfig, table string, paths, methods []string) (built, taken int) {
	cfg.AllowOverwritingRoute = true
	e := echo.NewWithConfig(echo.Config{Router: echo.NewRouter(cfg)})
	for i, p := range paths {
		if _, err := e.AddRoute(echo.Route{Method: methods[i], Path: p, Name: fmt.Sprintf("r%d", i), Handler: func(*echo.Context) error { return nil }}); err != nil {
			t.Fatal(err)
		}
	}
	h := mustJoin(t, e)
	if _, err := core.New(e, []string{core.DefaultInvitePath}); err != nil {
		t.Fatal(err)
	}
	values := genValues(e)
	for i, ri := range e.Router().Routes() {
		if _, problem := tokenize(ri); ri.Method == echo.RouteNotFound || problem != "" || !strings.HasPrefix(ri.Name, "r") {
			continue
		}
		for k := range ri.Parameters {
			for _, v := range values {
				pairs := make([]string, 0, 2*len(ri.Parameters))
				for j, name := range ri.Parameters {
					pairs = append(pairs, name, cmpOr(j == k, v, "q"))
				}
				u, err := h.URL(nil, ri.Name, pairs...)
				switch ok, why := judge(e, ri, pairs, k, u, err); {
				case !ok:
					t.Errorf("%s: route %d %s %s with %q: %s", table, i, ri.Method, ri.Path, pairs, why)
				case err == nil:
					built++
				case why == "taken":
					taken++
				}
			}
		}
	}
	return built, taken
}

// genValues are the tables' literals, cut and varied.
func genValues(e *echo.Echo) []string {
	out := []string{"q", "Q", "", "new/x", "a:b", "%", "a%2Fb", "n%65w"}
	for _, ri := range e.Router().Routes() {
		toks, _ := tokenize(ri)
		for _, tk := range toks {
			for _, seg := range strings.Split(tk.Literal, "/") {
				if d, err := url.PathUnescape(seg); err == nil && d != seg {
					out = append(out, d, d+"q", d+"/q")
				}
				for n := 1; n <= len(seg); n++ {
					out = append(out, seg[:n], seg[n:], seg[:n]+"q", strings.ToUpper(seg[:n]), seg[:n]+"/q", seg[:n]+"/")
				}
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// judge says whether a build (u, err) of route ri with pairs (the value
// under test at pairs[2k+1]) is right: a URL reaches the route with the
// values; a refusal as taken is one echo would route elsewhere, or the
// start of a family that echo routes elsewhere once the rest of the
// taking route's path follows; other refusals are urlfor's (escaping).
func judge(e *echo.Echo, ri echo.RouteInfo, pairs []string, k int, u string, err error) (bool, string) {
	if err == nil {
		got, vals := find2(e, ri.Method, u, false)
		if got != normalize(ri.Path) {
			return false, fmt.Sprintf("URL %s reaches %q", u, got)
		}
		for i := 1; i < len(pairs); i += 2 {
			if vals[pairs[i-1]] != pairs[i] {
				return false, fmt.Sprintf("URL %s gives %s = %q, want %q", u, pairs[i-1], vals[pairs[i-1]], pairs[i])
			}
		}
		return true, ""
	}
	var pe *urlfor.ParamError
	switch {
	case !errors.As(err, &pe):
		return false, fmt.Sprintf("refused with %v, not a *urlfor.ParamError", err)
	case pe.TakenBy == "":
		return true, "refused"
	case elsewhere(e, ri, pairs), justified(e, ri, pairs, k, pe.TakenBy):
		return true, "taken"
	}
	return false, fmt.Sprintf("refused as taken by %q, but no URL with it reaches another route", pe.TakenBy)
}

// justified searches for a URL of ri that reaches another route with a
// value at k that starts with pairs[2k+1] and goes on as a tail of the
// taking route's path (its parameters filled with "q"), the other values
// being pieces of that path or the values written as them: refusals are per parameter, so a value is
// taken when some URL with it reaches another route.
func justified(e *echo.Echo, ri echo.RouteInfo, pairs []string, k int, by string) bool {
	if m, p, ok := strings.Cut(by, " "); ok && !strings.HasPrefix(m, "/") {
		by = p // "GET /a b": a path, which may hold a space, after the method
	}
	toks, _ := tokenize(echo.RouteInfo{Path: by, Parameters: paramsOf(e, by)})
	var b strings.Builder
	for _, tk := range toks {
		b.WriteString(cmpOr(tk.Literal != "", tk.Literal, "q"))
	}
	inst := b.String()
	pieces := []string{"q", ""}
	for a := range inst {
		for z := a + 1; z <= len(inst); z++ {
			if z == len(inst) || inst[z] == '/' {
				pieces = append(pieces, inst[a:z])
				if d, err := url.PathUnescape(inst[a:z]); err == nil && d != inst[a:z] {
					pieces = append(pieces, d) // the value written as that text
				}
			}
		}
	}
	slices.Sort(pieces)
	pieces = slices.Compact(pieces)
	try := slices.Clone(pairs)
	var search func(j int) bool
	search = func(j int) bool {
		switch {
		case j == 2*k+1:
			for t := range len(inst) + 1 {
				try[j] = pairs[j] + inst[t:]
				if search(j + 2) {
					return true
				}
			}
			return false
		case j < len(pairs):
			for _, p := range pieces {
				if try[j] = p; search(j + 2) {
					return true
				}
			}
			return false
		}
		return elsewhere(e, ri, try)
	}
	return search(1)
}

// paramsOf returns the parameters echo lists for the route at path.
func paramsOf(e *echo.Echo, path string) []string {
	for _, ri := range e.Router().Routes() {
		if normalize(ri.Path) == path {
			return ri.Parameters
		}
	}
	return nil
}

// elsewhere reports whether the URL of ri with pairs, built without the
// refusals, reaches another route, as echo reads it with or without a
// RawPath (another parameter's escaping gives the request one).
func elsewhere(e *echo.Echo, ri echo.RouteInfo, pairs []string) bool {
	toks, problem := tokenize(ri)
	bare, err := compile(ri.Path, toks, problem, nil, rawValues)
	if err != nil {
		return false
	}
	u, err := bare.Build(pairs...)
	if err != nil {
		return false
	}
	for _, raw := range []bool{false, true} {
		if got, _ := find2(e, ri.Method, u, raw); got != normalize(ri.Path) {
			return true
		}
	}
	return false
}

// find2 asks e's router where a request of u goes, and with which values
// Param reads; forceRaw gives the request a RawPath, as another value's
// escaping would.
func find2(e *echo.Echo, method, u string, forceRaw bool) (string, map[string]string) {
	parsed, err := url.Parse(u)
	if err != nil {
		return "", nil
	}
	if forceRaw {
		parsed.RawPath = parsed.EscapedPath()
	}
	c := newTable(e, nil).find(method, parsed)
	if n := c.RouteInfo().Name; n == echo.NotFoundRouteName || n == echo.MethodNotAllowedRouteName {
		return "", nil
	}
	vals := map[string]string{}
	for _, pv := range c.PathValues() {
		vals[pv.Name], _ = Param(c, pv.Name)
	}
	return c.Path(), vals
}
