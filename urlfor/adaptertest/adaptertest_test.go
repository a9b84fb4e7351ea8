package adaptertest_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path"
	"slices"
	"strings"
	"testing"

	partyhttp "github.com/partyline-go/partyline/adapters/nethttp"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adaptertest"
)

// TestNetHTTP runs the suite against partyhttp, the adapter of the root
// module: the suite's own proof that a correct adapter passes.
func TestNetHTTP(t *testing.T) {
	adaptertest.Run(t, httpDriver(httpAdapter{}))
}

// httpAdapter makes partyhttp apps for the suite; its fields break it on
// purpose, for the broken drivers below.
type httpAdapter struct {
	// param reads a parameter for Echo.Param; r.PathValue when nil.
	param func(r *http.Request, p adaptertest.Param) string
	// url replaces the handle's URL as App.URL; the handle's when nil.
	url func(h *partyhttp.Handle, name string, pairs ...string) (string, error)
}

// httpDriver drives partyhttp: a partyhttp.ServeMux with named routes.
func httpDriver(a httpAdapter) adaptertest.Driver {
	return adaptertest.Driver{
		Framework: "net/http ServeMux",
		Dialect:   httpDialect,
		NewApp:    a.newApp,
		// r.PathValue returns the decoded segment, or the decoded remainder
		// of a wildcard: exact for every value ServeMux routes.
		NativeExact: func(string, bool) bool { return true },
	}
}

// httpDialect says a pattern as ServeMux does (Go 1.22): "{id}" and
// "{path...}" as they are, whole segments only, no constraints; a trailing
// "/" is "/{$}", since alone it would make a subtree pattern.
func httpDialect(p adaptertest.Pattern) (string, bool) {
	s, ok := adaptertest.Translate(p, func(name, re string, wildcard bool) (string, bool) {
		if wildcard {
			return "{" + name + "...}", true
		}
		return "{" + name + "}", re == ""
	})
	if !ok {
		return "", false
	}
	for seg := range strings.SplitSeq(s, "/") {
		if strings.Contains(seg, "{") && (!strings.HasPrefix(seg, "{") || !strings.HasSuffix(seg, "}")) {
			return "", false
		}
	}
	if strings.HasSuffix(s, "/") {
		s += "{$}"
	}
	return s, true
}

func (a httpAdapter) newApp(_ testing.TB, routes []adaptertest.Route, o adaptertest.Options) (*adaptertest.App, error) {
	mux := partyhttp.NewServeMux()
	h := new(*partyhttp.Handle) // set by Join below, read by handlers only once serving
	for _, r := range routes {
		pattern, ok := httpDialect(r.Pattern)
		if !ok {
			return nil, fmt.Errorf("ServeMux cannot say %q", r.Pattern)
		}
		method := r.Method
		if method == "" {
			method = http.MethodGet
		}
		if r.Name == "" {
			mux.HandleFunc(method+" "+pattern, a.echo(h, r))
		} else {
			mux.Named(r.Name).HandleFunc(method+" "+pattern, a.echo(h, r))
		}
	}
	var opts []partyhttp.Option
	if o.Namespace != "" {
		opts = append(opts, partyhttp.Namespace(o.Namespace))
	}
	if o.InviteRoute != "" {
		opts = append(opts, partyhttp.InviteRoute(o.InviteRoute))
	}
	opts = append(opts, o.Kit...)
	handle, err := partyhttp.Join(mux, opts...)
	if err != nil {
		return nil, err
	}
	*h = handle
	build := func(name string, pairs ...string) (string, error) { return handle.URL(nil, name, pairs...) }
	if a.url != nil {
		build = func(name string, pairs ...string) (string, error) { return a.url(handle, name, pairs...) }
	}
	return &adaptertest.App{
		Handler: mux,
		URL:     build,
		JoinAgain: func() error {
			_, err := partyhttp.Join(mux, opts...)
			return err
		},
	}, nil
}

