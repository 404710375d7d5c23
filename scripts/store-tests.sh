#!/usr/bin/env bash
# The store's tests (tests/store) against a real MariaDB: on the running
# throw-away stack of MOTCUA_VAR (scripts/stack.sh), a database of their own,
# motcua_store, made anew each time from the migrations and the calendar with
# the stack's configuration and owner account; then every build/store/test_*
# with MOTCUA_CONF naming that configuration, under valgrind as the unit tests
# run.  Their TAP lines go to stdout; the exit status is 1 when a program failed.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VAR=${MOTCUA_VAR:?MOTCUA_VAR names the running stack}
DBNAME=${MOTCUA_STORE_DB:-motcua_store}
CONF=$VAR/store.hdf
sql() { mariadb --no-defaults --socket="$VAR/mysql/mysqld.sock" -uroot "$@"; }

sql -e "DROP DATABASE IF EXISTS $DBNAME;
        CREATE DATABASE $DBNAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" || {
    echo "not ok - cannot create the database $DBNAME"; exit 1; }
{ cat "$VAR/motcua.hdf"; echo "DB.Name = $DBNAME"; } > "$CONF"
if ! "$ROOT/build/motcuactl" -c "$CONF" migrate > "$VAR/log/store-setup.log" 2>&1; then
    cat "$VAR/log/store-setup.log"; echo "not ok - migrate $DBNAME"; exit 1
fi
for f in "$ROOT"/sql/data/vn-calendar-*.csv; do
    if ! "$ROOT/build/motcuactl" -c "$CONF" import-calendar "$f" >> "$VAR/log/store-setup.log" 2>&1; then
        cat "$VAR/log/store-setup.log"; echo "not ok - import-calendar $f"; exit 1
    fi
done
status=0
for t in "$ROOT"/build/store/test_*; do
    [ -x "$t" ] || continue
    echo "# $(basename "$t")"
    MOTCUA_CONF=$CONF valgrind -q --error-exitcode=99 --leak-check=full \
        --errors-for-leak-kinds=definite "$t" 2>&1 || status=1
done
exit $status
