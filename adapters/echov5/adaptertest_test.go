package partyechov5_test

import (
	"strings"
	"testing"

	"github.com/labstack/echo/v5"
	partyechov5 "github.com/partyline-go/partyline/adapters/echov5"
	"github.com/partyline-go/partyline/urlfor/adaptertest"
)

// settings are the router configurations that change what the router
// matches and what c.Param returns; the suite runs once per setting, with
// NativeExact saying honestly where c.Param is the value.
var settings = []struct {
	name        string
	config      echo.RouterConfig
	concurrent  bool
	nativeExact func(v string, wildcard bool) bool
}{
	{"default", echo.RouterConfig{}, false, defaultNativeExact},
	{"UnescapePathParamValues", echo.RouterConfig{UnescapePathParamValues: true}, false, always},
	{"UseEscapedPathForMatching", echo.RouterConfig{UseEscapedPathForMatching: true}, false, always},
	{"both", echo.RouterConfig{UnescapePathParamValues: true, UseEscapedPathForMatching: true}, false, always},
	{"ConcurrentRouter", echo.RouterConfig{}, true, defaultNativeExact},
}

func TestConformance(t *testing.T) {
	for _, s := range settings {
		t.Run(s.name, func(t *testing.T) {
			adaptertest.Run(t, adaptertest.Driver{
				Framework: "echo v5 (" + s.name + ")",
				Dialect:   dialect,
				NewApp: func(t testing.TB, routes []adaptertest.Route, o adaptertest.Options) (*adaptertest.App, error) {
					return newApp(newEcho(s.config, s.concurrent), routes, o)
				},
				NativeExact: s.nativeExact,
			})
		})
	}
}

// newEcho is an echo app with the router config (AllowOverwritingRoute as
// echo.New sets it), behind echo's concurrent router when asked.
func newEcho(cfg echo.RouterConfig, concurrent bool) *echo.Echo {
	cfg.AllowOverwritingRoute = true
	var r echo.Router = echo.NewRouter(cfg)
	if concurrent {
		r = echo.NewConcurrentRouter(r)
	}
	return echo.NewWithConfig(echo.Config{Router: r})
}

// dialect says a neutral pattern in echo's: ":name" running to the next
// "/", "*" for the wildcard, no constraints, nothing after a parameter in
// its segment.
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

func newApp(e *echo.Echo, routes []adaptertest.Route, o adaptertest.Options) (*adaptertest.App, error) {
	wild := map[string]bool{} // neutral names of wildcards, which echo calls "*"
	for _, r := range routes {
		path, _ := dialect(r.Pattern)
		params := adaptertest.Params(r.Pattern)
		for _, p := range params {
			wild[p.Name] = wild[p.Name] || p.Wildcard
		}
		if _, err := e.AddRoute(echo.Route{Method: or(r.Method, "GET"), Path: path, Name: r.Name, Handler: answer(r.Name, params)}); err != nil {
			return nil, err
		}
	}
	var opts []partyechov5.Option
	if o.Namespace != "" {
		opts = append(opts, partyechov5.Namespace(o.Namespace))
	}
	if o.InviteRoute != "" {
		opts = append(opts, partyechov5.InviteRoute(o.InviteRoute))
	}
	opts = append(opts, o.Kit...)
	h, err := partyechov5.Join(e, opts...)
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
		JoinAgain: func() error { _, err := partyechov5.Join(e); return err },
	}, nil
}

// answer is every route's handler: c.Param is the native accessor,
// partyechov5.Param the exact one, and Self is built through FromContext.
// An unnamed route answers "" (echo names it "GET:/path").
func answer(name string, params []adaptertest.Param) echo.HandlerFunc {
	return func(c *echo.Context) error {
		out := adaptertest.Echo{Route: name, Native: map[string]string{}, Param: map[string]string{}}
		var pairs []string
		for _, p := range params {
			key := p.Name
			if p.Wildcard {
				key = "*"
			}
			out.Native[p.Name] = c.Param(key)
			v, err := partyechov5.Param(c, key)
			if err != nil {
				v = "!error: " + err.Error()
			}
			out.Param[p.Name] = v
			pairs = append(pairs, key, v)
		}
		if h, ok := partyechov5.FromContext(c); !ok {
			out.Self, out.Absolute = "no handle", "no handle"
		} else {
			out.Self = adaptertest.Outcome(h.URL(c, name, pairs...))
			out.Absolute = adaptertest.Outcome(h.AbsoluteURL(c, name, pairs...))
		}
		adaptertest.WriteEcho(c.Response(), out)
		return nil
	}
}

func always(string, bool) bool { return true }

// defaultNativeExact: with echo's defaults c.Param hands the decoded value
// when the request has no RawPath, and urlfor escapes as net/url does, so
// a URL partyechov5 builds has one only for "/" inside one segment
// ("%2F"): then echo routes on the RawPath and hands raw text. A wildcard
// keeps "/" raw, as net/url writes it (see the package doc). The other
// settings decode c.Param (UnescapePathParamValues) or refuse "/" in one
// segment (UseEscapedPathForMatching): always exact.
func defaultNativeExact(v string, wildcard bool) bool {
	return wildcard || !strings.Contains(v, "/")
}

// or is s, or def when s is empty.
func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
