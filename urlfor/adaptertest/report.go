package adaptertest

import (
	"slices"
	"sync"
	"testing"
)

// rule is one rule of the contract, as failure messages name it: every
// message starts with the name, and the explanation is logged once per
// failing test, so that an adapter author reads why before what.
type rule struct {
	name string
	why  string // what the rule asks, and where it comes from
}

// reporter reports the failures of one test: it caps them at a readable
// number (a broken adapter fails most of a catalogue, and the first
// failures say enough) and explains each rule that failed, once. It is
// safe for concurrent use.
type reporter struct {
	t     testing.TB
	mu    sync.Mutex
	n     int
	limit int
	fired []rule
}

// newReporter returns the reporter of t, flushed when t ends.
func newReporter(t testing.TB) *reporter {
	rep := &reporter{t: t, limit: 15}
	t.Cleanup(rep.flush)
	return rep
}

// errorf fails the test with a message that starts with r's name.
func (rep *reporter) errorf(r rule, format string, args ...any) {
	rep.t.Helper()
	rep.mu.Lock()
	rep.n++
	n := rep.n
	if !slices.Contains(rep.fired, r) {
		rep.fired = append(rep.fired, r)
	}
	rep.mu.Unlock()
	if n <= rep.limit {
		rep.t.Errorf("%s: "+format, append([]any{r.name}, args...)...)
	}
}

// failed reports whether errorf was called.
func (rep *reporter) failed() bool {
	rep.mu.Lock()
	defer rep.mu.Unlock()
	return rep.n > 0
}

// flush reports how many failures were left out, and what each failed
// rule asks.
func (rep *reporter) flush() {
	rep.t.Helper()
	rep.mu.Lock()
	defer rep.mu.Unlock()
	if rep.n > rep.limit {
		rep.t.Errorf("... and %d more failures like these", rep.n-rep.limit)
	}
	for _, r := range rep.fired {
		rep.t.Logf("rule %q: %s", r.name, r.why)
	}
}
