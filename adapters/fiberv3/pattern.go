package partyfiberv3

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v3"
	"github.com/partyline-go/partyline/internal/fiberdialect"
)

// A port of fiber v3's unexported parseRoute (path.go, v3.1.0, MIT
// License, Copyright (c) 2019-present Fenny and Contributors), kept close to
// it so that a parameter ends where fiber ends it. v3 differs from v2 in
// findNextParamPosition (a cluster "::" ends at its last ":") and in how a
// parameter's end is found around "<...>".

// segment is one piece of a fiber pattern; constraint one parameter
// constraint, Name as written: fiber matches custom constraints by it.
type (
	segment    = fiberdialect.Segment
	constraint = fiberdialect.Constraint
)

const (
	wildcardParam, plusParam, optionalParam, escapeChar = '*', '+', '?', '\\'
	parameterStartChars                                 = "*+:"
	parameterDelimiterChars                             = ":\\/-."
	parameterEndChars                                   = "?:\\/-."
	fiberMaxParams                                      = 30 // ctx.go maxParams
)

// parsePattern splits a fiber pattern into segments as parseRoute does
// (which panics beyond 30 parameters: an error here).
func parsePattern(pattern string) ([]segment, error) {
	var segs []segment
	var wildcards, pluses, params int
	for pattern != "" {
		n, seg := 0, segment{}
		if next := findNextParamPosition(pattern); next == 0 {
			n, seg = analyseParameterPart(pattern, &wildcards, &pluses)
			params++
		} else {
			n = len(pattern)
			if next > 0 {
				n = next
			}
			seg = segment{Const: fiber.RemoveEscapeChar(pattern[:n])}
		}
		segs, pattern = append(segs, seg), pattern[n:]
	}
	if len(segs) > 0 {
		segs[len(segs)-1].IsLast = true
	}
	if params > fiberMaxParams {
		return nil, fmt.Errorf("it has %d parameters; fiber allows %d", params, fiberMaxParams)
	}
	return segs, nil
}

func isStart(c byte) bool { return strings.IndexByte(parameterStartChars, c) >= 0 }

// findNextParamPosition is fiber's: the first unescaped parameter start,
// or, after the start of the pattern, the last of a cluster of them.
func findNextParamPosition(pattern string) int {
	next := -1
	for i := range len(pattern) {
		if isStart(pattern[i]) && (i == 0 || pattern[i-1] != escapeChar) {
			next = i
			break
		}
	}
	if next > 0 && pattern[next] != wildcardParam {
		for i := next + 1; i < len(pattern); i++ {
			if !isStart(pattern[i]) {
				return i - 1
			}
		}
		return len(pattern) - 1
	}
	return next
}

// analyseParameterPart is fiber's: one parameter, and the bytes it consumed.
func analyseParameterPart(pattern string, wildcards, pluses *int) (int, segment) {
	isWildCard, isPlusParam := pattern[0] == wildcardParam, pattern[0] == plusParam
	end, cStart, cEnd := 0, -1, -1
	if !isWildCard && !isPlusParam {
		end = -1
		search := pattern[1:]
		for i := range len(search) {
			unescaped := i == 0 || search[i-1] != escapeChar
			switch {
			case cStart == -1 && search[i] == '<' && unescaped:
				cStart = i + 1
			case cEnd == -1 && search[i] == '>' && unescaped:
				cEnd = i + 1
			case strings.IndexByte(parameterEndChars, search[i]) >= 0 && (cStart == -1) == (cEnd == -1):
				end = i
			}
			if end != -1 {
				break
			}
		}
		switch {
		case end == -1:
			end = len(pattern) - 1
		case strings.IndexByte(parameterDelimiterChars, pattern[end+1]) == -1:
			end++
		}
	}
	seg := segment{
		IsParam:    true,
		ParamName:  fiber.RemoveEscapeChar(fiber.GetTrimmedParam(pattern[:end+1])),
		IsOptional: isWildCard || pattern[end] == optionalParam,
		IsGreedy:   isWildCard || isPlusParam,
	}
	if cStart != -1 && cEnd != -1 {
		for _, c := range splitNonEscaped(pattern[cStart+1:cEnd], ';') {
			con := constraint{Name: c, Raw: c}
			start, stop := indexUnescaped(c, '('), strings.LastIndexByte(c, ')')
			if start != -1 && stop != -1 {
				con.Name, con.Data = c[:start], []string{c[start+1 : stop]}
				if con.Name != fiber.ConstraintRegex {
					con.Data = splitNonEscaped(c[start+1:stop], ',')
					for i := range con.Data {
						if len(con.Data) <= 2 {
							con.Data[i] = fiber.RemoveEscapeChar(con.Data[i])
						}
					}
				}
			}
			seg.Constraints = append(seg.Constraints, con)
		}
		seg.ParamName = fiber.RemoveEscapeChar(fiber.GetTrimmedParam(pattern[:cStart]))
	}
	switch {
	case isWildCard:
		*wildcards++
		seg.ParamName += strconv.Itoa(*wildcards)
	case isPlusParam:
		*pluses++
		seg.ParamName += strconv.Itoa(*pluses)
	}
	return end + 1, seg
}

// indexUnescaped is the position of the first c in s not preceded by "\".
func indexUnescaped(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c && (i == 0 || s[i-1] != escapeChar) {
			return i
		}
	}
	return -1
}

// splitNonEscaped is fiber's: s split at every unescaped sep.
func splitNonEscaped(s string, sep byte) []string {
	var out []string
	for i := indexUnescaped(s, sep); i > -1; i = indexUnescaped(s, sep) {
		out, s = append(out, s[:i]), s[i+1:]
	}
	return append(out, s)
}
