#!/usr/bin/env bash
# Times `awaitscope run` (full trace recorded) against CPython on the same
# scripts, in the same run, and prints the ratio of wall times (best of N).
#
#   tests/bench/compare.sh [BUILD_DIR] [RUNS]      (defaults: build, 3)
#
# Targets (issue #4): pingpong.py <= 0.5x CPython, fib30.py <= 1.5x CPython.
# The two programs are run in turns, RUNS times each, and the best of each counts.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${1:-$root/build}"
runs="${2:-3}"
aw="$build/app/awaitscope"
py="${PYTHON:-python3}"
budget=1000000000000      # the default step budget would cut these programs

[[ -x "$aw" ]] || { echo "compare.sh: no $aw (build the app first)" >&2; exit 2; }
command -v "$py" >/dev/null || { echo "compare.sh: no $py" >&2; exit 2; }

# Wall time in seconds of one run of the command.
wall_time() {
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
}

min() { if [[ -z "$1" ]] || (($(echo "$2 < $1" | bc -l))); then echo "$2"; else echo "$1"; fi; }

# Best wall times of `runs` runs of each command, taken in turns (A B A B ...):
# a shared or throttled machine changes speed over minutes, and alternating
# exposes both programs to the same phases.
best_times() {   # best_times ARRAY_A ARRAY_B (names of arrays holding the commands) -> "BEST_A BEST_B"
    local -n cmd_a=$1 cmd_b=$2
    local a="" b=""
    for ((i = 0; i < runs; i++)); do
        a=$(min "$a" "$(wall_time "${cmd_a[@]}")")
        b=$(min "$b" "$(wall_time "${cmd_b[@]}")")
    done
    echo "$a $b"
}

status=0
printf '%-14s %12s %12s %8s %8s\n' script "cpython s" "awaitscope s" ratio target
for entry in "pingpong.py 0.5" "fib30.py 1.5"; do
    read -r script target <<<"$entry"
    path="$here/scripts/$script"
    # Same program, same output: our lines carry the virtual clock first.
    expected="$("$py" "$path")"
    got="$("$aw" run --budget "$budget" "$path" | cut -f2-)"
    if [[ "$expected" != "$got" ]]; then
        echo "$script: outputs differ: cpython '$expected', awaitscope '$got'" >&2
        status=1
        continue
    fi
    python_cmd=("$py" "$path")
    awaitscope_cmd=("$aw" run --budget "$budget" "$path")
    read -r tp ta <<<"$(best_times python_cmd awaitscope_cmd)"
    ratio=$(echo "$ta / $tp" | bc -l)
    printf '%-14s %12.3f %12.3f %8.2f %8s\n' "$script" "$tp" "$ta" "$ratio" "<= $target"
done
exit $status
