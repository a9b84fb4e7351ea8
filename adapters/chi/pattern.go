package partychi

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/partyline-go/partyline/urlfor"
)

// chiSegment is one piece of a chi pattern, as chi's patNextSegment
// (tree.go) reads it.
type chiSegment struct {
	literal  string // literal text before the placeholder ("" for none)
	param    bool   // a placeholder follows the literal text
	key      string // the placeholder's name; "*" for the wildcard
	regexp   string // the text after ":" in "{key:regexp}", "" for none
	wildcard bool
}

// splitPattern reads a chi routing pattern: literal text, "{key}",
// "{key:regexp}" (the regexp may hold balanced braces, "{id:[0-9]{3}}"),
// and a trailing "*". It refuses what chi refuses at registration (a "*"
// that is not last, a "{" without its "}").
func splitPattern(pattern string) ([]chiSegment, error) {
	var segs []chiSegment
	s := pattern
	for {
		ps := strings.IndexByte(s, '{')
		ws := strings.IndexByte(s, '*')
		switch {
		case ps < 0 && ws < 0:
			if s != "" {
				segs = append(segs, chiSegment{literal: s})
			}
			return segs, nil
		case ws >= 0 && (ps < 0 || ws < ps):
			if ws != len(s)-1 {
				return nil, fmt.Errorf("wildcard \"*\" is not the last byte of the pattern")
			}
			return append(segs, chiSegment{literal: s[:ws], param: true, key: "*", wildcard: true}), nil
		}
		depth, pe := 0, -1
		for i := ps; i < len(s) && pe < 0; i++ {
			switch s[i] {
			case '{':
				depth++
			case '}':
				if depth--; depth == 0 {
					pe = i
				}
			}
		}
		if pe < 0 {
			return nil, fmt.Errorf("parameter at byte %d has no closing \"}\"", len(pattern)-len(s)+ps)
		}
		key, re, _ := strings.Cut(s[ps+1:pe], ":")
		segs = append(segs, chiSegment{literal: s[:ps], param: true, key: key, regexp: re})
		s = s[pe+1:]
	}
}

// parsePattern compiles a chi pattern, as chi.Walk reports it (mount
// prefixes inside the chi tree included), into a urlfor template that
// builds URLs chi routes back to the same route with the same values.
//
// What chi does, and what the template does about it (each is tested
// through a real chi router, see pattern_internal_test.go and
// FuzzRoundTrip):
//
//   - chi routes on r.URL.RawPath when the request has one, else on the
//     decoded r.URL.Path (mux.go routeHTTP). Go sets RawPath only when the
//     path is not in its default encoding, which happens with a value
//     holding "/", "," or ";" (urlfor escapes them, Go would not). So a
//     value reaches chi escaped or decoded depending on every byte of the
//     URL: see [URLParam] for the handler's side. Routing itself works in
//     both modes, so "/" needs no refusal (no [urlfor.Unroutable]).
//   - A parameter ends at the first byte of the literal text after it
//     ("{name}.json" stops at the first "."), and chi never backtracks
//     (tree.go findRoute): no [urlfor.Backtracking].
//   - A regexp constraint is checked against the value as routed: decoded,
//     or escaped when the URL has a RawPath. A constrained value is
//     therefore limited to bytes that need no escaping (letters, digits,
//     "-._~$&+:=@"), so that both forms are the same; [restrictRegexp]
//     intersects the constraint with that set. chi anchors its regexp by
//     adding "^" and "$" around the text; urlfor anchors the whole
//     expression, which is stricter for a top-level alternation ("a|b"),
//     never looser.
//   - Literal text is matched byte for byte against the routed path. Text
//     that Go's default path encoding escapes (non-ASCII, space, "%", "!")
//     is written percent-encoded, and matches only the decoded path: such
//     a route refuses every value that would give the URL a RawPath
//     ("/", ",", ";"), and a parameter right before such text refuses the
//     runes that start with its first byte.
func parsePattern(pattern string) (*urlfor.Template, error) {
	return parseShadowed(pattern, nil)
}

