package partyfiber

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/partyline-go/partyline/internal/fiberdialect"
)

// A port of fiber's unexported parseRoute and its helpers (path.go, v2.52,
// MIT License, Copyright (c) 2019-present Fenny and Contributors), kept
// close to it so that a parameter ends where fiber ends it.

// segment is one piece of a fiber pattern; constraint one parameter
// constraint, Name "" for a name fiber does not know.
type (
	segment    = fiberdialect.Segment
	constraint = fiberdialect.Constraint
)

// Special characters of fiber's dialect (path.go).
const (
	wildcardParam, plusParam, optionalParam, paramStarterChar = '*', '+', '?', ':'
	escapeChar, paramConstraintStart, paramConstraintEnd      = '\\', "<", ">"
	parameterStartChars                                       = "*+:"
	parameterDelimiterChars                                   = ":\\/-."
	parameterEndChars                                         = "?:\\/-."
	fiberMaxParams                                            = 30
)

// parsePattern splits a fiber pattern into segments as parseRoute does
// (which panics beyond 30 parameters: an error here).
func parsePattern(pattern string) ([]segment, error) {
	var segs []segment
	var wildcards, pluses, params int
	for pattern != "" {
		part := pattern
		if pos := findNextParamPosition(pattern); pos == 0 {
			var seg segment
			part, seg = analyseParameterPart(pattern, &wildcards, &pluses)
			segs, params = append(segs, seg), params+1
		} else {
			if pos > 0 {
				part = pattern[:pos]
			}
			segs = append(segs, segment{Const: fiber.RemoveEscapeChar(part)})
		}
		pattern = pattern[len(part):]
	}
	if len(segs) > 0 {
		segs[len(segs)-1].IsLast = true
	}
	if params > fiberMaxParams {
		return nil, fmt.Errorf("it has %d parameters; fiber allows %d", params, fiberMaxParams)
	}
	return segs, nil
}

// findNextParamPosition is fiber's: the position of the next parameter
// start, moved by one when another follows (fiber's loop runs once).
func findNextParamPosition(pattern string) int {
	pos := findNextNonEscapedCharsetPosition(pattern, parameterStartChars)
	if pos != -1 && pattern[pos] != wildcardParam && findNextNonEscapedCharsetPosition(pattern[pos+1:], parameterStartChars) == 0 {
		pos++
	}
	return pos
}

// analyseParameterPart is fiber's: one parameter, and the text it consumed.
func analyseParameterPart(pattern string, wildcards, pluses *int) (string, segment) {
	isWildCard, isPlusParam := pattern[0] == wildcardParam, pattern[0] == plusParam
	end := findNextNonEscapedCharsetPosition(pattern[1:], parameterEndChars)
	if strings.Contains(pattern, paramConstraintStart) && strings.Contains(pattern, paramConstraintEnd) {
		end = findNextCharsetPositionConstraint(pattern[1:], parameterEndChars)
	}
	cStart, cEnd := -1, -1
	switch {
	case isWildCard, isPlusParam:
		end = 0
	case end == -1:
		end = len(pattern) - 1
	case strings.IndexByte(parameterDelimiterChars, pattern[end+1]) < 0:
		end++
	}
	if end > 0 {
		cStart = findNextNonEscapedCharsetPosition(pattern[:end], paramConstraintStart)
		cEnd = strings.LastIndex(pattern[:end+1], paramConstraintEnd)
	}
	seg := segment{
		IsParam:    true,
		ParamName:  fiber.RemoveEscapeChar(fiber.GetTrimmedParam(pattern[:end+1])),
		IsOptional: isWildCard || pattern[end] == optionalParam,
		IsGreedy:   isWildCard || isPlusParam,
	}
	if cStart != -1 && cEnd != -1 {
		seg.Constraints = parseConstraints(pattern[cStart+1 : cEnd])
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
	return pattern[:end+1], seg
}

// parseConstraints is fiber's reading of "int;min(5)" in ":id<int;min(5)>".
func parseConstraints(text string) []constraint {
	var cons []constraint
	for _, c := range splitNonEscaped(text, ";") {
		start := findNextNonEscapedCharsetPosition(c, "(")
		stop := strings.LastIndex(c, ")")
		con := constraint{Raw: c, Name: constraintName(c), Data: []string{}}
		if start != -1 && stop != -1 {
			con.Name = constraintName(c[:start])
			con.Data = []string{c[start+1 : stop]} // regex: as written
			if con.Name != fiber.ConstraintRegex {
				con.Data = splitNonEscaped(c[start+1:stop], ",")
				for i := range con.Data {
					if len(con.Data) <= 2 {
						con.Data[i] = fiber.RemoveEscapeChar(con.Data[i])
					}
				}
			}
		}
		cons = append(cons, con)
	}
	return cons
}

// constraintName is fiber's canonical name, "" for one it does not know
// (and then checks nothing).
func constraintName(s string) string {
	switch s {
	case fiber.ConstraintInt, fiber.ConstraintBool, fiber.ConstraintFloat, fiber.ConstraintAlpha,
		fiber.ConstraintGuid, fiber.ConstraintLen, fiber.ConstraintMin, fiber.ConstraintMax,
		fiber.ConstraintRange, fiber.ConstraintDatetime, fiber.ConstraintRegex:
		return s
	case fiber.ConstraintMinLen, fiber.ConstraintMinLenLower:
		return fiber.ConstraintMinLen
	case fiber.ConstraintMaxLen, fiber.ConstraintMaxLenLower:
		return fiber.ConstraintMaxLen
	case fiber.ConstraintBetweenLen, fiber.ConstraintBetweenLenLower:
		return fiber.ConstraintBetweenLen
	}
	return ""
}

func findNextCharsetPositionConstraint(search, set string) int {
	cStart := findNextNonEscapedCharsetPosition(search, paramConstraintStart)
	cEnd := findNextNonEscapedCharsetPosition(search, paramConstraintEnd)
	next := -1
	for i := range len(set) {
		pos := strings.IndexByte(search, set[i])
		if pos != -1 && (pos < next || next == -1) && (pos > cStart && pos > cEnd || pos < cStart && pos < cEnd) {
			next = pos
		}
	}
	return next
}

func findNextNonEscapedCharsetPosition(search, set string) int {
	pos := strings.IndexAny(search, set)
	for pos > 0 && search[pos-1] == escapeChar {
		if len(search) == pos+1 {
			return -1
		}
		next := strings.IndexAny(search[pos+1:], set)
		if next == -1 {
			return -1
		}
		pos = next + pos + 1
	}
	return pos
}

func splitNonEscaped(s, sep string) []string {
	var out []string
	for i := findNextNonEscapedCharsetPosition(s, sep); i > -1; i = findNextNonEscapedCharsetPosition(s, sep) {
		out, s = append(out, s[:i]), s[i+len(sep):]
	}
	return append(out, s)
}
