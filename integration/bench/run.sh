#!/usr/bin/env bash
# run.sh runs partyline's cross-framework benchmarks (issue 8) and prints
# the machine, a benchstat table, and the figures the issue sets goals for.
#
#   integration/bench/run.sh                # -count=10, every benchmark
#   COUNT=5 integration/bench/run.sh        # fewer runs on a busy machine
#   BENCH=Startup integration/bench/run.sh  # a subset (a go test -bench regexp)
#
# Environment:
#   COUNT      runs of each benchmark (go test -count), default 10
#   BENCH      benchmark regexp (go test -bench), default "."
#   BENCHTIME  go test -benchtime, default go's (1s)
#   OUT        file for the raw go test output, default a temporary file
#              (kept, and named at the end, so that benchstat can compare
#              two runs: benchstat old.txt new.txt)
#
# Besides go test's ns/op (wall time), every benchmark reports cpu-ns/op,
# the CPU time of the process per iteration (getrusage): on a machine other
# processes keep busy, wall time swings by several times from run to run
# while CPU time stays within a few percent, so the goals are checked on
# both.
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
if rev=$(git rev-parse --short HEAD 2>/dev/null); then
	if [[ -n $(git status --porcelain -- .. 2>/dev/null) ]]; then
		rev="$rev, with uncommitted changes"
	fi
	echo "source:  $rev"
fi
echo "command: go test -run '^\$' -bench '$BENCH' -count $COUNT -benchmem${BENCHTIME:+ -benchtime $BENCHTIME} ./bench/"
echo

args=(-run '^$' -bench "$BENCH" -count "$COUNT" -benchmem)
if [[ -n $BENCHTIME ]]; then
	args+=(-benchtime "$BENCHTIME")
fi
# go test's whole output goes to $OUT; it is shown only if go test fails.
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

# The goals of issue 8, from the medians benchstat computes: of the wall
# time (ns/op, what go test reports and the goals are stated in) and of
# the CPU time (cpu-ns/op, which a busy machine does not inflate).
echo "# goals (issue 8), from the medians above"
benchstat -format csv "$OUT" 2>/dev/null | awk -F, '
	# benchstat -format csv prints one section per unit: a header line
	# ",sec/op,CI" (cpu-sec/op, B/op, allocs/op), then "name,median,CI".
	$1 == "" && $2 ~ /\/op$/ { unit = $2; next }
	unit != "" && $1 != "" && $2 != "" {
		name = $1
		sub(/-[0-9]+$/, "", name) # the GOMAXPROCS suffix
		v[unit, name] = $2
		has[unit, name] = 1
	}
	# ns returns the median of name in unit u, in ns.
	function ns(u, name) { return v[u, name] * 1e9 }
	function both(a, b) { return ("sec/op", a) in has && ("sec/op", b) in has }
	function verdict(w, c) { return w && c ? "met" : !w && c ? "met in CPU time only" : w ? "met in wall time only" : "MISSED" }
	function row(label, wall, cpu, goal, outcome) {
		printf "%-46s %-22s %-22s %-14s %s\n", label, wall, cpu, goal, outcome
	}
	function fmtns(u, name) { return (u, name) in has ? sprintf("%.1f ns", ns(u, name)) : "-" }
	function ratio(u, a, b) { return ((u, a) in has && (u, b) in has) ? ns(u, a) / ns(u, b) : -1 }
	function fmtr(r, digits) { return r < 0 ? "-" : sprintf("%." digits "fx", r) }
	BEGIN { W = "sec/op"; C = "cpu-sec/op" }
	END {
		row("", "wall (ns/op)", "CPU (cpu-ns/op)", "goal", "")
		for (i = 1; i <= 2; i++) {
			n = i == 1 ? 10 : 1000
			# Builder_echov5 and Builder_fiberv3: issue 12, the same goal.
			split("Builder Handle Builder_echov5 Builder_fiberv3", kinds, " ")
			for (k = 1; k <= 4; k++) {
				b = "URL/routes=" n "/partyline/" kinds[k]
				if (!((W, b) in has)) continue
				al = v["allocs/op", b]
				row("cross-app URL, " n " routes, " kinds[k], fmtns(W, b) ", " al " alloc", fmtns(C, b) ", " al " alloc", "<=100 ns, 1",
					verdict(ns(W, b) <= 100 && al <= 1, (C, b) in has && ns(C, b) <= 100 && al <= 1))
			}
		}
		split("10:fiber/GetRouteURL:0.5:3 1000:echo/Reverse:0.05:4", cmp, " ")
		for (i = 1; i <= 2; i++) {
			split(cmp[i], c, ":")
			a = "URL/routes=" c[1] "/partyline/Builder"
			o = "URL/routes=" c[1] "/" c[2]
			if (!both(a, o)) continue
			rw = ratio(W, a, o); rc = ratio(C, a, o)
			row("Builder / " c[2] ", " c[1] " routes", fmtr(rw, c[4]), fmtr(rc, c[4]), "<=" c[3] "x", verdict(rw <= c[3], rc >= 0 && rc <= c[3]))
		}
		for (i = 1; i <= 2; i++) {
			n = i == 1 ? 10 : 1000
			a = "URL/routes=" n "/partyline/Builder"
			if (!both(a, "URLFloor")) continue
			rw = ratio(W, a, "URLFloor"); rc = ratio(C, a, "URLFloor")
			row("Builder / floor, " n " routes", fmtr(rw, 2), fmtr(rc, 2), "<=3x", verdict(rw <= 3, rc >= 0 && rc <= 3))
		}
		# A failing build next to a successful one, in each app (issue 3).
		split("10:blog:echo 1000:blog:echo 1000:legacy:fiber 1000:shop:gin 1000:api:gorilla/mux 1000:admin:chi 1000:blog5:echov5 1000:events:fiberv3", unk, " ")
		for (i = 1; i <= 8; i++) {
			split(unk[i], c, ":")
			a = "URLUnknown/routes=" c[1] "/ns=" c[2]
			o = "URL/routes=" c[1] "/partyline/Builder"
			if (!both(a, o)) continue
			rw = ratio(W, a, o); rc = ratio(C, a, o)
			row("unknown / success (" c[3] "), " c[1] " routes", fmtr(rw, 2), fmtr(rc, 2), "<=3x (issue 3)", verdict(rw <= 3, rc >= 0 && rc <= 3))
		}
		split("servemux noop", ds, " ")
		for (i = 1; i <= 2; i++) {
			bare = "ServeHTTP/dispatcher=" ds[i] "/bare"
			party = "ServeHTTP/dispatcher=" ds[i] "/party"
			if (!both(bare, party)) continue
			dw = ns(W, party) - ns(W, bare)
			dc = ((C, party) in has) ? ns(C, party) - ns(C, bare) : 1e18
			da = v["allocs/op", party] - v["allocs/op", bare]
			row("ServeHTTP overhead, dispatcher=" ds[i], sprintf("%+.1f ns, %+d alloc", dw, da), dc == 1e18 ? "-" : sprintf("%+.1f ns, %+d alloc", dc, da), "<20 ns, 0",
				verdict(dw < 20 && da <= 0, dc < 20 && da <= 0))
		}
		s = "Startup/apps=7/routes=1000"
		if ((W, s) in has)
			row("start-up, core.New, 7 x 1000 routes", sprintf("%.2f ms", ns(W, s) / 1e6), (C, s) in has ? sprintf("%.2f ms", ns(C, s) / 1e6) : "-", "<20 ms",
				verdict(ns(W, s) < 20e6, (C, s) in has && ns(C, s) < 20e6))
	}'

