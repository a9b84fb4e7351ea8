package partyfiber

import (
	"math"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// Regexps for fiber's constraints. fiber checks a constraint on the
// parameter as the router cut it from the path: the raw, still
// percent-encoded text unless the app sets UnescapePath. Each regexp here
// accepts only values whose URL passes fiber's check (a subset: fiber also
// takes "+5" for an int, a 19-digit int, or "1e5" for a float, which we
// refuse with a *urlfor.ParamError rather than risk a URL that 404s).
const (
	boolRegexp  = `1|t|T|TRUE|true|True|0|f|F|FALSE|false|False`                                // strconv.ParseBool
	floatRegexp = `-?[0-9]{1,30}(?:\.[0-9]{1,30})?`                                             // strconv.ParseFloat(s, 32): 1e30 < MaxFloat32
	guidRegexp  = `[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}` // uuid.Parse, dashed form
	maxRepeat   = 1000                                                                          // regexp/syntax's limit on {n,m}
)

// constraintRegexp returns the regexp a value must match for fiber's
// constraints cons to pass, "" when cons check nothing. rawChecked says
// fiber compares the regexp's language with the raw path text (so the
// caller must keep values to bytes urlfor does not escape). Constraints
// that no regexp can check (datetime), or combinations that one regexp
// cannot express, are an error: the route is listed with Err set.
func constraintRegexp(cons []constraint, unescape bool) (re string, rawChecked bool, err error) {
	num := struct {
		set    bool
		lo, hi int64
	}{lo: math.MinInt64, hi: math.MaxInt64}
	length := struct {
		set    bool
		lo, hi int
	}{hi: -1}
	alpha := false
	var single []string // regexps of bool, float, guid, regex
	singleRaw := false
	for _, c := range cons {
		if c.Name == "" {
			continue // fiber's noConstraint: checks nothing
		}
		need := 0
		switch c.Name {
		case fiber.ConstraintMinLen, fiber.ConstraintMaxLen, fiber.ConstraintLen, fiber.ConstraintMin,
			fiber.ConstraintMax, fiber.ConstraintDatetime, fiber.ConstraintRegex:
			need = 1
		case fiber.ConstraintBetweenLen, fiber.ConstraintRange:
			need = 2
		}
		if len(c.Data) < need {
			return "", false, errTranslate("constraint <%s> needs %d argument(s); fiber then never matches the route", c.Raw, need)
		}
		arg := func(i int) int {
			// fiber ignores Atoi's error (a bad number counts as its clamped value or 0).
			n, _ := strconv.Atoi(c.Data[i])
			return n
		}
		switch c.Name {
		case fiber.ConstraintInt:
			num.set = true
		case fiber.ConstraintMin:
			num.set, num.lo = true, max(num.lo, int64(arg(0)))
		case fiber.ConstraintMax:
			num.set, num.hi = true, min(num.hi, int64(arg(0)))
		case fiber.ConstraintRange:
			num.set, num.lo, num.hi = true, max(num.lo, int64(arg(0))), min(num.hi, int64(arg(1)))
		case fiber.ConstraintMinLen:
			length.set, length.lo = true, max(length.lo, arg(0))
		case fiber.ConstraintMaxLen:
			length.set, length.hi = true, minLen(length.hi, arg(0))
		case fiber.ConstraintLen:
			length.set, length.lo, length.hi = true, max(length.lo, arg(0)), minLen(length.hi, arg(0))
		case fiber.ConstraintBetweenLen:
			length.set, length.lo, length.hi = true, max(length.lo, arg(0)), minLen(length.hi, arg(1))
		case fiber.ConstraintAlpha:
			alpha = true
		case fiber.ConstraintBool:
			single = append(single, boolRegexp)
		case fiber.ConstraintFloat:
			single = append(single, floatRegexp)
		case fiber.ConstraintGuid:
			single = append(single, guidRegexp)
		case fiber.ConstraintRegex:
			single = append(single, c.Data[0])
			singleRaw = !unescape
		case fiber.ConstraintDatetime:
			return "", false, errTranslate("constraint <%s>: time.Parse layouts cannot be checked by a regexp", c.Raw)
		}
	}
	kinds := 0
	for _, k := range []bool{num.set, length.set || alpha, len(single) > 0} {
		if k {
			kinds++
		}
	}
	switch {
	case kinds == 0:
		return "", false, nil
	case kinds > 1 || len(single) > 1:
		return "", false, errTranslate("constraints %s combine kinds that one regexp cannot check", describe(cons))
	case num.set:
		re := intRangeRegexp(num.lo, num.hi)
		if re == "" {
			return "", false, errTranslate("constraints %s accept no integer; fiber never matches the route", describe(cons))
		}
		return re, false, nil
	case len(single) == 1:
		return single[0], singleRaw, nil
	}
	return lengthRegexp(length.lo, length.hi, alpha, unescape, cons)
}

// lengthRegexp checks fiber's byte-length constraints (and alpha). fiber
// counts the bytes of the raw value. A lower bound alone is safe on any
// value (escaping only lengthens it); an upper bound needs values whose
// raw bytes are their runes: segmentSafe bytes when fiber sees the raw
// path, ASCII when it sees the decoded one.
func lengthRegexp(lo, hi int, alpha, unescape bool, cons []constraint) (string, bool, error) {
	if hi >= 0 && lo > hi {
		return "", false, errTranslate("constraints %s accept no length; fiber never matches the route", describe(cons))
	}
	if lo > maxRepeat || hi > maxRepeat {
		return "", false, errTranslate("constraints %s: a length over %d cannot be checked by a regexp", describe(cons), maxRepeat)
	}
	class := `(?s:.)`
	switch {
	case alpha && (hi >= 0 || !unescape):
		class = `[A-Za-z]` // fiber: unicode.IsLetter on every rune of the value it sees
	case alpha:
		class = `\pL`
	case hi >= 0 && unescape:
		class = `[\x00-\x7F]`
	case hi >= 0:
		class = `[$&+\-.0-9:=@A-Z_a-z~]`
	}
	switch {
	case hi < 0 && lo <= 1:
		return class + "+", false, nil
	case hi < 0:
		return class + "{" + strconv.Itoa(lo) + ",}", false, nil
	case lo == hi:
		return class + "{" + strconv.Itoa(lo) + "}", false, nil
	}
	return class + "{" + strconv.Itoa(lo) + "," + strconv.Itoa(hi) + "}", false, nil
}

// minLen is min for upper bounds where -1 means "none".
func minLen(cur, n int) int {
	if cur < 0 {
		return n
	}
	return min(cur, n)
}

func describe(cons []constraint) string {
	raw := make([]string, len(cons))
	for i, c := range cons {
		raw[i] = c.Raw
	}
	return "<" + strings.Join(raw, ";") + ">"
}
