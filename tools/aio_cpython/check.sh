#!/usr/bin/env bash
# Run every lesson and every tests/scripts/asyncio/**/*.py that has an .out
# beside it through run.py (Awaitscope's asyncio on CPython) and diff with the
# expected output.  NAME.interrupt-T.out files are run with --interrupt-at T.
#
#   tools/aio_cpython/check.sh            # expected outputs in the repo
#   ORACLE=1 tools/aio_cpython/check.sh   # also, against vtrun.py: scripts that have
#                                         # no .out yet, and every lesson and script
#                                         # with --interrupt-at 0.5 2.0 2.5 3.5
#   VERBOSE=1 ...                         # print the diffs of failures
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
vtrun=${VTRUN:-/work/shared/conformance/vtrun.py}
py=${PYTHON:-$(python3 -c "import sys; print(sys.executable)")}
tmp=$(mktemp) && list=$(mktemp) || exit 2
trap 'rm -f "$tmp" "$list"' EXIT
pass=0 fail=0 failed=()

check() { # check EXPECTED_FILE SCRIPT [--interrupt-at T]
    local expected=$1 script=$2; shift 2
    (cd "$(dirname "$script")" && timeout 30 "$py" "$here/run.py" "$script" "$@") >"$tmp" 2>/dev/null </dev/null
    if diff -u "$expected" "$tmp" >/dev/null; then
        pass=$((pass + 1))
        [ -n "$VERBOSE" ] && echo "pass ${script#$root/} $*"
    else
        fail=$((fail + 1)); failed+=("${script#$root/} $*")
        echo "FAIL ${script#$root/} $*"
        [ -n "$VERBOSE" ] && diff -u "$expected" "$tmp" | sed -n '3,30p' | sed 's/^/    /'
    fi
}

cache=${ORACLE_CACHE:-/tmp/aio_cpython_oracle}
oracle() { # oracle SCRIPT [--interrupt-at T]   (vtrun's output is cached)
    local key c
    key=$(echo "$*" | sed 's|^/||; s|[/ ]|_|g')
    c="$cache/$key.out"
    if [ ! -f "$c" ] || [ "$1" -nt "$c" ] || [ "$vtrun" -nt "$c" ]; then
        mkdir -p "$cache"
        (cd "$(dirname "$1")" && timeout 30 "$py" "$vtrun" "$@") >"$c" 2>/dev/null </dev/null
    fi
    check "$c" "$@"
}

scripts=()
for s in "$root"/lessons/*/script.py; do
    name=$(basename "$(dirname "$s")")
    e="$root/tests/conformance/lessons/$name.out"
    [ -f "$e" ] && check "$e" "$s"
    for e in "$root/tests/conformance/lessons/$name".interrupt-*.out; do
        [ -f "$e" ] || continue
        t=${e##*.interrupt-}; t=${t%.out}
        check "$e" "$s" --interrupt-at "$t"
    done
    scripts+=("$s")
done
find "$root/tests/scripts/asyncio" -name '*.py' 2>/dev/null | sort >"$list"
while IFS= read -r s; do
    base=${s%.py}
    if [ ! -f "$base.out" ]; then
        [ -n "$ORACLE" ] && oracle "$s" && scripts+=("$s")
        continue
    fi
    check "$base.out" "$s"
    for e in "$base".interrupt-*.out; do
        [ -f "$e" ] || continue
        t=${e##*.interrupt-}; t=${t%.out}
        check "$e" "$s" --interrupt-at "$t"
    done
    scripts+=("$s")
done <"$list"

if [ -n "$ORACLE" ]; then
    for s in "${scripts[@]}"; do
        for t in 0.5 2.0 2.5 3.5; do oracle "$s" --interrupt-at "$t"; done
    done
fi
echo "aio_cpython: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
