package partyfiber

import (
	"strconv"
	"strings"
)

// maxIntConstraint bounds the integers a numeric constraint's regexp
// accepts: 18 digits always fit fiber's strconv.Atoi (int64), so no value we
// accept can overflow it.
const maxIntConstraint = 999_999_999_999_999_999

// intRangeRegexp returns a regexp (without anchors) that matches exactly
// the canonical decimal integers in [lo, hi]: no sign for non-negative
// values, "-" for negative ones, no leading zeros. fiber's int, min, max
// and range constraints (strconv.Atoi, then a comparison) accept every one
// of them; they accept more spellings ("+5", "007"), which we never
// produce. lo and hi are clamped to ±maxIntConstraint; lo > hi gives "".
func intRangeRegexp(lo, hi int64) string {
	lo = max(lo, -maxIntConstraint)
	hi = min(hi, maxIntConstraint)
	if lo > hi {
		return ""
	}
	var alts []string
	if lo < 0 {
		for _, p := range natRange(uint64(-min(hi, -1)), uint64(-lo)) {
			alts = append(alts, "-"+p)
		}
	}
	if hi >= 0 {
		alts = append(alts, natRange(uint64(max(lo, 0)), uint64(hi))...)
	}
	return strings.Join(alts, "|")
}

// natRange returns alternatives that together match the canonical
// decimals of [a, b], a <= b. Whole digit lengths in a row become one
// alternative: [10, 99999] is "[1-9][0-9]{1,4}".
func natRange(a, b uint64) []string {
	var out []string
	if a == 0 {
		out = append(out, "0")
		if b == 0 {
			return out
		}
		a = 1
	}
	runFrom := -1 // first digit length of a run of whole lengths
	flush := func(to int) {
		if runFrom < 0 {
			return
		}
		switch {
		case runFrom == 1 && to == 1:
			out = append(out, "[1-9]")
		case runFrom == to:
			out = append(out, "[1-9][0-9]"+repeat(runFrom-1))
		default:
			out = append(out, "[1-9][0-9]{"+strconv.Itoa(runFrom-1)+","+strconv.Itoa(to-1)+"}")
		}
		runFrom = -1
	}
	da, db := len(strconv.FormatUint(a, 10)), len(strconv.FormatUint(b, 10))
	pow := uint64(1) // 10^(d-1)
	for i := 1; i < da; i++ {
		pow *= 10
	}
	for d := da; d <= db; d++ {
		lo, hi := max(a, pow), min(b, pow*10-1)
		if lo == pow && hi == pow*10-1 {
			if runFrom < 0 {
				runFrom = d
			}
		} else {
			flush(d - 1)
			out = append(out, sameLength(strconv.FormatUint(lo, 10), strconv.FormatUint(hi, 10))...)
		}
		pow *= 10
	}
	flush(db)
	return out
}

// sameLength returns alternatives matching the decimals from lo to hi,
// which have the same number of digits.
func sameLength(lo, hi string) []string {
	if lo == hi {
		return []string{lo}
	}
	if lo[0] == hi[0] {
		sub := sameLength(lo[1:], hi[1:])
		for i := range sub {
			sub[i] = lo[:1] + sub[i]
		}
		return sub
	}
	n := len(lo) - 1
	if n == 0 {
		return []string{digitClass(lo[0], hi[0])}
	}
	var out []string
	first, last := lo[0], hi[0]
	if strings.Trim(lo[1:], "0") != "" {
		for _, s := range sameLength(lo[1:], strings.Repeat("9", n)) {
			out = append(out, lo[:1]+s)
		}
		first++
	}
	var upper []string
	if strings.Trim(hi[1:], "9") != "" {
		for _, s := range sameLength(strings.Repeat("0", n), hi[1:]) {
			upper = append(upper, hi[:1]+s)
		}
		last--
	}
	if first <= last {
		out = append(out, digitClass(first, last)+"[0-9]"+repeat(n))
	}
	return append(out, upper...)
}

func digitClass(a, b byte) string {
	if a == b {
		return string(a)
	}
	return "[" + string(a) + "-" + string(b) + "]"
}

func repeat(n int) string {
	if n == 1 {
		return ""
	}
	return "{" + strconv.Itoa(n) + "}"
}
