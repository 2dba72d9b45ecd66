#!/usr/bin/env bash
# Times `awaitscope run` (full trace recorded) against CPython on the same
# scripts, in the same run, and prints the ratio of wall times (best of N).
#
#   tests/bench/compare.sh [BUILD_DIR] [RUNS]      (defaults: build, 3)
#
# Targets (issue #4): pingpong.py <= 0.5x CPython, fib30.py <= 1.5x CPython.
# The CPythons compared against: $PYTHON if set; else `python3` and, when it
# is another interpreter, Debian's /usr/bin/python3 (a machine with pyenv has
# both; Debian's is a PGO build and the faster one). All the programs are run
# in turns, RUNS times each, and the best time of each counts.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${1:-$root/build}"
runs="${2:-3}"
aw="$build/app/awaitscope"
budget=1000000000000      # the default step budget would cut these programs

[[ -x "$aw" ]] || { echo "compare.sh: no $aw (build the app first)" >&2; exit 2; }

# Each CPython by its real executable (sys.executable): pyenv's `python3` is
# a shell-script shim whose own start-up (0.15-0.3 s here) must not be timed.
pythons=()
add_python() {
    local exe
    exe="$("$1" -c 'import sys; print(sys.executable)' 2>/dev/null)" || return 0
    for p in "${pythons[@]}"; do [[ "$p" == "$exe" ]] && return 0; done
    pythons+=("$exe")
}
if [[ -n "${PYTHON:-}" ]]; then
    add_python "$PYTHON"
else
    command -v python3 >/dev/null && add_python python3
    [[ -x /usr/bin/python3 ]] && add_python /usr/bin/python3
fi
((${#pythons[@]})) || { echo "compare.sh: no python3" >&2; exit 2; }

# Wall time in seconds of one run of the command.
wall_time() {
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
}

min() { if [[ -z "$1" ]] || (($(echo "$2 < $1" | bc -l))); then echo "$2"; else echo "$1"; fi; }

for p in "${pythons[@]}"; do
    echo "CPython: $p ($("$p" -c 'import platform; print(platform.python_version())'))"
done
echo "awaitscope: $aw"
printf '%-12s %-42s %10s %12s %7s %8s\n' script cpython "cpython s" "awaitscope s" ratio target
status=0
for entry in "pingpong.py 0.5" "fib30.py 1.5"; do
    read -r script target <<<"$entry"
    path="$here/scripts/$script"
    # Same program, same output: our lines carry the virtual clock first.
    got="$("$aw" run --budget "$budget" "$path" | cut -f2-)"
    for p in "${pythons[@]}"; do
        expected="$("$p" "$path")"
        if [[ "$expected" != "$got" ]]; then
            echo "$script: outputs differ: $p '$expected', awaitscope '$got'" >&2
            status=1
            continue 2
        fi
    done
    # Best times, the programs taken in turns (A B C A B C ...): a shared or
    # throttled machine changes speed over minutes, and turns expose every
    # program to the same phases.
    declare -A best=()
    for ((i = 0; i < runs; i++)); do
        best[aw]=$(min "${best[aw]:-}" "$(wall_time "$aw" run --budget "$budget" "$path")")
        for p in "${pythons[@]}"; do
            best[$p]=$(min "${best[$p]:-}" "$(wall_time "$p" "$path")")
        done
    done
    for p in "${pythons[@]}"; do
        ratio=$(echo "${best[aw]} / ${best[$p]}" | bc -l)
        printf '%-12s %-42s %10.3f %12.3f %7.2f %8s\n' "$script" "$p" "${best[$p]}" "${best[aw]}" "$ratio" "<= $target"
    done
    unset best
done
exit $status
