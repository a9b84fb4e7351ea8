package urlfor_test

import (
	"errors"
	"testing"

	"github.com/partyline-go/partyline/urlfor"
)

func TestLinkValue(t *testing.T) {
	for _, tt := range []struct {
		target, rel string
		params      []string
		want        string
	}{
		{"/api/items?page=2", "next", nil, `</api/items?page=2>; rel="next"`},
		{"https://example.com/a b>c\"é", "canonical", nil, `<https://example.com/a%20b%3Ec%22%C3%A9>; rel="canonical"`},
		{"/x", "next prev", []string{"title", `say "hi" \ bye`}, `</x>; rel="next prev"; title="say \"hi\" \\ bye"`},
	} {
		got, err := urlfor.LinkValue(tt.target, tt.rel, tt.params...)
		if err != nil || got != tt.want {
			t.Errorf("LinkValue(%q, %q, %q) = %q, %v; want %q", tt.target, tt.rel, tt.params, got, err, tt.want)
		}
	}
	for _, bad := range [][]string{{"/x", ""}, {"/x", "next", "title"}, {"/x", "next", "ti tle", "v"}, {"/x", "next", "title", "a\nb"}} {
		if _, err := urlfor.LinkValue(bad[0], bad[1], bad[2:]...); !errors.Is(err, urlfor.ErrBadCall) {
			t.Errorf("LinkValue(%q): %v, want ErrBadCall", bad, err)
		}
	}
	if got := urlfor.JoinLinks(`</a>; rel="next"`, `</b>; rel="prev"`); got != `</a>; rel="next", </b>; rel="prev"` {
		t.Errorf("JoinLinks = %q", got)
	}
}
