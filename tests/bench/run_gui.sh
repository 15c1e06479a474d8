#!/usr/bin/env bash
# Benchmarks of issue 5 for the desktop app: cold start and idle memory.
#  1. Cold start: wall time of `threatdesk --quit-when-shown` (the main window is shown, then the
#     app quits) against `bench_bare_window --quit-when-shown` (a bare Qt Widgets main window
#     with a menu bar and a status bar that quits the same way). 15 alternating runs of each after
#     2 warm-ups; medians and their ratio. Target: ratio <= 1.5.
#  2. Idle RSS: `threatdesk --sandbox` left alone for a few seconds (sandbox org opened, the
#     ThreatInsight page loaded), then VmRSS and Pss read from /proc. Target: <= 80 MB.
#
# Usage: tests/bench/run_gui.sh [BUILD_DIR]     (default: build/release)
# Build first: cmake --preset release -DTHREATDESK_BUILD_BENCHMARKS=ON
#              cmake --build build/release --target threatdesk bench_bare_window
# Environment:
#   THREATDESK_BENCH_XVFB=1     run on a real X server (xvfb-run) instead of QT_QPA_PLATFORM=offscreen
#   THREATDESK_BENCH_RUNS=N     measured runs of each program (default 15)
#   THREATDESK_BENCH_IDLE=S     seconds to wait before reading the idle RSS (default 5)
#   THREATDESK_BENCH_DBUS=1     run the idle-RSS app under dbus-run-session (keychain reachable)
#   THREATDESK_BENCH_CALLGRIND=1  also count the instructions of one start of each under valgrind's
#                               callgrind (start to quit, dynamic loader included): a figure that
#                               does not move with the machine's load, to compare changes with.
# Every run gets an empty private HOME and XDG directories (mktemp), so the user's settings are
# never touched and each start is a first launch. On a busy machine compare the CPU figures too:
# wall time then mostly measures the neighbours.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build/release}
build=$(cd "$build" && pwd)
app=$build/bin/threatdesk
bare=$build/tests/bench/bench_bare_window
for program in "$app" "$bare"; do
    if [[ ! -x $program ]]; then
        echo "run_gui.sh: $program not found; build the threatdesk and bench_bare_window targets of a" \
            "Release build with -DTHREATDESK_BUILD_BENCHMARKS=ON first" >&2
        exit 2
    fi
done
runs=${THREATDESK_BENCH_RUNS:-15}
idle=${THREATDESK_BENCH_IDLE:-5}

# Under Xvfb the whole series runs on one X server (started once, not per launch).
if [[ ${THREATDESK_BENCH_XVFB:-0} == 1 && -z ${RUN_GUI_INNER:-} ]]; then
    if ! command -v xvfb-run > /dev/null; then
        echo "run_gui.sh: xvfb-run not found (Debian: sudo apt-get install xvfb xauth)" >&2
        exit 2
    fi
    RUN_GUI_INNER=1 exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$build"
fi
if [[ -n ${RUN_GUI_INNER:-} ]]; then
    export QT_QPA_PLATFORM=xcb
    platform="xcb (Xvfb $DISPLAY)"
else
    export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
    platform=$QT_QPA_PLATFORM
fi

work=$(mktemp -d)
app_pid=""
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
    if [[ -n $app_pid ]]; then kill "$app_pid" 2> /dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# A fresh, empty home for one run: settings, data (history), cache and runtime directory.
fresh_home() {
    rm -rf "${work:?}/home"
    mkdir -p "$work/home/config" "$work/home/data" "$work/home/cache" "$work/home/state" "$work/home/runtime"
    chmod 700 "$work/home/runtime"
}
export HOME=$work/home
export XDG_CONFIG_HOME=$work/home/config
export XDG_DATA_HOME=$work/home/data
export XDG_CACHE_HOME=$work/home/cache
export XDG_STATE_HOME=$work/home/state
export XDG_RUNTIME_DIR=$work/home/runtime

