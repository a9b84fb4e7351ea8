package partyfiber

import (
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// This file reads fiber v2's route pattern dialect the way fiber's router
// does. The segmentation is a port of parseRoute and its helpers in fiber's
// path.go (v2.52, MIT License, Copyright (c) 2019-present Fenny and
// Contributors; the parser itself was inspired by ucarion/urlpath, MIT),
// kept close to the original so that a parameter ends where fiber ends it.
// It is not exported by fiber.

// segment is one piece of a fiber pattern: constant text or a parameter.
type segment struct {
	Const       string // constant text, escape characters removed
	IsParam     bool
	ParamName   string // "id"; "*1", "+1" for greedy parameters, as c.Params knows them
	IsGreedy    bool   // "*" or "+"
	IsOptional  bool   // ":id?" or "*"
	IsLast      bool
	Constraints []constraint
}

// constraint is one parameter constraint, ":id<int>" or "<min(5)>".
type constraint struct {
	Name string   // "int", "min", "regex"...; "" for a constraint without a name fiber knows
	Data []string // the arguments, escapes removed (for regex: the raw expression)
	Raw  string   // the constraint text as written, for messages
}

// Special characters of fiber's dialect (path.go).
const (
	wildcardParam            byte = '*'
	plusParam                byte = '+'
	optionalParam            byte = '?'
	paramStarterChar         byte = ':'
	slashDelimiter           byte = '/'
	escapeChar               byte = '\\'
	paramConstraintStart     byte = '<'
	paramConstraintEnd       byte = '>'
	paramConstraintSeparator byte = ';'
	paramConstraintDataStart byte = '('
	paramConstraintDataEnd   byte = ')'
	paramConstraintDataSep   byte = ','
	fiberMaxParams                = 30
)

var (
	parameterStartChars     = []byte{wildcardParam, plusParam, paramStarterChar}
	parameterDelimiterChars = []byte{paramStarterChar, escapeChar, slashDelimiter, '-', '.'}
	parameterEndChars       = []byte{optionalParam, paramStarterChar, escapeChar, slashDelimiter, '-', '.'}
)

// parsePattern splits a fiber pattern into segments as fiber's parseRoute
// does. fiber panics on a pattern with more than 30 parameters when the
// route is added, so such a pattern never reaches us; it is an error here.
func parsePattern(pattern string) ([]segment, error) {
	var segs []segment
	var wildcards, pluses, params int
	for len(pattern) > 0 {
		var part string
		if pos := findNextParamPosition(pattern); pos == 0 {
			var seg segment
			part, seg = analyseParameterPart(pattern, &wildcards, &pluses)
			segs = append(segs, seg)
			params++
		} else {
			part = pattern
			if pos != -1 {
				part = pattern[:pos]
			}
			segs = append(segs, segment{Const: fiber.RemoveEscapeChar(part)})
		}
		if len(part) == len(pattern) {
			break
		}
		pattern = pattern[len(part):]
	}
	if len(segs) > 0 {
		segs[len(segs)-1].IsLast = true
	}
	if params > fiberMaxParams {
		return nil, errTranslate("it has %d parameters; fiber allows %d", params, fiberMaxParams)
	}
	return segs, nil
}

// findNextParamPosition is fiber's: the position of the next parameter
// start, moved past a run of start characters.
func findNextParamPosition(pattern string) int {
	pos := findNextNonEscapedCharsetPosition(pattern, parameterStartChars)
	if pos != -1 && len(pattern) > pos && pattern[pos] != wildcardParam {
		// fiber's loop runs at most once: a start character right after
		// another moves the start by one.
		if findNextNonEscapedCharsetPosition(pattern[pos+1:], parameterStartChars) == 0 {
			pos++
		}
	}
	return pos
}

// analyseParameterPart is fiber's: it reads one parameter with its
// constraints and returns the text it consumed.
func analyseParameterPart(pattern string, wildcards, pluses *int) (string, segment) {
	isWildCard := pattern[0] == wildcardParam
	isPlusParam := pattern[0] == plusParam

	var end int
	if strings.IndexByte(pattern, paramConstraintStart) >= 0 && strings.IndexByte(pattern, paramConstraintEnd) >= 0 {
		end = findNextCharsetPositionConstraint(pattern[1:], parameterEndChars)
	} else {
		end = findNextNonEscapedCharsetPosition(pattern[1:], parameterEndChars)
	}

	cStart, cEnd := -1, -1
	switch {
	case isWildCard, isPlusParam:
		end = 0
	case end == -1:
		end = len(pattern) - 1
	case !isInCharset(pattern[end+1], parameterDelimiterChars):
		end++
	}
	if end > 0 {
		cStart = findNextNonEscapedCharsetPosition(pattern[:end], []byte{paramConstraintStart})
		cEnd = findLastCharsetPosition(pattern[:end+1], []byte{paramConstraintEnd})
	}

	processed := pattern[:end+1]
	name := fiber.RemoveEscapeChar(fiber.GetTrimmedParam(processed))

	var cons []constraint
	if cStart != -1 && cEnd != -1 {
		for _, c := range splitNonEscaped(pattern[cStart+1:cEnd], string(paramConstraintSeparator)) {
			start := findNextNonEscapedCharsetPosition(c, []byte{paramConstraintDataStart})
			stop := findLastCharsetPosition(c, []byte{paramConstraintDataEnd})
			con := constraint{Raw: c}
			if start != -1 && stop != -1 {
				con.Name = constraintName(c[:start])
				if con.Name == fiber.ConstraintRegex {
					con.Data = []string{c[start+1 : stop]}
				} else {
					con.Data = splitNonEscaped(c[start+1:stop], string(paramConstraintDataSep))
					if len(con.Data) <= 2 {
						for i := range con.Data {
							con.Data[i] = fiber.RemoveEscapeChar(con.Data[i])
						}
					}
				}
			} else {
				con.Name = constraintName(c)
				con.Data = []string{}
			}
			cons = append(cons, con)
		}
		name = fiber.RemoveEscapeChar(fiber.GetTrimmedParam(pattern[:cStart]))
	}

	switch {
	case isWildCard:
		*wildcards++
		name += strconv.Itoa(*wildcards)
	case isPlusParam:
		*pluses++
		name += strconv.Itoa(*pluses)
	}
	return processed, segment{
		IsParam:     true,
		ParamName:   name,
		IsOptional:  isWildCard || pattern[end] == optionalParam,
		IsGreedy:    isWildCard || isPlusParam,
		Constraints: cons,
	}
}

// constraintName maps a constraint's name as written to fiber's canonical
// name, "" for a name fiber does not know (fiber then checks nothing).
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

func isInCharset(c byte, set []byte) bool {
	for _, s := range set {
		if s == c {
			return true
		}
	}
	return false
}

func findNextCharsetPosition(search string, set []byte) int {
	next := -1
	for _, c := range set {
		if pos := strings.IndexByte(search, c); pos != -1 && (pos < next || next == -1) {
			next = pos
		}
	}
	return next
}

// findLastCharsetPosition is fiber's, including its choice of the smallest
// of the last positions.
func findLastCharsetPosition(search string, set []byte) int {
	last := -1
	for _, c := range set {
		if pos := strings.LastIndexByte(search, c); pos != -1 && (pos < last || last == -1) {
			last = pos
		}
	}
	return last
}

func findNextCharsetPositionConstraint(search string, set []byte) int {
	cStart := findNextNonEscapedCharsetPosition(search, []byte{paramConstraintStart})
	cEnd := findNextNonEscapedCharsetPosition(search, []byte{paramConstraintEnd})
	next := -1
	for _, c := range set {
		pos := strings.IndexByte(search, c)
		if pos != -1 && (pos < next || next == -1) {
			if (pos > cStart && pos > cEnd) || (pos < cStart && pos < cEnd) {
				next = pos
			}
		}
	}
	return next
}

func findNextNonEscapedCharsetPosition(search string, set []byte) int {
	pos := findNextCharsetPosition(search, set)
	for pos > 0 && search[pos-1] == escapeChar {
		if len(search) == pos+1 {
			return -1
		}
		next := findNextCharsetPosition(search[pos+1:], set)
		if next == -1 {
			return -1
		}
		pos = next + pos + 1
	}
	return pos
}

func splitNonEscaped(s, sep string) []string {
	var out []string
	i := findNextNonEscapedCharsetPosition(s, []byte(sep))
	for i > -1 {
		out = append(out, s[:i])
		s = s[i+len(sep):]
		i = findNextNonEscapedCharsetPosition(s, []byte(sep))
	}
	return append(out, s)
}
