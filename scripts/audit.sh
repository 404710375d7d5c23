#!/usr/bin/env bash
# make audit: attack a throw-away stack the way issue 14's attack did, and fail
# on anything new.  Not part of make test (it takes up to 30 minutes).
#   1. a stack of its own (own MariaDB, programs, nginx on a free port of
#      127.0.0.1) with the rate limits lifted for it alone: Audit.LiftRateLimits
#      in its generated configuration, no limit_req in its generated nginx
#      configuration (docs/security.md §4);
#   2. every route of the programs' route tables as a request (tests/audit/targets.js),
#      staff routes with a signed-in session;
#   3. sqlmap on every route (every object in the path, every query and form
#      field), wapiti crawling and attacking the public site and each staff area;
#      a finding not in tests/audit/allow-list.txt fails (tests/audit/findings.js);
#   The role × route matrix (tests/http/096_authz_matrix.test.js) runs on it too.
#   Steps 4 and 5 run first, before the scans change the stack's objects.
#   4. 1,000 concurrent connections on the QR landing page for 60 s (wrk):
#      0 socket errors and 0 answers other than 2xx/3xx;
#   5. feedback filed and ratings given concurrently while workers, the rating
#      writer and mariadbd are killed with SIGKILL: every acknowledged
#      submission stored exactly once.
# The last line is "N passed, N failed".  The tools speak to 127.0.0.1 only.
#   AUDIT_SQLMAP       sqlmap's depth (default "--level=2 --risk=2"; "--level=3 --risk=2",
#                      as the attack of 2026-12-02, needs about twice the time)
#   AUDIT_JOBS         sqlmap runs at once (default 3)
#   AUDIT_SQLMAP_SECONDS  time for all sqlmap runs (default 720)
#   AUDIT_WAPITI_SECONDS  time for each of wapiti's four scans (default 90)
#   AUDIT_LOAD_SECONDS  length of the load and of the durability run (default 60)
#   AUDIT_KEEP=1       keep the report directory (its path is printed)
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
T0=$(date +%s)
PASSED=0
FAILED=0
pass() { PASSED=$((PASSED + 1)); echo "ok - $*"; }
fail() { FAILED=$((FAILED + 1)); echo "not ok - $*"; }

# ---- the tools (Debian packages; not needed by make test, so not in deps.sh)
missing=()
for t in sqlmap wapiti wrk; do command -v "$t" > /dev/null || missing+=("$t"); done
if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing ${missing[*]}"
    SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get install -y "${missing[@]}" > /dev/null || { echo "cannot install ${missing[*]}"; exit 1; }
fi
make --no-print-directory all > /dev/null || { echo "the build failed"; exit 1; }

OUT=$(mktemp -d /tmp/motcua-audit.XXXXXX)
export MOTCUA_ROOT="$ROOT" MOTCUA_VAR="$OUT/var" MOTCUA_PORT
MOTCUA_PORT=$(scripts/free-port.sh 18081)
export MOTCUA_BASE="http://127.0.0.1:$MOTCUA_PORT" MOTCUA_NGINX_LIMITS=0
export MOTCUA_CONF_EXTRA="Qr.CacheSeconds = 1
Audit.LiftRateLimits = 1"
cleanup() {
    scripts/stack.sh stop > /dev/null 2>&1
    if [ "${AUDIT_KEEP:-0}" = 1 ]; then echo "report kept in $OUT"; else rm -rf "$OUT"; fi
}
trap cleanup EXIT
requests() { wc -l < "$MOTCUA_VAR/log/nginx-access.log"; }

echo "== a throw-away stack on port $MOTCUA_PORT, rate limits lifted"
if ! scripts/stack.sh start > "$OUT/stack.log" 2>&1; then
    cat "$OUT/stack.log"; fail "the stack did not start"; echo "$PASSED passed, $FAILED failed"; exit 1
fi
grep -q '^Audit.LiftRateLimits = 1$' "$MOTCUA_VAR/motcua.hdf" && ! grep -q limit_req "$MOTCUA_VAR/nginx/routes.conf" \
    && pass "rate limits lifted in this stack's own configuration" || fail "rate limits still on"

echo "== the routes of the route tables"
if node --no-warnings tests/audit/targets.js "$OUT" > "$OUT/targets.log" 2>&1; then
    pass "every route has a request ($(grep -c '^[0-9]' "$OUT/targets.log") routes)"
else
    cat "$OUT/targets.log"; fail "the routes could not be listed"; echo "$PASSED passed, $FAILED failed"; exit 1
