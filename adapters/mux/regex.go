package partymux

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// runeSet is a set of runes as sorted, non-overlapping [lo, hi] pairs, the
// representation regexp/syntax uses for character classes.
type runeSet []rune

var (
	allRunes = runeSet{0, unicode.MaxRune}
	// notNL is what "." matches without the s flag.
	notNL = runeSet{0, '\n' - 1, '\n' + 1, unicode.MaxRune}
	// invariant holds the bytes that urlfor never escapes in a path
	// segment (unreserved, and "$&+:=@"): a value made of them is the same
	// text escaped or not.
	invariant = setOf("-.0123456789:=@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~$&+")
	// escapedParam is every byte an escaped parameter value may hold:
	// the invariant bytes, and "%" with hex digits.
	escapedParam = union(invariant, setOf("%"))
	// escapedPath is escapedParam and "/", for a wildcard's value.
	escapedPath = union(escapedParam, setOf("/"))
)

// setOf returns the set of the runes of s.
func setOf(s string) runeSet {
	var pairs runeSet
	for _, r := range s {
		pairs = append(pairs, r, r)
	}
	return normalize(pairs)
}

// normalize sorts pairs and merges overlapping or adjacent ranges.
func normalize(pairs runeSet) runeSet {
	type rng struct{ lo, hi rune }
	rs := make([]rng, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		rs = append(rs, rng{pairs[i], pairs[i+1]})
	}
	slices.SortFunc(rs, func(a, b rng) int { return int(a.lo - b.lo) })
	var out runeSet
	for _, r := range rs {
		if n := len(out); n > 0 && r.lo <= out[n-1]+1 {
			out[n-1] = max(out[n-1], r.hi)
			continue
		}
		out = append(out, r.lo, r.hi)
	}
	return out
}

func union(a, b runeSet) runeSet { return normalize(append(slices.Clone(a), b...)) }

// intersect returns the runes in both a and b.
func intersect(a, b runeSet) runeSet {
	var out runeSet
	for i := 0; i+1 < len(a); i += 2 {
		for j := 0; j+1 < len(b); j += 2 {
			lo, hi := max(a[i], b[j]), min(a[i+1], b[j+1])
			if lo <= hi {
				out = append(out, lo, hi)
			}
		}
	}
	return normalize(out)
}

// without returns s minus the runes of text.
func without(s runeSet, text string) runeSet {
	out := s
	for _, r := range text {
		var next runeSet
		for i := 0; i+1 < len(out); i += 2 {
			lo, hi := out[i], out[i+1]
			switch {
			case r < lo || r > hi:
				next = append(next, lo, hi)
			default:
				if lo < r {
					next = append(next, lo, r-1)
				}
				if r < hi {
					next = append(next, r+1, hi)
				}
			}
		}
		out = next
	}
	return out
}

func (s runeSet) has(r rune) bool {
	for i := 0; i+1 < len(s); i += 2 {
		if s[i] <= r && r <= s[i+1] {
			return true
		}
	}
	return false
}

// contains reports whether every rune of sub is in s.
func (s runeSet) contains(sub runeSet) bool {
	return slices.Equal(intersect(s, sub), normalize(slices.Clone(sub)))
}

// parseRegexp parses a mux variable pattern with the flags regexp.Compile
// uses (mux compiles them with regexp.Compile).
func parseRegexp(re string) (*syntax.Regexp, error) {
	return syntax.Parse(re, syntax.Perl)
}

// foldVariants returns r and every rune that case-folds to it.
func foldVariants(r rune) []rune {
	out := []rune{r}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		out = append(out, f)
	}
	return out
}

// singleSet returns the set of runes a node that matches exactly one rune
// accepts, and whether re is such a node.
func singleSet(re *syntax.Regexp) (runeSet, bool) {
	switch re.Op {
	case syntax.OpCharClass:
		return normalize(slices.Clone(re.Rune)), true
	case syntax.OpAnyChar:
		return allRunes, true
	case syntax.OpAnyCharNotNL:
		return notNL, true
	case syntax.OpLiteral:
		if len(re.Rune) != 1 {
			return nil, false
		}
		if re.Flags&syntax.FoldCase != 0 {
			var pairs runeSet
			for _, v := range foldVariants(re.Rune[0]) {
				pairs = append(pairs, v, v)
			}
			return normalize(pairs), true
		}
		return runeSet{re.Rune[0], re.Rune[0]}, true
	}
	return nil, false
}

// mayMatch reports whether re may match a text holding r. It looks at the
// runes each node accepts, not at whether the node is reachable, so it
// errs on the side of true.
func mayMatch(re *syntax.Regexp, r rune) bool {
	if set, ok := singleSet(re); ok {
		return set.has(r)
	}
	if re.Op == syntax.OpLiteral {
		for _, c := range re.Rune {
			if c == r || re.Flags&syntax.FoldCase != 0 && slices.Contains(foldVariants(c), r) {
				return true
			}
		}
		return false
	}
	for _, sub := range re.Sub {
		if mayMatch(sub, r) {
			return true
		}
	}
	return false
}

func uncapture(re *syntax.Regexp) *syntax.Regexp {
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	return re
}

