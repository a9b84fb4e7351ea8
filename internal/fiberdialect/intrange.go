package fiberdialect

import (
	"strconv"
	"strings"
)

// maxIntConstraint bounds what we build: 18 digits fit strconv.Atoi.
const maxIntConstraint = 999_999_999_999_999_999

// intRangeRegexp returns a regexp that matches exactly the canonical
// decimals in [lo, hi] (clamped to ±maxIntConstraint; "" when empty), which
// fiber's int, min, max and range constraints (strconv.Atoi) all accept.
// lenient adds every other spelling Atoi reads ("+5", "007", "-0", 19
// digits at an open end): a superset of what fiber takes.
func intRangeRegexp(lo, hi int64, lenient bool) string {
	pos, neg, zero := "", "-", "0"
	if lenient {
		pos, neg, zero = `\+?0*`, "-0*", `[+-]?0+`
	}
	var alts []string
	if lenient && lo <= -maxIntConstraint {
		alts = append(alts, neg+"[1-9][0-9]{18}")
	}
	if lenient && hi >= maxIntConstraint {
		alts = append(alts, pos+"[1-9][0-9]{18}")
	}
	lo = max(lo, -maxIntConstraint)
	hi = min(hi, maxIntConstraint)
	if lo > hi {
		return strings.Join(alts, "|")
	}
	if lo < 0 {
		for _, p := range natRange(uint64(-min(hi, -1)), uint64(-lo)) {
			alts = append(alts, neg+p)
		}
	}
	if hi >= 0 {
		for _, p := range natRange(uint64(max(lo, 0)), uint64(hi)) {
			if p == "0" {
				alts = append(alts, zero)
				continue
			}
			alts = append(alts, pos+p)
		}
	}
	return strings.Join(alts, "|")
}

// natRange returns alternatives that together match the canonical
// decimals of [a, b], a <= b: runs of whole digit lengths as one
// ([10, 99999] is "[1-9][0-9]{1,4}"), else blocks of a digit range after a
// fixed prefix and before free digits ("1[2-5][0-9]{2}").
func natRange(a, b uint64) []string {
	var out []string
	if a == 0 {
		out, a = append(out, "0"), 1
	}
	for a <= b {
		d, pow := 1, uint64(1) // digits of a, 10^(d-1)
		for ; pow*10 <= a; pow *= 10 {
			d++
		}
		if a == pow && b >= pow*10-1 { // whole lengths d...to
			to := d
			for ; to < 18 && b >= pow*100-1; pow *= 10 {
				to++
			}
			out, a = append(out, "[1-9]"+free(d-1, to-1)), pow*10
			continue
		}
		k, p := 0, uint64(1) // a ends in k zeros, and a block of 10^k fits
		for a%(p*10) == 0 && a+p*10-1 <= b {
			k, p = k+1, p*10
		}
		lead := a / p
		n := min((b-a+1)/p, 10-lead%10)
		prefix := strings.TrimPrefix(strconv.FormatUint(lead/10, 10), "0")
		class := strconv.FormatUint(lead%10, 10)
		if n > 1 {
			class = "[" + class + "-" + strconv.FormatUint(lead%10+n-1, 10) + "]"
		}
		out, a = append(out, prefix+class+free(k, k)), a+n*p
	}
	return out
}

// free matches lo to hi digits.
func free(lo, hi int) string {
	if hi == 0 {
		return ""
	}
	return "[0-9]" + quant(lo, hi)
}
