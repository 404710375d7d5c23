#!/usr/bin/env bash
# make test-dates: the unit and HTTP suites (scripts/test.sh with
# MOTCUA_SUITES="unit http") under libfaketime, at four instants in Vietnam
# time (UTC+7):
#   00:30 on the 1st of a month (still the day before in UTC),
#   23:30 on 31 December (16:30 UTC: the year ends in Vietnam first),
#   10:00 on the first day of Tết 2027 and 09:00 on the last confirmed
#   make-up Saturday, both read from the calendar file.
# The whole stack (MariaDB, programs, nginx, the ticker) and the tests run
# under one libfaketime "start at" clock (FAKETIME="@…" with
# FAKETIME_DONT_RESET, so that every process shares the first one's clock and
# it runs on: a frozen clock hangs timed waits).  The browser tests and the
# fuzzer stay out (libFuzzer hangs under libfaketime).
# Prints each instant's summary and ends with "N passed, N failed".
# scripts/test-dates.sh 2 4 runs only the 2nd and 4th instants.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
CSV=sql/data/vn-calendar-2025-2027.csv

LIB=""
for d in "/usr/lib/$(gcc -dumpmachine 2>/dev/null)/faketime" /usr/lib/*/faketime /usr/lib/faketime; do
    [ -f "$d/libfaketime.so.1" ] && { LIB="$d/libfaketime.so.1"; break; }
done
if [ -z "$LIB" ]; then
    echo "not ok - libfaketime.so.1 not found (Debian package faketime; make deps installs it)"
    echo "0 passed, 1 failed"
    exit 1
fi

# date,is_working_day,kind,…,confirmed
tet=$(awk -F, '$3 == "tet" && $1 ~ /^2027-/ { print $1; exit }' "$CSV")
makeup=$(awk -F, '$3 == "makeup_workday" && $NF == "yes" { d = $1 } END { print d }' "$CSV")
if [ -z "$tet" ] || [ -z "$makeup" ]; then
    echo "not ok - no Tết 2027 or confirmed make-up Saturday in $CSV"
    echo "0 passed, 1 failed"
    exit 1
fi
instants=(
    "2027-03-01 00:30|00:30 on the 1st of a month"
    "2026-12-31 23:30|23:30 on 31 December"
    "$tet 10:00|a day of Tết 2027"
    "$makeup 09:00|a make-up Saturday"
)

# libfaketime keeps its shared clock in /dev/shm/faketime_shm_<pid> (and a
# semaphore); a process killed on purpose (the resilience test, a stack stop)
# leaves its pair behind, and a later process given the same pid would fail
# to start under libfaketime.  After each instant, the pairs that appeared
# during it and whose process is gone are removed.
shm_pids() { ls /dev/shm 2>/dev/null | sed -n 's/^faketime_shm_\([0-9]*\)$/\1/p' | sort; }
shm_clean() {  # shm_clean BEFORE: remove the new pairs of processes that ended
    local pid
    for pid in $(comm -13 <(printf '%s\n' $1 | sort) <(shm_pids)); do
        kill -0 "$pid" 2>/dev/null && continue
        rm -f "/dev/shm/faketime_shm_$pid" "/dev/shm/sem.faketime_sem_$pid"
    done
}

LOGDIR=build/test-dates    # each instant's whole output, kept for reading
mkdir -p "$LOGDIR"
PASSED=0
FAILED=0
began=$(date +%s)
for i in "${!instants[@]}"; do
    if [ $# -gt 0 ] && [[ " $* " != *" $((i + 1)) "* ]]; then continue; fi
    vn=${instants[$i]%%|*} what=${instants[$i]#*|}
    # libfaketime reads "@YYYY-MM-DD hh:mm:ss" in the machine's time zone
    start=$(date -d "$vn +0700" '+%Y-%m-%d %H:%M:%S')
    log="$LOGDIR/$((i + 1)).log"
    echo "== $vn Vietnam time ($what): FAKETIME=\"@$start\""
    shm_before=$(shm_pids)
    env LD_PRELOAD="$LIB${LD_PRELOAD:+:$LD_PRELOAD}" FAKETIME="@$start" FAKETIME_DONT_RESET=1 \
        FAKETIME_DONT_FAKE_MONOTONIC=1 MOTCUA_SUITES="unit http" \
        MOTCUA_STACK_CHECK="$ROOT/scripts/clock-check.sh" scripts/test.sh > "$log" 2>&1
    status=$?
    shm_clean "$shm_before"
    summary=$(tail -1 "$log")
    if [[ $summary =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
        p=${BASH_REMATCH[1]} f=${BASH_REMATCH[2]}
        [ "$status" != 0 ] && [ "$f" = 0 ] && f=1
    else
        p=0 f=1
        tail -20 "$log"
    fi
    grep -E '^(== |not ok|note: )' "$log" | grep -v '^== starting' | awk '!seen[$0]++' | sed 's/^/   /'
    echo "== $vn Vietnam time ($what): $p passed, $f failed (details: $log)"
    PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
done
echo "== make test-dates took $(( ($(date +%s) - began) / 60 )) min"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
