package partyfiber

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/partyline-go/partyline/urlfor"
)

// ErrUntranslatable is matched (errors.Is) by every [*PatternError].
var ErrUntranslatable = errors.New("partyfiber: untranslatable pattern")

// PatternError is the Err of a route whose fiber pattern partyfiber cannot
// turn into a URL template that routes back: a datetime constraint, two
// parameters with nothing between them, a literal no client can send, two
// greedy parameters... Such a route is still listed (urlfor.Builder's
// Endpoints); building it returns this error. It matches
// [ErrUntranslatable] and [urlfor.ErrInvalidTemplate] with errors.Is.
type PatternError struct {
	Pattern string // the route's pattern, as registered in fiber
	Param   string // the parameter at fault, "" for the whole pattern
	Reason  string
	Err     error // the urlfor error, when urlfor refused the template
}

// Error says which pattern, which parameter and why.
func (e *PatternError) Error() string {
	where := ""
	if e.Param != "" {
		where = fmt.Sprintf(", parameter %q", e.Param)
	}
	if e.Err != nil {
		return fmt.Sprintf("partyfiber: pattern %q%s: %s: %v", e.Pattern, where, e.Reason, e.Err)
	}
	return fmt.Sprintf("partyfiber: pattern %q%s: %s", e.Pattern, where, e.Reason)
}

// Is matches [ErrUntranslatable] and [urlfor.ErrInvalidTemplate].
func (e *PatternError) Is(target error) bool {
	return target == ErrUntranslatable || target == urlfor.ErrInvalidTemplate
}

// Unwrap returns the urlfor error, if any.
func (e *PatternError) Unwrap() error { return e.Err }

// reasonError is why a piece of a pattern is untranslatable; translate
// wraps it in a *PatternError.
type reasonError string

func (r reasonError) Error() string { return string(r) }

func errTranslate(format string, args ...any) error {
	return reasonError(fmt.Sprintf(format, args...))
}

// routerMode is what of fiber's Config changes how a URL routes back.
type routerMode struct {
	unescape      bool // Config.UnescapePath: the router sees the decoded path
	caseSensitive bool // Config.CaseSensitive
	strict        bool // Config.StrictRouting
}

// translate compiles a fiber pattern (Route.Path, as registered) into a
// urlfor template for an app with mode m. The rules, each found by
// requesting fiber's router (see router_test.go):
//
//   - The pattern is read as the router reads it: without trailing slashes
//     unless StrictRouting.
//   - ":p" is a [urlfor.Param]; a trailing "*" or "+" is a
//     [urlfor.Wildcard] ("+" not empty). A greedy parameter elsewhere is a
//     Param (one segment) if nothing after it could be mistaken for the
//     text that ends it, else the route is untranslatable.
//   - ":p?" is optional when it is last; elsewhere fiber cannot route it
//     empty without "//", so it is required.
//   - A parameter ends at the first occurrence of the literal after it, in
//     the raw path (lowercased unless CaseSensitive): its value may not hold
//     that literal's first character (either case), and when that character
//     could come from percent-encoding ('%', a hex digit) the value is kept
//     to bytes urlfor writes raw.
//   - Constraints become regexps (constraint.go). fiber checks them on the
//     raw path text, so the value is kept to bytes urlfor writes raw.
//   - UnescapePath: "%2F" routes as "/" and "+" decodes to a space
//     (fasthttp's query decoding), so both are unroutable in values;
//     literals are percent-encoded. Otherwise literals go out as written,
//     and must be bytes a client sends raw.
//   - fiber files routes by the first 3 bytes of their first literal; a
//     path shorter than that is looked up elsewhere and 404s. An optional
//     last part that would leave the path that short is required.
func translate(pattern string, m routerMode) (*urlfor.Template, error) {
	tr, err := translateParts(pattern, m)
	if err != nil {
		return nil, err
	}
	return tr.template(nil)
}

// translation is a pattern read into urlfor parts, before the values that
// sibling routes take are attached (shadow.go).
type translation struct {
	pattern string
	segs    []segment // fiber's segments of the pattern as the router reads it
	parts   []urlfor.Part
	opts    []urlfor.TemplateOption
}

// template compiles the parts, with the values taken from each parameter
// (by part index) refused.
func (tr *translation) template(taken map[int]*takenValues) (*urlfor.Template, error) {
	parts := tr.parts
	if len(taken) > 0 {
		parts = slices.Clone(parts)
		for i, tv := range taken {
			parts[i] = tv.apply(parts[i])
		}
	}
	t, err := urlfor.NewTemplate(tr.pattern, parts, tr.opts...)
	if err != nil {
		return nil, &PatternError{Pattern: tr.pattern, Reason: "urlfor refused the template", Err: err}
	}
	return t, nil
}

// translateParts is translate up to the parts.
func translateParts(pattern string, m routerMode) (*translation, error) {
	p := pattern
	if !m.strict && len(p) > 1 {
		p = strings.TrimRight(p, "/")
	}
	segs, err := parsePattern(p)
	if err != nil {
		return nil, &PatternError{Pattern: pattern, Reason: err.Error()}
	}
	if len(segs) == 0 || segs[0].IsParam || segs[0].Const == "" || segs[0].Const[0] != '/' {
		return nil, &PatternError{Pattern: pattern, Reason: "it does not start with literal text beginning with /"}
	}
	tooShort := len(segs) == 2 && len(segs[0].Const) >= 3 && len(strings.TrimRight(segs[0].Const, "/")) < 3
	parts := make([]urlfor.Part, 0, len(segs))
	for i, s := range segs {
		if !s.IsParam {
			lit, err := literal(s.Const, m)
			if err != nil {
				return nil, &PatternError{Pattern: pattern, Reason: err.Error()}
			}
			parts = append(parts, urlfor.Literal(lit))
			continue
		}
		part, err := param(segs, i, m, tooShort)
		if err != nil {
			return nil, &PatternError{Pattern: pattern, Param: s.ParamName, Reason: err.Error()}
		}
		parts = append(parts, part)
	}
	var opts []urlfor.TemplateOption
	if m.unescape {
		opts = append(opts, urlfor.Unroutable("/+"))
	}
	return &translation{pattern: pattern, segs: segs, parts: parts, opts: opts}, nil
}

