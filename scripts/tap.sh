# TAP for the shell checks (sourced): ok STATUS NAME [DETAIL] prints "ok N - NAME",
# or "not ok N - NAME" and the first lines of DETAIL; tap_end prints the
# "# N passed, N failed" line scripts/test.sh adds up, and returns 1 on a failure.
PASS=0
FAIL=0
N=0

ok() {
    N=$((N + 1))
    if [ "$1" = 0 ]; then
        PASS=$((PASS + 1)); echo "ok $N - $2"
    else
        FAIL=$((FAIL + 1)); echo "not ok $N - $2"
        [ -n "${3:-}" ] && printf '%s\n' "$3" | head -40 | sed 's/^/#   /'
    fi
    return 0
}

tap_end() {
    echo "# $PASS passed, $FAIL failed"
    [ "$FAIL" = 0 ]
}
