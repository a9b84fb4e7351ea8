package adapterkit

import (
	"strings"
)

// Token is one piece of a route pattern in the terms every router shares:
// literal text, a parameter (one segment, or part of one), or a trailing
// wildcard. Adapters turn their dialect into tokens once, for [Siblings].
type Token struct {
	Literal    string // literal text; "" for a parameter or wildcard
	Param      string // the parameter's name
	Wildcard   bool   // a trailing wildcard (any number of segments)
	Constraint string // the parameter's regexp (RE2, matched whole), if any
}

func (t Token) isLiteral() bool { return t.Param == "" && !t.Wildcard }

// Shape is one registered route as [Siblings] sees it.
type Shape struct {
	// By names the route in messages: "GET /posts/new", or "the app mounted
	// at /api".
	By string
	// Tokens are the route's pattern, with literal text merged: no two
	// literals follow each other.
	Tokens []Token
}

// Lit, P, Re and Wild are shorthands for tokens, for adapters and tests.
func Lit(s string) Token { return Token{Literal: s} }

// P is a parameter token.
func P(name string) Token { return Token{Param: name} }

// Re is a parameter token constrained by a regexp.
func Re(name, re string) Token { return Token{Param: name, Constraint: re} }

// Wild is a trailing wildcard token.
func Wild(name string) Token { return Token{Param: name, Wildcard: true} }

// compatible reports whether some path matches both token lists, a
// parameter matching one or more bytes but "/" and a wildcard any bytes
// ([Witness] over their elems), literal text compared ignoring ASCII case
// with fold. It ignores constraints and that a parameter also stops at its
// tail byte: an over-approximation, the safe side for refusing values.
func compatible(a, b []Token, fold bool) bool {
	_, ok := Witness(tokenElems(a, fold), tokenElems(b, fold))
	return ok
}

// tokenElems spells toks in elems, as [Elem] says; with fold, literal
// ASCII letters are lower-cased, so that comparing bytes ignores case.
func tokenElems(toks []Token, fold bool) []Elem {
	var out []Elem
	for _, tk := range toks {
		switch {
		case tk.isLiteral():
			for k := 0; k < len(tk.Literal); k++ {
				c := tk.Literal[k]
				if fold && 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				out = append(out, Elem{Byte: c})
			}
		case tk.Wildcard:
			out = append(out, Elem{Class: AnyByte, Star: true})
		default:
			out = append(out, Elem{Class: NotSlash}, Elem{Class: NotSlash, Star: true})
		}
	}
	return out
}

func hasPrefix(s, prefix string, fold bool) bool {
	if len(s) < len(prefix) {
		return false
	}
	if fold {
		return strings.EqualFold(s[:len(prefix)], prefix)
	}
	return s[:len(prefix)] == prefix
}