# One markdown table with every unit, for the README.
echo
echo "# markdown (median ± 95% confidence interval where benchstat has one)"
benchstat -format csv "$OUT" 2>/dev/null | awk -F, '
	$1 == "" && $2 ~ /\/op$/ { unit = $2; next }
	unit != "" && $1 != "" && $2 != "" && $1 != "geomean" {
		name = $1
		sub(/-[0-9]+$/, "", name)
		if (!(name in seen)) { seen[name] = 1; order[++n] = name }
		v[unit, name] = $2
		ci[unit, name] = $3
	}
	# num prints x with 3 significant digits at most, and no exponent.
	function num(x) { return x >= 100 ? sprintf("%.0f", x) : x >= 10 ? sprintf("%.1f", x) : sprintf("%.2f", x) }
	function t(u, name,   x, s) {
		if (!((u, name) in v)) return "-"
		x = v[u, name]
		if (u ~ /sec/) {
			x *= 1e9
			s = x >= 1e6 ? num(x / 1e6) " ms" : x >= 1e3 ? num(x / 1e3) " µs" : num(x) " ns"
			if (ci[u, name] ~ /%/) s = s " ± " ci[u, name]
		} else if (u == "B/op") {
			s = x >= 1048576 ? num(x / 1048576) " MiB" : x >= 1024 ? num(x / 1024) " KiB" : sprintf("%.0f B", x)
		} else {
			s = x >= 1000 ? num(x / 1000) "k" : sprintf("%.0f", x)
		}
		return s
	}
	END {
		print "| benchmark | time/op (wall) | CPU/op | B/op | allocs/op |"
		print "|---|--:|--:|--:|--:|"
		for (i = 1; i <= n; i++)
			printf "| %s | %s | %s | %s | %s |\n", order[i], t("sec/op", order[i]), t("cpu-sec/op", order[i]), t("B/op", order[i]), t("allocs/op", order[i])
	}'
echo
echo "raw output: $OUT"
