package urlfor

import (
	"slices"
	"strings"
)

// suggest returns up to three names within a small edit distance of name,
// closest first. Only failing builds whose message is read pay for it.
func suggest(name string, known []string) []string {
	type scored struct {
		name string
		d    int
	}
	limit := max(2, len(name)/3)
	var best []scored
	lname := strings.ToLower(name)
	_, nameLocal, nameQualified := strings.Cut(name, ":")
	for _, k := range known {
		d := distance(lname, strings.ToLower(k))
		_, local, ok := strings.Cut(k, ":")
		switch {
		// A bare name that matches the local part of a qualified one is a
		// good hint: "post" -> "blog:post".
		case ok && strings.EqualFold(local, name):
			d = 0
		// So is the same local name in another namespace, or bare:
		// "blog:thread" -> "forum:thread", "blog:cart" -> "cart".
		case nameQualified && (ok && strings.EqualFold(local, nameLocal) || !ok && strings.EqualFold(k, nameLocal)):
			d = min(d, 1)
		}
		if d <= limit && k != name {
			best = append(best, scored{k, d})
		}
	}
	slices.SortStableFunc(best, func(a, b scored) int { return a.d - b.d })
	out := make([]string, 0, 3)
	for i := 0; i < len(best) && i < 3; i++ {
		out = append(out, best[i].name)
	}
	return out
}

// distance is the Levenshtein distance between a and b, in bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
