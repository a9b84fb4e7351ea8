package partyecho_test

import (
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
	partyecho "github.com/partyline-go/partyline/adapters/echo"
	"github.com/partyline-go/partyline/urlfor/adaptertest"
)

// driver is echo v4 for the conformance suite. echo names routes with
// Route.Name, calls its wildcard "*" whatever the neutral name, and has no
// regexp constraints and no literal after a parameter in a segment (a
// parameter's name runs to the next "/").
var driver = adaptertest.Driver{
	Framework:   "echo v4",
	Dialect:     dialect,
	NewApp:      newApp,
	NativeExact: nativeExact,
}

func TestConformance(t *testing.T) { adaptertest.Run(t, driver) }

func dialect(p adaptertest.Pattern) (string, bool) {
	d, ok := adaptertest.Translate(p, func(name, re string, wildcard bool) (string, bool) {
		if wildcard {
			return "*", true
		}
		return ":" + name, re == ""
	})
	for _, prm := range adaptertest.Params(p) {
		if at := strings.Index(d, ":"+prm.Name); !prm.Wildcard && at >= 0 {
			if rest := d[at+1+len(prm.Name):]; rest != "" && rest[0] != '/' {
				return "", false // echo would read the text after it as part of its name
			}
		}
	}
	return d, ok
}

func newApp(t testing.TB, routes []adaptertest.Route, o adaptertest.Options) (*adaptertest.App, error) {
	e := echo.New()
	wild := map[string]bool{} // neutral names of wildcards, which echo calls "*"
	for _, r := range routes {
		path, _ := dialect(r.Pattern)
		params := adaptertest.Params(r.Pattern)
		for _, p := range params {
			wild[p.Name] = wild[p.Name] || p.Wildcard
		}
		route := e.Add(cmpOr(r.Method, "GET"), path, answer(r.Name, params))
		if r.Name != "" {
			route.Name = r.Name
		}
	}
	var opts []partyecho.Option
	if o.Namespace != "" {
		opts = append(opts, partyecho.Namespace(o.Namespace))
	}
	if o.InviteRoute != "" {
		opts = append(opts, partyecho.InviteRoute(o.InviteRoute))
	}
	opts = append(opts, o.Kit...)
	h, err := partyecho.Join(e, opts...)
	if err != nil {
		return nil, err
	}
	return &adaptertest.App{
		Handler: e,
		URL: func(name string, pairs ...string) (string, error) {
			pairs = append([]string(nil), pairs...)
			for i := 0; i < len(pairs); i += 2 {
				if wild[pairs[i]] {
					pairs[i] = "*"
				}
			}
			return h.URL(nil, name, pairs...)
		},
		JoinAgain: func() error { _, err := partyecho.Join(e); return err },
	}, nil
}

// answer is every route's handler: c.Param is the native accessor,
// partyecho.Param the exact one, and Self is built through FromContext.
func answer(name string, params []adaptertest.Param) echo.HandlerFunc {
	return func(c echo.Context) error {
		out := adaptertest.Echo{Route: name, Native: map[string]string{}, Param: map[string]string{}}
		var pairs []string
		for _, p := range params {
			key := p.Name
			if p.Wildcard {
				key = "*"
			}
			out.Native[p.Name] = c.Param(key)
			v, err := partyecho.Param(c, key)
			if err != nil {
				v = "!error: " + err.Error()
			}
			out.Param[p.Name] = v
			pairs = append(pairs, key, v)
		}
		if h, ok := partyecho.FromContext(c); !ok {
			out.Self, out.Absolute = "no handle", "no handle"
		} else {
			out.Self = adaptertest.Outcome(h.URL(c, name, pairs...))
			out.Absolute = adaptertest.Outcome(h.AbsoluteURL(c, name, pairs...))
		}
		adaptertest.WriteEcho(c.Response(), out)
		return nil
	}
}

// nativeExact: echo's c.Param hands the decoded value when the request
// has no RawPath, and urlfor escapes as net/url does, so a URL partyecho
// builds has one only for "/" inside one segment ("%2F"): then echo routes
// on the RawPath and hands raw text. A wildcard keeps "/" raw, as net/url
// writes it (see the package doc).
func nativeExact(v string, wildcard bool) bool {
	return wildcard || !strings.Contains(v, "/")
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