// param translates the parameter segs[i].
func param(segs []segment, i int, m routerMode, tooShort bool) (urlfor.Part, error) {
	s := segs[i]
	last := i == len(segs)-1
	wild := s.IsGreedy && last
	plus := strings.HasPrefix(s.ParamName, "+")

	var part urlfor.Part
	if wild {
		part = urlfor.Wildcard(s.ParamName)
	} else {
		part = urlfor.Param(s.ParamName)
	}
	if s.IsGreedy && !last {
		if err := greedyInside(segs, i); err != nil {
			return part, err
		}
	}

	re, rawChecked, err := constraintRegexp(s.Constraints, m.unescape)
	if err != nil {
		return part, err
	}
	safe := rawChecked
	allowed := anyRune
	// The literal after a parameter ends it (first occurrence).
	if !last && !segs[i+1].IsParam && segs[i+1].Const != "" && segs[i+1].Const[0] != '/' {
		stop, _ := utf8.DecodeRuneInString(segs[i+1].Const)
		allowed = allowed.without(stop)
		if !m.caseSensitive && stop < utf8.RuneSelf && isASCIILetter(byte(stop)) {
			allowed = allowed.without(stop ^ 0x20)
		}
		if !m.unescape && stop < utf8.RuneSelf && (stop == '%' || isHex(byte(stop)) || !m.caseSensitive && isHex(byte(stop)&^0x20)) {
			safe = true // "%41" must not make an 'A' the router stops at
		}
	}
	if wild && m.unescape {
		// Decoded to a space. Refused here whether or not urlfor applies
		// Unroutable to wildcards (it applies it to Params).
		allowed = allowed.without('+')
	}
	// fiber's parser gives greedy parameters no constraints, so a
	// wildcard's regexp is only ours.
	nonEmpty := plus && wild || wild && tooShort
	if safe {
		allowed = intersect(allowed, segmentSafe) // a Param: constraints and stops are never on wildcards
	}
	restricted := len(allowed) != 2 || allowed[0] != 0 || allowed[1] != anyRune[1]
	if re == "" && (restricted || nonEmpty) {
		re = `(?s:.)*`
		if nonEmpty {
			re = `(?s:.)+`
		}
	}
	if re != "" && restricted {
		if re, err = restrictRegexp(re, allowed); err != nil {
			return part, errTranslate("constraint regexp: %v", err)
		}
	}
	if re != "" {
		part = part.Matching(re)
	}
	if s.IsOptional && !s.IsGreedy && last && !tooShort {
		part = part.Optional()
	}
	return part, nil
}

// greedyInside checks a greedy parameter that is not last. fiber finds its
// end by counting the literal after it (ComparePart) from the right, so no
// later value may contain that literal: later values never contain "/"
// (escaped, or unroutable), so a literal starting with "/" is safe unless a
// trailing wildcard (which keeps "/") follows.
func greedyInside(segs []segment, i int) error {
	later := false
	for _, s := range segs[i+1:] {
		later = later || s.IsParam
	}
	if !later {
		return nil
	}
	next := segs[i+1]
	if next.IsParam || next.Const == "" || next.Const[0] != '/' {
		return errTranslate("a greedy parameter followed by %q and more parameters is matched right to left by fiber", next.Const)
	}
	if lastSeg := segs[len(segs)-1]; lastSeg.IsParam && lastSeg.IsGreedy {
		return errTranslate("two greedy parameters: fiber splits their values right to left")
	}
	return nil
}

// literal returns the text urlfor writes for a literal of the pattern.
func literal(text string, m routerMode) (string, error) {
	if m.unescape {
		// The router compares the decoded path: encode what a client
		// would, and "+" (decoded as a space) and "%".
		var b strings.Builder
		for i := 0; i < len(text); i++ {
			c := text[i]
			if c != '+' && c != '%' && (isPathRaw(c) || c == '/') {
				b.WriteByte(c)
				continue
			}
			fmt.Fprintf(&b, "%%%02X", c)
		}
		return b.String(), nil
	}
	// The router compares the raw path: the literal must be bytes a client
	// sends as they are.
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case isPathRaw(c) || c == '/' || strings.IndexByte("!'()*,;", c) >= 0:
		case c == '%' && i+2 < len(text) && isHexAny(text[i+1]) && isHexAny(text[i+2]):
			i += 2
		default:
			return "", errTranslate("literal %q has the byte %q, which clients percent-encode; "+
				"fiber (UnescapePath false) compares the raw path, so no request reaches it", text, c)
		}
	}
	return text, nil
}

// isPathRaw reports RFC 3986 unreserved characters and "$&+:=@".
func isPathRaw(c byte) bool {
	return isASCIILetter(c) || '0' <= c && c <= '9' || strings.IndexByte("-._~$&+:=@", c) >= 0
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isHex reports the characters percent-encoding writes: digits and A-F.
func isHex(c byte) bool { return '0' <= c && c <= '9' || 'A' <= c && c <= 'F' }

func isHexAny(c byte) bool { return isHex(c) || 'a' <= c && c <= 'f' }
