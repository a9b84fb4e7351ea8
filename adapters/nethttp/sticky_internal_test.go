package partyhttp

import "testing"

// hasWildcard finds "{key}" and "{key...}" in a ServeMux pattern, and
// nothing else: not "{$}", not a prefix of another name.
func TestHasWildcard(t *testing.T) {
	for _, c := range []struct {
		pattern, key string
		want         bool
	}{
		{"GET /{lang}/posts/{id}", "lang", true},
		{"GET /{lang}/posts/{id}", "id", true},
		{"/files/{path...}", "path", true},
		{"GET example.com/{lang}/", "lang", true},
		{"GET /{language}/about", "lang", false},
		{"GET /{lang}/about", "la", false},
		{"/posts/{$}", "$", false},
		{"/static/", "*", false},
		{"/static/", "", false},
		{"", "lang", false},
		{"/{lang", "lang", false},
	} {
		if got := hasWildcard(c.pattern, c.key); got != c.want {
			t.Errorf("hasWildcard(%q, %q) = %v, want %v", c.pattern, c.key, got, c.want)
		}
	}
}
