package partymux_test

import (
	"net/http"
	"testing"

	"github.com/gorilla/mux"
	partymux "github.com/partyline-go/partyline/adapters/mux"
	"github.com/partyline-go/partyline/urlfor/adaptertest"
)

// TestConformance runs the adapter contract's suite on partymux.
func TestConformance(t *testing.T) {
	adaptertest.Run(t, adaptertest.Driver{
		Framework: "gorilla/mux",
		Dialect:   dialect,
		NewApp:    newApp,
		// mux.Vars holds the decoded values of a router that matches the
		// decoded path (the default): exact for every URL partymux builds,
		// since it refuses values holding "/" there.
		NativeExact: func(string, bool) bool { return true },
	})
}

// dialect writes a neutral pattern in mux's braces; a wildcard is a last
// variable whose regexp matches "/".
func dialect(p adaptertest.Pattern) (string, bool) {
	return adaptertest.Translate(p, func(name, re string, wildcard bool) (string, bool) {
		switch {
		case wildcard:
			return "{" + name + ":.*}", true
		case re != "":
			return "{" + name + ":" + re + "}", true
		}
		return "{" + name + "}", true
	})
}

// newApp registers the routes, each named with mux's Name, then joins.
func newApp(t testing.TB, routes []adaptertest.Route, o adaptertest.Options) (*adaptertest.App, error) {
	r := mux.NewRouter()
	var h *partymux.Handle
	for _, rt := range routes {
		tpl, _ := dialect(rt.Pattern)
		method := rt.Method
		if method == "" {
			method = http.MethodGet
		}
		name, params := rt.Name, adaptertest.Params(rt.Pattern)
		route := r.HandleFunc(tpl, func(w http.ResponseWriter, req *http.Request) {
			vars := mux.Vars(req)
			e := adaptertest.Echo{Route: name, Native: map[string]string{}, Param: map[string]string{}}
			var pairs []string
			for _, p := range params {
				e.Native[p.Name], e.Param[p.Name] = vars[p.Name], vars[p.Name]
				pairs = append(pairs, p.Name, vars[p.Name])
			}
			e.Self = adaptertest.Outcome(h.URL(req, name, pairs...))
			e.Absolute = adaptertest.Outcome(h.AbsoluteURL(req, name, pairs...))
			adaptertest.WriteEcho(w, e)
		}).Methods(method)
		if name != "" {
			route.Name(name)
		}
	}
	var opts []partymux.Option
	if o.Namespace != "" {
		opts = append(opts, partymux.Namespace(o.Namespace))
	}
	if o.InviteRoute != "" {
		opts = append(opts, partymux.InviteRoute(o.InviteRoute))
	}
	opts = append(opts, o.Kit...)
	h, err := partymux.Join(r, opts...)
	if err != nil {
		return nil, err
	}
	return &adaptertest.App{
		Handler:   r,
		URL:       func(name string, pairs ...string) (string, error) { return h.URL(nil, name, pairs...) },
		JoinAgain: func() error { _, err := partymux.Join(r); return err },
	}, nil
}
