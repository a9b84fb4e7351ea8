package partychi

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// diffRoute is a route of a differential app: "" name leaves it unnamed;
// a mount is a sub-router with one GET route "/x" mounted at pattern.
type diffRoute struct{ name, method, pattern string }

// diffApps are route sets whose routes compete for URLs.
var diffApps = [][]diffRoute{
	{{"post", "GET", "/posts/{id}"}, {"new", "GET", "/posts/new"}, {"", "GET", "/posts/latest"}, {"edit", "GET", "/posts/{id}/edit"}},
	{{"q", "GET", "/q/{id}"}, {"qnew", "POST", "/q/new"}, {"both", "PUT", "/q/{id}/x"}, {"", "GET", "/q/new/x"}},
	{{"ext", "GET", "/e/{id}.json"}, {"enew", "GET", "/e/new.json"}, {"", "GET", "/e/a.b.json"}},
	{{"x", "GET", "/x/{id}"}, {"xnew", "GET", "/x/new-{y}"}, {"xre", "GET", "/x/re-{n:[0-9]+}"}},
	{{"files", "GET", "/f/*"}, {"readme", "GET", "/f/readme"}, {"fid", "GET", "/f/{id}/v"}, {"docs", "GET", "/f/docs/{name}"}},
	{{"gp", "GET", "/gp/*"}, {"gpname", "GET", "/gp/{name}"}},
	{{"c", "GET", "/c/{id}"}, {"cnew", "GET", "/c/NEW"}, {"cre", "GET", "/c/{k:[A-Z]+}/k"}},
	{{"item", "GET", "/items/{id}"}, {"draft", "GET", "/items/draft-{n}"}, {"drafty", "GET", "/items/Draft-{n}"}},
	{{"any", "GET", "/r/{id}"}, {"year", "GET", "/r/{y:[0-9]+}"}, {"word", "GET", "/r/{w:[a-z]+}"}},
	{{"page", "GET", "/{id}/x"}, {"", "MOUNT", "/api"}, {"home", "GET", "/"}},
	{{"two", "GET", "/t/{a}/{id}"}, {"tnew", "GET", "/t/{b:[0-9]+}/new"}},
	{{"dash", "GET", "/d/{a}-{b}"}, {"dnew", "GET", "/d/new-{x}"}},
}

// overApproximations are the refusals shadow.go makes on the safe side, by
// endpoint, key and value: a prefix taken though the sibling's parameter
// needs a non-empty (or constrained) rest, or a deeper path backtracks to
// the wildcard; and a competition that needs two parameters at once
// ("/t/{b:[0-9]+}/new" takes a of digits only with id "new"), which Taken
// sets cannot say: both are refused.
var overApproximations = []string{
	"x id=new-", "x id=re-", "x id=re-x", "files *=docs/x/y", "item id=Draft-", "item id=draft-",
	"two a=0", "two a=2024", "two id=new",
}

