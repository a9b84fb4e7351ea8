package partymux

import (
	"fmt"
	"slices"
	"strings"
)

// urlfor checks Part.Except for parameters only, not for wildcards. A
// wildcard whose values earlier routes take gets, instead, a constraint
// that matches every text but those values: Go's regexp has no negative
// lookahead, so it is the complement of a trie of the values. Only a
// wildcard without a constraint of its own (or ".*") can take it, since
// RE2 cannot intersect two regexps; another constraint keeps the values
// (a gap, documented in shadow.go).

// exceptWildcard returns the constraint of a wildcard that accepts what
// constraint accepts except values, and whether it could make one.
func exceptWildcard(constraint string, values []string) (string, bool) {
	any := "."
	switch constraint {
	case "":
		any = `(?s:.)`
	case ".*":
	default:
		return "", false
	}
	root := &trie{}
	for _, v := range values {
		root.insert(v).end = true
	}
	re, ok := root.complement(any)
	if !ok {
		return `[^\x00-\x{10FFFF}]`, true
	}
	return re, true
}

type trie struct {
	end   bool
	edges []trieEdge
}

type trieEdge struct {
	r    rune
	next *trie
}

func (n *trie) insert(v string) *trie {
	for _, r := range v {
		i := slices.IndexFunc(n.edges, func(e trieEdge) bool { return e.r == r })
		if i < 0 {
			n.edges = append(n.edges, trieEdge{r, &trie{}})
			i = len(n.edges) - 1
		}
		n = n.edges[i].next
	}
	return n
}

// complement returns a regexp of the suffixes s such that prefix+s is not
// a value, where prefix leads to n; any is the regexp of one character.
func (n *trie) complement(any string) (string, bool) {
	var alts []string
	if !n.end {
		alts = append(alts, "")
	}
	if len(n.edges) == 0 {
		alts = append(alts, any+"+")
	} else {
		slices.SortFunc(n.edges, func(a, b trieEdge) int { return int(a.r - b.r) })
		var class strings.Builder
		class.WriteString("[^")
		for _, e := range n.edges {
			class.WriteString(runeRE(e.r))
		}
		if any == "." {
			class.WriteString(`\n`)
		}
		class.WriteString("]" + any + "*")
		alts = append(alts, class.String())
		for _, e := range n.edges {
			if sub, ok := e.next.complement(any); ok {
				alts = append(alts, runeRE(e.r)+sub)
			}
		}
	}
	switch {
	case len(alts) == 0:
		return "", false
	case len(alts) == 1 && alts[0] == "":
		return "", true
	}
	return "(?:" + strings.Join(alts, "|") + ")", true
}

// runeRE writes r for a regexp, inside or outside a character class.
func runeRE(r rune) string {
	if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_' {
		return string(r)
	}
	return fmt.Sprintf(`\x{%x}`, r)
}
