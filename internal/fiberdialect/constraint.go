package fiberdialect

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Regexps for fiber's constraints (path.go CheckConstraint), checked on the
// raw path text unless UnescapePath, in two forms: what we build (values
// whose URL surely passes: canonical integers, dashed GUIDs) and what fiber
// takes (every value whose URL may pass: "+5", "007" for an int), for what
// a constrained route registered first takes from its siblings.
const (
	boolRegexp  = `1|t|T|TRUE|true|True|0|f|F|FALSE|false|False`                                // strconv.ParseBool
	floatRegexp = `-?[0-9]{1,30}(?:\.[0-9]{1,30})?`                                             // strconv.ParseFloat(s, 32): 1e30 < MaxFloat32
	guidRegexp  = `[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}` // uuid.Parse, dashed form
	floatTakes  = `[+-]?(?i:inf(?:inity)?|nan|[0-9a-fx_.]+(?:[ep][+-]?[0-9_]+)?)`
	guidTakes   = `(?i:(?:urn:uuid:)?` + guidRegexp + `|\{` + guidRegexp + `\}|[0-9a-f]{32})`
	rawClass    = `[$&+,\-.0-9:;=@A-Z_a-z~]` // what urlfor writes raw in a segment (urlfor/doc.go, "# Escaping")
	nonRawClass = `[^$&+,\-.0-9:;=@A-Z_a-z~]`
	maxRepeat   = 1000          // regexp/syntax's limit on {n,m}
	none        = math.MaxInt32 // no upper bound
)

// builtin maps the names fiber knows (v3 getParamConstraintType) to one
// spelling each; in fiber v3 a constraint of any other name is custom
// (app.RegisterCustomConstraint) or a typo that fiber ignores.
var builtin = map[string]string{
	"int": "int", "bool": "bool", "float": "float", "alpha": "alpha", "guid": "guid", "len": "len",
	"min": "min", "max": "max", "range": "range", "datetime": "datetime", "regex": "regex",
	"minLen": "minLen", "minlen": "minLen", "maxLen": "maxLen", "maxlen": "maxLen",
	"betweenLen": "betweenLen", "betweenlen": "betweenLen",
}

// limits is what a parameter's constraints (fiber ANDs them) require.
type limits struct {
	num            bool  // int, min, max, range
	lo, hi         int64 // their bounds
	minLen, maxLen int   // minLen, maxLen, len, betweenLen
	length, alpha  bool
	single, takes  []string // regexps of bool, float, guid, regex: as built, as fiber takes them
	singleRaw      bool     // a regex that fiber checks on raw text
	datetime       string   // a datetime constraint, as written (fiber v2)
}

// readConstraints reads cons as d's fiber reads them (see
// [Dialect.CustomConstraints]). fiber v3: a case-insensitive app
// lower-cases the whole pattern before parsing it, names and regexps
// included (app.register's pathPretty: "\D" becomes "\d"); a constraint no
// regexp can check (custom, datetime) is an error naming it. Either: a
// constraint that never matches (arguments missing; in v3, not integers)
// is an error.
func (d *Dialect) readConstraints(cons []Constraint) (l limits, err error) {
	m, v3 := d.Mode, d.CustomConstraints
	l = limits{lo: math.MinInt64, hi: math.MaxInt64, maxLen: none}
	for _, c := range cons {
		name, data := c.Name, c.Data
		if v3 && !m.CaseSensitive {
			name, data = lowerASCII(name), slicesMap(data, lowerASCII)
		}
		canon, ok := builtin[name]
		need := map[string]int{"minLen": 1, "maxLen": 1, "len": 1, "min": 1, "max": 1, "datetime": 1, "regex": 1, "betweenLen": 2, "range": 2}[canon]
		switch {
		case !ok && !v3:
			continue // fiber v2 checks nothing
		case !ok:
			return l, fmt.Errorf("constraint <%s> is not one of fiber's: a custom constraint (app.RegisterCustomConstraint), which %s cannot check", c.Raw, d.Pkg)
		case canon == "datetime" && v3:
			return l, fmt.Errorf("constraint <%s>: time.Parse layouts cannot be checked by a regexp", c.Raw)
		case len(data) < need:
			return l, fmt.Errorf("constraint <%s> needs %d argument(s); fiber then never matches the route", c.Raw, need)
		}
		args := make([]int, need)
		for i := range need {
			if canon == "regex" || canon == "datetime" {
				break
			}
			if args[i], err = strconv.Atoi(data[i]); err != nil && v3 {
				return l, fmt.Errorf("constraint <%s>: argument %q is not an integer; fiber then never matches the route", c.Raw, data[i])
			}
			err = nil // fiber v2 ignores the error too
		}
		switch canon {
		case "int":
			l.num = true
		case "min":
			l.num, l.lo = true, max(l.lo, int64(args[0]))
		case "max":
			l.num, l.hi = true, min(l.hi, int64(args[0]))
		case "range":
			l.num, l.lo, l.hi = true, max(l.lo, int64(args[0])), min(l.hi, int64(args[1]))
		case "minLen":
			l.length, l.minLen = true, max(l.minLen, args[0])
		case "maxLen":
			l.length, l.maxLen = true, min(l.maxLen, args[0])
		case "len":
			l.length, l.minLen, l.maxLen = true, max(l.minLen, args[0]), min(l.maxLen, args[0])
		case "betweenLen":
			l.length, l.minLen, l.maxLen = true, max(l.minLen, args[0]), min(l.maxLen, args[1])
		case "alpha":
			l.alpha = true
		case "bool":
			l.single, l.takes = append(l.single, boolRegexp), append(l.takes, boolRegexp)
		case "float":
			l.single, l.takes = append(l.single, floatRegexp), append(l.takes, floatTakes)
		case "guid":
			l.single, l.takes = append(l.single, guidRegexp), append(l.takes, guidTakes)
		case "regex": // unanchored: fiber takes what contains a match
			l.single, l.singleRaw = append(l.single, data[0]), !m.Unescape
			l.takes = append(l.takes, `(?s:.*)(?:`+data[0]+`)(?s:.*)`)
		case "datetime":
			l.datetime = c.Raw
		}
	}
	return l, nil
}

// constraintRegexp returns the regexp a value must match for fiber's
// constraints cons to pass ("" for any), and whether fiber checks it on the
// raw text (values must then be bytes urlfor writes raw). Constraints no
// regexp can check (datetime, some combinations) are an error.
func (d *Dialect) constraintRegexp(cons []Constraint) (re string, rawChecked bool, err error) {
	l, err := d.readConstraints(cons)
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
	return lengthRegexp(l, d.Mode.Unescape, cons)
}

// takesRegexp returns a regexp of the values whose URL fiber's constraints
// cons may let through ("" for any), a superset: any one of them will do,
// and in the raw path a regex constraint takes every escaped value.
func (d *Dialect) takesRegexp(cons []Constraint) string {
	l, err := d.readConstraints(cons)
	letters := `[A-Za-z]`
	if d.Mode.Unescape {
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
func lengthRegexp(l limits, unescape bool, cons []Constraint) (string, bool, error) {
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

func describe(cons []Constraint) string {
	raw := make([]string, len(cons))
	for i, c := range cons {
		raw[i] = c.Raw
	}
	return "<" + strings.Join(raw, ";") + ">"
}

// lowerASCII is fiber's utils.ToLower: ASCII letters only.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func slicesMap(s []string, f func(string) string) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[i] = f(v)
	}
	return out
}
