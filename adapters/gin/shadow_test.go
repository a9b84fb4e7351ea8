package partygin

import (
	"regexp"
	"testing"
)

func TestShadowConstraint(t *testing.T) {
	ex := &exclusions{
		exact:    []string{"new", "me", "é"},
		prefixes: []string{"user_"},
		folded:   []string{"__invite__"},
	}
	re := regexp.MustCompile(`^(?:` + ex.constraint() + `)$`)
	allowed := []string{"ne", "newer", "n", "mee", "m", "user_", "use", "users", "x", "new\n", "\nnew", "éé", "e", "__invite_", "__invite__x", "NEW", "Me"}
	refused := []string{"new", "me", "é", "user_bob", "user_/", "__invite__", "__INVITE__", "__Invite__"}
	for _, v := range allowed {
		if !re.MatchString(v) {
			t.Errorf("%q is refused", v)
		}
	}
	for _, v := range refused {
		if re.MatchString(v) {
			t.Errorf("%q is allowed", v)
		}
	}
	// An exact value sharing a case-insensitive edge is refused in any
	// case on that edge: the safe side.
	ex = &exclusions{exact: []string{"ax"}, folded: []string{"ay"}}
	re = regexp.MustCompile(`^(?:` + ex.constraint() + `)$`)
	for v, want := range map[string]bool{"ax": false, "Ax": false, "aX": true, "ay": false, "AY": false, "az": true, "a": true} {
		if re.MatchString(v) != want {
			t.Errorf("%q: match %v, want %v", v, !want, want)
		}
	}
}

func TestShadowsFindsCompetitors(t *testing.T) {
	shape := func(method, pattern string) (routeShape, string) {
		segs, err := parsePattern(pattern)
		if err != nil {
			t.Fatal(err)
		}
		return routeShape{method: method, segs: segs}, pattern
	}
	var shapes []routeShape
	var patterns []string
	for _, mp := range [][2]string{
		{"GET", "/users"}, {"GET", "/users/:id"}, {"GET", "/users/me"},
		{"GET", "/posts/:id"}, {"GET", "/posts/new/edit"},
		{"GET", "/a/:x/b"}, {"GET", "/a/c/:y"},
		{"GET", "/m/:id"}, {"POST", "/m/x"},
		{"GET", "/:page"}, {"GET", "/user_:name"}, {"GET", "/about"},
		{"GET", "/f/*rest"},
	} {
		s, p := shape(mp[0], mp[1])
		shapes = append(shapes, s)
		patterns = append(patterns, p)
	}
	gs, gp := guardShapes("/__invite__/")
	taken := shadows(append(shapes, gs...), append(patterns, gp...))
	check := func(method, pattern, param string, exact, folded, prefixes []string) {
		t.Helper()
		ex := taken[shadowKey{method, pattern, param}]
		if ex == nil {
			if exact != nil || folded != nil || prefixes != nil {
				t.Errorf("%s %s %s: nothing taken, want %v %v %v", method, pattern, param, exact, folded, prefixes)
			}
			return
		}
		if !equal(ex.exact, exact) || !equal(ex.folded, folded) || !equal(ex.prefixes, prefixes) {
			t.Errorf("%s %s %s: taken %v %v %v (by %v), want %v %v %v", method, pattern, param,
				ex.exact, ex.folded, ex.prefixes, ex.by, exact, folded, prefixes)
		}
	}
	check("GET", "/users/:id", "id", []string{"me"}, nil, nil)
	check("GET", "/posts/:id", "id", nil, nil, nil) // "/posts/new/edit" is longer
	check("GET", "/a/:x/b", "x", []string{"c"}, nil, nil)
	check("GET", "/m/:id", "id", nil, nil, nil) // "/m/x" is POST
	check("GET", "/:page", "page", []string{"users", "about"}, []string{"__invite__"}, []string{"user_"})
	check("GET", "/user_:name", "name", nil, nil, nil)
	check("GET", "/a/c/:y", "y", nil, nil, nil)
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
