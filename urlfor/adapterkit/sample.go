package adapterkit

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Sample returns a short value that the regexp re (Go syntax, matched
// whole) matches, made of plain URL characters where re allows: the
// shortest choice at every repetition, the first alternative that can be
// made. It returns "" when re does not parse or no value was found (an
// anchor or word boundary the generator does not model made it miss): a
// probe value for asking a router whether a constrained route takes
// anything.
//
// Results are remembered per re: an adapter asks for the same constraint
// once per route that competes with it.
func Sample(re string) string { return sample(re) }

// samples remembers Sample's results: re -> string.
var samples sync.Map

func sample(re string) string {
	if v, ok := samples.Load(re); ok {
		return v.(string)
	}
	s := makeSample(re)
	samples.Store(re, s)
	return s
}

func makeSample(re string) string {
	t, err := syntax.Parse(re, syntax.Perl)
	if err != nil {
		return ""
	}
	var b strings.Builder
	if !gen(t.Simplify(), &b) {
		return ""
	}
	if ok, _ := regexp.MatchString(`^(?:`+re+`)$`, b.String()); !ok {
		return ""
	}
	return b.String()
}

// preferred lists the runes a sample picks first, so that it is plain URL
// text.
const preferred = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_~."

func pick(set RuneSet) (rune, bool) {
	for _, r := range preferred {
		if set.Contains(r) {
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

func gen(re *syntax.Regexp, b *strings.Builder) bool {
	switch re.Op {
	case syntax.OpNoMatch:
		return false
	case syntax.OpCharClass:
		r, ok := pick(RuneSet(re.Rune))
		b.WriteRune(r)
		return ok
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		b.WriteByte('a')
		return true
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
