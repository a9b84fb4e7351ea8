package adapterkit_test

import (
	"math/rand/v2"
	"regexp"
	"testing"

	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

var (
	paramEl = []adapterkit.Elem{{Class: adapterkit.NotSlash}, {Class: adapterkit.NotSlash, Star: true}}
	wildEl  = []adapterkit.Elem{{Class: adapterkit.AnyByte, Star: true}}
)

func elems(parts ...any) []adapterkit.Elem {
	var out []adapterkit.Elem
	for _, p := range parts {
		switch p := p.(type) {
		case string:
			out = adapterkit.AppendLiteral(out, p)
		case []adapterkit.Elem:
			out = append(out, p...)
		}
	}
	return out
}

func TestWitness(t *testing.T) {
	for _, c := range []struct {
		a, b []adapterkit.Elem
		want string
		ok   bool
	}{
		{elems("/posts/", paramEl), elems("/posts/new"), "/posts/new", true},
		{elems("/posts/", paramEl), elems("/posts/", paramEl), "/posts/\x00\x00", true}, // NULs: no static branch
		{elems("/posts/", paramEl), elems("/posts/", paramEl, "/edit"), "", false},
		{elems("/f/", wildEl), elems("/f/", paramEl, "/x"), "/f/\x00\x00/x", true},
		{elems("/f/", wildEl), elems("/f/"), "/f/", true},
		{elems("/a/", paramEl), elems("/a/b/c"), "", false}, // a parameter stops at "/"
		{elems("/items/draft-", paramEl), elems("/items/", paramEl), "/items/draft-\x00\x00", true},
	} {
		got, ok := adapterkit.Witness(c.a, c.b)
		if got != c.want || ok != c.ok {
			t.Errorf("Witness(%s, %s) = %q, %v; want %q, %v", adapterkit.ElemsRE(c.a), adapterkit.ElemsRE(c.b), got, ok, c.want, c.ok)
		}
	}
	if re := adapterkit.ElemsRE(elems("/a.", paramEl, wildEl)); re != `/a\.[^/][^/]*(?s:.)*` {
		t.Errorf("ElemsRE = %s", re)
	}
}

// On random patterns, a witness matches both (by their regexps), and
// there is none only when no short path over the bytes that matter does.
func TestWitnessRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pool := []adapterkit.Elem{{Byte: 'a'}, {Byte: '/'}, {Class: adapterkit.NotSlash}, {Class: adapterkit.AnyByte},
		{Class: adapterkit.NotSlash, Star: true}, {Class: adapterkit.AnyByte, Star: true}, {Byte: 'a', Star: true}}
	gen := func() []adapterkit.Elem {
		out := make([]adapterkit.Elem, rng.IntN(5))
		for k := range out {
			out[k] = pool[rng.IntN(len(pool))]
		}
		return out
	}
	var all []string // every string of up to 5 bytes over a, /, NUL
	var grow func(s string)
	grow = func(s string) {
		all = append(all, s)
		if len(s) < 5 {
			for _, c := range "a/\x00" {
				grow(s + string(c))
			}
		}
	}
	grow("")
	var w adapterkit.Witnesser
	for range 2000 {
		a, b := gen(), gen()
		ra, rb := regexp.MustCompile(`^(?:`+adapterkit.ElemsRE(a)+`)$`), regexp.MustCompile(`^(?:`+adapterkit.ElemsRE(b)+`)$`)
		got, ok := w.Witness(a, b)
		if ok {
			if !ra.MatchString(got) || !rb.MatchString(got) {
				t.Fatalf("Witness(%s, %s) = %q, which does not match both", ra, rb, got)
			}
			continue
		}
		for _, s := range all {
			if ra.MatchString(s) && rb.MatchString(s) {
				t.Fatalf("Witness(%s, %s) found none; %q matches both", ra, rb, s)
			}
		}
	}
}
