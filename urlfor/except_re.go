package urlfor

import (
	"slices"
	"strconv"
	"strings"
)

// ExceptRE returns a regexp, for [Part.Matching], that matches every value
// except those in exact and those that start with one of prefixes; with
// fold, values are refused in any letter case. Adapters use it where
// [Part.Except] cannot say what a competing route takes: every value under
// a longer static prefix ("new-..." beside "/x/new-{y}"), or a wildcard's
// values. Go's regexp has no negative lookahead, so the result is the
// complement of a trie of the refused strings; it matches nothing
// (`[^\x00-\x{10FFFF}]`) when everything is refused, and everything when
// nothing is.
func ExceptRE(exact, prefixes []string, fold bool) string {
	norm := func(s string) string {
		if fold {
			return strings.ToLower(s)
		}
		return s
	}
	root := &trie{}
	for _, v := range exact {
		root.insert(norm(v)).exact = true
	}
	for _, v := range prefixes {
		root.insert(norm(v)).below = true
	}
	re, ok := root.complement()
	if !ok {
		return `[^\x00-\x{10FFFF}]` // nothing
	}
	if fold {
		return `(?is:` + re + `)`
	}
	return `(?s:` + re + `)`
}

// trie is a node of the trie of refused strings: exact when the string
// that leads to it is refused, below when it and every longer one are.
type trie struct {
	exact, below bool
	edges        []trieEdge
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

// complement returns a regexp of the suffixes s such that p+s is not
// refused, where p leads to n; ok is false when there is none.
func (n *trie) complement() (string, bool) {
	if n.below {
		return "", false
	}
	var alts []string
	if !n.exact {
		alts = append(alts, "")
	}
	if len(n.edges) == 0 {
		alts = append(alts, ".+")
	} else {
		slices.SortFunc(n.edges, func(a, b trieEdge) int { return int(a.r - b.r) })
		var class strings.Builder
		class.WriteString("[^")
		for _, e := range n.edges {
			class.WriteString(runeRE(e.r))
		}
		class.WriteString("].*")
		alts = append(alts, class.String())
		for _, e := range n.edges {
			if sub, ok := e.next.complement(); ok {
				alts = append(alts, runeRE(e.r)+sub)
			}
		}
	}
	if len(alts) == 1 && alts[0] == "" {
		return "", true
	}
	return "(?:" + strings.Join(alts, "|") + ")", true
}

// runeRE writes r so that it means itself inside and outside a class.
func runeRE(r rune) string {
	if r < 0x80 && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
		return string(r)
	}
	return `\x{` + strconv.FormatInt(int64(r), 16) + `}`
}
