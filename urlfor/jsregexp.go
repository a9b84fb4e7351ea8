package urlfor

import (
	"fmt"
	"regexp/syntax"
	"strconv"
	"strings"
	"unicode"
)

// JSRegexp translates re, a constraint in Go's RE2 syntax (as [Part.Matching]
// takes it), into ECMAScript source that matches the same strings when
// compiled with the "u" flag and anchored the same way ("^(?:" + src +
// ")$"). Go's syntax is parsed (regexp/syntax, Perl flags) and written back
// with explicit code points: case folding becomes the fold orbit
// ([kK\u212A]), "." the class Go means by it, \A and \z the JavaScript
// anchors, so no flag of either engine leaks into the other. A regexp that
// does not parse is an error wrapping [ErrInvalidTemplate].
func JSRegexp(re string) (string, error) {
	r, err := syntax.Parse(re, syntax.Perl)
	if err != nil {
		return "", templateErr(re, err.Error())
	}
	var b strings.Builder
	if err := writeJSRegexp(&b, r.Simplify()); err != nil {
		return "", templateErr(re, err.Error())
	}
	return b.String(), nil
}

func writeJSRegexp(b *strings.Builder, r *syntax.Regexp) error {
	switch r.Op {
	case syntax.OpNoMatch:
		b.WriteString(`[^\s\S]`)
	case syntax.OpEmptyMatch:
		b.WriteString(`(?:)`)
	case syntax.OpLiteral:
		for _, c := range r.Rune {
			if r.Flags&syntax.FoldCase != 0 && unicode.SimpleFold(c) != c {
				b.WriteByte('[')
				for f := c; ; {
					writeJSRune(b, f)
					if f = unicode.SimpleFold(f); f == c {
						break
					}
				}
				b.WriteByte(']')
				continue
			}
			writeJSRune(b, c)
		}
	case syntax.OpCharClass:
		if len(r.Rune) == 0 {
			b.WriteString(`[^\s\S]`)
			return nil
		}
		b.WriteByte('[')
		for i := 0; i+1 < len(r.Rune); i += 2 {
			writeJSRune(b, r.Rune[i])
			if r.Rune[i+1] != r.Rune[i] {
				b.WriteByte('-')
				writeJSRune(b, r.Rune[i+1])
			}
		}
		b.WriteByte(']')
	case syntax.OpAnyCharNotNL:
		b.WriteString(`[^\n]`)
	case syntax.OpAnyChar:
		b.WriteString(`[\s\S]`)
	case syntax.OpBeginLine:
		b.WriteString(`(?:^|(?<=\n))`)
	case syntax.OpEndLine:
		b.WriteString(`(?:$|(?=\n))`)
	case syntax.OpBeginText:
		b.WriteString(`^`)
	case syntax.OpEndText:
		b.WriteString(`$`)
	case syntax.OpWordBoundary:
		b.WriteString(`\b`)
	case syntax.OpNoWordBoundary:
		b.WriteString(`\B`)
	case syntax.OpCapture:
		b.WriteString(`(?:`)
		if err := writeJSRegexp(b, r.Sub[0]); err != nil {
			return err
		}
		b.WriteByte(')')
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		b.WriteString(`(?:`)
		if err := writeJSRegexp(b, r.Sub[0]); err != nil {
			return err
		}
		b.WriteByte(')')
		switch r.Op {
		case syntax.OpStar:
			b.WriteByte('*')
		case syntax.OpPlus:
			b.WriteByte('+')
		case syntax.OpQuest:
			b.WriteByte('?')
		default:
			b.WriteString("{" + strconv.Itoa(r.Min) + ",")
			if r.Max >= 0 {
				b.WriteString(strconv.Itoa(r.Max))
			}
			b.WriteByte('}')
		}
		if r.Flags&syntax.NonGreedy != 0 {
			b.WriteByte('?')
		}
	case syntax.OpConcat:
		for _, s := range r.Sub {
			if err := writeJSRegexp(b, s); err != nil {
				return err
			}
		}
	case syntax.OpAlternate:
		b.WriteString(`(?:`)
		for i, s := range r.Sub {
			if i > 0 {
				b.WriteByte('|')
			}
			if err := writeJSRegexp(b, s); err != nil {
				return err
			}
		}
		b.WriteByte(')')
	default:
		// Every op of regexp/syntax is handled above; a new one is an
		// error to see, not a regexp to guess.
		return fmt.Errorf("no ECMAScript form for %v", r.Op)
	}
	return nil
}

// writeJSRune writes c so that it means itself in a "u"-flag regexp, in
// and out of a class: letters and digits as they are, anything else as a
// code point escape.
func writeJSRune(b *strings.Builder, c rune) {
	if c < 0x80 && ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
		b.WriteRune(c)
		return
	}
	b.WriteString(`\u{` + strconv.FormatInt(int64(c), 16) + `}`)
}