// parseShadowed is [parsePattern] with the values other routes take from
// each parameter, by key (see shadow.go): exact values are refused with
// [urlfor.Part.Except], values taken by prefix with a constraint.
func parseShadowed(pattern string, shadows map[string]*exclusions) (*urlfor.Template, error) {
	if !utf8.ValidString(pattern) {
		return nil, templateErr(pattern, "not valid UTF-8")
	}
	segs, err := splitPattern(pattern)
	if err != nil {
		return nil, templateErr(pattern, err.Error())
	}
	decodedOnly := false
	for _, s := range segs {
		if needsEscape(s.literal) {
			decodedOnly = true
		}
	}
	var opts []urlfor.TemplateOption
	if decodedOnly {
		opts = append(opts, urlfor.Unroutable(forcesRawPath))
	}
	parts := make([]urlfor.Part, 0, 2*len(segs))
	for i, s := range segs {
		if s.literal != "" {
			parts = append(parts, urlfor.Literal(escapeLiteral(s.literal)))
		}
		if !s.param {
			continue
		}
		ex := shadows[s.key]
		if s.wildcard {
			w := urlfor.Wildcard(s.key)
			re, shadowed := "", false
			if ex != nil {
				re, shadowed = ex.constraint(true)
			}
			switch {
			case shadowed && decodedOnly:
				c, err := restrictRegexp(re, complement([]rune{',', ',', ';', ';'}))
				if err != nil {
					return nil, templateErr(pattern, fmt.Sprintf("wildcard: %v", err))
				}
				w = w.Matching(c)
			case shadowed:
				w = w.Matching(re)
			case decodedOnly:
				w = w.Matching(wildcardDecodedOnly)
			}
			parts = append(parts, w)
			continue
		}
		p := urlfor.Param(s.key)
		allowed := allRunes
		if !decodedOnly && s.regexp != "" {
			allowed = rawSegmentRunes
		}
		if i+1 < len(segs) && segs[i+1].literal != "" {
			if b := segs[i+1].literal[0]; needsEscape(string(b)) {
				allowed = subtract(allowed, runesStartingWith(b))
			}
		}
		re := s.regexp
		if ex != nil && re == "" {
			// A parameter with its own regexp keeps it: RE2 cannot
			// intersect it with the complement of the taken prefixes.
			re, _ = ex.constraint(false)
		}
		switch {
		case sameRanges(allowed, allRunes):
			if re != "" {
				p = p.Matching(re)
			}
		default:
			if re == "" {
				re = `(?s:.*)`
			}
			c, err := restrictRegexp(re, allowed)
			if err != nil {
				return nil, templateErr(pattern, fmt.Sprintf("regexp of {%s}: %v", s.key, err))
			}
			p = p.Matching(c)
		}
		if ex != nil && len(ex.exact) > 0 {
			p = p.Except(ex.why(), ex.exact...)
		}
		parts = append(parts, p)
	}
	return urlfor.NewTemplate(pattern, parts, opts...)
}

// templateErr is the error of a pattern the adapter cannot translate; it
// wraps [urlfor.ErrInvalidTemplate], as urlfor's own do.
func templateErr(pattern, why string) error {
	return fmt.Errorf("partychi: %w %q: %s", urlfor.ErrInvalidTemplate, pattern, why)
}

// forcesRawPath lists the bytes urlfor percent-encodes in a path segment
// but Go's default path encoding keeps: a URL with one of them escaped has
// a RawPath, and chi routes it on the escaped path (TestForcesRawPath).
const forcesRawPath = "/,;"

// wildcardDecodedOnly keeps a wildcard's value free of the bytes of
// forcesRawPath but "/", which separates its segments (it is written raw).
const wildcardDecodedOnly = `[^,;]*`

// needsEscape reports whether Go's default path encoding (url.URL's
// EscapedPath, mode encodePath) escapes a byte of s: all but ASCII letters,
// digits, "-._~" and "$&+,/:;=@".
func needsEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		if !goPathRaw(s[i]) {
			return true
		}
	}
	return false
}

func goPathRaw(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		strings.IndexByte("-._~$&+,/:;=@", c) >= 0
}

// escapeLiteral writes literal pattern text as Go's default path encoding
// does, so that the URL is valid and decodes to the text chi matches.
func escapeLiteral(s string) string {
	if !needsEscape(s) {
		return s
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; goPathRaw(c) {
			b.WriteByte(c)
		} else {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}
