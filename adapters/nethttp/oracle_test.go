package partyhttp_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/adapters/nethttp"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// siblingPatterns is a route table where patterns compete for the URLs of
// others: statics beside a parameter, deeper statics, subtrees, "{$}", a
// parameter beside a "{name...}", methods, escaped literals.
var siblingPatterns = []string{
	"GET /posts/{id}", "GET /posts/new", "GET /posts/{id}/edit", "GET /posts/new/edit", "GET /posts/drafts/{n}/edit",
	"/files/{path...}", "/files/readme", "/files/docs/", "/files/{$}", "/files/img/{name}",
	"GET /f/{id}", "GET /f/{rest...}", "GET /g/{id}/", "GET /g/{rest...}",
	"/any/{id}", "GET /any/new", "POST /u/{id}", "GET /u/new",
	"GET /{page}", "GET /about", "GET /caf%C3%A9", "GET /a%2Fb",
	"/static/", "GET /static/logo.png", "GET /r/{a}/{b}", "GET /r/x/new",
}

// overRefused are the refusals the differential test finds wider than what
// ServeMux does, for the values it tries: a prefix below a sibling of one
// more segment ("/files/img/{name}" takes "img/a", not "img/a/b"), and a
// value taken only with another parameter's value ("/r/x/new" takes a "x"
// only with b "new"). Both are the safe side.
var overRefused = []string{
	`/files/{path...} path="img/a/b"`,
	`/files/{path...} path="img/new/edit"`,
	`/files/{path...} path="img/x/new"`,
	`GET /r/{a}/{b} a="x"`,
}

// TestSiblingsAgainstTheRouter is the differential test of the refusals:
// for values made from the routes' own literals (letter-case variants,
// prefix families, subtree forms), every URL built, requested through the
// party, reaches its own route with its values; every refusal names a
// pattern (or the subtree a redirect leads to) and the URL, built by hand,
// reaches something else, or it is a known over-approximation.
func TestSiblingsAgainstTheRouter(t *testing.T) {
	mux := partyhttp.NewServeMux()
	h, err := partyhttp.Join(mux)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range siblingPatterns {
		mux.Named(fmt.Sprint("r", i)).HandleFunc(p, answer(paramsOf(p)...))
	}
	party, err := core.New(mux, []string{"/__invite__/"})
	if err != nil {
		t.Fatal(err)
	}
	var over []string
	for i, pattern := range siblingPatterns {
		params := paramsOf(pattern)
		for k, p := range params {
			for _, v := range siblingValues() {
				vals := slices.Repeat([]string{"v"}, len(params))
				vals[k] = v
				want := pattern + " " + strings.Join(vals, "|")
				var pairs []string
				for j, q := range params {
					pairs = append(pairs, q, vals[j])
				}
				u, err := h.URL(nil, fmt.Sprint("r", i), pairs...)
				var pe *urlfor.ParamError
				switch {
				case err == nil:
					if got := reach(party, pattern, u); got != want {
						t.Errorf("%s reaches %q, want %q", u, got, want)
					}
				case errors.As(err, &pe) && pe.TakenBy != "":
					if !slices.Contains(siblingPatterns, pe.TakenBy) && !strings.HasSuffix(pe.TakenBy, "/") {
						t.Errorf("%s %s=%q: TakenBy %q is no pattern of the app", pattern, p, v, pe.TakenBy)
					}
					if hand := handBuilt(pattern, vals); reach(party, pattern, hand) == want {
						over = append(over, fmt.Sprintf("%s %s=%q", pattern, p, v))
					}
				case !errors.Is(err, urlfor.ErrInvalidParam):
					t.Errorf("%s %s=%q: %v", pattern, p, v, err)
				}
			}
		}
	}
	slices.Sort(over)
	if over = slices.Compact(over); !slices.Equal(over, overRefused) {
		t.Errorf("refusals that ServeMux does not justify:\n%s\nwant\n%s", strings.Join(over, "\n"), strings.Join(overRefused, "\n"))
	}
}

// siblingValues are the values the differential test tries: the literal
// segments of siblingPatterns, decoded, and their neighbours.
func siblingValues() []string {
	vals := []string{"", "v", "x", "a/b/c", "~p~"}
	for _, p := range siblingPatterns {
		_, path, _ := strings.Cut(p, "/")
		for s := range strings.SplitSeq(path, "/") {
			if s == "" || strings.Contains(s, "{") {
				continue
			}
			s, _ = url.PathUnescape(s)
			vals = append(vals, s, strings.ToUpper(s), s+"-1", s[:len(s)-1], s+"/", s+"/a", s+"/a/b", s+"/x/new", s+"/new/edit")
		}
	}
	slices.Sort(vals)
	return slices.Compact(vals)
}

// paramsOf lists the parameters of a pattern: its wildcards, and
// SubtreeParam for a trailing "/".
func paramsOf(pattern string) []string {
	var out []string
	for s := range strings.SplitSeq(pattern, "/") {
		if name, ok := strings.CutPrefix(s, "{"); ok && s != "{$}" {
			out = append(out, strings.TrimSuffix(strings.TrimSuffix(name, "}"), "..."))
		}
	}
	if strings.HasSuffix(pattern, "/") {
		out = append(out, partyhttp.SubtreeParam)
	}
	return out
}

// answer writes the pattern and the values of params: r.PathValue, or the
// remainder of a subtree.
func answer(params ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var vals []string
		for _, p := range params {
			v := r.PathValue(p)
			if p == partyhttp.SubtreeParam { // the escaped path after the pattern's segments
				n := strings.Count(r.Pattern, "/")
				v, _ = url.PathUnescape(strings.SplitN(r.URL.EscapedPath(), "/", n+1)[n])
			}
			vals = append(vals, v)
		}
		fmt.Fprint(w, r.Pattern+" "+strings.Join(vals, "|"))
	}
}

// reach requests target through h with pattern's method and returns the
// answer, or the status and Location.
func reach(h http.Handler, pattern, target string) string {
	method, _, ok := strings.Cut(pattern, " ")
	if !ok {
		method = http.MethodGet
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	if rec.Code != http.StatusOK {
		return fmt.Sprint(rec.Code, " ", rec.Header().Get("Location"))
	}
	return rec.Body.String()
}

// handBuilt is pattern's path with vals escaped into its wildcards, as the
// adapter would build it without refusals.
func handBuilt(pattern string, vals []string) string {
	_, path, ok := strings.Cut(pattern, " ")
	if !ok {
		path = pattern
	}
	segs := strings.Split(path, "/")
	for j, s := range segs {
		if strings.HasPrefix(s, "{") && s != "{$}" || j == len(segs)-1 && s == "" {
			v := vals[0]
			// As urlfor escapes: Go's path encoding, "/" in one segment as "%2F".
			if vals, segs[j] = vals[1:], strings.ReplaceAll((&url.URL{Path: "/" + v}).EscapedPath()[1:], "/", "%2F"); s == "" || strings.HasSuffix(s, "...}") {
				segs[j] = (&url.URL{Path: v}).EscapedPath()
			}
		}
	}
	return strings.ReplaceAll(strings.Join(segs, "/"), "{$}", "")
}
