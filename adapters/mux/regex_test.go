package partymux

import (
	"regexp"
	"testing"

	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

func mustParse(t *testing.T, re string) *regexpSyntax {
	t.Helper()
	p, err := parseRegexp(re)
	if err != nil {
		t.Fatalf("parse %q: %v", re, err)
	}
	return p
}

func TestRestrict(t *testing.T) {
	patterns := []string{`[^/]+`, `.*`, `(?s).+`, `[a-z.]+`, `(?i:daily|mini)`, `a|b/c`, `\d{4}-\d{2}`, `[0-9]*`, `x.y`, `(?i)ab`}
	allows := map[string]adapterkit.RuneSet{
		"no dot":    adapterkit.AllRunes.Minus(adapterkit.RunesOf(".")),
		"invariant": adapterkit.RawSegmentRunes,
		"no -./":    adapterkit.AllRunes.Minus(adapterkit.RunesOf("-./")),
		"no a":      adapterkit.AllRunes.Minus(adapterkit.RunesOf("aA")),
	}
	texts := []string{"", "a", "A", "ab", "AB", "a.b", "a-b", "2016-01", "x.y", "xzy", "b/c", "daily", "DAILY", "dAily", "a b", "é", "\n", "123", "a%2F"}
	for _, p := range patterns {
		orig := regexp.MustCompile(`^(?:` + p + `)$`)
		for name, allow := range allows {
			got, err := adapterkit.RestrictRegexp(p, allow)
			if err != nil {
				t.Fatalf("RestrictRegexp(%q, %s): %v", p, name, err)
			}
			re, err := regexp.Compile(`^(?:` + got + `)$`)
			if err != nil {
				t.Fatalf("RestrictRegexp(%q, %s) = %q does not compile: %v", p, name, got, err)
			}
			for _, s := range texts {
				inAllow := true
				for _, r := range s {
					inAllow = inAllow && allow.Contains(r)
				}
				if want := orig.MatchString(s) && inAllow; re.MatchString(s) != want {
					t.Errorf("RestrictRegexp(%q, %s) = %q matches %q: %v, want %v", p, name, got, s, !want, want)
				}
			}
		}
	}
}

func TestRegexpProperties(t *testing.T) {
	cases := []struct {
		re                string
		slashy, greedy    bool
		allParam, allWild bool
		sample            string
	}{
		{`[^/]+`, false, true, true, false, "a"},
		{`.*`, true, true, true, true, ""},
		{`.+`, true, true, true, true, "a"},
		{`[0-9]+`, false, true, false, false, "0"},
		{`[0-9]{3}`, false, true, false, false, "000"},
		{`[^/]+?`, false, false, true, false, "a"},
		{`a|b/c`, true, false, false, false, "a"},
		{`(?:b/c)|a`, true, false, false, false, "b/c"},
		{`(?i:daily|mini)`, false, false, false, false, "daily"},
		{`\d{4,4}-\d{2,2}`, false, false, false, false, "0000-00"},
		{`[a-z/%0-9A-Z._~$&+,:;=@-]*`, true, true, true, true, ""},
	}
	for _, c := range cases {
		p := mustParse(t, c.re)
		if got := mayMatch(p, '/'); got != c.slashy {
			t.Errorf("mayMatch(%q, '/') = %v", c.re, got)
		}
		if got := greedyRun(p); got != c.greedy {
			t.Errorf("greedyRun(%q) = %v", c.re, got)
		}
		if got := acceptsAll(p, escapedParam); got != c.allParam {
			t.Errorf("acceptsAll(%q, param) = %v", c.re, got)
		}
		if got := acceptsAll(p, escapedPath); got != c.allWild {
			t.Errorf("acceptsAll(%q, path) = %v", c.re, got)
		}
		if got, ok := sampleOf(c.re); !ok || got != c.sample {
			t.Errorf("sample(%q) = %q, %v; want %q", c.re, got, ok, c.sample)
		}
	}
	if got, ok := sampleOf(`^[^\x00-\x{10FFFF}]$`); ok {
		t.Errorf("sample of a regexp that matches nothing = %q", got)
	}
}

func TestAnchoredAtEnd(t *testing.T) {
	for re, want := range map[string]bool{
		`^/a$`: true, `^/a`: false, `^/a\$`: false, `^/a\\$`: true, `^/a[/]?$`: true, `^/(?P<v0>[^/]+)`: false,
	} {
		if got := anchoredAtEnd(re); got != want {
			t.Errorf("anchoredAtEnd(%q) = %v", re, got)
		}
	}
	// mux's own regexps.
	for _, c := range []struct {
		prefix bool
		tpl    string
	}{{false, "/a/{b}"}, {true, "/a/{b}"}, {true, "/a$"}, {false, "/a$"}, {true, "/"}} {
		rt := newRoute(c.prefix, c.tpl)
		re, err := rt.GetPathRegexp()
		if err != nil {
			t.Fatal(err)
		}
		if anchoredAtEnd(re) == c.prefix {
			t.Errorf("%q (prefix %v): regexp %q read wrong", c.tpl, c.prefix, re)
		}
	}
}

func TestEscapeLiteral(t *testing.T) {
	for in, want := range map[string]string{
		"/a/b": "/a/b", "/a b": "/a%20b", "/100%": "/100%25", "/é": "/%C3%A9", "/$&+,:;=@-._~": "/$&+,:;=@-._~", "/a;b": "/a;b",
		"/!'()*": "/%21%27%28%29%2A", "*": "%2A", "a*": "a%2A",
	} {
		if got := escapeLiteral(in); got != want {
			t.Errorf("escapeLiteral(%q) = %q, want %q", in, got, want)
		}
	}
}
