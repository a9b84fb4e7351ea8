package urlfor

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// levenshtein is the textbook full-table distance, the reference for
// distanceWithin.
func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// The banded distance agrees with the full one wherever it answers, and
// answers exactly when the distance is within the limit.
func TestDistanceWithinMatchesLevenshtein(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = "abcd:"[r.IntN(5)]
		}
		return string(b)
	}
	var rows [2][]int
	for range 20000 {
		a, b, limit := word(), word(), r.IntN(6)
		want := levenshtein(a, b)
		d, ok := distanceWithin(a, b, limit, &rows)
		if ok != (want <= limit) || ok && d != want {
			t.Fatalf("distanceWithin(%q, %q, %d) = %d, %v; Levenshtein %d", a, b, limit, d, ok, want)
		}
	}
}

// A name longer than maxSuggestLen gets no suggestions and costs nothing,
// whatever the endpoints; up to it, suggestions still come.
func TestSuggestBounded(t *testing.T) {
	known := make([]string, 1000)
	for i := range known {
		known[i] = "app:" + strings.Repeat("x", i%300)
	}
	known = append(known, "blog:post")
	if got := suggest("blog:"+strings.Repeat("p", 1<<20), slices.Values(known)); got != nil {
		t.Errorf("suggest(1 MiB name) = %q, want none", got)
	}
	if got := suggest("blog:pots", slices.Values(known)); len(got) == 0 || got[0] != "blog:post" {
		t.Errorf("suggest(blog:pots) = %q, want blog:post first", got)
	}
	long := "app:" + strings.Repeat("x", maxSuggestLen-5) + "y"
	if got := suggest(long, slices.Values(known)); len(got) == 0 || !strings.HasPrefix(got[0], "app:xxx") {
		t.Errorf("suggest(%d-byte name) = %q, want a near app:x... name", len(long), got)
	}
}
