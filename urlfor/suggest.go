package urlfor

import (
	"iter"
	"slices"
	"strings"
)

// maxSuggestLen is the longest name "did you mean" looks at, in bytes. No
// endpoint name is a typo away from a longer one in practice, and a name
// taken from a request (a "next" parameter) must not make an error message
// cost its length times every endpoint's: longer names get no suggestions.
const maxSuggestLen = 256

// suggest returns up to three names within a small edit distance of name,
// closest first, ties in byte order. Only failing builds whose message is
// read pay for it, and then at most O(len(known) x maxSuggestLen x
// (2·limit+1)) byte steps: one pass over known, no sort.
func suggest(name string, known iter.Seq[string]) []string {
	if len(name) > maxSuggestLen {
		return nil
	}
	type scored struct {
		name string
		d    int
	}
	better := func(a, b scored) bool { return a.d < b.d || a.d == b.d && a.name < b.name }
	limit := max(2, len(name)/3)
	var best []scored // at most 3, best first
	var rows [2][]int // distanceWithin's rows, reused
	lname := strings.ToLower(name)
	_, nameLocal, nameQualified := strings.Cut(name, ":")
	for k := range known {
		d, ok := limit+1, false
		_, local, qualified := strings.Cut(k, ":")
		switch {
		// A bare name that matches the local part of a qualified one is a
		// good hint: "post" -> "blog:post".
		case qualified && strings.EqualFold(local, name):
			d, ok = 0, true
		// So is the same local name in another namespace, or bare:
		// "blog:thread" -> "forum:thread", "blog:cart" -> "cart".
		case nameQualified && (qualified && strings.EqualFold(local, nameLocal) || !qualified && strings.EqualFold(k, nameLocal)):
			d, ok = 1, true
		}
		if dk, within := distanceWithin(lname, strings.ToLower(k), limit, &rows); within && (!ok || dk < d) {
			d, ok = dk, true
		}
		if !ok || k == name {
			continue
		}
		c := scored{k, d}
		i := len(best)
		for i > 0 && better(c, best[i-1]) {
			i--
		}
		if i < 3 {
			best = slices.Insert(best, i, c)
			best = best[:min(len(best), 3)]
		}
	}
	out := make([]string, len(best))
	for i, b := range best {
		out[i] = b.name
	}
	return out
}

// distanceWithin is the Levenshtein distance between a and b, in bytes,
// when it is at most limit (ok); beyond that it stops early. rows is
// scratch space, grown as needed, so that a pass over many names allocates
// once. Only cells
// within limit of the diagonal can stay within limit (Ukkonen's band), so
// the cost is O(len(a) x (2·limit+1)) and nothing when the lengths alone
// differ by more than limit.
func distanceWithin(a, b string, limit int, rows *[2][]int) (d int, ok bool) {
	if abs(len(a)-len(b)) > limit {
		return 0, false
	}
	inf := limit + 1
	for i := range rows {
		if cap(rows[i]) < len(b)+1 {
			rows[i] = make([]int, len(b)+1)
		}
	}
	prev, cur := rows[0][:len(b)+1], rows[1][:len(b)+1]
	for j := range prev {
		prev[j] = min(j, inf)
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-limit), min(len(b), i+limit)
		cur[0] = min(i, inf)
		if lo > 1 {
			cur[lo-1] = inf
		}
		rowMin := cur[0]
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost, inf)
			rowMin = min(rowMin, cur[j])
		}
		if hi < len(b) {
			cur[hi+1] = inf
		}
		if rowMin > limit {
			return 0, false
		}
		prev, cur = cur, prev
	}
	return prev[len(b)], prev[len(b)] <= limit
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