// TestDifferential builds, for every parameter of every named route of
// diffApps, values made from the routes' own literals (segments, their
// prefixes and extensions, letter-case variants, digits), and asks the
// router over ServeHTTP where each URL goes: a built URL must reach its
// own route with the value; a refusal naming another route must be
// justified (the same URL, built without refusals, reaches elsewhere) or
// be one of overApproximations.
func TestDifferential(t *testing.T) {
	built, justified, over := 0, 0, 0
	for _, routes := range diffApps {
		r := diffRouter(routes)
		src := &source{router: r}
		for _, ur := range src.Routes() {
			if ur.Err != nil {
				t.Fatalf("%s: %v", ur.Pattern, ur.Err)
			}
			method := strings.Split(cmpOr(ur.Method, "GET"), ",")[0]
			toks, _ := splitPattern(ur.Pattern)
			for _, tk := range toks {
				if tk.Literal != "" {
					continue
				}
				for _, v := range diffValues(routes, tk.Wildcard) {
					pairs := fillers(toks, tk.Param, v)
					u, err := ur.Path.Build(pairs...)
					var pe *urlfor.ParamError
					switch {
					case err == nil:
						built++
						if got := serve(r, method, u); got.Route != ur.Name || got.Params[tk.Param] != v {
							t.Errorf("%s %s=%q: built %q, which reached %+v", ur.Name, tk.Param, v, u, got)
						}
					case errors.As(err, &pe) && pe.TakenBy != "":
						base, _ := parsePattern(ur.Pattern, nil)
						if bu, err := base.Build(pairs...); err == nil && serve(r, method, bu).Route != ur.Name {
							justified++
							continue
						}
						over++
						if key := ur.Name + " " + tk.Param + "=" + v; !slices.Contains(overApproximations, key) {
							t.Errorf("%s %s=%q refused, taken by %q, yet built without refusals it reaches its own route", ur.Name, tk.Param, v, pe.TakenBy)
						}
					case !errors.Is(err, urlfor.ErrInvalidParam):
						t.Errorf("%s %s=%q: %v", ur.Name, tk.Param, v, err)
					}
				}
			}
		}
	}
	t.Logf("%d built and reached, %d refusals justified, %d over-approximations", built, justified, over)
	if justified == 0 || built == 0 || over != len(overApproximations) {
		t.Fatalf("the catalogue exercises too little, or an over-approximation is gone: update overApproximations")
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func diffRouter(routes []diffRoute) *chi.Mux {
	r := chi.NewRouter()
	for _, dr := range routes {
		switch {
		case dr.method == "MOUNT":
			sub := chi.NewRouter()
			sub.Get("/x", diffEcho("mounted", nil))
			r.Mount(dr.pattern, sub)
		case dr.name == "":
			r.MethodFunc(dr.method, dr.pattern, diffEcho("unnamed "+dr.pattern, nil))
		default:
			toks, _ := splitPattern(dr.pattern)
			r.With(Name(dr.name)).MethodFunc(dr.method, dr.pattern, diffEcho(dr.name, toks))
		}
	}
	return r
}

type diffHit struct {
	Route  string
	Params map[string]string
}

func diffEcho(name string, toks []adapterkit.Token) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h := diffHit{Route: name, Params: map[string]string{}}
		for _, tk := range toks {
			if tk.Literal == "" {
				h.Params[tk.Param] = URLParam(r, tk.Param)
			}
		}
		_ = json.NewEncoder(w).Encode(h)
	}
}

// serve requests u from r and returns what answered; Route is "" for
// anything but a 200.
func serve(r http.Handler, method, u string) diffHit {
	rec := httptest.NewRecorder()
	r.ServeHTTP(rec, httptest.NewRequest(method, u, nil))
	var h diffHit
	if rec.Code == http.StatusOK {
		_ = json.Unmarshal(rec.Body.Bytes(), &h)
	}
	return h
}

// fillers are the pairs of toks with v for key and "x1" for the others.
func fillers(toks []adapterkit.Token, key, v string) []string {
	var pairs []string
	for _, tk := range toks {
		switch {
		case tk.Param == key:
			pairs = append(pairs, key, v)
		case tk.Literal == "":
			pairs = append(pairs, tk.Param, cmpOr(adapterkit.Sample(tk.Constraint), "x1"))
		}
	}
	return pairs
}

// diffValues are the probe values: every piece of the routes' literal text
// between "/" (and two pieces joined, for a wildcard), each with its
// prefixes, extended, in both letter cases, and a few digits and words.
func diffValues(routes []diffRoute, wildcard bool) []string {
	vals := []string{"x", "0", "2024", "abc", "ABC", "a-b", "new-", "draft-", "Draft-1"}
	for _, dr := range routes {
		segs := strings.FieldsFunc(dr.pattern, func(r rune) bool { return r == '/' })
		for i, seg := range segs {
			lit, _, _ := strings.Cut(seg, "{")
			if lit == "" {
				continue
			}
			for k := 1; k <= len(lit); k++ {
				vals = append(vals, lit[:k])
			}
			vals = append(vals, lit+"1", lit+"x", strings.ToUpper(lit), strings.ToLower(lit))
			if wildcard && i+1 < len(segs) {
				vals = append(vals, lit+"/"+segs[i+1], lit+"/x", lit+"/x/y")
			}
		}
	}
	slices.Sort(vals)
	return slices.Compact(vals)
}
