package adaptertest

import "strings"

// Param is one "{...}" of a [Pattern], as [Params] reads it.
type Param struct {
	// Name is the parameter's name: "id" in "{id}", "{id:[0-9]+}" and
	// "path" in "{path...}". It is the key of the value in a URL call and
	// in [Echo.Param].
	Name string
	// Re is the constraint of "{name:re}", RE2 syntax, unanchored as
	// written (the suite anchors it as ^(?:re)$, as gorilla/mux and chi
	// do); "" when the parameter has none.
	Re string
	// Wildcard is true for "{name...}": the rest of the path, "/" kept
	// between segments.
	Wildcard bool
}

// piece is a literal run or a parameter of a pattern, in order.
type piece struct {
	lit   string
	param *Param
}

// Params returns the parameters of p, left to right. A pattern whose "{"
// is never closed has none: the suite's own patterns are well formed, and
// a driver only ever sees those.
func Params(p Pattern) []Param {
	pieces, ok := parse(p)
	if !ok {
		return nil
	}
	var out []Param
	for _, pc := range pieces {
		if pc.param != nil {
			out = append(out, *pc.param)
		}
	}
	return out
}

// Translate rewrites p into a framework's dialect: every "{...}" becomes
// what param returns for it (name, constraint or "", wildcard or not) and
// literal text is copied unchanged. The result is ("", false) when param
// returns false for any parameter (the framework cannot say it: a regexp
// in gin, a parameter inside a segment in net/http) or when p is malformed
// (an unclosed "{"). A Driver's Dialect is usually one call:
//
//	Dialect: func(p adaptertest.Pattern) (string, bool) {
//		return adaptertest.Translate(p, func(name, re string, wildcard bool) (string, bool) {
//			if wildcard {
//				return "*" + name, true
//			}
//			return ":" + name, re == ""
//		})
//	}
//
// Literal text that is special in the dialect (":" in echo, "*" in gin) is
// not escaped: the suite's patterns use only letters, digits and "/-._".
func Translate(p Pattern, param func(name, re string, wildcard bool) (string, bool)) (string, bool) {
	pieces, ok := parse(p)
	if !ok {
		return "", false
	}
	var b strings.Builder
	for _, pc := range pieces {
		if pc.param == nil {
			b.WriteString(pc.lit)
			continue
		}
		s, ok := param(pc.param.Name, pc.param.Re, pc.param.Wildcard)
		if !ok {
			return "", false
		}
		b.WriteString(s)
	}
	return b.String(), true
}

// parse splits p into literals and parameters. Braces nest inside a
// parameter so that a constraint may hold a repetition: "{y:[0-9]{4}}".
func parse(p Pattern) ([]piece, bool) {
	var out []piece
	s := string(p)
	for s != "" {
		open := strings.IndexByte(s, '{')
		if open < 0 {
			out = append(out, piece{lit: s})
			break
		}
		if open > 0 {
			out = append(out, piece{lit: s[:open]})
		}
		end, depth := -1, 0
		for i := open; i < len(s) && end < 0; i++ {
			switch s[i] {
			case '{':
				depth++
			case '}':
				if depth--; depth == 0 {
					end = i
				}
			}
		}
		if end < 0 {
			return nil, false
		}
		out = append(out, piece{param: parseParam(s[open+1 : end])})
		s = s[end+1:]
	}
	return out, true
}

func parseParam(inner string) *Param {
	if name, ok := strings.CutSuffix(inner, "..."); ok {
		return &Param{Name: name, Wildcard: true}
	}
	name, re, _ := strings.Cut(inner, ":")
	return &Param{Name: name, Re: re}
}
