#!/usr/bin/env bash
# make test-dates: the running stack follows the faked clock.  Run by
# scripts/test.sh (MOTCUA_STACK_CHECK) right after the stack started under
# libfaketime with FAKETIME="@<start>" (the machine's local time zone):
# MariaDB's NOW() and UNIX_TIMESTAMP(), nginx's Date header and the tests'
# own clock must all read a time at or after the start and less than an
# hour later (the clock runs on from the start).  TAP output.
set -uo pipefail
cd "$(dirname "$0")/.."
PASSED=0
FAILED=0
start=$(date -d "${FAKETIME#@}" +%s)   # parsing a given date does not read the clock

check() {  # check NAME EPOCH
    local name=$1 t=$2
    if [[ $t =~ ^[0-9]+$ ]] && [ "$t" -ge "$start" ] && [ "$t" -lt $((start + 3600)) ]; then
        PASSED=$((PASSED + 1)); echo "ok - $name follows the faked clock ($(date -u -d "@$t" '+%F %T') UTC)"
    else
        FAILED=$((FAILED + 1)); echo "not ok - $name reads ${t:-nothing}, not the faked clock from $start"
    fi
}

sql() { mariadb --no-defaults --socket="$MOTCUA_VAR/mysql/mysqld.sock" -uroot -N -B -e "$1"; }
check "MariaDB UNIX_TIMESTAMP()" "$(sql 'SELECT UNIX_TIMESTAMP()')"
check "MariaDB NOW()" "$(sql "SET time_zone = '+00:00'; SELECT UNIX_TIMESTAMP(NOW())")"
check "MariaDB UTC_TIMESTAMP()" "$(sql "SET time_zone = '+00:00'; SELECT UNIX_TIMESTAMP(UTC_TIMESTAMP())")"
date_header=$(curl -fsS -o /dev/null -D - "$MOTCUA_BASE/" | sed -n 's/^[Dd]ate: \(.*\)\r$/\1/p')
check "nginx's Date header" "$(date -d "$date_header" +%s 2>/dev/null)"
check "the tests' clock (node)" "$(node -e 'console.log(Math.floor(Date.now() / 1000))')"
echo "# $PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
