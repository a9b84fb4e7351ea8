package partyecho

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// TestAgainstRouter is the differential test of the values other routes
// take: for generated route tables (static siblings, prefix families,
// leaf and inner parameters, wildcards, other methods, RouteNotFound), it
// builds every route with values made of the tables' own literals (whole,
// cut at every byte, in other letter cases, with "/" and a segment more),
// then asks echo's Router.Find which route each URL reaches. A URL must
// reach its own route with its values; a value refused as taken must be
// taken: its URL, as echo reads it with or without a RawPath, reaches
// another route.
func TestAgainstRouter(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	built, taken := 0, 0
	for n := range 400 {
		paths, methods := genTable(rng)
		b, tk := checkTable(t, fmt.Sprintf("table %d", n), paths, methods)
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
			switch k := rng.IntN(10); {
			case k < 4:
				b.WriteString(w)
			case k < 6:
				fmt.Fprintf(&b, ":p%d", s)
			case k < 8:
				fmt.Fprintf(&b, "%s:p%d", w, s)
			case k == 8 && s == segs-1:
				b.WriteString(strings.TrimSuffix(w, w[len(w)-1:]) + "*")
			default: // a trailing slash
				b.WriteString(w + cmpOr(s == segs-1, "/", ""))
			}
		}
		method := []string{echo.GET, echo.GET, echo.GET, echo.POST, echo.RouteNotFound}[rng.IntN(5)]
		if p := b.String(); !seen[method+p] {
			seen[method+p] = true
			paths, methods = append(paths, p), append(methods, method)
		}
	}
	return paths, methods
}

// checkTable joins an app of the routes and checks every build against
// the router; it returns how many URLs were built and values refused.
func checkTable(t *testing.T, table string, paths, methods []string) (built, taken int) {
	e := echo.New()
	for i, p := range paths {
		e.Add(methods[i], p, record).Name = fmt.Sprintf("r%d", i)
	}
	h := mustJoin(t, e)
	if _, err := core.New(e, []string{core.DefaultInvitePath}); err != nil {
		t.Fatal(err)
	}
	values := genValues(paths)
	for i, p := range paths {
		toks, problem := tokenize(p)
		if methods[i] == echo.RouteNotFound || problem != "" {
			continue
		}
		var params []string
		for _, tk := range toks {
			if tk.kind != tokLiteral {
				params = append(params, tk.text)
			}
		}
		for k := range params {
			for _, v := range values {
				pairs := make([]string, 0, 2*len(params))
				for j, name := range params {
					pairs = append(pairs, name, cmpOr(j == k, v, "q"))
				}
				u, err := h.URL(nil, fmt.Sprintf("r%d", i), pairs...)
				switch ok, why := judge(e, methods[i], p, pairs, k, u, err); {
				case !ok:
					t.Errorf("%s: %s %s with %q: %s", table, methods[i], p, pairs, why)
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
func genValues(paths []string) []string {
	out := []string{"q", "Q", "", "new/x"}
	for _, p := range paths {
		toks, _ := tokenize(p)
		for _, tk := range toks {
			if tk.kind != tokLiteral {
				continue
			}
			for _, seg := range strings.Split(tk.text, "/") {
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

// judge says whether a build (u, err) of route path with pairs (the
// value under test at pairs[2k+1]) is right: a URL reaches the route with
// the values; a refusal as taken is one echo would route elsewhere, or the
// start of a family that echo routes elsewhere once the rest of the taking
// route's path follows (adapterkit's Prefix takes the prefix itself, and a
// wildcard's whole family, however the sibling goes on: an
// over-approximation);
// other refusals are urlfor's (escaping).
func judge(e *echo.Echo, method, path string, pairs []string, k int, u string, err error) (bool, string) {
	if err == nil {
		got, vals := find(e, method, u, false)
		if got != path {
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
	case elsewhere(e, method, path, pairs), justified(e, method, path, pairs, k, pe.TakenBy):
		return true, "taken"
	}
	return false, fmt.Sprintf("refused as taken by %q, but no URL with it reaches another route", pe.TakenBy)
}

// justified searches for a URL of path that reaches another route with a
// value at k that starts with pairs[2k+1] and goes on as a tail of the
// taking route's path (its parameters filled with "q"), the other values
// being pieces of that path or the values written as them: refusals are per parameter, so a value is
// taken when some URL with it reaches another route.
func justified(e *echo.Echo, method, path string, pairs []string, k int, by string) bool {
	if m, p, ok := strings.Cut(by, " "); ok && !strings.HasPrefix(m, "/") {
		by = p // "GET /a b": a path, which may hold a space, after the method
	}
	toks, _ := tokenize(by)
	var b strings.Builder
	for _, tk := range toks {
		b.WriteString(cmpOr(tk.kind == tokLiteral, tk.text, "q"))
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
		return elsewhere(e, method, path, try)
	}
	return search(1)
}

// elsewhere reports whether the URL of path with pairs, built without
// the refusals, reaches another route, as echo reads it with or without a
// RawPath (another parameter's escaping gives the request one).
func elsewhere(e *echo.Echo, method, path string, pairs []string) bool {
	bare, _ := compile(path, nil)
	u, err := bare.Build(pairs...)
	if err != nil {
		return false
	}
	for _, raw := range []bool{false, true} {
		if got, _ := find(e, method, u, raw); got != path {
			return true
		}
	}
	return false
}

// find asks e's router where a request of u goes, and with which values
// a handler reads with Param; forceRaw routes on the raw path as if the
// request had a RawPath.
func find(e *echo.Echo, method, u string, forceRaw bool) (string, map[string]string) {
	parsed, err := url.Parse(u)
	if err != nil {
		return "", nil
	}
	path, raw := parsed.Path, parsed.RawPath != "" || forceRaw
	if raw {
		path = parsed.EscapedPath()
	}
	c := e.NewContext(nil, nil)
	e.Router().Find(method, path, c)
	vals := map[string]string{}
	for i, n := range c.ParamNames() {
		v := c.ParamValues()[i]
		if raw {
			v, _ = url.PathUnescape(v)
		}
		vals[n] = v
	}
	return c.Path(), vals
}
