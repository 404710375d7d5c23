#!/usr/bin/env bash
# Fuzz the request parsers with libFuzzer: fuzz_form (form_parse, cookie_parse,
# utf8_*) and fuzz_multipart (multipart_parse, multipart_boundary).
#
#   scripts/fuzz.sh SECONDS
#
# Builds build/fuzz/fuzz_form and build/fuzz/fuzz_multipart with clang (ASan +
# UBSan), copies each seed corpus (tests/fuzz/corpus/, tests/fuzz/corpus-multipart/)
# into a scratch corpus under build/fuzz/ and fuzzes each for half of SECONDS
# (at least 1 s each).  Crash inputs are written to build/fuzz/ (crash-*, leak-*,
# … for fuzz_form; multipart-crash-*, … for fuzz_multipart).
# Last line: "fuzz: ok (N runs)" (N summed over both) and exit 0, or
# "fuzz: FAILED" and exit 1.
set -uo pipefail
cd "$(dirname "$0")/.."

secs=${1:-}
if ! [[ "$secs" =~ ^[0-9]+$ ]] || [ "$secs" -lt 1 ]; then
    echo "usage: scripts/fuzz.sh SECONDS" >&2
    echo "fuzz: FAILED"
    exit 2
fi
if ! command -v clang >/dev/null; then
    echo "fuzz: clang is missing; run scripts/deps.sh (or apt-get install -y clang libclang-rt-14-dev)" >&2
    echo "fuzz: FAILED"
    exit 1
fi

out=build/fuzz
mkdir -p "$out"

# build NAME SOURCES...: the parsers need nothing from the core but these files
build() {
    local name=$1
    shift
    clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
        -std=c17 -D_GNU_SOURCE -Wall -Wextra -Wno-unused-parameter \
        -Icgi-bin/core -I/usr/include/ClearSilver \
        -o "$out/$name" "$@" -lunistring
}
if ! build fuzz_form tests/fuzz/fuzz_form.c cgi-bin/core/form.c cgi-bin/core/util.c ||
   ! build fuzz_multipart tests/fuzz/fuzz_multipart.c cgi-bin/core/multipart.c \
        cgi-bin/core/form.c cgi-bin/core/util.c; then
    echo "fuzz: build failed" >&2
    echo "fuzz: FAILED"
    exit 1
fi

total=0
failed=0

# fuzz BIN SEEDS CORPUS LOG PREFIX SECS: run one target; add its runs to total
fuzz() {
    local bin=$1 seeds=$2 corpus=$3 log=$4 prefix=$5 t=$6 rc runs
    rm -rf "$corpus"
    mkdir -p "$corpus"
    cp "$seeds"/* "$corpus"/
    echo "fuzz: running $bin for $t s (log: $log)"
    "$bin" -max_total_time="$t" -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$prefix" "$corpus" >"$log" 2>&1
    rc=$?
    # libFuzzer prints "Done N runs in S second(s)" on a clean finish.
    runs=$(sed -n 's/^Done \([0-9][0-9]*\) runs in.*/\1/p' "$log" | tail -n 1)
    if [ -z "$runs" ]; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9][0-9]*\).*/\1/p' "$log" | tail -n 1)
    fi
    total=$((total + ${runs:-0}))
    if [ "$rc" -ne 0 ] || grep -qE '^==[0-9]+==ERROR|runtime error:|^SUMMARY: ' "$log"; then
        tail -n 60 "$log" >&2
        ls "$prefix"crash-* "$prefix"leak-* "$prefix"timeout-* "$prefix"oom-* 2>/dev/null >&2 || true
        echo "fuzz: $bin FAILED" >&2
        failed=1
    fi
}

# split SECONDS between the two targets, at least 1 s each
s1=$((secs / 2))
[ "$s1" -ge 1 ] || s1=1
s2=$((secs - s1))
[ "$s2" -ge 1 ] || s2=1

fuzz "$out/fuzz_form" tests/fuzz/corpus "$out/corpus" "$out/fuzz.log" "$out/" "$s1"
fuzz "$out/fuzz_multipart" tests/fuzz/corpus-multipart "$out/corpus-multipart" \
    "$out/fuzz_multipart.log" "$out/multipart-" "$s2"

if [ "$failed" -ne 0 ]; then
    echo "fuzz: FAILED"
    exit 1
fi
echo "fuzz: ok (${total} runs)"
