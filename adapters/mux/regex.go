package partymux

import (
	"regexp/syntax"
	"unicode"

	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

var (
	// escapedParam: the bytes of an escaped value; escapedPath adds "/".
	escapedParam = adapterkit.RawSegmentRunes.Union(adapterkit.RunesOf("%"))
	escapedPath  = escapedParam.Union(adapterkit.RunesOf("/"))
)

// parseRegexp parses a variable's pattern as regexp.Compile does.
func parseRegexp(re string) (*syntax.Regexp, error) {
	return syntax.Parse(re, syntax.Perl)
}

// orbit returns r and every rune that case-folds to it.
func orbit(r rune) adapterkit.RuneSet {
	set := adapterkit.RuneSet{r, r}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		set = set.Union(adapterkit.RuneSet{f, f})
	}
	return set
}

// singleSet returns the runes re accepts when it matches exactly one.
func singleSet(re *syntax.Regexp) (adapterkit.RuneSet, bool) {
	switch re.Op {
	case syntax.OpCharClass:
		return adapterkit.RuneSet(re.Rune), true
	case syntax.OpAnyChar:
		return adapterkit.AllRunes, true
	case syntax.OpAnyCharNotNL:
		return adapterkit.AllRunes.Minus(adapterkit.RunesOf("\n")), true
	case syntax.OpLiteral:
		if len(re.Rune) != 1 {
			return nil, false
		}
		if re.Flags&syntax.FoldCase != 0 {
			return orbit(re.Rune[0]), true
		}
		return adapterkit.RuneSet{re.Rune[0], re.Rune[0]}, true
	}
	return nil, false
}

// mayMatch reports whether re may match a text holding r (erring on the
// side of true: it does not check that a node is reachable).
func mayMatch(re *syntax.Regexp, r rune) bool {
	if set, ok := singleSet(re); ok {
		return set.Contains(r)
	}
	if re.Op == syntax.OpLiteral {
		for _, c := range re.Rune {
			if c == r || re.Flags&syntax.FoldCase != 0 && orbit(c).Contains(r) {
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

// greedyRun reports whether re is a greedy repetition of one class
// ("[^/]+", "[0-9]{3}"), which mux's unanchored prefix regexp captures
// whole.
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

// acceptsAll reports whether re accepts every non-empty text over
// alphabet ("[^/]+", ".*"), escaped or not.
func acceptsAll(re *syntax.Regexp, alphabet adapterkit.RuneSet) bool {
	re = uncapture(re)
	if re.Op != syntax.OpStar && re.Op != syntax.OpPlus {
		return false
	}
	set, ok := singleSet(uncapture(re.Sub[0]))
	return ok && alphabet.Minus(set).Empty()
}
