package bench

import (
	"testing"
	"time"
)

// cpuMeter adds a "cpu-ns/op" metric to a benchmark: the CPU time the
// whole process spent per iteration (user and system, every thread, so the
// garbage collector's work counts too). ns/op is wall time, which grows
// when other processes take the CPU away from the benchmark; on a busy
// machine cpu-ns/op is the steadier figure. getrusage counts in
// microseconds, so the figure means something for loops of milliseconds
// or more (go test's default -benchtime), not for -benchtime=1x. It is
// left out where the platform cannot tell (see processCPU).
type cpuMeter struct {
	start, total time.Duration
	running, ok  bool
}

// startCPU starts a meter; call it just before the benchmark loop.
func startCPU() *cpuMeter {
	m := &cpuMeter{}
	m.resume()
	return m
}

// pause and resume bracket what is not measured, as b.StopTimer and
// b.StartTimer do.
func (m *cpuMeter) pause() {
	if now, ok := processCPU(); ok && m.running {
		m.total += now - m.start
	}
	m.running = false
}

func (m *cpuMeter) resume() {
	m.start, m.ok = processCPU()
	m.running = m.ok
}

// report stops the meter and reports its metric; call it after the loop,
// when b.N holds the number of iterations.
func (m *cpuMeter) report(b *testing.B) {
	m.pause()
	if m.ok && b.N > 0 {
		b.ReportMetric(float64(m.total.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}
