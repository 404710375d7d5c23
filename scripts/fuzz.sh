#!/usr/bin/env bash
# Fuzz the request parsers (form_parse, cookie_parse, utf8_*) with libFuzzer.
#
#   scripts/fuzz.sh SECONDS
#
# Builds build/fuzz/fuzz_form with clang (ASan + UBSan), copies the seed corpus
# tests/fuzz/corpus/ into a scratch corpus build/fuzz/corpus/ and fuzzes for
# SECONDS.  Crash inputs are written to build/fuzz/ (crash-*, leak-*, …).
# Last line: "fuzz: ok (N runs)" and exit 0, or "fuzz: FAILED" and exit 1.
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
bin=$out/fuzz_form
corpus=$out/corpus
log=$out/fuzz.log
mkdir -p "$out"

# form.c and util.c only: the parsers need nothing else from the core.
if ! clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
        -std=c17 -D_GNU_SOURCE -Wall -Wextra -Wno-unused-parameter \
        -Icgi-bin/core -I/usr/include/ClearSilver \
        -o "$bin" tests/fuzz/fuzz_form.c cgi-bin/core/form.c cgi-bin/core/util.c \
        -lunistring; then
    echo "fuzz: build failed" >&2
    echo "fuzz: FAILED"
    exit 1
fi

rm -rf "$corpus"
mkdir -p "$corpus"
cp tests/fuzz/corpus/* "$corpus"/

echo "fuzz: running $bin for $secs s (log: $log)"
"$bin" -max_total_time="$secs" -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$out/" "$corpus" >"$log" 2>&1
rc=$?

# libFuzzer prints "Done N runs in S second(s)" on a clean finish.
runs=$(sed -n 's/^Done \([0-9][0-9]*\) runs in.*/\1/p' "$log" | tail -n 1)
if [ -z "$runs" ]; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9][0-9]*\).*/\1/p' "$log" | tail -n 1)
fi

if [ "$rc" -ne 0 ] || grep -qE '^==[0-9]+==ERROR|runtime error:|^SUMMARY: ' "$log"; then
    tail -n 60 "$log" >&2
    ls "$out"/crash-* "$out"/leak-* "$out"/timeout-* "$out"/oom-* 2>/dev/null >&2 || true
    echo "fuzz: FAILED"
    exit 1
fi
echo "fuzz: ok (${runs:-?} runs)"
