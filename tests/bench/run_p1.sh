#!/usr/bin/env bash
# Benchmark P1: validate a 1,000,000-row CSV with the C++ importer (bench_import) and with the
# Python csv + ipaddress reference (validate_reference.py), check both count the same, print the
# speed ratio and the importer's peak RSS. Targets: ratio >= 25, peak RSS <= 250 MB.
#
# Usage: tests/bench/run_p1.sh [BUILD_DIR]     (default: build/release)
# Build first: cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DTHREATDESK_BUILD_BENCHMARKS=ON -G Ninja
#              cmake --build build/release --target bench_import
# Each program times its own work (file read to final counts; interpreter/library start-up and
# tear-down excluded on both sides) and reports wall and CPU time. Both build the same results:
# subjects with canonical ip, level, message and line; issues with line, field, value and the
# same reason text. On a shared machine compare the CPU ratio as well as the wall ratio.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build/release}
bench=$build/tests/bench/bench_import
if [[ ! -x $bench ]]; then
    echo "run_p1.sh: $bench not found; build the bench_import target of a Release build first" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "generating 1,000,000 rows ..."
python3 "$here/make_risk_csv.py" "$work/risk.csv"
echo "input: $(wc -c < "$work/risk.csv") bytes"

# The C++ run is short (under a second), so one run is at the mercy of whatever else the machine
# does: run it three times and keep the run with the median wall time. The Python run takes
# seconds and runs once.
echo "C++ bench_import (3 runs, median kept) ..."
for i in 1 2 3; do
    "$bench" "$work/risk.csv" > "$work/cpp$i.txt"
done
median=$(for i in 1 2 3; do echo "$(awk '$1 == "wall_ms" { print $2 }' "$work/cpp$i.txt") $i"; done |
    sort -n | sed -n 2p | cut -d' ' -f2)
cp "$work/cpp$median.txt" "$work/cpp.txt"
echo "Python reference ..."
python3 "$here/validate_reference.py" "$work/risk.csv" > "$work/python.txt"

value() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }

status=0
printf '%-12s %12s %12s\n' "" "C++" "Python"
for key in rows valid rejected merged issues high medium low; do
    cpp=$(value "$key" "$work/cpp.txt")
    py=$(value "$key" "$work/python.txt")
    mark=""
    if [[ $cpp != "$py" ]]; then
        mark="  <- differs"
        status=1
    fi
    printf '%-12s %12s %12s%s\n' "$key" "$cpp" "$py" "$mark"
done
for key in wall_ms cpu_ms peak_rss_mb; do
    printf '%-12s %12s %12s\n' "$key" "$(value "$key" "$work/cpp.txt")" "$(value "$key" "$work/python.txt")"
done

wall_ratio=$(awk -v c="$(value wall_ms "$work/cpp.txt")" -v p="$(value wall_ms "$work/python.txt")" \
    'BEGIN { printf "%.1f", p / (c > 0 ? c : 1) }')
cpu_ratio=$(awk -v c="$(value cpu_ms "$work/cpp.txt")" -v p="$(value cpu_ms "$work/python.txt")" \
    'BEGIN { printf "%.1f", p / (c > 0 ? c : 1) }')
rss=$(value peak_rss_mb "$work/cpp.txt")
echo "ratio (Python / C++): wall ${wall_ratio}x, CPU ${cpu_ratio}x (target >= 25x)"
echo "C++ peak RSS: ${rss} MB (target <= 250 MB)"
if [[ $status -ne 0 ]]; then
    echo "FAIL: the counts differ"
elif awk -v w="$wall_ratio" -v r="$rss" 'BEGIN { exit !(w >= 25 && r <= 250) }'; then
    echo "PASS"
else
    echo "BELOW TARGET"
    status=1
fi
exit $status