// echo answers a route's request as the suite asks: r.PathValue is both
// the native and the exact reading, and Self is the handle's URL for them.
func (a httpAdapter) echo(h **partyhttp.Handle, r adaptertest.Route) http.HandlerFunc {
	params := adaptertest.Params(r.Pattern)
	return func(w http.ResponseWriter, req *http.Request) {
		e := adaptertest.Echo{Route: r.Name, Native: map[string]string{}, Param: map[string]string{}}
		var pairs []string
		for _, p := range params {
			v := req.PathValue(p.Name)
			e.Native[p.Name], e.Param[p.Name] = v, v
			if a.param != nil {
				e.Param[p.Name] = a.param(req, p)
			}
			pairs = append(pairs, p.Name, e.Param[p.Name])
		}
		if r.Name != "" {
			e.Self = adaptertest.Outcome((*h).URL(req, r.Name, pairs...))
			e.Absolute = adaptertest.Outcome((*h).AbsoluteURL(req, r.Name, pairs...))
		}
		adaptertest.WriteEcho(w, e)
	}
}

// brokenDrivers are adapters with the mistakes the suite exists to catch,
// each with what Run's output must then say.
type brokenDriver struct {
	kind    string
	adapter httpAdapter
	want    []string // what Run's output must say
}

var brokenDrivers = []brokenDriver{
	// Splicing raw values into the pattern, as echo's Reverse and fiber's
	// GetRouteURL do: "a b", "a/b" and "%2F" no longer come back.
	{
		kind: "raw-values",
		adapter: httpAdapter{url: func(h *partyhttp.Handle, name string, pairs ...string) (string, error) {
			u, err := h.URL(nil, name, pairs...)
			if err != nil {
				return "", err
			}
			if raw, err := url.PathUnescape(u); err == nil {
				return raw, nil
			}
			return u, nil
		}},
		want: []string{"--- FAIL: TestBrokenDriverChild/RoundTrip/param", "round-trip law: "},
	},
	// Reading a parameter from the decoded path, as handlers that split
	// r.URL.Path do: "a%2Fb" reads as "b".
	{
		kind: "decoded-path",
		adapter: httpAdapter{param: func(r *http.Request, p adaptertest.Param) string {
			if p.Wildcard {
				return r.PathValue(p.Name)
			}
			return path.Base(r.URL.Path)
		}},
		want: []string{"--- FAIL: TestBrokenDriverChild/RoundTrip/param", "round-trip law: ", `with Param["id"] = "b", want "a/b"`},
	},
	// Refusing every value: the law holds vacuously, which proves nothing.
	{
		kind: "refuses-everything",
		adapter: httpAdapter{url: func(h *partyhttp.Handle, name string, pairs ...string) (string, error) {
			if len(pairs) == 0 {
				return h.URL(nil, name)
			}
			return "", &urlfor.ParamError{Endpoint: name, Param: pairs[0], Value: pairs[1], Reason: "is refused by this broken driver"}
		}},
		want: []string{"--- FAIL: TestBrokenDriverChild/RoundTrip/param", "coverage: "},
	},
}

const brokenChildEnv = "ADAPTERTEST_BROKEN_CHILD"

// TestBrokenDriverChild runs the suite against the broken driver named by
// the environment. It is run only as a subprocess of
// TestBrokenDriversFail, since Run fails the *testing.T it is given and
// that failure is the point.
func TestBrokenDriverChild(t *testing.T) {
	kind := os.Getenv(brokenChildEnv)
	if kind == "" {
		t.Skip("run as a subprocess by TestBrokenDriversFail")
	}
	i := slices.IndexFunc(brokenDrivers, func(b brokenDriver) bool { return b.kind == kind })
	if i < 0 {
		t.Fatalf("no broken driver %q", kind)
	}
	d := httpDriver(brokenDrivers[i].adapter)
	d.Framework += " (broken: " + kind + ")"
	adaptertest.Run(t, d)
}

// TestBrokenDriversFail checks that Run rejects each broken driver, and
// says so by the rule it breaks.
func TestBrokenDriversFail(t *testing.T) {
	if os.Getenv(brokenChildEnv) != "" {
		t.Skip("already the child")
	}
	for _, b := range brokenDrivers {
		kind := b.kind
		t.Run(kind, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestBrokenDriverChild$", "-test.count=1", "-test.timeout=2m")
			cmd.Env = append(os.Environ(), brokenChildEnv+"="+kind)
			out, err := cmd.CombinedOutput()
			var exit *exec.ExitError
			if !errors.As(err, &exit) {
				t.Fatalf("the suite passed the broken driver %q (err %v); output:\n%s", kind, err, out)
			}
			for _, want := range b.want {
				if !strings.Contains(string(out), want) {
					t.Errorf("the child's output lacks %q; output:\n%s", want, out)
				}
			}
		})
	}
}
