package partygin

import (
	"fmt"
	"strings"

	"github.com/partyline-go/partyline/urlfor"
)

// segKind is the kind of one path segment of a gin pattern.
type segKind uint8

const (
	segLiteral  segKind = iota // "posts"
	segParam                   // ":id", or "user_:name" (literal text, then a parameter to the segment's end)
	segCatchAll                // "*path": the rest of the path, always last
)

// segment is one "/"-separated piece of a gin pattern, after the leading
// "/". A gin parameter always runs to the end of its segment (its name is
// everything up to the next "/"), so a segment holds at most one.
type segment struct {
	kind segKind
	lit  string // the literal text, or the text before the parameter
	name string // the parameter's name
}

// parsePattern splits a gin route path into segments, following gin's own
// rules (tree.go findWildcard and insertChild): ":name" runs to the next "/";
// "*name" must follow a "/" and end the path; a name may not be empty or
// hold another ":" or "*"; `\:` is a literal colon (gin 1.10), and any other
// backslash escape is invalid. Where gin panics at registration, parsePattern
// returns an error wrapping [urlfor.ErrInvalidTemplate].
func parsePattern(pattern string) ([]segment, error) {
	if pattern == "" || pattern[0] != '/' {
		return nil, patternErr(pattern, "a path must begin with /")
	}
	var segs []segment
	var lit strings.Builder
	for i := 1; i <= len(pattern); i++ {
		if i == len(pattern) {
			segs = append(segs, segment{kind: segLiteral, lit: lit.String()})
			break
		}
		switch c := pattern[i]; c {
		case '/':
			segs = append(segs, segment{kind: segLiteral, lit: lit.String()})
			lit.Reset()
		case '\\':
			if i+1 >= len(pattern) || pattern[i+1] != ':' {
				return nil, patternErr(pattern, `invalid escape: gin allows only \: (a literal colon)`)
			}
			lit.WriteByte(':')
			i++
		case ':', '*':
			end := strings.IndexByte(pattern[i+1:], '/')
			if end < 0 {
				end = len(pattern)
			} else {
				end += i + 1
			}
			name := pattern[i+1 : end]
			switch {
			case name == "":
				return nil, patternErr(pattern, "wildcards must be named with a non-empty name")
			case strings.ContainsAny(name, ":*"):
				return nil, patternErr(pattern, "only one wildcard per path segment is allowed")
			}
			if c == ':' {
				segs = append(segs, segment{kind: segParam, lit: lit.String(), name: name})
				lit.Reset()
				if end == len(pattern) {
					return segs, nil
				}
				i = end // the "/" that ends the segment
				continue
			}
			switch {
			case end != len(pattern):
				return nil, patternErr(pattern, "catch-all routes are only allowed at the end of the path")
			case lit.Len() != 0:
				return nil, patternErr(pattern, "no / before catch-all")
			}
			return append(segs, segment{kind: segCatchAll, name: name}), nil
		default:
			lit.WriteByte(c)
		}
	}
	return segs, nil
}

func patternErr(pattern, why string) error {
	return fmt.Errorf("%w %q: partygin: %s", urlfor.ErrInvalidTemplate, pattern, why)
}

// parts translates segments into urlfor parts: a parameter becomes
// [urlfor.Param], a catch-all [urlfor.Wildcard] marked SlashPrefixed (gin
// hands "/a/b" for ".../a/b"). constraints, by parameter name, come from
// the engine's mode and from static routes that would take some values
// (see shadow.go).
func parts(segs []segment, constraints map[string]string) []urlfor.Part {
	out := make([]urlfor.Part, 0, 2*len(segs)+1)
	for _, s := range segs {
		out = append(out, urlfor.Literal("/"))
		switch s.kind {
		case segLiteral:
			out = append(out, urlfor.Literal(s.lit))
		case segParam:
			p := urlfor.Param(s.name)
			if c := constraints[s.name]; c != "" {
				p = p.Matching(c)
			}
			out = append(out, urlfor.Literal(s.lit), p)
		case segCatchAll:
			w := urlfor.Wildcard(s.name).SlashPrefixed()
			if c := constraints[s.name]; c != "" {
				w = w.Matching(c)
			}
			out = append(out, w)
		}
	}
	return out
}
