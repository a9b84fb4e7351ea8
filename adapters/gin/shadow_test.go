package partygin

import (
	"errors"
	"slices"
	"testing"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// testIndex indexes routes given as method, pattern, and returns the index
// and a function that finds the shape of a route.
func testIndex(t *testing.T, routes ...[2]string) (*siblingIndex, func(method, pattern string) int) {
	t.Helper()
	var shapes []adapterkit.Shape
	for _, mp := range routes {
		toks, err := parsePattern(mp[1])
		if err != nil {
			t.Fatal(err)
		}
		shapes = append(shapes, adapterkit.Shape{By: mp[0] + " " + mp[1], Tokens: toks})
	}
	find := func(method, pattern string) int {
		t.Helper()
		i := slices.IndexFunc(shapes, func(s adapterkit.Shape) bool { return s.By == method+" "+pattern })
		if i < 0 {
			t.Fatalf("no route %s %s", method, pattern)
		}
		return i
	}
	return newSiblingIndex(shapes), find
}

func TestSiblingIndexFindsCompetitors(t *testing.T) {
	x, find := testIndex(t,
		[2]string{"GET", "/users"}, [2]string{"GET", "/users/:id"}, [2]string{"GET", "/users/me"},
		[2]string{"GET", "/posts/:id"}, [2]string{"GET", "/posts/new/edit"},
		[2]string{"GET", "/a/:x/b"}, [2]string{"GET", "/a/c/:y"},
		[2]string{"GET", "/m/:id"}, [2]string{"POST", "/m/x"},
		[2]string{"GET", "/:page"}, [2]string{"GET", "/user_:name"}, [2]string{"GET", "/about"},
		[2]string{"GET", "/f/*rest"}, [2]string{"GET", "/__invite__/"},
	)
	check := func(method, pattern string, tok int, exact, proper []string) {
		t.Helper()
		var gotExact, gotProper, by []string
		for _, tk := range x.taken(find(method, pattern), tok) {
			gotExact = append(gotExact, tk.Values...)
			if len(tk.Prefixes) > 0 && !tk.Proper {
				t.Errorf("%s %s: prefixes %q take the prefix alone, which gin sends here", method, pattern, tk.Prefixes)
			}
			gotProper = append(gotProper, tk.Prefixes...)
			if tk.Matching != "" || tk.NonEmpty || tk.Fold || tk.By == "" {
				t.Errorf("%s %s: unexpected set %+v", method, pattern, tk)
			}
			by = append(by, tk.By)
		}
		slices.Sort(gotExact)
		gotExact = slices.Compact(gotExact)
		slices.Sort(exact)
		if !slices.Equal(gotExact, exact) || !slices.Equal(gotProper, proper) {
			t.Errorf("%s %s token %d: taken %q and prefixes %q (by %q), want %q and %q", method, pattern, tok, gotExact, gotProper, by, exact, proper)
		}
	}
	check("GET", "/users/:id", 1, []string{"me"}, nil)
	check("GET", "/posts/:id", 1, nil, nil) // "/posts/new/edit" is longer
	check("GET", "/a/:x/b", 1, []string{"c"}, nil)
	check("GET", "/m/:id", 1, nil, nil) // "/m/x" is POST
	// "/__invite__" is redirected to the invite route (gin's trailing
	// slash recommendation does not backtrack).
	check("GET", "/:page", 1, []string{"users", "about", "__invite__"}, []string{"user_"})
	check("GET", "/user_:name", 1, nil, nil)
	check("GET", "/a/c/:y", 1, nil, nil)
	check("GET", "/f/*rest", 1, nil, nil)
}

// TestTakenValues checks what the sets refuse in a template: exactly the
// value of a static sibling, and every value longer than the prefix of a
// sibling parameter (gin's parameters are never empty), each naming its
// route in ParamError.TakenBy.
func TestTakenValues(t *testing.T) {
	x, find := testIndex(t,
		[2]string{"GET", "/x/:id"}, [2]string{"GET", "/x/new"}, [2]string{"GET", "/x/me"},
		[2]string{"GET", "/x/é"}, [2]string{"GET", "/x/user_:n"},
	)
	s := find("GET", "/x/:id")
	toks := x.shapes[s].Tokens
	tmpl, err := urlfor.NewTemplate("/x/:id", parts(toks, modeDecoded, [][]urlfor.Taken{1: x.taken(s, 1)}), modeDecoded.templateOptions(false)...)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{"ne", "newer", "n", "mee", "m", "user_", "use", "users", "x", "éé", "e", "NEW", "Me"} {
		if _, err := tmpl.Build("id", v); err != nil {
			t.Errorf("%q is refused: %v", v, err)
		}
	}
	for v, by := range map[string]string{"new": "GET /x/new", "me": "GET /x/me", "é": "GET /x/é", "user_bob": "GET /x/user_:n", "user_x": "GET /x/user_:n"} {
		_, err := tmpl.Build("id", v)
		var pe *urlfor.ParamError
		if !errors.As(err, &pe) || pe.TakenBy != by {
			t.Errorf("%q: %v, want it taken by %s", v, err, by)
		}
	}
}
