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
// parameter matching one or more bytes but "/" and a wildcard any bytes.
// It ignores constraints and that a parameter also stops at its tail byte:
// an over-approximation, the safe side for refusing values.
func compatible(a, b []Token, fold bool) bool {
	ea, eb := elems(a), elems(b)
	seen := map[[2]int]bool{}
	var walk func(i, j int) bool
	walk = func(i, j int) bool {
		if seen[[2]int{i, j}] {
			return false
		}
		seen[[2]int{i, j}] = true
		if i == len(ea) && j == len(eb) {
			return true
		}
		if i < len(ea) && ea[i].star && walk(i+1, j) {
			return true
		}
		if j < len(eb) && eb[j].star && walk(i, j+1) {
			return true
		}
		if i == len(ea) || j == len(eb) || !ea[i].meets(eb[j], fold) {
			return false
		}
		ni, nj := i+1, j+1
		if ea[i].star {
			ni = i
		}
		if eb[j].star {
			nj = j
		}
		return walk(ni, nj)
	}
	return walk(0, 0)
}

// elem matches one byte (star: any number of them): b, or any byte but
// "/" (notSlash), or any byte (any).
type elem struct {
	b             byte
	notSlash, any bool
	star          bool
}

func (e elem) meets(o elem, fold bool) bool {
	switch {
	case e.any || o.any:
		return true
	case e.notSlash && o.notSlash:
		return true
	case e.notSlash:
		return o.b != '/'
	case o.notSlash:
		return e.b != '/'
	case fold:
		return lowerASCII(e.b) == lowerASCII(o.b)
	}
	return e.b == o.b
}

func lowerASCII(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

func elems(toks []Token) []elem {
	var out []elem
	for _, tk := range toks {
		switch {
		case tk.isLiteral():
			for k := 0; k < len(tk.Literal); k++ {
				out = append(out, elem{b: tk.Literal[k]})
			}
		case tk.Wildcard:
			out = append(out, elem{any: true, star: true})
		default:
			out = append(out, elem{notSlash: true}, elem{notSlash: true, star: true})
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
