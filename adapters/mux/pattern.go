package partymux

import (
	"fmt"
	"strings"

	"github.com/partyline-go/partyline/urlfor"
)

// token is one piece of a mux template: literal text, or a variable.
type token struct {
	lit     string // the literal text, when name is ""
	name    string // the variable's name
	pattern string // the variable's regexp; "" for mux's default
}

func (t token) isVar() bool { return t.name != "" }

// parseTemplate splits a mux template ("/articles/{category}/{id:[0-9]+}")
// into literal text and variables, as mux's braceIndices and
// newRouteRegexp do: braces at the top level delimit a variable, braces
// inside it nest ("{v:[0-9]{3}}"), the name is the text before the first
// ":" and the regexp the text after it. Unbalanced braces, an empty name
// and an empty regexp are errors, as in mux; errors wrap
// [urlfor.ErrInvalidTemplate].
func parseTemplate(tpl string) ([]token, error) {
	var toks []token
	level, start, end := 0, 0, 0
	for i := 0; i < len(tpl); i++ {
		switch tpl[i] {
		case '{':
			if level++; level == 1 {
				start = i
			}
		case '}':
			level--
			switch {
			case level < 0:
				return nil, templateError(tpl, "unbalanced braces")
			case level == 0:
				if start > end {
					toks = append(toks, token{lit: tpl[end:start]})
				}
				name, pattern, hasPattern := strings.Cut(tpl[start+1:i], ":")
				if name == "" || hasPattern && pattern == "" {
					return nil, templateError(tpl, fmt.Sprintf("missing name or pattern in %q", tpl[start:i+1]))
				}
				toks = append(toks, token{name: name, pattern: pattern})
				end = i + 1
			}
		}
	}
	if level != 0 {
		return nil, templateError(tpl, "unbalanced braces")
	}
	if end < len(tpl) {
		toks = append(toks, token{lit: tpl[end:]})
	}
	return toks, nil
}

func templateError(tpl, why string) error {
	return fmt.Errorf("%w %q: %s", urlfor.ErrInvalidTemplate, tpl, why)
}
