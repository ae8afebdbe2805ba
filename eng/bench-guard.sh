#!/usr/bin/env bash
# Benchmark guard for the hot paths (conventions §11), as BenchmarkDotNet's short job (2–4 minutes on 2 cores, build
# included). It fails when
#   - CompiledAnsweringRules.Route (RouteBenchmarks.Compiled) allocates or is not faster than the reference interpreter
#     (RouteBenchmarks.Reference) measured in the same run;
#   - the contact search index (ContactSearchBenchmarks.Index_ThreeChars, 100,000 contacts) allocates more than 8 KiB per
#     query (the page of results) or is not at least 100x faster than the reference search (Reference_ThreeChars).
# No absolute time is checked.
#
#   bash eng/bench-guard.sh        # from anywhere; exit 0 = ok, 1 = regression, benchmark failure or no report
#
# BENCH_GUARD_TIMEOUT (seconds, default 600) bounds the whole run, build included. The run's log and BenchmarkDotNet
# artifacts are kept in BenchmarkDotNet.Artifacts/bench-guard/ (ignored by git) to look at after a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

fail() {
  echo "bench-guard: FAILED: $*" >&2
  exit 1
}

show_log() {
  grep -E -A 4 'Exception|error' "$log" | head -n 40 >&2 || true
  tail -n 15 "$log" >&2
  echo "bench-guard: full log: $log" >&2
}

command -v python3 >/dev/null || fail "python3 is required to read BenchmarkDotNet's JSON report."
limit=${BENCH_GUARD_TIMEOUT:-600}
work=BenchmarkDotNet.Artifacts/bench-guard
rm -rf "$work"
mkdir -p "$work"
log="$work/benchmark.log"
started=$SECONDS

status=0
timeout --kill-after=30 "$limit" \
  dotnet run -c Release --project benchmarks/K7.Benchmarks -- \
  --filter '*RouteBenchmarks.Reference' '*RouteBenchmarks.Compiled' \
  '*ContactSearchBenchmarks.Reference_ThreeChars' '*ContactSearchBenchmarks.Index_ThreeChars' \
  --job short --exporters json --artifacts "$work/artifacts" \
  </dev/null >"$log" 2>&1 || status=$?
elapsed=$((SECONDS - started))

if [ "$status" -ne 0 ]; then
  show_log
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    fail "the benchmark did not finish within ${limit} s (BENCH_GUARD_TIMEOUT)."
  fi
  fail "the benchmark run exited with status $status after ${elapsed} s (log above)."
fi

shopt -s nullglob
report() {
  local found=("$work"/artifacts/results/*"$1"-report-full-compressed.json)
  if [ ${#found[@]} -ne 1 ]; then
    show_log
    fail "expected one $1 JSON report in $work/artifacts/results, found ${#found[@]} (log above)."
  fi
  echo "${found[0]}"
}
route_report=$(report RouteBenchmarks)
search_report=$(report ContactSearchBenchmarks)

# Prints one summary line per guarded benchmark. Exits 0 when both pass, 1 when one does not, 2 when a report lacks a
# result (the benchmark failed, for example in the agreement check of its [GlobalSetup]).
verdict=0
python3 - "$route_report" "$search_report" "$elapsed" <<'PY' || verdict=$?
import json
import sys

route_path, search_path, elapsed = sys.argv[1], sys.argv[2], sys.argv[3]


def results(path, methods):
    """Mean (ns) and bytes allocated per operation of each method, from one BenchmarkDotNet JSON report."""
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    found = {}
    for benchmark in report.get("Benchmarks", []):
        if benchmark.get("Method") in methods:
            statistics = benchmark.get("Statistics") or {}
            memory = benchmark.get("Memory") or {}
            found[benchmark["Method"]] = (statistics.get("Mean"), memory.get("BytesAllocatedPerOperation"))
    missing = [m for m in methods if None in found.get(m, (None, None))]
    if missing:
        print(f"bench-guard: FAILED: no mean or allocation for {' and '.join(missing)} in the report: the benchmark failed (log below).", file=sys.stderr)
        sys.exit(2)
    return found


failed = False

route = results(route_path, ("Reference", "Compiled"))
compiled_ns, compiled_bytes = route["Compiled"]
reference_ns, reference_bytes = route["Reference"]
ratio = compiled_ns / reference_ns
line = f"bench-guard: Compiled {compiled_ns:,.1f} ns, {compiled_bytes} B; Reference {reference_ns:,.1f} ns; ratio {ratio:.4f}"
details = f"(Reference {reference_bytes:,} B; {elapsed} s)"
if compiled_bytes > 0:
    print(f"{line} — FAILED: Compiled allocates {compiled_bytes} B per call; it must allocate nothing. {details}", file=sys.stderr)
    failed = True
elif not ratio < 1:
    print(f"{line} — FAILED: Compiled is not faster than Reference (ratio >= 1). {details}", file=sys.stderr)
    failed = True
else:
    print(f"{line} — ok ({reference_ns / compiled_ns:,.0f}x faster; Reference {reference_bytes:,} B; {elapsed} s)")

search = results(search_path, ("Reference_ThreeChars", "Index_ThreeChars"))
index_ns, index_bytes = search["Index_ThreeChars"]
reference_ns, _ = search["Reference_ThreeChars"]
speedup = reference_ns / index_ns
line = f"bench-guard: contact search {index_ns / 1000:,.1f} us, {index_bytes} B; reference {reference_ns / 1000:,.1f} us; {speedup:,.0f}x faster"
if index_bytes > 8192:
    print(f"{line} — FAILED: the index allocates {index_bytes} B per query; at most 8 KiB (the page) is allowed.", file=sys.stderr)
    failed = True
elif speedup < 100:
    print(f"{line} — FAILED: the index must be at least 100x faster than the reference search.", file=sys.stderr)
    failed = True
else:
    print(f"{line} — ok")

sys.exit(1 if failed else 0)
PY

if [ "$verdict" -eq 2 ]; then
  show_log
fi
if [ "$verdict" -ne 0 ]; then
  exit 1
fi
