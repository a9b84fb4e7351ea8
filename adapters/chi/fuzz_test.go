package partychi_test

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"testing"

	"github.com/go-chi/chi/v5"
	partychi "github.com/partyline-go/partyline/adapters/chi"
	"github.com/partyline-go/partyline/urlfor"
)

// fuzzRoute is one endpoint of the round-trip app: its name, chi pattern
// and parameter keys (the fuzzer's values fill them in order).
type fuzzRoute struct {
	name, pattern string
	keys          []string
}

// fuzzRoutes covers chi's pattern dialect: plain, two-param, mid-segment
// params ending at a literal byte, regexp constraints (with bytes that need
// escaping, and case folding), the trailing wildcard, literal text that
// needs escaping (non-ASCII, "!"), a sub-router, a mounted sub-router.
var fuzzRoutes = []fuzzRoute{
	{"one", "/posts/{id}", []string{"id"}},
	{"two", "/u/{a}/{b}", []string{"a", "b"}},
	{"ext", "/docs/{a}.json", []string{"a"}},
	{"dash", "/d/{a}-{b}", []string{"a", "b"}},
	{"re", "/re/{a:[a-z0-9 ,%]+}/{b}", []string{"a", "b"}},
	{"re-any", "/ra/{a:.+}/{b}", []string{"a", "b"}},
	{"re-fold", "/rf/{a:(?i)k+}/{b}", []string{"a", "b"}},
	{"files", "/files/*", []string{"*"}},
	{"mixed", "/m/{a}/*", []string{"a", "*"}},
	{"uber", "/über/{a}/{b}", []string{"a", "b"}},
	{"uber-ext", "/ü/{a}ü/{b}", []string{"a", "b"}},
	{"bang", "/bang/{a}!x", []string{"a"}},
	{"space", "/a b/{a}", []string{"a"}},
	{"route", "/route/{a}/{b}", []string{"a", "b"}}, // registered in r.Route
	{"mount", "/mnt/{a}/x/{b}", []string{"a", "b"}}, // registered in a Mounted router
}

// fuzzApp registers fuzzRoutes in a chi router, each answering a hit.
func fuzzApp(ns string) *chi.Mux {
	r := chi.NewRouter()
	sub := chi.NewRouter()
	for _, fr := range fuzzRoutes {
		h := echo(ns+":"+fr.name, fr.keys...)
		switch fr.name {
		case "route":
			r.Route("/route", func(r chi.Router) {
				r.With(partychi.Name(fr.name)).Get("/{a}/{b}", h)
			})
		case "mount":
			sub.With(partychi.Name(fr.name)).Get("/{a}/x/{b}", h)
		default:
			r.With(partychi.Name(fr.name)).Get(fr.pattern, h)
		}
	}
	r.Mount("/mnt", sub)
	// Static siblings that take values from the routes above (shadow.go).
	for _, p := range []string{"/posts/new", "/posts/latest", "/docs/new.json", "/files/readme", "/files/docs/{x}", "/d/new-{x}"} {
		r.Get(p, echo(ns+":sibling "+p))
	}
	return r
}

// FuzzRoundTrip checks the round-trip law: for any values, URL either
// fails, or builds a URL that, requested over HTTP through the party and a
// real dispatcher, reaches the same endpoint with the same values
// (decoded with partychi.URLParam, and from chi.URLParam itself when no
// parameter but the wildcard holds "/"). Two dispatchers: http.ServeMux with
// http.StripPrefix ("/blog"), and chi's Mount ("/wiki", prefix not
// stripped).
func FuzzRoundTrip(f *testing.F) {
	blog, wiki := fuzzApp("blog"), fuzzApp("wiki")
	hb := mustJoin(f, blog)
	hw := mustJoin(f, wiki)
	top := chi.NewRouter()
	top.Mount("/wiki", wiki)
	mux := stripMux(map[string]http.Handler{"/blog": blog, "": top})
	srv := server(f, mustParty(f, mux, "/blog/__invite__/", "/wiki/__invite__/"))
	client := srv.Client()
	client.CheckRedirect = noRedirects.CheckRedirect

	seeds := []string{
		"7", " ", "a b", "/", "a/b", "%2F", "%", "%%", "?", "#", "..", ".", "...", "ünï©ødé", "é", "K", "\u212a",
		"{id}", ":id", "*", "+", ";", ",", "!", "a.b", "a-b", "ü", "a!b", "", "\x00", "\xff", "__invite__",
		"new", "latest", "readme", "docs/a", "new-a", "new-a-b", "a,b;c", "Smith, John", "a;b/c,d",
	}
	for i, a := range seeds {
		f.Add(a, seeds[(i+1)%len(seeds)])
		f.Add(a, "x")
	}

	f.Fuzz(func(t *testing.T, a, b string) {
		for _, h := range []*partychi.Handle{hb, hw} {
			p, _ := h.Participant()
			ns := p.Namespace()
			for _, fr := range fuzzRoutes {
				vals := []string{a, b}
				var pairs []string
				want := map[string]string{}
				for i, k := range fr.keys {
					pairs = append(pairs, k, vals[i])
					want[k] = vals[i]
				}
				u, err := h.URL(nil, fr.name, pairs...)
				if err != nil {
					if !errors.Is(err, urlfor.ErrInvalidParam) {
						t.Fatalf("%s:%s %q: error %v is not an invalid-parameter error", ns, fr.name, pairs, err)
					}
					continue
				}
				resp, err := client.Get(srv.URL + u)
				if err != nil {
					t.Fatalf("%s:%s %q: GET %q: %v", ns, fr.name, pairs, u, err)
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					t.Fatalf("%s:%s %q: GET %q: status %d %q", ns, fr.name, pairs, u, resp.StatusCode, body)
				}
				var got hit
				if err := json.Unmarshal(body, &got); err != nil {
					t.Fatalf("%s:%s: GET %q: %q: %v", ns, fr.name, u, body, err)
				}
				if got.Endpoint != ns+":"+fr.name || !sameParams(got.Params, want) {
					t.Fatalf("%s:%s %q: GET %q reached %s with %q, want %q", ns, fr.name, pairs, u, got.Endpoint, got.Params, want)
				}
				if nativeExact(pairs) && !sameParams(got.Native, want) {
					t.Fatalf("%s:%s %q: GET %q: chi.URLParam gave %q, want %q", ns, fr.name, pairs, u, got.Native, want)
				}
			}
		}
	})
}