fi
sed 's/^/   /' "$OUT/targets.log"
node -e 'const d = require(process.argv[1]); for (const t of d.targets) console.log(t.id, t.reqMarked, t.req, t.role)' \
    "$OUT/targets.json" > "$OUT/jobs.txt"

# ---- the role × route matrix (the table-driven test of make test) on this stack
echo "== the role × route matrix (tests/http/096_authz_matrix.test.js)"
node --no-warnings tests/http/run.js 096_authz_matrix > "$OUT/matrix.log" 2>&1
MATRIX=$(sed -n 's/^# \([0-9]* passed, [0-9]* failed\)$/\1/p' "$OUT/matrix.log" | tail -1)
if grep -q '^# [0-9]* passed, 0 failed$' "$OUT/matrix.log"; then
    pass "role × route matrix: $MATRIX"
else
    grep -A4 '^not ok' "$OUT/matrix.log" | head -40; fail "role × route matrix: ${MATRIX:-did not run}"
fi

# ---- first the load and the faults, on the stack as it starts (the scans
# change its objects: the admin scan revokes QR links and closes units)
# ---- 1,000 concurrent connections on the QR landing page
QR=$(node -e 'console.log(require(process.argv[1]).targets.find(t => t.pattern === "/q/*").url)' "$OUT/targets.json")
echo "== wrk: 1,000 connections for ${AUDIT_LOAD_SECONDS:-60} s on the QR landing page"
(ulimit -n 8192 2>/dev/null; wrk -t2 -c1000 -d"${AUDIT_LOAD_SECONDS:-60}"s --timeout 10s "$MOTCUA_BASE$QR") > "$OUT/wrk.txt" 2>&1
sed 's/^/   /' "$OUT/wrk.txt"
RPS=$(sed -n 's/^Requests\/sec: *//p' "$OUT/wrk.txt")
SOCKERR=$(sed -n 's/.*Socket errors: connect \([0-9]*\), read \([0-9]*\), write \([0-9]*\), timeout \([0-9]*\).*/\1 \2 \3 \4/p' "$OUT/wrk.txt" \
    | awk '{ print $1 + $2 + $3 + $4 }')
NON2XX=$(sed -n 's/.*Non-2xx or 3xx responses: *//p' "$OUT/wrk.txt")
SOCKERR=${SOCKERR:-0}; NON2XX=${NON2XX:-0}
if [ -n "$RPS" ] && [ "$SOCKERR" = 0 ] && [ "$NON2XX" = 0 ]; then
    pass "1,000 connections: $RPS requests/s, 0 socket errors, 0 non-2xx/3xx"
else
    fail "1,000 connections: ${RPS:-?} requests/s, $SOCKERR socket errors, $NON2XX non-2xx/3xx"
fi
grep -h 'worker_connections are not enough' "$MOTCUA_VAR/log/nginx-error.log" 2>/dev/null | head -1

# ---- SIGKILL durability
echo "== durability: 8 citizens filing feedback and 8 rating for ${AUDIT_LOAD_SECONDS:-60} s; workers, the rating writer and mariadbd killed with SIGKILL"
DUR=$(node --no-warnings tests/audit/durability.js "${AUDIT_LOAD_SECONDS:-60}" 8 2> "$OUT/durability.err")
drc=$?
echo "   $DUR"
if [ "$drc" = 0 ]; then
    pass "durability: every acknowledged submission stored exactly once"
else
    cat "$OUT/durability.err"; fail "durability: $DUR"
fi

