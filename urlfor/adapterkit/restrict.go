package adapterkit

import (
	"regexp/syntax"
	"unicode"
)

// RestrictRegexp returns a regexp (Go syntax) whose language is that of re
// limited to strings made only of runes in allowed: the constraint of a
// route parameter narrowed to what its router can route back (a router
// that matches regexps against the raw path sees "%20", never " ").
//
// Every rune a regexp matches comes from a leaf of its syntax tree (a
// literal, a class, "."), and nothing else in the tree reads runes, so
// narrowing every leaf narrows the language exactly. A case-folded literal
// matches each rune's whole fold orbit ("k" matches "K" and U+212A KELVIN
// SIGN). Errors are regexp/syntax's for a re that does not parse.
func RestrictRegexp(re string, allowed RuneSet) (string, error) {
	t, err := syntax.Parse(re, syntax.Perl)
	if err != nil {
		return "", err
	}
	return restrictNode(t, allowed).String(), nil
}

func restrictNode(t *syntax.Regexp, allowed RuneSet) *syntax.Regexp {
	switch t.Op {
	case syntax.OpLiteral:
		if t.Flags&syntax.FoldCase == 0 {
			for _, r := range t.Rune {
				if !allowed.Contains(r) {
					return &syntax.Regexp{Op: syntax.OpNoMatch}
				}
			}
			return t
		}
		cat := &syntax.Regexp{Op: syntax.OpConcat}
		for _, r := range t.Rune {
			var orbit RuneSet
			for f := r; ; {
				orbit = orbit.Union(RuneSet{f, f})
				if f = unicode.SimpleFold(f); f == r {
					break
				}
			}
			cat.Sub = append(cat.Sub, class(orbit.Intersect(allowed)))
		}
		if len(cat.Sub) == 1 {
			return cat.Sub[0]
		}
		return cat
	case syntax.OpCharClass:
		return class(RuneSet(t.Rune).Intersect(allowed))
	case syntax.OpAnyChar:
		return class(allowed)
	case syntax.OpAnyCharNotNL:
		return class(allowed.Minus(RuneSet{'\n', '\n'}))
	}
	for i, s := range t.Sub {
		t.Sub[i] = restrictNode(s, allowed)
	}
	return t
}

func class(set RuneSet) *syntax.Regexp {
	if len(set) == 0 {
		return &syntax.Regexp{Op: syntax.OpNoMatch}
	}
	return &syntax.Regexp{Op: syntax.OpCharClass, Rune: set}
}
