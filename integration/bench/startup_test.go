package bench

import (
	"testing"

	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// BenchmarkStartup times core.New inviting eight apps (echo v4, gin,
// gorilla/mux, chi, fiber v2, echo v5, fiber v3, net/http) of 1000 routes
// each through their dispatcher: eight in-process requests, each app
// reading and translating its route table into urlfor templates, and the party's URL directory. An app joins
// one party only, so every iteration builds fresh apps, with the timer
// stopped; only core.New is timed. The first party is checked: every app
// joined and a cross-app URL builds.
func BenchmarkStartup(b *testing.B) {
	const n = 1000
	b.Run("apps=8/routes=1000", func(b *testing.B) {
		checked := false
		cpu := &cpuMeter{}
		b.ReportAllocs()
		for b.Loop() {
			b.StopTimer()
			a := newApps(b, n)
			b.StartTimer()
			cpu.resume()
			p, err := core.New(a.dispatcher, invitePaths())
			cpu.pause()
			b.StopTimer()
			if err != nil {
				b.Fatalf("core.New: %v", err)
			}
			if !checked {
				checkJoined(b, p)
				check(b, "Builder.URL")(urlfor.New(p).URL("blog:post", "year", year, "slug", slug))
				checked = true
			}
			b.StartTimer()
		}
		cpu.report(b)
	})
}