# One launch: appends "wall_ms cpu_ms shown_ms" to the file $1; the rest is the command.
# shown_ms is exec → the main window shown (the program prints "shown-at-us" then), so the
# teardown is not counted: that is the figure the issue asks about.
TIMEFORMAT='%3U %3S'
launch() {
    local out=$1
    shift
    fresh_home
    local start end cpu
    start=$EPOCHREALTIME
    cpu=$({ time "$@" > "$work/stdout" 2> "$work/stderr"; } 2>&1) || {
        echo "run_gui.sh: '$*' failed:" >&2
        cat "$work/stderr" >&2
        exit 1
    }
    end=$EPOCHREALTIME
    local shown
    shown=$(awk '$1 == "shown-at-us" { print $2 }' "$work/stdout")
    awk -v s="$start" -v e="$end" -v c="$cpu" -v w="${shown:-0}" \
        'BEGIN { split(c, t, " "); printf "%.1f %.1f %.1f\n", (e - s) * 1000, (t[1] + t[2]) * 1000, (w > 0 ? (w / 1e6 - s) * 1000 : -1) }' >> "$out"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column_median() { awk -v c="$1" '{ print $c }' "$2" | median; }
column_min() { awk -v c="$1" '{ print $c }' "$2" | sort -n | head -1; }

echo "platform: $platform"
echo "cold start: 2 warm-ups + $runs alternating runs of each ..."
for _ in 1 2; do
    launch "$work/warmup" "$bare" --quit-when-shown
    launch "$work/warmup" "$app" --quit-when-shown
done
for ((i = 0; i < runs; ++i)); do
    launch "$work/bare" "$bare" --quit-when-shown
    launch "$work/app" "$app" --quit-when-shown
done
bare_wall=$(column_median 1 "$work/bare")
app_wall=$(column_median 1 "$work/app")
bare_cpu=$(column_median 2 "$work/bare")
app_cpu=$(column_median 2 "$work/app")
bare_shown=$(column_median 3 "$work/bare")
app_shown=$(column_median 3 "$work/app")
shown_ratio=$(awk -v a="$app_shown" -v b="$bare_shown" 'BEGIN { printf "%.2f", a / (b > 0 ? b : 1) }')
wall_ratio=$(awk -v a="$app_wall" -v b="$bare_wall" 'BEGIN { printf "%.2f", a / (b > 0 ? b : 1) }')
cpu_ratio=$(awk -v a="$app_cpu" -v b="$bare_cpu" 'BEGIN { printf "%.2f", a / (b > 0 ? b : 1) }')

echo "idle RSS: threatdesk --sandbox, ${idle} s after launch ..."
fresh_home
runner=()
if [[ ${THREATDESK_BENCH_DBUS:-0} == 1 ]] && command -v dbus-run-session > /dev/null; then
    runner=(dbus-run-session --)
fi
"${runner[@]}" "$app" --sandbox > "$work/idle.log" 2>&1 &
app_pid=$!
sleep "$idle"
# Under dbus-run-session the app is a child of the runner.
target=$app_pid
if [[ ${#runner[@]} -gt 0 ]]; then
    target=$(pgrep -P "$app_pid" -f "$app" | head -1 || true)
fi
if [[ -z $target ]] || ! kill -0 "$target" 2> /dev/null; then
    echo "run_gui.sh: threatdesk --sandbox exited early:" >&2
    cat "$work/idle.log" >&2
    exit 1
fi
kb() { awk -v k="$1:" '$1 == k { print $2 }' "$2"; }
rss_mb=$(awk -v v="$(kb VmRSS "/proc/$target/status")" 'BEGIN { printf "%.1f", v / 1024 }')
hwm_mb=$(awk -v v="$(kb VmHWM "/proc/$target/status")" 'BEGIN { printf "%.1f", v / 1024 }')
pss_mb=$(awk -v v="$(kb Pss "/proc/$target/smaps_rollup" 2> /dev/null || echo 0)" 'BEGIN { printf "%.1f", v / 1024 }')
kill "$app_pid" 2> /dev/null || true
wait "$app_pid" 2> /dev/null || true
app_pid=""

# The same for the bare window, for scale (the share of Qt itself).
fresh_home
"$bare" > /dev/null 2>&1 &
app_pid=$!
sleep 2
bare_rss_mb=$(awk -v v="$(kb VmRSS "/proc/$app_pid/status")" 'BEGIN { printf "%.1f", v / 1024 }')
kill "$app_pid" 2> /dev/null || true
wait "$app_pid" 2> /dev/null || true
app_pid=""

instructions=""
if [[ ${THREATDESK_BENCH_CALLGRIND:-0} == 1 ]]; then
    if ! command -v valgrind > /dev/null; then
        echo "run_gui.sh: valgrind not found (Debian: sudo apt-get install valgrind)" >&2
        exit 2
    fi
    count() {
        fresh_home
        valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" "$@" > /dev/null 2> "$work/callgrind.log"
        awk '/Collected :/ { print $NF }' "$work/callgrind.log"
    }
    app_ir=$(count "$app" --quit-when-shown)
    bare_ir=$(count "$bare" --quit-when-shown)
    instructions=$(awk -v a="$app_ir" -v b="$bare_ir" 'BEGIN { printf "%10.1f M %10.1f M %8.2f", a / 1e6, b / 1e6, a / b }')
fi

echo
echo "== issue 5 GUI benchmarks ($(date -u '+%Y-%m-%d %H:%M UTC'), $platform, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)) =="
printf '%-30s %12s %12s %8s\n' "cold start (median of $runs)" "threatdesk" "bare window" "ratio"
printf '%-30s %9s ms %9s ms %8s\n' "  exec to window shown" "$app_shown" "$bare_shown" "$shown_ratio"
printf '%-30s %9s ms %9s ms %8s\n' "  wall, whole process" "$app_wall" "$bare_wall" "$wall_ratio"
printf '%-30s %9s ms %9s ms %8s\n' "  CPU (user+sys)" "$app_cpu" "$bare_cpu" "$cpu_ratio"
printf '%-30s %9s ms %9s ms\n' "  wall, fastest run" "$(column_min 1 "$work/app")" "$(column_min 1 "$work/bare")"
if [[ -n $instructions ]]; then
    printf '%-30s%s\n' "  instructions (callgrind)" "$instructions"
fi
printf '%-30s %9s MB %9s MB\n' "idle RSS (VmRSS)" "$rss_mb" "$bare_rss_mb"
printf '%-30s %9s MB\n' "idle Pss" "$pss_mb"
printf '%-30s %9s MB\n' "peak RSS so far (VmHWM)" "$hwm_mb"
status=0
if awk -v r="$shown_ratio" 'BEGIN { exit !(r <= 1.5) }'; then
    echo "cold start ratio (to window shown) $shown_ratio <= 1.5: PASS"
else
    echo "cold start ratio (to window shown) $shown_ratio > 1.5: FAIL (whole process $wall_ratio, CPU $cpu_ratio)"
    status=1
fi
if awk -v r="$rss_mb" 'BEGIN { exit !(r <= 80) }'; then
    echo "idle RSS $rss_mb MB <= 80 MB: PASS"
else
    echo "idle RSS $rss_mb MB > 80 MB: FAIL"
    status=1
fi
exit $status
