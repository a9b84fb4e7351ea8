package partychi_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"
	partychi "github.com/partyline-go/partyline/adapters/chi"
	"github.com/partyline-go/partyline/urlfor/adaptertest"
)

// TestConformance runs the adapter conformance suite.
func TestConformance(t *testing.T) { adaptertest.Run(t, chiDriver) }

var chiDriver = adaptertest.Driver{
	Framework: "chi",
	Dialect:   chiDialect,
	NewApp:    newChiApp,
	// chi.URLParam is the decoded value when Go sets no RawPath, that is
	// when no value holds a byte urlfor escapes and Go's path encoding does
	// not: only "/" inside a parameter (go-chi/chi#832, TestForcesRawPath).
	// A RawPath makes every value of the URL escaped; the suite gives the
	// other parameters of a route plain values, so the value alone decides.
	NativeExact: func(v string, wildcard bool) bool {
		return wildcard || !strings.Contains(v, "/")
	},
}

// chiDialect says "{id}" and "{id:re}" as they are, and a trailing wildcard
// as chi's "*" (the parameter named "*").
func chiDialect(p adaptertest.Pattern) (string, bool) {
	return adaptertest.Translate(p, func(name, re string, wildcard bool) (string, bool) {
		switch {
		case wildcard:
			return "*", true
		case re != "":
			return "{" + name + ":" + re + "}", true
		}
		return "{" + name + "}", true
	})
}

// chiKey is the chi key of the suite's parameter p.
func chiKey(p adaptertest.Param) string {
	if p.Wildcard {
		return "*"
	}
	return p.Name
}

func newChiApp(_ testing.TB, routes []adaptertest.Route, o adaptertest.Options) (*adaptertest.App, error) {
	r := chi.NewRouter()
	var h *partychi.Handle // set by Join below, read by handlers once serving
	wild := map[string]bool{}
	for _, rt := range routes {
		pattern, _ := chiDialect(rt.Pattern)
		params := adaptertest.Params(rt.Pattern)
		for _, p := range params {
			wild[p.Name] = wild[p.Name] || p.Wildcard
		}
		handler := func(w http.ResponseWriter, req *http.Request) {
			e := adaptertest.Echo{Route: rt.Name, Native: map[string]string{}, Param: map[string]string{}}
			var pairs []string
			for _, p := range params {
				e.Native[p.Name] = chi.URLParam(req, chiKey(p))
				e.Param[p.Name] = partychi.URLParam(req, chiKey(p))
				pairs = append(pairs, chiKey(p), e.Param[p.Name])
			}
			e.Self = adaptertest.Outcome(h.URL(req, rt.Name, pairs...))
			e.Absolute = adaptertest.Outcome(h.AbsoluteURL(req, rt.Name, pairs...))
			adaptertest.WriteEcho(w, e)
		}
		method := rt.Method
		if method == "" {
			method = http.MethodGet
		}
		rr := chi.Router(r)
		if rt.Name != "" {
			rr = r.With(partychi.Name(rt.Name))
		}
		rr.MethodFunc(method, pattern, handler)
	}
	var opts []partychi.Option
	if o.Namespace != "" {
		opts = append(opts, partychi.Namespace(o.Namespace))
	}
	if o.InviteRoute != "" {
		opts = append(opts, partychi.InviteRoute(o.InviteRoute))
	}
	opts = append(opts, o.Kit...)
	var err error
	if h, err = partychi.Join(r, opts...); err != nil {
		return nil, err
	}
	return &adaptertest.App{
		Handler: r,
		URL: func(name string, pairs ...string) (string, error) {
			pairs = append([]string(nil), pairs...)
			for i := 0; i < len(pairs); i += 2 {
				if wild[pairs[i]] {
					pairs[i] = "*"
				}
			}
			return h.URL(nil, name, pairs...)
		},
		JoinAgain: func() error { _, err := partychi.Join(r); return err },
	}, nil
}
