package fiberdialect

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Translation is a pattern read into urlfor parts, nothing refused yet.
type Translation struct {
	pkg     string
	pattern string
	parts   []urlfor.Part
	opts    []urlfor.TemplateOption
}

// Template compiles the parts, refusing what other routes take (by part).
func (tr *Translation) Template(taken map[int][]urlfor.Taken) (*urlfor.Template, error) {
	parts := tr.parts
	if len(taken) > 0 {
		parts = slices.Clone(parts)
		for i, t := range taken {
			parts[i] = parts[i].TakenBy(t...)
		}
	}
	t, err := urlfor.NewTemplate(tr.pattern, parts, tr.opts...)
	if err != nil {
		return nil, &PatternError{Pkg: tr.pkg, Pattern: tr.pattern, Reason: "urlfor refused the template", Err: err}
	}
	return t, nil
}

// Translate reads a fiber pattern (Route.Path, as registered) into
// urlfor parts for the app of d, as fiber's router reads it (each
// rule found by requesting it, the adapters' router_test.go): ":p" is a Param, a trailing
// "*" or "+" a Wildcard ("+" not empty), a greedy parameter elsewhere a
// Param if nothing after it could be mistaken for the text that ends it;
// ":p?" is optional only when last, and only if the path stays as long as
// the 3 bytes fiber files routes by. A parameter ends at the first
// occurrence of the literal after it: its value may not hold that
// literal's first character (either case unless CaseSensitive). Where
// fiber sees the raw path, constraints and stops that percent-encoding
// could write keep values to bytes urlfor writes raw, and literals must
// be bytes a client sends raw; with UnescapePath, "%2F" routes as "/" and
// "+" decodes to a space, so both are unroutable in values, and literals
// are percent-encoded. A greedy parameter is named as fiber names it
// ("*1", "*2", "+1"), and the first of each kind also takes the key
// c.Params reads it by as well, "*" or "+" (urlfor's Part.Alias).
func (d *Dialect) Translate(pattern string) (*Translation, error) {
	m := d.Mode
	segs, err := d.Parse(trimmed(pattern, m))
	if err != nil {
		return nil, &PatternError{Pkg: d.Pkg, Pattern: pattern, Reason: err.Error()}
	}
	if len(segs) == 0 || segs[0].IsParam || segs[0].Const == "" || segs[0].Const[0] != '/' {
		return nil, &PatternError{Pkg: d.Pkg, Pattern: pattern, Reason: "it does not start with literal text beginning with /"}
	}
	tooShort := len(segs) == 2 && len(segs[0].Const) >= 3 && len(strings.TrimRight(segs[0].Const, "/")) < 3
	tr := &Translation{pkg: d.Pkg, pattern: pattern}
	for i, s := range segs {
		var part urlfor.Part
		if s.IsParam {
			part, err = d.param(segs, i, tooShort)
		} else {
			part, err = literal(s.Const, m)
		}
		if err != nil {
			return nil, &PatternError{Pkg: d.Pkg, Pattern: pattern, Param: s.ParamName, Reason: err.Error()}
		}
		tr.parts = append(tr.parts, part)
	}
	if m.Unescape {
		tr.opts = append(tr.opts, urlfor.Unroutable("/+"))
	}
	return tr, nil
}

// trimmed is pattern without trailing slashes, unless StrictRouting.
func trimmed(pattern string, m Mode) string {
	if !m.Strict && len(pattern) > 1 {
		return strings.TrimRight(pattern, "/")
	}
	return pattern
}

