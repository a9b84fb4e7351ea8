package partyfiber

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// Regexps for fiber's constraints, checked on the raw path text unless
// UnescapePath, in two forms: what we build (values whose URL surely
// passes: canonical integers, dashed GUIDs) and what fiber takes (every
// value whose URL may pass: "+5", "007" for an int), for what a
// constrained route registered first takes from its siblings.
const (
	boolRegexp  = `1|t|T|TRUE|true|True|0|f|F|FALSE|false|False`                                // strconv.ParseBool
	floatRegexp = `-?[0-9]{1,30}(?:\.[0-9]{1,30})?`                                             // strconv.ParseFloat(s, 32): 1e30 < MaxFloat32
	guidRegexp  = `[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}` // uuid.Parse, dashed form
	floatTakes  = `[+-]?(?i:inf(?:inity)?|nan|[0-9a-fx_.]+(?:[ep][+-]?[0-9_]+)?)`
	guidTakes   = `(?i:(?:urn:uuid:)?` + guidRegexp + `|\{` + guidRegexp + `\}|[0-9a-f]{32})`
	rawClass    = `[$&+\-.0-9:=@A-Z_a-z~]` // adapterkit.RawSegmentRunes
	nonRawClass = `[^$&+\-.0-9:=@A-Z_a-z~]`
	maxRepeat   = 1000          // regexp/syntax's limit on {n,m}
	none        = math.MaxInt32 // no upper bound
)

// limits is what a parameter's constraints (fiber ANDs them) require.
type limits struct {
	num            bool  // int, min, max, range
	lo, hi         int64 // their bounds
	minLen, maxLen int   // minLen, maxLen, len, betweenLen
	length, alpha  bool
	single, takes  []string // regexps of bool, float, guid, regex: as built, as fiber takes them
	singleRaw      bool     // a regex that fiber checks on raw text
	datetime       string   // a datetime constraint, as written
}

// readConstraints reads cons. A constraint without its arguments (fiber
// then never matches the route) is an error.
func readConstraints(cons []constraint, unescape bool) (l limits, err error) {
	l = limits{lo: math.MinInt64, hi: math.MaxInt64, maxLen: none}
	for _, c := range cons {
		need := map[string]int{fiber.ConstraintMinLen: 1, fiber.ConstraintMaxLen: 1, fiber.ConstraintLen: 1, fiber.ConstraintMin: 1,
			fiber.ConstraintMax: 1, fiber.ConstraintDatetime: 1, fiber.ConstraintRegex: 1, fiber.ConstraintBetweenLen: 2, fiber.ConstraintRange: 2}[c.Name]
		if len(c.Data) < need {
			return l, fmt.Errorf("constraint <%s> needs %d argument(s); fiber then never matches the route", c.Raw, need)
		}
		arg := func(i int) int { n, _ := strconv.Atoi(c.Data[i]); return n } // fiber ignores the error too
		switch c.Name {
		case fiber.ConstraintInt:
			l.num = true
		case fiber.ConstraintMin:
			l.num, l.lo = true, max(l.lo, int64(arg(0)))
		case fiber.ConstraintMax:
			l.num, l.hi = true, min(l.hi, int64(arg(0)))
		case fiber.ConstraintRange:
			l.num, l.lo, l.hi = true, max(l.lo, int64(arg(0))), min(l.hi, int64(arg(1)))
		case fiber.ConstraintMinLen:
			l.length, l.minLen = true, max(l.minLen, arg(0))
		case fiber.ConstraintMaxLen:
			l.length, l.maxLen = true, min(l.maxLen, arg(0))
		case fiber.ConstraintLen:
			l.length, l.minLen, l.maxLen = true, max(l.minLen, arg(0)), min(l.maxLen, arg(0))
		case fiber.ConstraintBetweenLen:
			l.length, l.minLen, l.maxLen = true, max(l.minLen, arg(0)), min(l.maxLen, arg(1))
		case fiber.ConstraintAlpha:
			l.alpha = true
		case fiber.ConstraintBool:
			l.single, l.takes = append(l.single, boolRegexp), append(l.takes, boolRegexp)
		case fiber.ConstraintFloat:
			l.single, l.takes = append(l.single, floatRegexp), append(l.takes, floatTakes)
		case fiber.ConstraintGuid:
			l.single, l.takes = append(l.single, guidRegexp), append(l.takes, guidTakes)
		case fiber.ConstraintRegex: // unanchored: fiber takes what contains a match
			l.single, l.singleRaw = append(l.single, c.Data[0]), !unescape
			l.takes = append(l.takes, `(?s:.*)(?:`+c.Data[0]+`)(?s:.*)`)
		case fiber.ConstraintDatetime:
			l.datetime = c.Raw
		}
	}
	return l, nil
}

