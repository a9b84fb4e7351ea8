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
//     path is not in its default encoding. urlfor escapes a segment as Go
//     does (urlfor's "# Escaping"), but for the "/" inside one parameter's
//     value ("%2F", where Go would write "/"): that is the one byte that
//     gives a URL built here a RawPath ([forcesRawPath]), and then chi
//     routes and hands over every value of the URL escaped (see
//     [URLParam]). Routing itself works in both modes, so "/" needs no
//     refusal in a plain route (no [urlfor.Unroutable]).
//   - A parameter ends at the first byte of the literal text after it
//     ("{name}.json" stops at the first "."), and chi never backtracks
//     (tree.go findRoute): no [urlfor.Backtracking].
//   - A regexp constraint is checked against the value as routed: decoded,
//     or escaped when the URL has a RawPath. A constrained value never
//     holds "/", so only an unconstrained parameter of the same route can
//     give the URL a RawPath. Where the route has one, a constrained value
//     is limited to bytes that need no escaping
//     ([adapterkit.RawSegmentRunes]), so that both forms are the same;
//     where it has none, the constraint always sees the decoded value and
//     only "/" is taken out of it ([adapterkit.RestrictRegexp]). chi
//     anchors its regexp by adding "^" and "$" around the text; urlfor
//     anchors the whole expression, which is stricter for a top-level
//     alternation ("a|b"), never looser.
//   - Literal text is matched byte for byte against the routed path. Text
//     that Go's default path encoding escapes (non-ASCII, space, "%", "!")
//     is written percent-encoded, and matches only the decoded path: such
//     a route refuses "/" inside a parameter, the one value that would
//     give the URL a RawPath ([urlfor.Unroutable] of [forcesRawPath]; a
//     wildcard keeps "/" raw as its separator, so its values all build),
//     and a parameter right before such text refuses the runes that start
//     with its first byte.
func parsePattern(pattern string, taken map[string][]urlfor.Taken) (*urlfor.Template, error) {
	if !utf8.ValidString(pattern) {
		return nil, templateErr(pattern, "not valid UTF-8")
	}
	toks, err := splitPattern(pattern)
	if err != nil {
		return nil, templateErr(pattern, err.Error())
	}
	decodedOnly, slashable := false, false
	for _, t := range toks {
		decodedOnly = decodedOnly || needsEscape(t.Literal)
		slashable = slashable || t.Literal == "" && !t.Wildcard && t.Constraint == ""
	}
	// The runes a constrained value may hold (see above): all when no URL
	// of the route has a RawPath (Unroutable refuses "/"), the raw ones
	// when one may, all but "/" when only the constrained value itself
	// could give it one.
	constrained := adapterkit.AllRunes.Minus(adapterkit.RunesOf(forcesRawPath))
	var opts []urlfor.TemplateOption
	switch {
	case decodedOnly:
		opts = append(opts, urlfor.Unroutable(forcesRawPath))
		constrained = adapterkit.AllRunes
	case slashable:
		constrained = adapterkit.RawSegmentRunes
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
			p, err := param(t, next, constrained)
			if err != nil {
				return nil, templateErr(pattern, fmt.Sprintf("regexp of {%s}: %v", t.Param, err))
			}
			parts[i] = p.TakenBy(taken[t.Param]...)
		}
	}
	return urlfor.NewTemplate(pattern, parts, opts...)
}

// param is the part of the parameter t, followed by the literal text next:
// its constraint narrowed to the runes chi routes back (see parsePattern),
// constrained when it has one.
func param(t adapterkit.Token, next string, constrained adapterkit.RuneSet) (urlfor.Part, error) {
	p := urlfor.Param(t.Param)
	allowed := adapterkit.AllRunes
	if t.Constraint != "" {
		allowed = constrained
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
// a RawPath, and chi routes it on the escaped path (TestForcesRawPath
// derives the set from urlfor and net/url). urlfor keeps "," and ";" raw,
// as Go does, so only "/" is left.
const forcesRawPath = "/"

// escapeLiteral writes literal pattern text as Go's default path encoding
// does (url.URL.EscapedPath: all but ASCII letters, digits, "-._~" and
// "$&+,/:;=@" escaped), so that the URL is valid and decodes to the text
// chi matches. (The "/" in front dodges EscapedPath's special case of "*".)
func escapeLiteral(s string) string { return (&url.URL{Path: "/" + s}).EscapedPath()[1:] }

// needsEscape reports whether Go's default path encoding escapes a byte of
// s.
func needsEscape(s string) bool { return escapeLiteral(s) != s }