// param translates the parameter segs[i].
func (d *Dialect) param(segs []Segment, i int, tooShort bool) (urlfor.Part, error) {
	m := d.Mode
	s, last := segs[i], i == len(segs)-1
	wild := s.IsGreedy && last
	part := urlfor.Param(s.ParamName)
	if wild {
		part = urlfor.Wildcard(s.ParamName)
	}
	if k := wildcardKey(s.ParamName); k != "" {
		part = part.Alias(k)
	}
	if s.IsGreedy && !last {
		if err := greedyInside(segs, i); err != nil {
			return part, err
		}
	}
	re, safe, err := d.constraintRegexp(s.Constraints)
	if err != nil {
		return part, err
	}
	allowed := adapterkit.AllRunes
	if !last && !segs[i+1].IsParam && segs[i+1].Const != "" && segs[i+1].Const[0] != '/' {
		// The literal after a parameter ends it (first occurrence).
		stop, _ := utf8.DecodeRuneInString(segs[i+1].Const)
		stops := string(stop)
		if !m.CaseSensitive && stop < utf8.RuneSelf {
			stops = strings.ToLower(stops) + strings.ToUpper(stops)
		}
		allowed = allowed.Minus(adapterkit.RunesOf(stops))
		// "%41" must not make an 'A' the router stops at.
		safe = safe || !m.Unescape && strings.ContainsAny(stops, "%0123456789ABCDEF")
	}
	if wild && m.Unescape {
		allowed = allowed.Minus(adapterkit.RunesOf("+")) // decoded to a space
	}
	if safe { // a Param: constraints and stops are never on wildcards
		allowed = allowed.Intersect(adapterkit.RawSegmentRunes)
	}
	// fiber gives greedy parameters no constraints: a wildcard's regexp is ours.
	if re == "" && wild && (tooShort || strings.HasPrefix(s.ParamName, "+")) {
		re = `(?s:.)+`
	}
	if !allowed.Equal(adapterkit.AllRunes) {
		if re, err = adapterkit.RestrictRegexp(cmp.Or(re, `(?s:.)*`), allowed); err != nil {
			return part, fmt.Errorf("constraint regexp: %v", err)
		}
	}
	if part = part.Matching(re); s.IsOptional && !s.IsGreedy && last && !tooShort {
		part = part.Optional()
	}
	return part, nil
}

// wildcardKey is the second key c.Params reads a greedy parameter by: "*"
// for "*1", "+" for "+1" (fiber's ctx.go Params); "" for others.
func wildcardKey(name string) string {
	if name == "*1" || name == "+1" {
		return name[:1]
	}
	return ""
}

// greedyInside checks a greedy parameter that is not last, whose end fiber
// finds by counting the literal after it from the right: safe when that
// literal starts with "/", which no later value holds unless a trailing
// wildcard follows.
func greedyInside(segs []Segment, i int) error {
	if !slices.ContainsFunc(segs[i+1:], func(s Segment) bool { return s.IsParam }) {
		return nil
	}
	if next := segs[i+1]; next.IsParam || next.Const == "" || next.Const[0] != '/' {
		return fmt.Errorf("a greedy parameter followed by %q and more parameters is matched right to left by fiber", next.Const)
	}
	if lastSeg := segs[len(segs)-1]; lastSeg.IsGreedy {
		return fmt.Errorf("two greedy parameters: fiber splits their values right to left")
	}
	return nil
}

// literal returns the text urlfor writes for a literal of the pattern:
// with UnescapePath, encoded as a client would (and "+", decoded as a
// space, and "%"); else as written, which must be bytes a client sends raw.
func literal(text string, m Mode) (urlfor.Part, error) {
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		c := text[i]
		raw := c == '/' || adapterkit.RawSegmentRunes.Contains(rune(c))
		switch {
		case m.Unescape && raw && c != '+' && c != '%':
			b.WriteByte(c)
		case m.Unescape:
			fmt.Fprintf(&b, "%%%02X", c)
		case raw || strings.IndexByte("!'()*,;", c) >= 0:
		case c == '%' && i+2 < len(text) && isHex(text[i+1]) && isHex(text[i+2]):
			i += 2
		default:
			return urlfor.Part{}, fmt.Errorf("literal %q has the byte %q, which clients percent-encode; "+
				"fiber (UnescapePath false) compares the raw path, so no request reaches it", text, c)
		}
	}
	if m.Unescape {
		text = b.String()
	}
	return urlfor.Literal(text), nil
}

func isHex(c byte) bool { return strings.IndexByte("0123456789ABCDEFabcdef", c) >= 0 }