# ---- sqlmap: one run per route (the marked injection points), a few at once
echo "== sqlmap ${AUDIT_SQLMAP:---level=2 --risk=2} on every route"
mkdir -p "$OUT/sqlmap"
SQL_DEADLINE=$(( $(date +%s) + ${AUDIT_SQLMAP_SECONDS:-720} ))
export OUT SQL_DEADLINE AUDIT_SQLMAP
sqlmap_one() {  # id marked-request plain-request role
    local left=$(( SQL_DEADLINE - $(date +%s) ))
    if [ "$left" -le 5 ]; then echo "$1 skipped" >> "$OUT/sqlmap/status.txt"; return; fi
    timeout "$left" sqlmap -r "$2" --ignore-stdin --batch ${AUDIT_SQLMAP:---level=2 --risk=2} --dbms=mysql \
        --keep-alive --disable-coloring --output-dir="$OUT/sqlmap/$1" > "$OUT/sqlmap/$1.log" 2>&1
    echo "$1 $?" >> "$OUT/sqlmap/status.txt"
}
export -f sqlmap_one
before=$(requests)
xargs -P "${AUDIT_JOBS:-3}" -L 1 bash -c 'sqlmap_one "$@"' _ < "$OUT/jobs.txt"
# the session cookies themselves, once per identity, on its first page
for role in public officer leader admin; do
    req=$(awk -v r="$role" '$4 == r { print $3; exit }' "$OUT/jobs.txt")
    cookies=$(sed -n 's/^Cookie: //p' "$req" | tr ';' '\n' | sed 's/=.*//; s/ //g' | paste -sd,)
    timeout 60 sqlmap -r "$req" --ignore-stdin --batch --level=2 --risk=2 --dbms=mysql -p "$cookies" \
        --keep-alive --disable-coloring --output-dir="$OUT/sqlmap/cookie-$role" > "$OUT/sqlmap/cookie-$role.log" 2>&1
    grep -h '^Parameter: ' "$OUT/sqlmap/cookie-$role"/*/log 2>/dev/null | sed "s/^/NEW: sqlmap | SQL injection | cookie of $role | /"
done
SQL_REQ=$(( $(requests) - before ))
echo "   sqlmap sent $SQL_REQ requests"

# ---- wapiti: the public site, then each staff area with its session
WAP_REQ=0
for role in public officer leader admin; do
    case $role in
        # no -x: wapiti 3.0.4 fails on any exclusion under Python 3.11 (an
        # inline regex flag); the sign-out form carries only its CSRF token,
        # which every attack on it changes, so it never ends the session
        public) scope=/ ;;
        officer) scope=/can-bo/ ;;
        leader) scope=/lanh-dao/ ;;
        admin) scope=/quan-tri/ ;;
    esac
    cookie=$(node -e 'console.log(require(process.argv[1]).cookies[process.argv[2]])' "$OUT/targets.json" "$role")
    starts=()
    while read -r url; do starts+=(-s "$MOTCUA_BASE$url"); done < <(node -e '
        const d = require(process.argv[1]);
        for (const t of d.targets) if (t.role === process.argv[2] && t.method === "GET") console.log(t.url)' \
        "$OUT/targets.json" "$role")
    echo "== wapiti on $scope (${role})"
    before=$(requests)
    # crawl for half the time, then each of the nine modules an eighteenth
    timeout $(( ${AUDIT_WAPITI_SECONDS:-90} + 60 )) wapiti -u "$MOTCUA_BASE$scope" --scope folder "${starts[@]}" \
        -m "sql,blindsql,xss,permanentxss,crlf,redirect,file,exec,csrf" -H "Cookie: $cookie" \
        -d 3 --max-links-per-page 40 --max-files-per-dir 40 --max-scan-time $(( ${AUDIT_WAPITI_SECONDS:-90} / 2 )) \
        --max-attack-time $(( ${AUDIT_WAPITI_SECONDS:-90} / 18 + 1 )) --flush-session --store-session "$OUT/wapiti-session" \
        -f json -o "$OUT/wapiti-$role.json" -v 0 > "$OUT/wapiti-$role.log" 2>&1
    rc=$?
    WAP_REQ=$(( WAP_REQ + $(requests) - before ))
    [ -f "$OUT/wapiti-$role.json" ] || fail "wapiti on $scope gave no report (exit $rc)"
done
echo "   wapiti sent $WAP_REQ requests"

echo "== the findings against tests/audit/allow-list.txt"
node tests/audit/findings.js "$OUT" tests/audit/allow-list.txt > "$OUT/findings.txt" 2>&1
frc=$?
cookie_new=$(cat "$OUT"/sqlmap/cookie-*/*/log 2>/dev/null | grep -c '^Parameter: ')
sed 's/^/   /' "$OUT/findings.txt"
[ "$frc" = 0 ] && [ "$cookie_new" = 0 ] && pass "no finding outside the allow-list" || fail "findings outside the allow-list (see above)"
SCAN_S=$(( $(date +%s) - T0 ))
[ "$SCAN_S" -le 1800 ] && pass "make audit took $SCAN_S s (at most 1,800)" || fail "make audit took $SCAN_S s, more than 30 minutes"

echo "== summary"
echo "   role × route matrix: ${MATRIX:-?}"
echo "   routes: $(grep -c '^[0-9]' "$OUT/targets.log"); requests sent: sqlmap $SQL_REQ, wapiti $WAP_REQ"
echo "   $(tail -1 "$OUT/findings.txt")"
echo "   wrk: ${RPS:-?} requests/s, $SOCKERR socket errors, $NON2XX non-2xx/3xx"
echo "   durability: $DUR"
echo "   total time $(( $(date +%s) - T0 )) s"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
