package partychi

import (
	"regexp/syntax"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Rune sets are sorted, non-overlapping inclusive ranges lo, hi, lo, hi...
// (the layout of regexp/syntax's OpCharClass).

// allRunes is every rune.
var allRunes = []rune{0, unicode.MaxRune}

// rawSegmentRunes are the bytes urlfor writes unescaped in a path segment:
// ASCII letters, digits, "-._~" and "$&+:=@". A value made of them reads
// the same escaped and decoded.
var rawSegmentRunes = []rune{
	'$', '$', '&', '&', '+', '+', '-', '.', '0', ':', '=', '=', '@', 'Z', '_', '_', 'a', 'z', '~', '~',
}

// runesStartingWith returns the runes whose UTF-8 encoding starts with byte
// b: b itself for ASCII, a block of 64, 4096 or 65536 runes for a lead byte
// (clamped to the runes that byte can start: E0 and F0 begin with overlong
// forms, F4 ends at U+10FFFF), none for a continuation byte.
func runesStartingWith(b byte) []rune {
	var n int
	var minRune rune
	switch {
	case b < utf8.RuneSelf:
		return []rune{rune(b), rune(b)}
	case b >= 0xC2 && b <= 0xDF:
		n, minRune = 2, 0x80
	case b >= 0xE0 && b <= 0xEF:
		n, minRune = 3, 0x800
	case b >= 0xF0 && b <= 0xF4:
		n, minRune = 4, 0x10000
	default:
		return nil
	}
	bits := 6 * (n - 1)
	start := rune(b&(0xFF>>(n+1))) << bits
	end := start | (1<<bits - 1)
	return []rune{max(start, minRune), min(end, unicode.MaxRune)}
}

// subtract returns a minus b.
func subtract(a, b []rune) []rune {
	return intersect(a, complement(b))
}

// complement returns every rune not in a.
func complement(a []rune) []rune {
	var out []rune
	next := rune(0)
	for i := 0; i < len(a); i += 2 {
		if a[i] > next {
			out = append(out, next, a[i]-1)
		}
		next = a[i+1] + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, next, unicode.MaxRune)
	}
	return out
}

// intersect returns the runes in both a and b.
func intersect(a, b []rune) []rune {
	var out []rune
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		lo, hi := max(a[i], b[j]), min(a[i+1], b[j+1])
		if lo <= hi {
			out = append(out, lo, hi)
		}
		if a[i+1] < b[j+1] {
			i += 2
		} else {
			j += 2
		}
	}
	return out
}

func sameRanges(a, b []rune) bool { return slices.Equal(a, b) }

func contains(set []rune, r rune) bool {
	for i := 0; i < len(set); i += 2 {
		if set[i] <= r && r <= set[i+1] {
			return true
		}
	}
	return false
}

// restrictRegexp returns a regexp whose language is that of re (Go syntax,
// as chi compiles it) limited to strings made only of runes in allowed.
// Every rune a regexp matches comes from a leaf of its syntax tree (a
// literal, a class, "."), and nothing else in the tree reads runes, so
// narrowing every leaf to allowed narrows the language exactly.
func restrictRegexp(re string, allowed []rune) (string, error) {
	t, err := syntax.Parse(re, syntax.Perl)
	if err != nil {
		return "", err
	}
	return restrictNode(t, allowed).String(), nil
}

func restrictNode(t *syntax.Regexp, allowed []rune) *syntax.Regexp {
	switch t.Op {
	case syntax.OpLiteral:
		if t.Flags&syntax.FoldCase == 0 {
			for _, r := range t.Rune {
				if !contains(allowed, r) {
					return &syntax.Regexp{Op: syntax.OpNoMatch}
				}
			}
			return t
		}
		// A case-folded literal matches every rune of each rune's fold
		// orbit ("k" matches "K" and U+212A KELVIN SIGN).
		cat := &syntax.Regexp{Op: syntax.OpConcat}
		for _, r := range t.Rune {
			var set []rune
			for f := r; ; {
				set = union(set, []rune{f, f})
				if f = unicode.SimpleFold(f); f == r {
					break
				}
			}
			cat.Sub = append(cat.Sub, class(intersect(set, allowed)))
		}
		if len(cat.Sub) == 1 {
			return cat.Sub[0]
		}
		return cat
	case syntax.OpCharClass:
		return class(intersect(t.Rune, allowed))
	case syntax.OpAnyChar:
		return class(allowed)
	case syntax.OpAnyCharNotNL:
		return class(subtract(allowed, []rune{'\n', '\n'}))
	}
	for i, s := range t.Sub {
		t.Sub[i] = restrictNode(s, allowed)
	}
	return t
}

func class(set []rune) *syntax.Regexp {
	if len(set) == 0 {
		return &syntax.Regexp{Op: syntax.OpNoMatch}
	}
	return &syntax.Regexp{Op: syntax.OpCharClass, Rune: set}
}

// union returns the runes in a or b.
func union(a, b []rune) []rune {
	return complement(intersect(complement(a), complement(b)))
}
