package adapterkit

import "regexp/syntax"

// Helpers for an adapter's model of a router that tries routes in order
// (fiber; gorilla/mux), where [Siblings] describes no candidate.

// Compatible reports whether some path matches both token lists: a
// parameter matching one or more bytes but "/", a wildcard any bytes,
// literal text compared ignoring ASCII case with fold. Constraints are
// ignored, so it over-approximates: the safe side for deciding whether a
// route registered first may take some URL of another.
func Compatible(a, b []Token, fold bool) bool { return compatible(a, b, fold) }

// CanStart reports whether some string that starts with prefix matches the
// regexp re (RE2 syntax) whole: whether a competing parameter whose
// constraint is re can read prefix, text of another route's literal, and
// go on. Empty-width assertions are taken to hold and a re that does not
// parse can start with anything: the safe side.
func CanStart(re, prefix string) bool {
	r, err := syntax.Parse(re, syntax.Perl)
	if err != nil {
		return true
	}
	p, err := syntax.Compile(r.Simplify())
	if err != nil {
		return true
	}
	var add func(set map[uint32]bool, pc uint32)
	add = func(set map[uint32]bool, pc uint32) {
		if i := p.Inst[pc]; !set[pc] {
			set[pc] = true
			switch i.Op {
			case syntax.InstAlt, syntax.InstAltMatch:
				add(set, i.Arg)
				add(set, i.Out)
			case syntax.InstCapture, syntax.InstEmptyWidth, syntax.InstNop:
				add(set, i.Out)
			}
		}
	}
	cur := map[uint32]bool{}
	add(cur, uint32(p.Start))
	for _, c := range prefix {
		next := map[uint32]bool{}
		for pc := range cur {
			if i := p.Inst[pc]; i.Op >= syntax.InstRune && i.Op <= syntax.InstRune1 && i.MatchRune(c) ||
				i.Op == syntax.InstRuneAny || i.Op == syntax.InstRuneAnyNotNL && c != '\n' {
				add(next, i.Out)
			}
		}
		if cur = next; len(cur) == 0 {
			return false
		}
	}
	return true
}
