package partyfiber

import (
	"regexp/syntax"
	"slices"
	"unicode"
)

// runeSet is a set of runes as sorted, non-overlapping, inclusive pairs
// [lo0, hi0, lo1, hi1, ...], the shape regexp/syntax uses for classes.
type runeSet []rune

var anyRune = runeSet{0, unicode.MaxRune}

// segmentSafe is what urlfor writes raw in a path segment (RFC 3986
// unreserved, and "$&+:=@"): a value made only of these reaches fiber's
// router byte for byte, so a constraint fiber checks on the raw path sees
// the value itself.
var segmentSafe = runeSet{'$', '$', '&', '&', '+', '+', '-', '.', '0', ':', '=', '=', '@', 'Z', '_', '_', 'a', 'z', '~', '~'}

func (s runeSet) without(runes ...rune) runeSet {
	out := s
	for _, r := range runes {
		out = intersect(out, runeSet{0, r - 1, r + 1, unicode.MaxRune})
	}
	return out
}

// intersect returns a ∩ b.
func intersect(a, b runeSet) runeSet {
	var out runeSet
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
	if out == nil {
		out = runeSet{}
	}
	return out
}

// normalize sorts and merges the pairs of s.
func normalize(s runeSet) runeSet {
	type pair struct{ lo, hi rune }
	ps := make([]pair, 0, len(s)/2)
	for i := 0; i < len(s); i += 2 {
		ps = append(ps, pair{s[i], s[i+1]})
	}
	slices.SortFunc(ps, func(a, b pair) int { return int(a.lo - b.lo) })
	var out runeSet
	for _, p := range ps {
		if n := len(out); n > 0 && p.lo <= out[n-1]+1 {
			out[n-1] = max(out[n-1], p.hi)
			continue
		}
		out = append(out, p.lo, p.hi)
	}
	return out
}

// restrictRegexp returns a regexp that matches exactly the strings that
// expr matches and whose every rune is in allowed: each literal, class and
// "." of expr is intersected with allowed (RE2 has no intersection
// operator, but a regular language restricted to an alphabet is one
// substitution away). Anchors and word boundaries are kept.
func restrictRegexp(expr string, allowed runeSet) (string, error) {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return "", err
	}
	restrictNode(re, allowed)
	return re.String(), nil
}

func restrictNode(re *syntax.Regexp, allowed runeSet) {
	switch re.Op {
	case syntax.OpLiteral:
		fold := re.Flags&syntax.FoldCase != 0
		subs := make([]*syntax.Regexp, 0, len(re.Rune))
		for _, r := range re.Rune {
			set := runeSet{r, r}
			if fold {
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					set = append(set, f, f)
				}
				set = normalize(set)
			}
			subs = append(subs, &syntax.Regexp{Op: syntax.OpCharClass, Rune: intersect(set, allowed)})
		}
		if len(subs) == 1 {
			*re = *subs[0]
			return
		}
		*re = syntax.Regexp{Op: syntax.OpConcat, Sub: subs}
	case syntax.OpCharClass:
		re.Rune = intersect(re.Rune, allowed)
	case syntax.OpAnyChar:
		*re = syntax.Regexp{Op: syntax.OpCharClass, Rune: allowed}
	case syntax.OpAnyCharNotNL:
		*re = syntax.Regexp{Op: syntax.OpCharClass, Rune: allowed.without('\n')}
	default:
		for _, s := range re.Sub {
			restrictNode(s, allowed)
		}
	}
}
