package partyfiber

import (
	"regexp"
	"strconv"
	"testing"

	"github.com/gofiber/fiber/v2"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// TestConstraintsAgainstFiber checks, for each constraint and many values,
// that a value our regexp accepts is one fiber's router accepts, through
// fiber.RoutePatternMatch (fiber's parser and CheckConstraint, on the
// pattern and the URL we build, which is the raw text fiber checks).
func TestConstraintsAgainstFiber(t *testing.T) {
	patterns := []string{
		"/x/:v<int>", "/x/:v<min(-3)>", "/x/:v<max(12)>", "/x/:v<range(7,130)>", "/x/:v<bool>", "/x/:v<float>",
		"/x/:v<alpha>", "/x/:v<guid>", "/x/:v<minLen(2)>", "/x/:v<maxLen(3)>", "/x/:v<len(2)>", "/x/:v<betweenLen(1,3)>",
		"/x/:v<minLen(2);maxLen(4);alpha>", `/x/:v<regex([a-c]+)>`, `/x/:v<regex(^\w{2}$)>`, `/x/:v<regex(.)>`,
		`/x/:v<regex((?i)ab)>`, "/x/:v<int;min(0);max(99)>",
	}
	values := []string{"0", "1", "-1", "-3", "-4", "7", "12", "13", "130", "131", "+5", "007", "1.5", "-2.25", "1e3",
		"true", "T", "false", "0b4d5b5e-8d7a-4f7e-9c39-2f0b1f0f7e11", "ab", "aB", "abc", "abcd", "abcde", "a b", "é",
		"日本", "a%2F", "%", "_", "~", "a.b", "Ab", "AB", "bca", "\n"}
	for _, m := range []routerMode{defaultMode, decodedMode} {
		cfg := m.config()
		for _, p := range patterns {
			tmpl, err := translate(p, m)
			if err != nil {
				t.Errorf("%s: %v", p, err)
				continue
			}
			accepted := 0
			for _, v := range values {
				u, err := tmpl.Build("v", v)
				if err != nil {
					continue
				}
				accepted++
				path := u
				if m.unescape {
					path = decodeLikeFasthttp(u)
				}
				if !fiber.RoutePatternMatch(path, p, cfg) {
					t.Errorf("%s (%+v): we build %q for %q, fiber does not match it", p, m, u, v)
				}
			}
			if accepted == 0 {
				t.Errorf("%s (%+v): no value accepted: the test proves nothing", p, m)
			}
		}
	}
}

// decodeLikeFasthttp decodes a path as fiber's UnescapePath does.
func decodeLikeFasthttp(s string) string {
	var out []byte
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '+':
			out = append(out, ' ')
		case s[i] == '%' && i+2 < len(s):
			n, err := strconv.ParseUint(s[i+1:i+3], 16, 8)
			if err != nil {
				out = append(out, '%')
				continue
			}
			out = append(out, byte(n))
			i += 2
		default:
			out = append(out, s[i])
		}
	}
	return string(out)
}

// TestRestrictRegexp: the narrowing of constraints partyfiber relies on
// (adapterkit.RestrictRegexp), on the rune sets it uses.
func TestRestrictRegexp(t *testing.T) {
	raw := adapterkit.RawSegmentRunes
	cases := []struct {
		expr    string
		allowed adapterkit.RuneSet
		match   []string
		refuse  []string
	}{
		{`.+`, raw, []string{"abc", "a-b"}, []string{"a b", "é", "a/b", "%"}},
		{`(?s).*`, adapterkit.AllRunes.Minus(adapterkit.RunesOf("bB")), []string{"", "ac", "é\n"}, []string{"b", "aB"}},
		{`[^x]+`, raw, []string{"ab"}, []string{"a b", "x"}},
		{`(?i)k`, raw, []string{"k", "K"}, []string{"\u212a"}}, // the Kelvin sign folds to k
		{`(?i)k`, adapterkit.AllRunes, []string{"k", "K", "\u212a"}, nil},
		{`é|ab`, raw, []string{"ab"}, []string{"é"}},
		{`^a\b.*$`, raw, []string{"a", "a-b"}, []string{"ab", "a b"}},
		{`\d{2}`, raw, []string{"12"}, []string{"1", "١٢"}},
	}
	for _, c := range cases {
		expr, err := adapterkit.RestrictRegexp(c.expr, c.allowed)
		if err != nil {
			t.Fatalf("%s: %v", c.expr, err)
		}
		re := regexp.MustCompile(`^(?:` + expr + `)$`)
		for _, s := range c.match {
			if !re.MatchString(s) {
				t.Errorf("%s -> %s: refuses %q", c.expr, expr, s)
			}
		}
		for _, s := range c.refuse {
			if re.MatchString(s) {
				t.Errorf("%s -> %s: matches %q", c.expr, expr, s)
			}
		}
	}
	if _, err := adapterkit.RestrictRegexp(`(`, adapterkit.AllRunes); err == nil {
		t.Error("a bad regexp gave no error")
	}
}

// TestRuneSet: the rune-set operations partyfiber uses.
func TestRuneSet(t *testing.T) {
	got := adapterkit.RuneSet{0, 10, 20, 30}.Intersect(adapterkit.RuneSet{5, 25})
	if want := (adapterkit.RuneSet{5, 10, 20, 25}); !got.Equal(want) {
		t.Errorf("Intersect = %v, want %v", got, want)
	}
	if got := (adapterkit.RuneSet{5, 6}).Union(adapterkit.RuneSet{1, 2, 3, 4}); !got.Equal(adapterkit.RuneSet{1, 6}) {
		t.Errorf("Union = %v", got)
	}
	if got := (adapterkit.RuneSet{0, 10}).Minus(adapterkit.RunesOf("\x00\x0a\x05")); !got.Equal(adapterkit.RuneSet{1, 4, 6, 9}) {
		t.Errorf("Minus = %v", got)
	}
}