// constraintRegexp returns the regexp a value must match for fiber's
// constraints cons to pass ("" for any), and whether fiber checks it on the
// raw text (values must then be bytes urlfor writes raw). Constraints no
// regexp can check (datetime, some combinations) are an error.
func constraintRegexp(cons []constraint, unescape bool) (re string, rawChecked bool, err error) {
	l, err := readConstraints(cons, unescape)
	kinds := 0
	for _, k := range []bool{l.num, l.length || l.alpha, len(l.single) > 0} {
		if k {
			kinds++
		}
	}
	switch {
	case err != nil:
		return "", false, err
	case l.datetime != "":
		return "", false, fmt.Errorf("constraint <%s>: time.Parse layouts cannot be checked by a regexp", l.datetime)
	case kinds == 0:
		return "", false, nil
	case kinds > 1 || len(l.single) > 1:
		return "", false, fmt.Errorf("constraints %s combine kinds that one regexp cannot check", describe(cons))
	case l.num && intRangeRegexp(l.lo, l.hi, false) == "":
		return "", false, fmt.Errorf("constraints %s accept no integer; fiber never matches the route", describe(cons))
	case l.num:
		return intRangeRegexp(l.lo, l.hi, false), false, nil
	case len(l.single) == 1:
		return l.single[0], l.singleRaw, nil
	}
	return lengthRegexp(l, unescape, cons)
}

// takesRegexp returns a regexp of the values whose URL fiber's constraints
// cons may let through ("" for any), a superset: any one of them will do,
// and in the raw path a regex constraint takes every escaped value.
func takesRegexp(cons []constraint, unescape bool) string {
	l, err := readConstraints(cons, unescape)
	letters := `[A-Za-z]`
	if unescape {
		letters = `\pL`
	}
	if l.maxLen > maxRepeat {
		l.maxLen = none
	}
	switch {
	case err != nil:
		return ""
	case l.num:
		return intRangeRegexp(l.lo, l.hi, true)
	case len(l.takes) > 0 && !l.singleRaw:
		return l.takes[0]
	case l.alpha:
		return letters + quant(1, l.maxLen)
	case len(l.takes) > 0:
		return l.takes[0] + `|(?s:.*)` + nonRawClass + `(?s:.*)`
	case l.maxLen < none:
		return `(?s:.)` + quant(1, l.maxLen) // escaped text is never shorter
	}
	return ""
}

// lengthRegexp checks fiber's byte-length constraints (and alpha) on the
// text it sees: an upper bound needs values whose bytes are their runes
// (raw bytes in the raw path, ASCII in the decoded one).
func lengthRegexp(l limits, unescape bool, cons []constraint) (string, bool, error) {
	lo, hi := l.minLen, l.maxLen
	switch {
	case max(lo, 1) > hi:
		return "", false, fmt.Errorf("constraints %s accept no length; fiber never matches the route", describe(cons))
	case lo > maxRepeat || hi != none && hi > maxRepeat:
		return "", false, fmt.Errorf("constraints %s: a length over %d cannot be checked by a regexp", describe(cons), maxRepeat)
	}
	class := `(?s:.)`
	switch {
	case l.alpha && (hi < none || !unescape):
		class = `[A-Za-z]` // fiber: unicode.IsLetter on every rune of the value it sees
	case l.alpha:
		class = `\pL`
	case hi < none && unescape:
		class = `[\x00-\x7F]`
	case hi < none:
		class = rawClass
	}
	return class + quant(max(lo, 1), hi), false, nil
}

// quant is the quantifier of lo to hi repetitions.
func quant(lo, hi int) string {
	switch {
	case lo == 1 && hi == none:
		return "+"
	case lo == 1 && hi == 1:
		return ""
	case hi == none:
		return "{" + strconv.Itoa(lo) + ",}"
	case lo == hi:
		return "{" + strconv.Itoa(lo) + "}"
	}
	return "{" + strconv.Itoa(lo) + "," + strconv.Itoa(hi) + "}"
}

func describe(cons []constraint) string {
	raw := make([]string, len(cons))
	for i, c := range cons {
		raw[i] = c.Raw
	}
	return "<" + strings.Join(raw, ";") + ">"
}
