#!/usr/bin/env bash
# run.sh runs partyline's cross-framework benchmarks (issue 8) and prints
# the machine, a benchstat table, and the figures the issue sets goals for.
#
#   integration/bench/run.sh                # -count=10, every benchmark
#   COUNT=5 integration/bench/run.sh        # fewer runs on a busy machine
#   BENCH='URL$|URL/' integration/bench/run.sh   # a subset (go test -bench)
#
# Environment:
#   COUNT      runs of each benchmark (go test -count), default 10
#   BENCH      benchmark regexp (go test -bench), default "."
#   BENCHTIME  go test -benchtime, default go's (1s)
#   OUT        file for the raw go test output, default a temporary file
#              (kept, and named at the end, so that benchstat can compare
#              two runs: benchstat old.txt new.txt)
#
# benchstat comes from the Go module proxy, pinned: golang.org/x/perf has
# no release tags, so the pin is a pseudo-version (built with `go run`, no
# install; that version wants Go 1.26, which GOTOOLCHAIN=auto fetches).
set -euo pipefail

BENCHSTAT=golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da
COUNT=${COUNT:-10}
BENCH=${BENCH:-.}
BENCHTIME=${BENCHTIME:-}
OUT=${OUT:-$(mktemp "${TMPDIR:-/tmp}/partyline-bench.XXXXXX")}

case $COUNT in
'' | *[!0-9]* | 0)
	echo "run.sh: COUNT must be a positive integer, not \"$COUNT\"" >&2
	exit 2
	;;
esac

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here/.." # the integration module

cpu=unknown
if [[ -r /proc/cpuinfo ]]; then
	cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
elif command -v sysctl >/dev/null; then
	cpu=$(sysctl -n machdep.cpu.brand_string 2>/dev/null || echo unknown)
fi
cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc 2>/dev/null || echo unknown)
load=unknown
if [[ -r /proc/loadavg ]]; then
	load=$(cut -d' ' -f1-3 /proc/loadavg)
fi

echo "# machine"
echo "cpu:     $cpu"
echo "cores:   $cores"
echo "go:      $(go version)"
echo "os:      $(uname -sr)"
echo "load:    $load (1, 5, 15 min; before the run)"
echo "command: go test -run '^\$' -bench '$BENCH' -count $COUNT -benchmem${BENCHTIME:+ -benchtime $BENCHTIME} ./bench/"
echo

args=(-run '^$' -bench "$BENCH" -count "$COUNT" -benchmem)
if [[ -n $BENCHTIME ]]; then
	args+=(-benchtime "$BENCHTIME")
fi
# The benchmark lines go to $OUT; progress goes to stderr.
if ! go test "${args[@]}" ./bench/ >"$OUT" 2>&1; then
	cat "$OUT" >&2
	echo "run.sh: go test failed; output in $OUT" >&2
	exit 1
fi
if [[ -r /proc/loadavg ]]; then
	echo "load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo
fi

benchstat() { GOWORK=off go run "$BENCHSTAT" "$@"; }

echo "# benchstat"
benchstat "$OUT"
echo

# The goals of issue 8, from the medians benchstat computes.
echo "# goals (issue 8), from the medians above"
benchstat -format csv "$OUT" 2>/dev/null | awk -F, '
	# benchstat -format csv prints one section per unit: a header line
	# ",sec/op,CI" (or B/op, allocs/op), then "name,median,CI" lines.
	$1 == "" && $2 ~ /\/op$/ { unit = $2; next }
	unit != "" && $1 != "" && $2 != "" {
		name = $1
		sub(/-[0-9]+$/, "", name) # the GOMAXPROCS suffix
		v[unit, name] = $2
		if (unit == "sec/op") has[name] = 1
	}
	function ns(name) { return v["sec/op", name] * 1e9 }
	function ok(cond) { return cond ? "ok" : "MISSED" }
	function ratio(a, b,   r) {
		if (!((("sec/op", a) in v) && (("sec/op", b) in v))) return
		r = ns(a) / ns(b)
		return r
	}
	function line(label, value, goal, pass) {
		printf "%-52s %14s   goal %-12s %s\n", label, value, goal, pass
	}
	END {
		for (i = 1; i <= 2; i++) {
			n = i == 1 ? 10 : 1000
			b = "URL/routes=" n "/partyline/Builder"
			h = "URL/routes=" n "/partyline/Handle"
			if (!(b in has)) continue
			line("cross-app URL, " n " routes (Builder)", sprintf("%.1f ns, %d alloc", ns(b), v["allocs/op", b]), "<=100 ns, 1", ok(ns(b) <= 100 && v["allocs/op", b] <= 1))
			if (h in has)
				line("cross-app URL, " n " routes (gin Handle)", sprintf("%.1f ns, %d alloc", ns(h), v["allocs/op", h]), "<=100 ns, 1", ok(ns(h) <= 100 && v["allocs/op", h] <= 1))
		}
		if ((r = ratio("URL/routes=10/partyline/Builder", "URL/routes=10/fiber/GetRouteURL")) != "")
			line("Builder / fiber GetRouteURL, 10 routes", sprintf("%.3fx", r), "<=0.5x", ok(r <= 0.5))
		if ((r = ratio("URL/routes=1000/partyline/Builder", "URL/routes=1000/echo/Reverse")) != "")
			line("Builder / echo Reverse, 1000 routes", sprintf("%.4fx", r), "<=0.05x", ok(r <= 0.05))
		for (i = 1; i <= 2; i++) {
			n = i == 1 ? 10 : 1000
			if ((r = ratio("URL/routes=" n "/partyline/Builder", "URLFloor")) != "")
				line("Builder / floor (concatenation), " n " routes", sprintf("%.2fx", r), "<=3x", ok(r <= 3))
		}
		for (i = 1; i <= 2; i++) {
			n = i == 1 ? 10 : 1000
			if ((r = ratio("URLUnknown/routes=" n "/ns=blog", "URL/routes=" n "/partyline/Builder")) != "")
				line("unknown name / success (echo), " n " routes", sprintf("%.2fx", r), "<=3x", ok(r <= 3))
		}
		split("mux noop", ds, " ")
		for (i = 1; i <= 2; i++) {
			bare = "ServeHTTP/dispatcher=" ds[i] "/bare"
			party = "ServeHTTP/dispatcher=" ds[i] "/party"
			if (!((bare in has) && (party in has))) continue
			d = ns(party) - ns(bare)
			line("ServeHTTP overhead, dispatcher=" ds[i], sprintf("%+.1f ns, %+d alloc", d, v["allocs/op", party] - v["allocs/op", bare]), "<20 ns, 0", ok(d < 20 && v["allocs/op", party] - v["allocs/op", bare] <= 0))
		}
		s = "Startup/apps=5/routes=1000"
		if (s in has)
			line("start-up, core.New of 5 x 1000 routes", sprintf("%.2f ms", ns(s) / 1e6), "<20 ms", ok(ns(s) < 20e6))
	}'
echo
echo "raw output: $OUT"
