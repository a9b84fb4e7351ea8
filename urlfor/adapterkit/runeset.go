package adapterkit

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// RuneSet is a set of runes as sorted, non-overlapping inclusive ranges
// lo, hi, lo, hi... (the layout of regexp/syntax's OpCharClass). Adapters
// use it to say which runes a router lets through raw, and to narrow a
// route's regexp to them with [RestrictRegexp].
type RuneSet []rune

// AllRunes is every rune.
var AllRunes = RuneSet{0, unicode.MaxRune}

// RawSegmentRunes are the bytes urlfor writes unescaped in a path segment:
// ASCII letters, digits, "-._~" and "$&+,:;=@" (RFC 3986 §3.3 pchar, minus
// the sub-delimiters Go's url.URL.EscapedPath would escape: see urlfor's
// package doc). A value made of them reads the same escaped and decoded.
var RawSegmentRunes = RuneSet{
	'$', '$', '&', '&', '+', '.', '0', ';', '=', '=', '@', 'Z', '_', '_', 'a', 'z', '~', '~',
}

// RunesOf returns the set of the runes of s.
func RunesOf(s string) RuneSet {
	var out RuneSet
	for _, r := range s {
		out = out.Union(RuneSet{r, r})
	}
	return out
}

// RunesStartingWith returns the runes whose UTF-8 encoding starts with byte
// b: b itself for ASCII, a block of 64, 4096 or 65536 runes for a lead byte
// (clamped to the runes that byte can start: E0 and F0 begin with overlong
// forms, F4 ends at U+10FFFF), none for a continuation byte.
func RunesStartingWith(b byte) RuneSet {
	var n int
	var minRune rune
	switch {
	case b < utf8.RuneSelf:
		return RuneSet{rune(b), rune(b)}
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
	return RuneSet{max(start, minRune), min(end, unicode.MaxRune)}
}

// Complement returns every rune not in s.
func (s RuneSet) Complement() RuneSet {
	var out RuneSet
	next := rune(0)
	for i := 0; i < len(s); i += 2 {
		if s[i] > next {
			out = append(out, next, s[i]-1)
		}
		next = s[i+1] + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, next, unicode.MaxRune)
	}
	return out
}

// Intersect returns the runes in both s and o.
func (s RuneSet) Intersect(o RuneSet) RuneSet {
	var out RuneSet
	i, j := 0, 0
	for i < len(s) && j < len(o) {
		lo, hi := max(s[i], o[j]), min(s[i+1], o[j+1])
		if lo <= hi {
			out = append(out, lo, hi)
		}
		if s[i+1] < o[j+1] {
			i += 2
		} else {
			j += 2
		}
	}
	return out
}

// Union returns the runes in s or o.
func (s RuneSet) Union(o RuneSet) RuneSet {
	return s.Complement().Intersect(o.Complement()).Complement()
}

// Minus returns the runes of s not in o.
func (s RuneSet) Minus(o RuneSet) RuneSet { return s.Intersect(o.Complement()) }

// Contains reports whether r is in s.
func (s RuneSet) Contains(r rune) bool {
	for i := 0; i < len(s); i += 2 {
		if s[i] <= r && r <= s[i+1] {
			return true
		}
	}
	return false
}

// Equal reports whether s and o hold the same runes.
func (s RuneSet) Equal(o RuneSet) bool { return slices.Equal(s, o) }

// Empty reports whether s holds no rune.
func (s RuneSet) Empty() bool { return len(s) == 0 }