// greedyRun reports whether re is a greedy repetition of one character
// class ("[^/]+", "[0-9]{3}", ".*"): where nothing anchors its end, mux's
// regexp then takes the longest run the class allows, so a value followed
// by a byte outside the class is captured whole.
func greedyRun(re *syntax.Regexp) bool {
	re = uncapture(re)
	switch re.Op {
	case syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		if re.Flags&syntax.NonGreedy != 0 {
			return false
		}
		_, ok := singleSet(uncapture(re.Sub[0]))
		return ok
	}
	return false
}

// acceptsAll reports whether re, matched whole, accepts every non-empty
// text over alphabet ("[^/]+", ".*", ".+" for an escaped value): checking
// the escaped text against it is then the same as checking that the value
// is not empty (for "+") or nothing at all (for "*").
func acceptsAll(re *syntax.Regexp, alphabet runeSet) bool {
	re = uncapture(re)
	if re.Op != syntax.OpStar && re.Op != syntax.OpPlus {
		return false
	}
	set, ok := singleSet(uncapture(re.Sub[0]))
	return ok && set.contains(alphabet)
}

// restrict returns a copy of re that matches exactly the texts re matches
// whose runes are all in allow: every character class, literal and "."
// is intersected with allow.
func restrict(re *syntax.Regexp, allow runeSet) *syntax.Regexp {
	noMatch := &syntax.Regexp{Op: syntax.OpNoMatch}
	class := func(set runeSet, flags syntax.Flags) *syntax.Regexp {
		set = intersect(set, allow)
		if len(set) == 0 {
			return noMatch
		}
		return &syntax.Regexp{Op: syntax.OpCharClass, Rune: set, Flags: flags &^ syntax.FoldCase}
	}
	switch re.Op {
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		set, _ := singleSet(re)
		return class(set, re.Flags)
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase == 0 {
			for _, r := range re.Rune {
				if !allow.has(r) {
					return noMatch
				}
			}
			cp := *re
			return &cp
		}
		// A case-folded literal becomes one class per rune: the variants
		// that are allowed.
		cat := &syntax.Regexp{Op: syntax.OpConcat}
		for _, r := range re.Rune {
			var pairs runeSet
			for _, v := range foldVariants(r) {
				pairs = append(pairs, v, v)
			}
			c := class(normalize(pairs), re.Flags)
			if c.Op == syntax.OpNoMatch {
				return noMatch
			}
			cat.Sub = append(cat.Sub, c)
		}
		if len(cat.Sub) == 1 {
			return cat.Sub[0]
		}
		return cat
	}
	cp := *re
	cp.Sub = make([]*syntax.Regexp, len(re.Sub))
	for i, sub := range re.Sub {
		cp.Sub[i] = restrict(sub, allow)
	}
	cp.Sub0 = [1]*syntax.Regexp{}
	return &cp
}

// restrictText is restrict on the text of a pattern; it returns the new
// pattern text.
func restrictText(pattern string, allow runeSet) (string, error) {
	re, err := parseRegexp(pattern)
	if err != nil {
		return "", err
	}
	return restrict(re, allow).String(), nil
}

// preferred lists the runes a generated text picks first, so that probes
// and sample values are plain URL text.
const preferred = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_~."

// pick returns a rune of set, preferring plain URL characters.
func pick(set runeSet) (rune, bool) {
	for _, r := range preferred {
		if set.has(r) {
			return r, true
		}
	}
	for i := 0; i+1 < len(set); i += 2 {
		for r := max(set[i], '!'); r <= set[i+1] && r < utf8.RuneSelf; r++ {
			if r != '/' && r != '%' && r != '?' && r != '#' {
				return r, true
			}
		}
	}
	if len(set) > 0 {
		return set[0], true
	}
	return 0, false
}

// generate returns a short text that re may match: the shortest choice at
// every repetition, the first alternative that can be generated, plain
// characters. Callers check the result against the compiled regexp, since
// anchors and word boundaries are not modelled.
func generate(re *syntax.Regexp) (string, bool) {
	var b strings.Builder
	if !gen(re, &b) {
		return "", false
	}
	return b.String(), true
}

func gen(re *syntax.Regexp, b *strings.Builder) bool {
	if set, ok := singleSet(re); ok {
		r, ok := pick(set)
		if ok {
			b.WriteRune(r)
		}
		return ok
	}
	switch re.Op {
	case syntax.OpNoMatch:
		return false
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if re.Flags&syntax.FoldCase != 0 {
				r = unicode.ToLower(r)
			}
			b.WriteRune(r)
		}
		return true
	case syntax.OpCapture, syntax.OpPlus:
		return gen(re.Sub[0], b)
	case syntax.OpStar, syntax.OpQuest:
		return true
	case syntax.OpRepeat:
		for range re.Min {
			if !gen(re.Sub[0], b) {
				return false
			}
		}
		return true
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !gen(sub, b) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			var alt strings.Builder
			if gen(sub, &alt) {
				b.WriteString(alt.String())
				return true
			}
		}
		return false
	}
	// Empty-width assertions (^, $, \b...) add nothing.
	return true
}
