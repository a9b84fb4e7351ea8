package echodialect

import (
	"strings"
	"testing"
)

// TestInNetURL: static text can stand in a path the echo adapters build exactly
// when a value written by urlfor (in a parameter or the wildcard) holds
// it; each true row names such a value.
func TestInNetURL(t *testing.T) {
	for _, tt := range []struct {
		text    string
		want    bool
		witness string // a value whose URL text holds text
	}{
		{"/posts/new", true, "x/posts/new"},
		{"/a:b,c;d", true, "x/a:b,c;d"},
		{"c%20d", true, "c d"},
		{"%2F", true, "/"},
		{"x%", true, "x/"},  // an escape cut at the end goes on
		{"x%2", true, "x/"}, // the same
		{"%41b", false, ""}, // urlfor writes "A" as it is
		{"%2f", false, ""},  // lower-case hex
		{"%zz", false, ""},
		{"x%g", false, ""},
		{"café", false, ""},
		{"c d", false, ""},
		{`back\slash`, false, ""},
	} {
		if got := InNetURL(tt.text); got != tt.want {
			t.Errorf("InNetURL(%q) = %v, want %v", tt.text, got, tt.want)
		}
		p, _ := Written(tt.witness, false)
		w, _ := Written(tt.witness, true)
		if tt.want && !strings.Contains(p, tt.text) && !strings.Contains(w, tt.text) {
			t.Errorf("%q: urlfor writes %q as %q and %q", tt.text, tt.witness, p, w)
		}
	}
}
