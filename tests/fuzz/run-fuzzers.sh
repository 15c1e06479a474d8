#!/usr/bin/env bash
# Builds the libFuzzer targets (the fuzz preset: clang, ASan + UBSan) and runs each for a bounded
# time or number of runs on a scratch copy of its seed corpus, with its dictionary. The repository's
# corpus and regressions are only read. Exits non-zero when any target crashes, leaks, hits UB,
# breaks an invariant, times out or runs out of memory; the input that did it is kept and named.
#
#   bash tests/fuzz/run-fuzzers.sh [--seconds N | --runs N] [--jobs N] [target...]
#
# Defaults: 30 seconds per target, every target. --jobs N runs N fuzzing processes per target
# (libFuzzer's -jobs/-workers) for long runs on a bigger machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"

all_targets=(fuzz_csv_import fuzz_okta_json fuzz_rate_limit_headers fuzz_jwt_jwk fuzz_signing_key)
seconds=30
runs=""
jobs=1
targets=()

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; }

while (($#)); do
  case "$1" in
    --seconds) seconds="${2:?--seconds needs a number}"; runs=""; shift 2 ;;
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    --jobs) jobs="${2:?--jobs needs a number}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "run-fuzzers: unknown option $1" >&2; usage >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
((${#targets[@]})) || targets=("${all_targets[@]}")
for target in "${targets[@]}"; do
  [[ " ${all_targets[*]} " == *" $target "* ]] || { echo "run-fuzzers: no target $target (${all_targets[*]})" >&2; exit 2; }
done

# Longest input per target: enough for every seed and a few times the size of a real record,
# small enough to keep executions fast.
max_len() {
  case "$1" in
    fuzz_csv_import) echo 1024 ;;
    fuzz_okta_json) echo 8192 ;;
    fuzz_rate_limit_headers) echo 512 ;;
    fuzz_jwt_jwk) echo 4096 ;;
    fuzz_signing_key) echo 4096 ;;
  esac
}

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake --preset fuzz "${launcher[@]}" >/dev/null
cmake --build --preset fuzz --target "${targets[@]}"

scratch="$root/build/fuzz-runs/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$scratch"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
failed=()

for target in "${targets[@]}"; do
  work="$scratch/$target"
  mkdir -p "$work/corpus" "$work/artifacts"
  cp -R "tests/fuzz/corpus/$target/." "$work/corpus/"
  args=(-max_len="$(max_len "$target")" -timeout=25 -rss_limit_mb=2048 -print_final_stats=1
        -artifact_prefix="$work/artifacts/")
  if [[ -f "tests/fuzz/$target.dict" ]]; then args+=(-dict="$root/tests/fuzz/$target.dict"); fi
  if [[ -n "$runs" ]]; then args+=(-runs="$runs"); else args+=(-max_total_time="$seconds"); fi
  if ((jobs > 1)); then args+=(-jobs="$jobs" -workers="$jobs"); fi
  echo "== $target: ${runs:+$runs runs}${runs:-$seconds s} (log: $work/$target.log)"
  status=0
  # The scratch corpus first: libFuzzer adds what it finds there; the regressions are only read.
  (cd "$work" && "$root/build/fuzz/tests/fuzz/$target" "${args[@]}" corpus \
    "$root/tests/fuzz/regressions/$target") >"$work/$target.log" 2>&1 || status=$?
  # With --jobs each process logs to fuzz-<n>.log beside the corpus.
  grep -hE '^(Done|stat::number_of_executed_units|stat::average_exec_per_sec)' "$work/$target.log" \
    "$work"/fuzz-*.log 2>/dev/null || true
  shopt -s nullglob
  artifacts=("$work"/artifacts/*)
  shopt -u nullglob
  if ((status != 0 || ${#artifacts[@]})); then
    failed+=("$target")
    grep -hE 'ERROR|invariant broken|runtime error|SUMMARY' "$work/$target.log" "$work"/fuzz-*.log 2>/dev/null |
      head -n 10 || true
    for artifact in "${artifacts[@]}"; do
      cat <<MSG
   found: $artifact
   reproduce: build/fuzz/tests/fuzz/$target $artifact   (or the gcc build's replay: build/ci/tests/fuzz/$target $artifact)
   keep it:   cp $artifact tests/fuzz/regressions/$target/<what-it-breaks>, fix the code, and the
              ctest test $target replays it in every build from then on
MSG
    done
    ((${#artifacts[@]})) || echo "   exit status $status, no input saved: see $work/$target.log"
  fi
done

if ((${#failed[@]})); then
  echo "run-fuzzers: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "run-fuzzers: every target ran clean (${targets[*]})"
