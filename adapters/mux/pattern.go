package partymux

import (
	"fmt"
	"strings"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// parseTemplate splits a mux template ("/a/{b}/{c:[0-9]{3}}") into text
// and variables as mux's braceIndices does (braces nest; the name ends at
// the first ":"). Errors, as in mux's, wrap [urlfor.ErrInvalidTemplate].
func parseTemplate(tpl string) ([]adapterkit.Token, error) {
	var toks []adapterkit.Token
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
					toks = append(toks, adapterkit.Lit(tpl[end:start]))
				}
				name, pattern, hasPattern := strings.Cut(tpl[start+1:i], ":")
				if name == "" || hasPattern && pattern == "" {
					return nil, templateError(tpl, fmt.Sprintf("missing name or pattern in %q", tpl[start:i+1]))
				}
				toks = append(toks, adapterkit.Re(name, pattern))
				end = i + 1
			}
		}
	}
	if level != 0 {
		return nil, templateError(tpl, "unbalanced braces")
	}
	if end < len(tpl) {
		toks = append(toks, adapterkit.Lit(tpl[end:]))
	}
	return toks, nil
}

// isVar reports whether t is a variable (or wildcard) rather than text.
func isVar(t adapterkit.Token) bool { return t.Param != "" }

// patternOr is t's regexp, or def (mux's default) when it has none.
func patternOr(t adapterkit.Token, def string) string {
	if t.Constraint == "" {
		return def
	}
	return t.Constraint
}

func templateError(tpl, why string) error {
	return fmt.Errorf("%w %q: %s", urlfor.ErrInvalidTemplate, tpl, why)
}
