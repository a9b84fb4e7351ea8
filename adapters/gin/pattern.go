package partygin

import (
	"fmt"
	"strings"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// parsePattern translates a gin route path into tokens (literal text
// merged, "/" included), following gin's own rules (tree.go findWildcard
// and insertChild): ":name" is a parameter that runs to the next "/", so
// it ends its segment and "user_:name" is literal text then a parameter;
// "*name" is a catch-all that must follow a "/" and end the path; a name
// may not be empty or hold another ":" or "*"; `\:` is a literal colon
// (gin 1.10), and any other backslash escape is invalid. Where gin panics
// at registration, parsePattern returns an error wrapping
// [urlfor.ErrInvalidTemplate].
func parsePattern(pattern string) ([]adapterkit.Token, error) {
	if pattern == "" || pattern[0] != '/' {
		return nil, patternErr(pattern, "a path must begin with /")
	}
	var toks []adapterkit.Token
	var lit strings.Builder
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		switch c {
		case '\\':
			if i+1 >= len(pattern) || pattern[i+1] != ':' {
				return nil, patternErr(pattern, `invalid escape: gin allows only \: (a literal colon)`)
			}
			lit.WriteByte(':')
			i++
			continue
		case ':', '*':
		default:
			lit.WriteByte(c)
			continue
		}
		end := len(pattern)
		if j := strings.IndexByte(pattern[i+1:], '/'); j >= 0 {
			end = i + 1 + j
		}
		name := pattern[i+1 : end]
		switch {
		case name == "":
			return nil, patternErr(pattern, "wildcards must be named with a non-empty name")
		case strings.ContainsAny(name, ":*"):
			return nil, patternErr(pattern, "only one wildcard per path segment is allowed")
		case c == '*' && end != len(pattern):
			return nil, patternErr(pattern, "catch-all routes are only allowed at the end of the path")
		case c == '*' && !strings.HasSuffix(lit.String(), "/"):
			return nil, patternErr(pattern, "no / before catch-all")
		}
		toks = append(toks, adapterkit.Lit(lit.String()), adapterkit.Token{Param: name, Wildcard: c == '*'})
		lit.Reset()
		i = end - 1
	}
	if lit.Len() > 0 {
		toks = append(toks, adapterkit.Lit(lit.String()))
	}
	return toks, nil
}

func patternErr(pattern, why string) error {
	return fmt.Errorf("%w %q: partygin: %s", urlfor.ErrInvalidTemplate, pattern, why)
}

// parts translates tokens into urlfor parts: a parameter becomes
// [urlfor.Param], a catch-all [urlfor.Wildcard] marked SlashPrefixed (gin
// hands "/a/b" for ".../a/b") and constrained by the engine's mode. taken
// holds, by token, the values other routes take (see shadow.go).
func parts(toks []adapterkit.Token, mode pathMode, taken [][]urlfor.Taken) []urlfor.Part {
	rawPath := keepsRawPath(toks)
	out := make([]urlfor.Part, len(toks))
	for i, t := range toks {
		switch {
		case t.Param == "":
			out[i] = urlfor.Literal(t.Literal)
			continue
		case t.Wildcard:
			out[i] = urlfor.Wildcard(t.Param).SlashPrefixed()
			if re := mode.catchAllConstraint(rawPath); re != "" {
				out[i] = out[i].Matching(re)
			}
		default:
			out[i] = urlfor.Param(t.Param)
		}
		if i < len(taken) && len(taken[i]) > 0 {
			out[i] = out[i].TakenBy(taken[i]...)
		}
	}
	return out
}
