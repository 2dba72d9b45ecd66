#!/usr/bin/env bash
# Times `awaitscope run` (full trace recorded) against CPython on the same
# scripts, in the same run, and prints the ratio of wall times (best of N).
#
#   tests/bench/compare.sh [BUILD_DIR] [RUNS]      (defaults: build, 3)
#
# Targets (issue #4): pingpong.py <= 0.5x CPython, fib30.py <= 1.5x CPython.
# Uses hyperfine when it is installed, else a loop of bash's `time`.
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

# Best wall time in seconds of `runs` runs of the command.
best_time() {
    if command -v hyperfine >/dev/null; then
        local json
        json="$(mktemp)"
        hyperfine --runs "$runs" --warmup 1 --export-json "$json" --output=null "$*" >/dev/null
        "$py" -c 'import json,sys; print(min(json.load(open(sys.argv[1]))["results"][0]["times"]))' "$json"
        rm -f "$json"
        return
    fi
    local best="" t
    for ((i = 0; i < runs; i++)); do
        local start end
        start=$(date +%s.%N)
        "$@" >/dev/null 2>&1
        end=$(date +%s.%N)
        t=$(echo "$end - $start" | bc -l)
        if [[ -z "$best" ]] || (($(echo "$t < $best" | bc -l))); then best=$t; fi
    done
    echo "$best"
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
    tp=$(best_time "$py" "$path")
    ta=$(best_time "$aw" run --budget "$budget" "$path")
    ratio=$(echo "$ta / $tp" | bc -l)
    printf '%-14s %12.3f %12.3f %8.2f %8s\n' "$script" "$tp" "$ta" "$ratio" "<= $target"
done
exit $status
