//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package bench

import "time"

// processCPU cannot tell the process's CPU time on this platform: the
// benchmarks report wall time only.
func processCPU() (time.Duration, bool) { return 0, false }
