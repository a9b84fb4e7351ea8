package fiberdialect

import (
	"math/rand"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestIntRangeRegexp checks the generated regexps against arithmetic, for
// many ranges and every number around them, and against spellings fiber
// accepts but we never produce.
func TestIntRangeRegexp(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	bounds := []int64{-1201, -1000, -999, -100, -99, -10, -9, -1, 0, 1, 9, 10, 11, 99, 100, 101, 199, 200, 999, 1000, 1200}
	for i := 0; i < 300; i++ {
		lo, hi := bounds[rng.Intn(len(bounds))], bounds[rng.Intn(len(bounds))]
		if i%3 == 0 {
			lo, hi = int64(rng.Intn(2500)-1250), int64(rng.Intn(2500)-1250)
		}
		expr := intRangeRegexp(lo, hi, false)
		if lo > hi {
			if expr != "" {
				t.Fatalf("[%d,%d]: %q, want none", lo, hi, expr)
			}
			continue
		}
		re := regexp.MustCompile(`^(?:` + expr + `)$`)
		for n := int64(-1300); n <= 1300; n++ {
			if got, want := re.MatchString(strconv.FormatInt(n, 10)), lo <= n && n <= hi; got != want {
				t.Fatalf("[%d,%d] %q: %d matched %v", lo, hi, expr, n, got)
			}
		}
		for _, s := range []string{"", "-", "-0", "+1", "01", "00", "1a", " 1"} {
			if re.MatchString(s) {
				t.Fatalf("[%d,%d] %q matched %q", lo, hi, expr, s)
			}
		}
	}
	// Lenient: every spelling strconv.Atoi reads in the range (what fiber
	// takes), a superset of the canonical ones.
	for _, r := range [][2]int64{{-1201, 1200}, {0, 0}, {7, 130}, {-9, -1}, {10, 1<<63 - 1}, {-1 << 63, 5}} {
		re := regexp.MustCompile(`^(?:` + intRangeRegexp(r[0], r[1], true) + `)$`)
		for n := int64(-1300); n <= 1300; n++ {
			c := strconv.FormatInt(n, 10)
			abs := strings.TrimPrefix(c, "-")
			for _, s := range []string{c, "+" + c, "0" + abs, "-0" + abs, "+00" + abs} {
				if v, err := strconv.Atoi(s); err == nil && int64(v) >= r[0] && int64(v) <= r[1] && !re.MatchString(s) {
					t.Fatalf("lenient %v: refuses %q", r, s)
				}
			}
		}
		for _, s := range []string{"", "-", "+", "1a", " 1", "1.0"} {
			if re.MatchString(s) {
				t.Fatalf("lenient %v matched %q", r, s)
			}
		}
		if r[1] == 1<<63-1 && !re.MatchString("9223372036854775807") {
			t.Errorf("lenient %v: refuses 19 digits", r)
		}
	}
	re := regexp.MustCompile(`^(?:` + intRangeRegexp(-1<<63, 1<<63-1, false) + `)$`)
	for _, s := range []string{"999999999999999999", "-999999999999999999", "0"} {
		if !re.MatchString(s) {
			t.Errorf("full range refuses %s", s)
		}
	}
	if re.MatchString("1000000000000000000") {
		t.Error("full range takes 19 digits")
	}
}
