package partychi

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// splitPattern reads a chi routing pattern as chi's patNextSegment
// (tree.go) does: literal text, "{key}", "{key:regexp}" (the regexp may
// hold balanced braces, "{id:[0-9]{3}}"), and a trailing "*" (the
// parameter named "*"). It refuses what chi refuses at registration (a "*"
// that is not last, a "{" without its "}").
func splitPattern(pattern string) ([]adapterkit.Token, error) {
	var toks []adapterkit.Token
	s := pattern
	for {
		ps, ws := strings.IndexByte(s, '{'), strings.IndexByte(s, '*')
		if ws >= 0 && (ps < 0 || ws < ps) {
			if ws != len(s)-1 {
				return nil, fmt.Errorf("wildcard \"*\" is not the last byte of the pattern")
			}
			ps = ws
		}
		if ps < 0 {
			ps = len(s)
		}
		if ps > 0 {
			toks = append(toks, adapterkit.Lit(s[:ps]))
		}
		switch {
		case ps == len(s):
			return toks, nil
		case s[ps] == '*':
			return append(toks, adapterkit.Wild("*")), nil
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
		if key == "" {
			return nil, fmt.Errorf("parameter at byte %d has no name", len(pattern)-len(s)+ps)
		}
		toks = append(toks, adapterkit.Re(key, re))
		s = s[pe+1:]
	}
}

// parsePattern compiles a chi pattern, as chi.Walk reports it (mount
// prefixes inside the chi tree included), into a urlfor template that
// builds URLs chi routes back to the same route with the same values;
// taken holds, by parameter key, the values other routes take from it
// (shadow.go).
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
//     therefore limited to bytes that need no escaping
//     ([adapterkit.RawSegmentRunes]), so that both forms are the same
//     ([adapterkit.RestrictRegexp]). chi anchors its regexp by adding "^"
//     and "$" around the text; urlfor anchors the whole expression, which
//     is stricter for a top-level alternation ("a|b"), never looser.
//   - Literal text is matched byte for byte against the routed path. Text
//     that Go's default path encoding escapes (non-ASCII, space, "%", "!")
//     is written percent-encoded, and matches only the decoded path: such
//     a route refuses every value that would give the URL a RawPath
//     ([urlfor.Unroutable] of "/", "," and ";", which a wildcard keeps as
//     its separator), and a parameter right before such text refuses the
//     runes that start with its first byte.
func parsePattern(pattern string, taken map[string][]urlfor.Taken) (*urlfor.Template, error) {
	if !utf8.ValidString(pattern) {
		return nil, templateErr(pattern, "not valid UTF-8")
	}
	toks, err := splitPattern(pattern)
	if err != nil {
		return nil, templateErr(pattern, err.Error())
	}
	decodedOnly := false
	for _, t := range toks {
		decodedOnly = decodedOnly || needsEscape(t.Literal)
	}
	var opts []urlfor.TemplateOption
	if decodedOnly {
		opts = append(opts, urlfor.Unroutable(forcesRawPath))
	}
	parts := make([]urlfor.Part, len(toks))
	for i, t := range toks {
		switch {
		case t.Literal != "":
			parts[i] = urlfor.Literal(escapeLiteral(t.Literal))
		case t.Wildcard:
			parts[i] = urlfor.Wildcard(t.Param).TakenBy(taken[t.Param]...)
		default:
			var next string
			if i+1 < len(toks) {
				next = toks[i+1].Literal
			}
			p, err := param(t, next, decodedOnly)
			if err != nil {
				return nil, templateErr(pattern, fmt.Sprintf("regexp of {%s}: %v", t.Param, err))
			}
			parts[i] = p.TakenBy(taken[t.Param]...)
		}
	}
	return urlfor.NewTemplate(pattern, parts, opts...)
}

// param is the part of the parameter t, followed by the literal text next:
// its constraint narrowed to the runes chi routes back (see parsePattern).
func param(t adapterkit.Token, next string, decodedOnly bool) (urlfor.Part, error) {
	p := urlfor.Param(t.Param)
	allowed := adapterkit.AllRunes
	if !decodedOnly && t.Constraint != "" {
		allowed = adapterkit.RawSegmentRunes
	}
	if next != "" && needsEscape(next[:1]) {
		allowed = allowed.Minus(adapterkit.RunesStartingWith(next[0]))
	}
	re := t.Constraint
	if !allowed.Equal(adapterkit.AllRunes) {
		if re == "" {
			re = `(?s:.*)`
		}
		var err error
		if re, err = adapterkit.RestrictRegexp(re, allowed); err != nil {
			return p, err
		}
	}
	if re != "" {
		p = p.Matching(re)
	}
	return p, nil
}

// forcesRawPath lists the bytes urlfor percent-encodes in a path segment
// but Go's default path encoding keeps: a URL with one of them escaped has
// a RawPath, and chi routes it on the escaped path (TestForcesRawPath).
const forcesRawPath = "/,;"

// escapeLiteral writes literal pattern text as Go's default path encoding
// does (url.URL.EscapedPath: all but ASCII letters, digits, "-._~" and
// "$&+,/:;=@" escaped), so that the URL is valid and decodes to the text
// chi matches. (The "/" in front dodges EscapedPath's special case of "*".)
func escapeLiteral(s string) string { return (&url.URL{Path: "/" + s}).EscapedPath()[1:] }

// needsEscape reports whether Go's default path encoding escapes a byte of
// s.
func needsEscape(s string) bool { return escapeLiteral(s) != s }
