#!/usr/bin/env bash
# Regenerate every expected file of the golden corpus from real CPython 3.11.
#
#   tests/scripts/regenerate.sh [VTRUN]
#
# VTRUN defaults to ../shared/conformance/vtrun.py next to the repository
# (/work/shared/conformance/vtrun.py); set PYTHON to pick the interpreter.
#
#   sync/**/*.py, errors/*.py, asyncio/**/*.py  ->  NAME.out = `vtrun.py NAME.py`
#   a script with a line "# interrupt-at: T"    ->  also NAME.interrupt-T.out
#                                                   = `vtrun.py NAME.py --interrupt-at T`
#   syntax/*.py                                 ->  NAME.err = `python3 NAME.py` stderr,
#                                                   path reduced to the file name
#   syntax files whose first line starts with "# awaitscope-expected" keep
#   their hand-written .err (CPython accepts them; the engine does not).
#
# Review `git diff tests/scripts` afterwards: every change of an expected file
# must be explained by a change of its script or of CPython.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-python3}
vtrun=${1:-$(cd "$here/../../.." && pwd)/shared/conformance/vtrun.py}
[ -f "$vtrun" ] || { echo "regenerate.sh: no vtrun.py at $vtrun (pass its path)" >&2; exit 2; }

"$python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' ||
    { echo "regenerate.sh: the corpus is CPython 3.11's; $python is not 3.11" >&2; exit 2; }

count=0

run_vtrun() { # SCRIPT
    local script=$1 base=${1%.py} t
    # Run from the script's folder so nothing depends on the caller's directory.
    (cd "$(dirname "$script")" && "$python" "$vtrun" "$(basename "$script")") >"$base.out" 2>/dev/null
    count=$((count + 1))
    rm -f "$base".interrupt-*.out
    for t in $(sed -n 's/^# interrupt-at: *\([0-9.][0-9.]*\) *$/\1/p' "$script"); do
        (cd "$(dirname "$script")" && "$python" "$vtrun" "$(basename "$script")" --interrupt-at "$t") \
            >"$base.interrupt-$t.out" 2>/dev/null
        count=$((count + 1))
    done
}

while IFS= read -r -d '' script; do
    run_vtrun "$script"
done < <(find "$here/sync" "$here/errors" "$here/asyncio" -name '*.py' -print0 | sort -z)

for script in "$here"/syntax/*.py; do
    if head -n 1 "$script" | grep -q '^# awaitscope-expected'; then
        continue
    fi
    name=$(basename "$script")
    # CPython prints '  File "/abs/path/NAME.py", line N'; keep just the name.
    (cd "$here/syntax" && "$python" "$name" 2>&1 >/dev/null || true) |
        sed -e "s#^  File \"[^\"]*/$name\"#  File \"$name\"#" >"${script%.py}.err"
    [ -s "${script%.py}.err" ] || echo "regenerate.sh: $name compiled and ran without error" >&2
    count=$((count + 1))
done

echo "regenerated $count expected files"
