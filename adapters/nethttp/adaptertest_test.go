package partyhttp_test

import (
	"cmp"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/adapters/nethttp"
	"github.com/partyline-go/partyline/urlfor/adaptertest"
)

// TestConformance runs the adapter contract's suite on partyhttp.
func TestConformance(t *testing.T) { adaptertest.Run(t, driver) }

// driver makes partyhttp.ServeMux apps with named routes. r.PathValue is
// the native accessor and is exact: ServeMux decodes each segment, or the
// remainder of a "{name...}", after splitting the escaped path.
var driver = adaptertest.Driver{
	Framework:   "net/http ServeMux",
	Dialect:     dialect,
	NewApp:      newConformanceApp,
	NativeExact: func(string, bool) bool { return true },
}

// dialect says a neutral pattern as a Go 1.22 pattern: "{id}" and
// "{path...}" as they are, whole segments only, no constraints; a trailing
// "/" becomes "/{$}", which alone would be a subtree.
func dialect(p adaptertest.Pattern) (string, bool) {
	s, ok := adaptertest.Translate(p, func(name, re string, wildcard bool) (string, bool) {
		if wildcard {
			return "{" + name + "...}", true
		}
		return "{" + name + "}", re == ""
	})
	for seg := range strings.SplitSeq(s, "/") {
		if i := strings.IndexByte(seg, '{'); i > 0 || i == 0 && !strings.HasSuffix(seg, "}") {
			return "", false // a parameter inside a segment
		}
	}
	if strings.HasSuffix(s, "/") {
		s += "{$}"
	}
	return s, ok
}

func newConformanceApp(_ testing.TB, routes []adaptertest.Route, o adaptertest.Options) (*adaptertest.App, error) {
	mux := partyhttp.NewServeMux()
	var opts []partyhttp.Option
	if o.Namespace != "" {
		opts = append(opts, partyhttp.Namespace(o.Namespace))
	}
	if o.InviteRoute != "" {
		opts = append(opts, partyhttp.InviteRoute(o.InviteRoute))
	}
	opts = append(opts, o.Kit...)
	for _, r := range routes {
		pattern, ok := dialect(r.Pattern)
		if !ok {
			return nil, fmt.Errorf("ServeMux cannot say %q", r.Pattern)
		}
		pattern = cmp.Or(r.Method, http.MethodGet) + " " + pattern
		if r.Name == "" {
			mux.Handle(pattern, echo(r))
		} else {
			mux.Named(r.Name).Handle(pattern, echo(r))
		}
	}
	h, err := partyhttp.Join(mux, opts...)
	if err != nil {
		return nil, err
	}
	return &adaptertest.App{
		Handler:   h.Middleware(mux),
		URL:       func(name string, pairs ...string) (string, error) { return h.URL(nil, name, pairs...) },
		JoinAgain: func() error { _, err := partyhttp.Join(mux, opts...); return err },
	}, nil
}

// echo answers with r.PathValue, and Self built by the handle the
// middleware put in the request context.
func echo(route adaptertest.Route) http.Handler {
	params := adaptertest.Params(route.Pattern)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e := adaptertest.Echo{Route: route.Name, Native: map[string]string{}, Param: map[string]string{}}
		var pairs []string
		for _, p := range params {
			v := r.PathValue(p.Name)
			e.Native[p.Name], e.Param[p.Name] = v, v
			pairs = append(pairs, p.Name, v)
		}
		if route.Name != "" {
			e.Self = adaptertest.Outcome(partyhttp.URL(r, route.Name, pairs...))
			e.Absolute = adaptertest.Outcome(partyhttp.AbsoluteURL(r, route.Name, pairs...))
		}
		adaptertest.WriteEcho(w, e)
	})
}
