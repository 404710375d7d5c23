#!/usr/bin/env bash
# make test: unit tests (under valgrind), then a throw-away stack (own MariaDB,
# programs and nginx on a free port) for the HTTP and browser tests, and a
# bounded fuzz run.  The last line is "N passed, N failed".
# MOTCUA_SUITES (default "unit build store http browser walk fuzz") chooses the
# suites; "build" is make install into a throw-away DESTDIR
# (scripts/install-check.sh), make format-check and the documentation against
# the code (scripts/docs-check.sh); "store" the store's tests against a
# database of their own on the stack's MariaDB (scripts/store-tests.sh).  make test-dates runs "unit http" under a faked
# clock (scripts/test-dates.sh).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PASSED=0
FAILED=0
LOGDIR=$(mktemp -d /tmp/motcua-testlog.XXXXXX)
SUITES=" ${MOTCUA_SUITES:-unit build store http browser walk fuzz} "
want() { [[ $SUITES == *" $1 "* ]]; }

count() {  # count NAME FILE STATUS: add the "# N passed, N failed" lines of FILE
    local name=$1 file=$2 status=$3 p=0 f=0
    while read -r a b; do p=$((p + a)); f=$((f + b)); done < <(
        sed -n 's/^# \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$file")
    if [ "$status" != 0 ] && [ "$f" = 0 ]; then
        f=1  # the suite itself broke (crash, valgrind error, no summary)
        echo "not ok - $name exited with status $status"
    fi
    PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
    grep -E '^(not ok|#   )' "$file" | head -150
    if [ "$(grep -c '^not ok' "$file")" -gt 0 ]; then
        echo "-- failed in $name:"; grep '^not ok' "$file"
    fi
    echo "== $name: $p passed, $f failed"
}

if want unit; then
    echo "== unit tests (valgrind)"
    for t in build/tests/test_*; do
        [ -x "$t" ] || continue
        valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
            "$t" > "$LOGDIR/$(basename "$t").log" 2>&1
        count "$(basename "$t")" "$LOGDIR/$(basename "$t").log" $?
    done
fi

if want build; then
    echo "== build checks: make install, make format-check, docs"
    scripts/install-check.sh > "$LOGDIR/install.log" 2>&1
    count install "$LOGDIR/install.log" $?
    scripts/format-check.sh > "$LOGDIR/format.log" 2>&1
    count format-check "$LOGDIR/format.log" $?
    scripts/docs-check.sh > "$LOGDIR/docs.log" 2>&1
    count docs-check "$LOGDIR/docs.log" $?
fi

# The store, HTTP and browser suites, against a throw-away stack.
stack_suites() {
    export MOTCUA_VAR MOTCUA_PORT MOTCUA_BASE MOTCUA_ROOT="$ROOT"
    # the tests change QR links, units and procedures and wait for the
    # workers' caches to let go of them
    export MOTCUA_CONF_EXTRA=$'Qr.CacheSeconds = 1\nCache.PageSeconds = 1'
    # every test comes from 127.0.0.1: nginx's per-address limits (600 POSTs
    # a minute) would answer 429 to a fast machine running the suite; the
    # limits stay in the configuration, sized for the suite
    export MOTCUA_POST_RATE=60000r/m MOTCUA_STAFF_RATE=60000r/m
    MOTCUA_VAR=$(mktemp -d /tmp/motcua-test.XXXXXX)
    MOTCUA_PORT=$(scripts/free-port.sh 18080)
    MOTCUA_BASE="http://127.0.0.1:$MOTCUA_PORT"
    trap 'scripts/stack.sh stop > /dev/null 2>&1; rm -rf "$MOTCUA_VAR" "$LOGDIR"' EXIT

    echo "== starting a throw-away stack on port $MOTCUA_PORT"
    if ! scripts/stack.sh start > "$LOGDIR/stack.log" 2>&1; then
        cat "$LOGDIR/stack.log"
        echo "not ok - the stack did not start"
        FAILED=$((FAILED + 1))
        return
    fi
    if [ -n "${MOTCUA_STACK_CHECK:-}" ]; then
        # a check of the stack itself (make test-dates: the database follows the faked clock)
        "$MOTCUA_STACK_CHECK" > "$LOGDIR/stack-check.log" 2>&1
        count stack-check "$LOGDIR/stack-check.log" $?
    fi
    if want store; then
        echo "== store tests (their own database, valgrind)"
        scripts/store-tests.sh > "$LOGDIR/store.log" 2>&1
        count store "$LOGDIR/store.log" $?
    fi
    if want http; then
        echo "== http tests"
        node --no-warnings tests/http/run.js > "$LOGDIR/http.log" 2>&1
        count http "$LOGDIR/http.log" $?
    fi
    if want browser; then
        echo "== browser tests (headless chromium)"
        node --no-warnings tests/browser/run.js > "$LOGDIR/browser.log" 2>&1
        count browser "$LOGDIR/browser.log" $?
    fi
    # a worker that crashed during the tests would show in the program logs
    if grep -l 'died of signal' "$MOTCUA_VAR"/log/*.log 2>/dev/null | grep -q .; then
        echo "note: a worker died of a signal during the tests (the resilience test kills one on purpose)"
    fi
    scripts/stack.sh stop > /dev/null 2>&1
    rm -rf "$MOTCUA_VAR"
}

# A dossier walked through its weeks: a second stack that starts on Sunday
# 01/03/2026 20:00 in Vietnam, whatever today is; the tests move its clock on
# through a libfaketime file (MOTCUA_FAKETIME in scripts/stack.sh).
walk_suite() {
    local var port
    var=$(mktemp -d /tmp/motcua-walk.XXXXXX)
    port=$(scripts/free-port.sh 18080)
    trap 'MOTCUA_VAR='"$var"' scripts/stack.sh stop > /dev/null 2>&1; rm -rf '"$var"' "$LOGDIR"' EXIT
    echo "== walk tests (a stack on a clock the tests move)"
    echo $(( $(date -d '2026-03-01 20:00:00 +0700' +%s) - $(date +%s) )) > "$var/faketime"
    if ! (unset FAKETIME LD_PRELOAD
          export MOTCUA_VAR=$var MOTCUA_PORT=$port MOTCUA_FAKETIME=$var/faketime MOTCUA_TICK=3600 \
                 MOTCUA_ROOT="$ROOT" MOTCUA_BASE="http://127.0.0.1:$port" MOTCUA_CONF_EXTRA=
          scripts/stack.sh start > "$LOGDIR/walk-stack.log" 2>&1); then
        cat "$LOGDIR/walk-stack.log"
        echo "not ok - the walk stack did not start"
        FAILED=$((FAILED + 1))
        return
    fi
    (unset FAKETIME LD_PRELOAD
     export MOTCUA_VAR=$var MOTCUA_FAKETIME=$var/faketime MOTCUA_ROOT="$ROOT" \
            MOTCUA_BASE="http://127.0.0.1:$port"
     node --no-warnings tests/walk/run.js > "$LOGDIR/walk.log" 2>&1)
    count walk "$LOGDIR/walk.log" $?
    MOTCUA_VAR=$var scripts/stack.sh stop > /dev/null 2>&1
    rm -rf "$var"
}

trap 'rm -rf "$LOGDIR"' EXIT
if want store || want http || want browser; then
    stack_suites
fi
if want walk; then
    walk_suite
fi

if want fuzz; then
    echo "== fuzzing the request parser (${FUZZ_SECONDS:-30} s)"
    if scripts/fuzz.sh "${FUZZ_SECONDS:-30}" > "$LOGDIR/fuzz.log" 2>&1; then
        PASSED=$((PASSED + 1)); tail -1 "$LOGDIR/fuzz.log"
    else
        FAILED=$((FAILED + 1)); tail -20 "$LOGDIR/fuzz.log"; echo "not ok - fuzz"
    fi
fi

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
