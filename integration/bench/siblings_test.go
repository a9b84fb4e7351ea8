package bench

import (
	"errors"
	"fmt"
	"testing"

	"github.com/partyline-go/partyline/urlfor"
)

// BenchmarkURLSiblings builds the target route of every app of the party
// ("post", /posts/{year}/{slug}) through urlfor.Builder, in apps without
// and with static sibling routes (/posts/new/{slug}, /posts/drafts/{slug},
// /posts/feed/{slug}) registered before it: the sibling-aware check of a
// parameter must cost next to nothing (issue 11: within 1.2x). Before
// timing, every app is checked to refuse year "new", naming the sibling.
func BenchmarkURLSiblings(b *testing.B) {
	const n = 10
	for _, m := range mounts {
		name := m.prefix[1:] + ":post"
		for _, siblings := range []bool{false, true} {
			f := partyWith(b, n, siblings)
			b.Run(fmt.Sprintf("%s/siblings=%v", m.framework, siblings), func(b *testing.B) {
				ub := f.builder
				if u, err := ub.URL(name, "year", year, "slug", slug); err != nil || u != m.prefix+local {
					b.Fatalf("%s = %q, %v; want %q", name, u, err, m.prefix+local)
				}
				_, err := ub.URL(name, "year", "new", "slug", slug)
				var pe *urlfor.ParamError
				if siblings && (!errors.As(err, &pe) || pe.TakenBy == "") {
					b.Fatalf("%s with year \"new\": %v; want a ParamError naming the sibling route", name, err)
				}
				b.ReportAllocs()
				cpu := startCPU()
				for b.Loop() {
					ub.URL(name, "year", year, "slug", slug)
				}
				cpu.report(b)
			})
		}
	}
}
