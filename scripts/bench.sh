#!/usr/bin/env bash
# make bench: a province-scale benchmark on throw-away stacks (own MariaDB,
# programs and nginx on a free loopback port, like make test).  For each size
# of BENCH_SIZES it starts a stack and loads the demo province with that many
# generated dossiers; then it measures, at one size after the other, each
# endpoint below with wrk against its ceiling: nginx serving a static page of
# the same size for GETs, MariaDB's own durable insert rate (sysbench) for
# POSTs; then the dashboard and the searches one user at a time, the app
# tier's memory, and how each figure grows from the smaller size to the
# larger.  Results: the terminal and bench-results/bench-YYYYMMDD-HHMMSS.txt.
# See docs/bench.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

# the sizes, in dossiers; BENCH_DOSSIERS alone runs one size
SIZES=${BENCH_SIZES:-${BENCH_DOSSIERS:-1000000 5000000}}
CASES_PER=${BENCH_CASES_PER:-5}           # dossiers per feedback case (BENCH_FEEDBACK: a fixed number)
RATINGS=${BENCH_RATINGS:-}                # empty: the generator's 3 × dossiers / 10
SEED=${BENCH_SEED:-1}
SECONDS_PER_TEST=${BENCH_SECONDS:-15}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
LEADER_CONNECTIONS=${BENCH_LEADER_CONNECTIONS:-8}
THREADS=${BENCH_THREADS:-2}
DB_BUFFER=${BENCH_DB_BUFFER:-2G}
GROWTH_TARGET=1.2    # a figure at the larger size over the smaller one
DASH_TARGET_MS=100   # the dashboard's median, one leader at a time
SEARCH_TARGET_MS=20  # the searches' median

# The measured endpoints, one per line:
#   name  method  path  ceiling(static|insert)  minimum ratio to the ceiling (- none)
#   p99 target in ms  connections  whose (- visitor | staff | leader | many)
# "many": each request from another simulated address (X-Forwarded-For, trusted
# from 127.0.0.1 on the bench's own stack only), as a day's citizens come.
# {QR} is a counter's QR token, {CASE} a feedback case's public tracking code,
# {OCASE} its code as the officer opens it, {DOSSIER} a dossier's QR token,
# {RETURNED} that of a dossier returned to its citizen (one that can be rated),
# {UNIT} the provincial centre's code.  POST bodies are in body_for below.
C=$CONNECTIONS
ENDPOINTS=(
    "static           GET   /bench/static.html           static  -     -    $C -"
    "qr_page          GET   /q/{QR}                      static  0.25  20   $C -"
    "rating_post      POST  /q/{QR}/danh-gia             insert  0.50  50   $C -"
    "rating_many      POST  /q/{QR}/danh-gia             insert  0.50  50   $C many"
    "dossier_rating   POST  /q/{RETURNED}/danh-gia       insert  0.50  50   $C -"
    "complaint_post   POST  /phan-anh/moi                insert  0.25  50   $C -"
    "complaint_many   POST  /phan-anh/moi                insert  0.25  50   $C many"
    "case_track       GET   /phan-anh/{CASE}             static  0.15  20   $C -"
    "dossier_page     GET   /ho-so/{DOSSIER}             static  0.15  20   $C -"
    "catalogue        GET   /thu-tuc/                    static  0.15  20   $C -"
    "catalogue_search GET   /thu-tuc/?q=dang+ky+khai+sinh static 0.15  20   $C -"
    "unit_page        GET   /don-vi/{UNIT}               static  0.15  20   $C -"
    "officer_inbox    GET   /can-bo/                     static  -     50   $C staff"
    "officer_case     GET   /can-bo/phan-anh/{OCASE}     static  -     50   $C staff"
    "dossier_list     GET   /can-bo/ho-so/               static  -     50   $C staff"
    "leader_dossiers  GET   /can-bo/ho-so/               static  -     50   $C leader"
    "intake_form      GET   /can-bo/ho-so/moi            static  -     50   $C staff"
    "leader_board     GET   /lanh-dao/?ky=thang          static  -     300  $LEADER_CONNECTIONS leader"
)
# the dashboard periods one leader at a time: name and query ({3Y} a custom
# range of three years to today)
PERIODS=("month ?ky=thang" "quarter ?ky=quy" "year ?ky=nam" "3-years {3Y}")
PERIOD_ROUNDS=${BENCH_PERIOD_ROUNDS:-3}   # each of BENCH_SECONDS / rounds seconds
[[ $PERIOD_ROUNDS =~ ^[1-9][0-9]*$ ]] || { echo "bench: BENCH_PERIOD_ROUNDS must be a whole number, 1 or more" >&2; exit 1; }
PERIOD_SECONDS=$((SECONDS_PER_TEST / PERIOD_ROUNDS > 0 ? SECONDS_PER_TEST / PERIOD_ROUNDS : 1))
# what officers and citizens type, common and rare phrases alike
INBOX_PHRASES=("so do" "dat dai" "thai do" "le phi" "giay chung nhan" "ho kinh doanh"
    "khai sinh" "may lay so" "điện thoại" "trả hồ sơ" "dich vu cong" "xin loi")
CATALOGUE_PHRASES=("dang ky khai sinh" "khai s" "cap lai giay phep" "so do" "ket hon"
    "ho kinh doanh" "chứng thực" "xay dung" "dat dai" "ly lich tu phap" "thue" "nuoi con nuoi")

for tool in wrk sysbench curl mariadb nginx bc; do
    command -v "$tool" > /dev/null || { echo "bench: $tool is missing (make deps installs it)" >&2; exit 1; }
done

export MOTCUA_VAR MOTCUA_PORT MOTCUA_DEMO=1 MOTCUA_DB_BUFFER="$DB_BUFFER"
# nginx's per-address limit on POSTs would measure the limiter, not the program
export MOTCUA_POST_RATE=1000000r/s MOTCUA_STAFF_RATE=1000000r/s
mkdir -p "$ROOT/bench-results"
OUT=$ROOT/bench-results/bench-$(date +%Y%m%d-%H%M%S).txt
# Each size's stack and what its tests need: STACK[size,name] for each name of
# STACK_VARS (stack_save, stack_use); each stack's memory sampler: SAMPLERS[size].
declare -A STACK SAMPLERS
STACK_VARS=(MOTCUA_VAR MOTCUA_PORT BASE CONF SOCK B qr case ocase dossier returned unit CSRF
    anon_cookie staff_cookie leader_cookie)
stack_save() { local v; for v in "${STACK_VARS[@]}"; do STACK[$1,$v]=${!v}; done; }
stack_use() { local v; for v in "${STACK_VARS[@]}"; do printf -v "$v" '%s' "${STACK[$1,$v]}"; done; N=$1; }
sql() { mariadb --no-defaults --socket="$SOCK" -uroot --default-character-set=utf8mb4 -N -B "$@"; }
ctl() { build/motcuactl -c "$CONF" "$@"; }

cleanup() {
    local p v
    for p in "${SAMPLERS[@]}"; do kill "$p" 2> /dev/null || true; done
    for v in "${MOTCUA_VAR:-}" $(for p in $SIZES; do echo "${STACK[$p,MOTCUA_VAR]:-}"; done); do
        if [ -n "$v" ] && [ -d "$v" ]; then
            MOTCUA_VAR=$v scripts/stack.sh stop > /dev/null 2>&1 || true
            rm -rf "$v"
        fi
    done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '%s\n' "$*" | tee -a "$OUT"; }
now() { date +%s.%N; }
to_ms() {  # wrk's "1.23ms", "456.00us", "1.02s" → milliseconds
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) ; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) printf "%.2f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; else print "?" }'; }
pct() { awk -v n="$1" -v d="$2" 'BEGIN { printf "%.0f", (d > 0 ? 100 * n / d : 0) }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a != "" && a != "?" && a + 0 <= b + 0) }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a != "" && a != "?" && a + 0 >= b + 0) }'; }
verdict() { "$@" && echo met || echo MISSED; }
urlenc() {  # a query value, UTF-8 bytes percent-encoded
    local LC_ALL=C s=$1 i c out=
    for ((i = 0; i < ${#s}; i++)); do
        c=${s:i:1}
        case $c in
            [a-zA-Z0-9.~_-]) out+=$c ;;
            ' ') out+=+ ;;
            *) printf -v c '%%%02X' "'$c"; out+=${c: -3} ;;
        esac
    done
    printf '%s' "$out"
}
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

# results of every size: R[size,key]
declare -A R
FIRST_PAINT=()
# each size once: a size's stack is known by its size (STACK above)
[ "$(printf '%s\n' $SIZES | sort | uniq -d)" = "" ] || { echo "bench: BENCH_SIZES names a size twice" >&2; exit 1; }

say "motcua benchmark $(date '+%Y-%m-%d %H:%M:%S')  host $(hostname)  $(nproc) cores  $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
say "sizes: $SIZES dossiers (feedback cases ${BENCH_FEEDBACK:-1 per $CASES_PER dossiers}, ratings ${RATINGS:-3/10 of dossiers}), seed $SEED"
say "load: wrk -t$THREADS, $CONNECTIONS connections ($LEADER_CONNECTIONS for the leader program), ${SECONDS_PER_TEST}s each, --latency over loopback"

# The app tier's resident memory (masters, workers, nginx) sampled every half
# second while the tests run: the peak of the sum, and of one worker.
sample_memory() {
    local peak=0 wpeak=0 total k m
    while :; do
        total=0
        for f in "$MOTCUA_VAR"/run/{citizen,officer,leader,admin,api}.pid "$MOTCUA_VAR/nginx/nginx.pid"; do
            m=$(cat "$f" 2> /dev/null) || continue
            total=$((total + $(rss_kb "$m")))
            for w in $(pgrep -P "$m" || true); do
                k=$(rss_kb "$w")
                total=$((total + k))
                case $f in *nginx.pid) ;; *) [ "$k" -gt "$wpeak" ] && wpeak=$k ;; esac
            done
        done
        [ "$total" -gt "$peak" ] && peak=$total
        echo "$peak $wpeak" > "$B/memory.peak"
        sleep 0.5
    done
}

# Wait (up to $1 tries, a second apart) until MariaDB has written out its dirty pages and
# purged the old row versions of the writes before: each test then measures its
# own work, not the flushing and purging the test before it left behind (on two
# cores they take one).  Prints the seconds waited on stderr.
settle() {
    local most=$1 t0 pct dirty hist
    t0=$(now)
    pct=$(sql -e "SELECT @@GLOBAL.innodb_max_dirty_pages_pct")
    sql -e "SET GLOBAL innodb_max_dirty_pages_pct = 0"
    for _ in $(seq 1 "$most"); do
        dirty=$(sql -e "SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'" | cut -f2)
        hist=$(sql -e "SHOW GLOBAL STATUS LIKE 'Innodb_history_list_length'" | cut -f2)
        [ "${dirty:-0}" -lt 1000 ] && [ "${hist:-0}" -lt 1000 ] && break
        sleep 1
    done
    sql -e "SET GLOBAL innodb_max_dirty_pages_pct = $pct"
    echo "bench: settled in $(printf '%.1f' "$(echo "$(now) - $t0" | bc)") s (dirty pages ${dirty:-?}, history ${hist:-?})" >&2
}

# at_each_size COMMAND ARGS...: the command at each size in turn (stack_use),
# every stack settled first.
at_each_size() {
    local M K
    for M in $SIZES; do
        for K in $SIZES; do
            stack_use "$K"
            settle 120
        done
        stack_use "$M"
        "$@"
    done
}

# One size's stack: a fresh stack loaded with N dossiers and settled, and what
# its tests need (stack_save).  Every size's stack is prepared first and runs
# until the end: each test then runs at one size after the other
# (stack_use), so that a machine that slows or speeds up over the hour
# touches both sizes' figures alike.
bench_prepare() {
    local cases t
    N=$1
    cases=${BENCH_FEEDBACK:-$((N / CASES_PER))}
    MOTCUA_VAR=$(mktemp -d /tmp/motcua-bench.XXXXXX)
    MOTCUA_PORT=$(scripts/free-port.sh 18099)
    BASE="http://127.0.0.1:$MOTCUA_PORT"
    CONF=$MOTCUA_VAR/motcua.hdf
    SOCK=$MOTCUA_VAR/mysql/mysqld.sock
    B=$MOTCUA_VAR/bench
    R[$N,cases]=$cases

    say ""
    say "==== $N dossiers, $cases feedback cases ===="
    t=$(now)
    mkdir -p "$B"
    scripts/stack.sh start > "$B/start.log" 2>&1 || { cat "$B/start.log"; exit 1; }
    say "stack started in $(printf '%.1f' "$(echo "$(now) - $t" | bc)") s (schema, calendar, demo province)"

    t=$(now)
    ctl demo-data --dossiers "$N" --feedback "$cases" ${RATINGS:+--ratings "$RATINGS"} --seed "$SEED" |
        tee -a "$OUT"
    say "data loaded in $(printf '%.0f' "$(echo "$(now) - $t" | bc)") s; database files $(du -sm "$MOTCUA_VAR/mysql/data/motcua" | cut -f1) MiB"

    # Let the database settle: the bulk load left up to a gigabyte of dirty pages,
    # and flushing them during the tests would be measured as the programs' cost.
    t=$(now)
    settle 900
    say "database settled in $(printf '%.0f' "$(echo "$(now) - $t" | bc)") s (dirty pages written out, old row versions purged)"

    # Lift the application's per-address and per-link limits (read at start-up):
    # every request comes from 127.0.0.1, and the limits would measure themselves.
    cat >> "$CONF" <<'HDF'
# bench.sh: limits lifted for the benchmark
Rating.PerAddressPerHour = 1000000000
Rating.PerLinkPerHour = 1000000000
Feedback.PerAddressPerHour = 1000000000
Track.MissesPerHour = 1000000000
# the officer's and the leader's sessions, signed in at preparation, wait for
# the other sizes' preparation before their first test
Session.IdleMinutes = 1440
HDF
    for p in citizen officer leader admin api; do
        pid=$(cat "$MOTCUA_VAR/run/$p.pid")
        kill "$pid" 2> /dev/null || true
        for _ in $(seq 1 100); do kill -0 "$pid" 2> /dev/null || break; sleep 0.05; done
        rm -f "$MOTCUA_VAR/run/$p.pid" "$MOTCUA_VAR/run/$p.sock"
    done
    scripts/stack.sh start > "$B/restart.log" 2>&1 || { cat "$B/restart.log"; exit 1; }

    # ---- what the tests need ----------------------------------------------
    local qr_id dossier_qr
    qr_id=$(sql motcua -e "SELECT id FROM qr_link WHERE kind = 'counter' AND revoked_at IS NULL
                            AND counter_id = (SELECT id FROM counter WHERE unit_id = 2 AND code = 'Q01')
                          ORDER BY id DESC LIMIT 1")
    qr=$(ctl qr-url "$qr_id" | sed 's|.*/q/||')
    case=$(sql motcua -e "SELECT CONCAT(code, '-', check_part) FROM feedback WHERE unit_id = 2 ORDER BY id DESC LIMIT 1")
    ocase=$(sql motcua -e "SELECT code FROM feedback WHERE unit_id = 2 ORDER BY id DESC LIMIT 1")
    dossier_qr=$(sql motcua -e "SELECT q.id FROM qr_link q JOIN dossier d ON d.id = q.dossier_id
                                 WHERE d.unit_id = 2 ORDER BY q.id DESC LIMIT 1")
    dossier=$(ctl qr-url "$dossier_qr" | sed 's|.*/q/||')
    dossier_qr=$(sql motcua -e "SELECT q.id FROM qr_link q JOIN dossier d ON d.id = q.dossier_id
                                 WHERE d.unit_id = 2 AND d.status = 'returned' ORDER BY q.id DESC LIMIT 1")
    returned=$(ctl qr-url "$dossier_qr" | sed 's|.*/q/||')
    unit=$(sql motcua -e "SELECT code FROM org_unit WHERE id = 2")

    signin() {  # signin USER JAR: the session cookie of a signed-in user
        local csrf
        curl -fsS -c "$2" -o "$B/login.html" "$BASE/can-bo/dang-nhap"
        csrf=$(sed -n 's/.*name="csrf" value="\([0-9a-f]\{64\}\)".*/\1/p' "$B/login.html" | head -1)
        curl -sS -b "$2" -c "$2" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$csrf" \
            --data-urlencode "username=$1" --data-urlencode "password=motcua-demo" \
            "$BASE/can-bo/dang-nhap" | grep -q 303 || { echo "bench: $1 could not sign in" >&2; exit 1; }
        awk -F'\t' 'NF >= 7 { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$2"
    }
    # a visitor's CSRF cookie and token (the same pair serves every public form)
    curl -fsS -c "$B/anon.jar" -o "$B/qr.html" "$BASE/q/$qr"
    CSRF=$(sed -n 's/.*name="csrf" value="\([0-9a-f]\{64\}\)".*/\1/p' "$B/qr.html" | head -1)
    anon_cookie=$(awk -F'\t' 'NF >= 7 { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$B/anon.jar")
    staff_cookie=$(signin canbo01 "$B/staff.jar")        # an officer of the provincial centre
    leader_cookie=$(signin lanhdao02 "$B/leader.jar")    # the leader of the whole province

    # the static twin of the QR landing page: same size, served by nginx itself
    local qr_bytes head tail
    qr_bytes=$(stat -c %s "$B/qr.html")
    head='<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>static</title></head><body>'
    tail=$'</body></html>\n'
    {
        printf '%s' "$head"
        head -c $((qr_bytes - ${#head} - ${#tail})) /dev/zero | tr '\0' 'x'
        printf '%s' "$tail"
    } > "$B/static.html"
    printf '\nlocation = /bench/static.html { root %s; }\n' "$MOTCUA_VAR" >> "$MOTCUA_VAR/nginx/routes.conf"
    # the "many" tests' simulated addresses: trusted from loopback on this stack alone
    printf 'set_real_ip_from 127.0.0.1;\nreal_ip_header X-Forwarded-For;\n' >> "$MOTCUA_VAR/nginx/routes.conf"
    nginx -c "$MOTCUA_VAR/nginx/nginx.conf" -p "$MOTCUA_VAR/nginx/" -s reload 2>&1 | grep -v '"user" directive\|signal process started' >&2 || true
    for _ in $(seq 1 50); do curl -fsS -o /dev/null "$BASE/bench/static.html" 2> /dev/null && break; sleep 0.1; done
    say "QR landing page: $qr_bytes bytes; static twin: $(stat -c %s "$B/static.html") bytes; feedback case $case"
    stack_save "$N"
}

# MariaDB's own durable insert and point-select rates at the current size.
bench_ceilings() {
    sql -e "CREATE DATABASE sbtest"
    local sb="sysbench --db-driver=mysql --mysql-socket=$SOCK --mysql-user=root --mysql-db=sbtest --tables=1 --table-size=100000"
    $sb oltp_insert prepare > "$B/sb-prepare.log" 2>&1
    # as many connections as the citizen program may have workers (each holds one)
    local cmax
    cmax=$(sed -n 's/^Workers\.Max\.citizen *= *\([0-9]*\).*/\1/p' "$CONF" | tail -1)
    if [ -z "$cmax" ]; then
        cmax=$(sed -n 's/^Workers\.citizen *= *\([0-9]*\).*/\1/p' "$CONF" | tail -1)
        cmax=$((${cmax:-4} * 4))
    fi
    R[$N,sb_threads]=$(printf '%s\n' 1 2 "$cmax" | sort -nu | tr '\n' ' ')
    for kind in insert point_select; do
        for th in ${R[$N,sb_threads]}; do
            $sb --threads="$th" --time="$SECONDS_PER_TEST" --percentile=99 "oltp_$kind" run > "$B/sb-$kind-$th.log" 2>&1
            R[$N,sb_${kind}_$th]=$(sed -n 's/.*transactions: *[0-9]* *(\([0-9.]*\) per sec.).*/\1/p' "$B/sb-$kind-$th.log")
            R[$N,sb_${kind}_p99_$th]=$(awk '/99th percentile:/ {print $3; exit}' "$B/sb-$kind-$th.log")
        done
    done
    # the insert ceiling: with as many connections as the citizen program's maximum of workers
    R[$N,insert]=${R[$N,sb_insert_$cmax]}
    R[$N,point_select]=$(for th in ${R[$N,sb_threads]}; do echo "${R[$N,sb_point_select_$th]}"; done | sort -g | tail -1)
    sql -e "DROP DATABASE sbtest"
}

# One line of ENDPOINTS measured with wrk at the current size.
bench_endpoint() {
    local name method path ceiling ratio p99 conns who url cookie lua args code
    read -r name method path ceiling ratio p99 conns who <<< "$1"
    url=$BASE${path//\{QR\}/$qr}
    url=${url//\{CASE\}/$case}
    url=${url//\{OCASE\}/$ocase}
    url=${url//\{DOSSIER\}/$dossier}
    url=${url//\{RETURNED\}/$returned}
    url=${url//\{UNIT\}/$unit}
    cookie=$anon_cookie
    [ "$who" = staff ] && cookie=$staff_cookie
    [ "$who" = leader ] && cookie=$leader_cookie
    lua=$B/$name.lua
    {
        printf 'wrk.method = "%s"\n' "$method"
        printf 'wrk.headers["Cookie"] = "%s"\n' "$cookie"
        if [ "$method" = POST ]; then
            printf 'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
            printf 'wrk.body = "%s"\n' "$(body_for "$name")"
        fi
        if [ "$who" = many ]; then
            # another address for each request: 10.x.y.z
            printf 'request = function()\n'
            printf '  wrk.headers["X-Forwarded-For"] = string.format("10.%%d.%%d.%%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))\n'
            printf '  return wrk.format()\nend\n'
        fi
    } > "$lua"
    # one request first: the answer it gets says whether the test measures what it should
    args=(-s -o "$B/$name.first" -w '%{http_code}' -H "Cookie: $cookie")
    [ "$method" = POST ] && args+=(-H 'Content-Type: application/x-www-form-urlencoded' --data-raw "$(body_for "$name")")
    code=$(curl "${args[@]}" "$url" || true)
    wrk -t"$THREADS" -c"$conns" -d"${SECONDS_PER_TEST}s" --latency -s "$lua" "$url" > "$B/$name.wrk" 2>&1 || true
    R[$N,$name,rps]=$(awk '/^Requests\/sec:/ {print $2}' "$B/$name.wrk")
    R[$N,$name,p50]=$(to_ms "$(awk '$1 == "50%" {print $2; exit}' "$B/$name.wrk")")
    R[$N,$name,p99]=$(to_ms "$(awk '$1 == "99%" {print $2; exit}' "$B/$name.wrk")")
    R[$N,$name,err]=$(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {for (i = 4; i <= NF; i += 2) n += $i} END {print n + 0}' "$B/$name.wrk")
    echo "bench: $N: $name ($method $path, first answer $code): ${R[$N,$name,rps]:-?} req/s" >&2
}

# One round (of PERIOD_ROUNDS) of one period of PERIODS ("name query"), one
# leader at a time, at the current size.
bench_period() {
    local pname query q3y round=$2
    q3y="?tu=$(date -d '3 years ago 1 day' +%Y-%m-%d)&den=$(date +%Y-%m-%d)"
    printf 'wrk.headers["Cookie"] = "%s"\n' "$leader_cookie" > "$B/dash.lua"
    read -r pname query <<< "$1"
    query=${query//\{3Y\}/"$q3y"}   # quoted: bash 5.2 reads & in a replacement as the match
    wrk -t1 -c1 -d"${PERIOD_SECONDS}s" --latency -s "$B/dash.lua" "$BASE/lanh-dao/$query" > "$B/dash-$pname-$round.wrk" 2>&1 || true
    R[$N,dash_$pname,$round]=$(to_ms "$(awk '$1 == "50%" {print $2; exit}' "$B/dash-$pname-$round.wrk")")
    # a page that is not the dashboard (a refused period, a lost session) is no figure
    grep -q 'Non-2xx\|Socket errors' "$B/dash-$pname-$round.wrk" && R[$N,dash_$pname,$round]="?"
    echo "bench: $N: dashboard $pname, round $round, one connection: p50 ${R[$N,dash_$pname,$round]} ms" >&2
}

# A period's figure at size N: the median of its rounds' p50s ("?" if any is),
# and the rounds themselves for the report.
period_figure() {
    local pname query r list=""
    read -r pname query <<< "$1"
    for r in $(seq 1 "$PERIOD_ROUNDS"); do list+="${R[$N,dash_$pname,$r]:-?} "; done
    R[$N,dash_$pname,rounds]=${list% }
    if [[ $list == *"?"* ]]; then
        R[$N,dash_$pname]="?"
    else
        R[$N,dash_$pname]=$(tr ' ' '\n' <<< "$list" | grep . | median)
    fi
}

# One search, one user at a time, at the current size: 11 of each phrase, warm.
search_run() {  # search_run KEY COOKIE PATH-BEFORE-THE-PHRASE PHRASES...
    local key=$1 cookie=$2 prefix=$3 ph enc all=$B/search-$1.all
    shift 3
    : > "$all"
    for ph in "$@"; do
        enc=$(urlenc "$ph")
        for _ in $(seq 1 11); do
            curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Cookie: $cookie" "$BASE$prefix$enc"
        done > "$B/search-$key.one"
        grep -vc '^200 ' "$B/search-$key.one" > "$B/search-$key.bad" || true
        R[$N,$key,$ph]=$(awk '{print $2 * 1000}' "$B/search-$key.one" | median)
        R[$N,$key,bad]=$(( ${R[$N,$key,bad]:-0} + $(cat "$B/search-$key.bad") ))
        awk '{print $2 * 1000}' "$B/search-$key.one" >> "$all"
    done
    R[$N,$key]=$(median < "$all")
    R[$N,$key,p90]=$(sort -g "$all" | awk '{ v[NR] = $1 } END { printf "%.2f", v[int(NR * 0.9)] }')
}

# At the current size, after every test: the first paint (the first size
# only), the memory, the worker pools and the rows.
bench_finish() {
    # ---- first paint on a slow phone (the first size only) ---------------------
    # The citizen pages on an emulated slow 3G phone (400 kbps, 400 ms round trip,
    # cold cache) in headless chromium: first contentful paint and bytes over the wire.
    if [ -z "${FIRST_PAINT_DONE:-}" ] && [ -d tests/browser/node_modules/playwright-core ]; then
        mapfile -t FIRST_PAINT < <(cd tests/browser && MOTCUA_BASE="$BASE" node first-paint.js \
            / "/q/$qr" /thu-tuc/ "/thu-tuc/?q=dang+ky+khai+sinh" "/phan-anh/$case" "/q/$dossier" \
            "/don-vi/$unit" /phan-anh/moi /thong-ke/ 2> "$B/first-paint.err" || true)
        FIRST_PAINT_DONE=1
    fi

    # ---- memory: the peak while the tests ran, and each process now ------------
    read -r "R[$N,mem_peak]" "R[$N,mem_worker]" < "$B/memory.peak"
    R[$N,mem_db]=$(rss_kb "$(cat "$MOTCUA_VAR/mysql/mariadbd.pid")")
    local pool peak
    for p in citizen officer leader admin api; do
        pool=$(sed -n 's/.*with \([0-9]*\) workers (up to \([0-9]*\)).*/\1 \2/p' "$MOTCUA_VAR/log/$p.log" 2> /dev/null | tail -1)
        peak=$(sed -n 's/.*workers: \([0-9]*\) serving.*/\1/p' "$MOTCUA_VAR/log/$p.log" 2> /dev/null | sort -n | tail -1)
        R[$N,pool_$p]="${pool:-? ?} ${peak:-?}"
    done
    R[$N,rows]=$(sql motcua -e "SELECT CONCAT((SELECT COUNT(*) FROM dossier), ' dossiers, ', (SELECT COUNT(*) FROM rating), ' ratings, ', (SELECT COUNT(*) FROM feedback), ' feedback cases')")
}

body_for() {  # the urlencoded body of a POST test
    case $1 in
        rating_post | rating_many | dossier_rating) printf 'csrf=%s&level=3&c_attitude=3&c_time=2&c_trips=3&c_guidance=3&comment=' "$CSRF" ;;
        complaint_post | complaint_many) printf 'csrf=%s&kind=suggestion&unit=000.00.01.H41&identity=anonymous&content=%s' \
            "$CSRF" 'N%C3%AAn+b%E1%BB%91+tr%C3%AD+th%C3%AAm+gh%E1%BA%BF+ch%E1%BB%9D+t%E1%BA%A1i+khu+v%E1%BB%B1c+ti%E1%BA%BFp+nh%E1%BA%ADn+h%E1%BB%93+s%C6%A1.' ;;
    esac
}

# Each size's stack, loaded and settled; then each measurement at one size
# after the other, every stack settled before each (the other's flushing
# would otherwise be measured too).
for N in $SIZES; do
    bench_prepare "$N"
done
at_each_size bench_ceilings
for N in $SIZES; do
    stack_use "$N"
    sample_memory &
    SAMPLERS[$N]=$!
done
for line in "${ENDPOINTS[@]}"; do
    at_each_size bench_endpoint "$line"
done
# each period in PERIOD_ROUNDS short rounds, the sizes in turn within each
# round: its figure is the median of the rounds, so that one moment's
# disturbance of the shared machine does not decide a growth
for line in "${PERIODS[@]}"; do
    for round in $(seq 1 "$PERIOD_ROUNDS"); do
        at_each_size bench_period "$line" "$round"
    done
    for N in $SIZES; do period_figure "$line"; done
done
# inbox: the officer over every status, and the province's leader; catalogue: a visitor
search_inbox_officer() { search_run inbox_officer "$staff_cookie" "/can-bo/?trang-thai=all&q=" "${INBOX_PHRASES[@]}"; }
search_inbox_province() { search_run inbox_province "$leader_cookie" "/can-bo/?trang-thai=all&q=" "${INBOX_PHRASES[@]}"; }
search_catalogue() { search_run catalogue "$anon_cookie" "/thu-tuc/?q=" "${CATALOGUE_PHRASES[@]}"; }
at_each_size search_inbox_officer
at_each_size search_inbox_province
at_each_size search_catalogue
for N in $SIZES; do
    kill "${SAMPLERS[$N]}" 2> /dev/null || true
    wait "${SAMPLERS[$N]}" 2> /dev/null || true
    unset "SAMPLERS[$N]"
done
at_each_size bench_finish
cleanup

# ---- the report -------------------------------------------------------------
MET=0 MISSED=0
tally() { if [ "$1" = met ]; then MET=$((MET + 1)); else MISSED=$((MISSED + 1)); fi; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

for N in $SIZES; do
    say ""
    say "==== report: $N dossiers, ${R[$N,cases]} feedback cases ===="
    say "MariaDB alone (sysbench, durable: innodb_flush_log_at_trx_commit=1, ${SECONDS_PER_TEST} s each)"
    say "$(printf '  %-8s %14s %12s %16s %12s' threads 'insert tx/s' 'p99 ms' 'point-select/s' 'p99 ms')"
    for th in ${R[$N,sb_threads]}; do
        say "$(printf '  %-8s %14s %12s %16s %12s' "$th" "${R[$N,sb_insert_$th]}" "${R[$N,sb_insert_p99_$th]}" \
            "${R[$N,sb_point_select_$th]}" "${R[$N,sb_point_select_p99_$th]}")"
    done
    say "  insert ceiling: ${R[$N,insert]} tx/s (as many connections as the citizen program's most workers)"
    STATIC=${R[$N,static,rps]:-0}
    say ""
    say "HTTP (wrk -t$THREADS, ${SECONDS_PER_TEST} s each; ceiling: static = nginx's static twin, insert = the insert ceiling;"
    say "  'point-sel.' = the page's rate over MariaDB's best point-select rate)"
    say "$(printf '  %-16s %4s %9s %8s %8s %6s %7s %10s  %s' test conn req/s 'p50 ms' 'p99 ms' errors ratio point-sel. target)"
    for line in "${ENDPOINTS[@]}"; do
        read -r name method path ceiling ratio p99 conns who <<< "$line"
        rps=${R[$N,$name,rps]:-0}
        base=$STATIC
        [ "$ceiling" = insert ] && base=${R[$N,insert]}
        r=$(awk -v a="$rps" -v b="$base" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')
        ps=$(awk -v a="$rps" -v b="${R[$N,point_select]}" 'BEGIN { printf "%.0f%%", (b > 0 ? 100 * a / b : 0) }')
        [ "$method" = POST ] && ps=-
        if [ "$name" = static ]; then
            target="(ceiling)" v=""
        else
            target="p99 <= $p99 ms"
            ok=1
            le "${R[$N,$name,p99]}" "$p99" || ok=0
            if [ "$ratio" != - ]; then
                target="≥ $(pct "$ratio" 1)% of $ceiling, $target"
                ge "$r" "$ratio" || ok=0
            fi
            # no answer within the run means no latency figures: never a pass
            ge "$rps" 1 || ok=0
            [ "${R[$N,$name,err]:-0}" != 0 ] && ok=0
            v=$([ "$ok" = 1 ] && echo met || echo MISSED)
            tally "$v"
            [ "${R[$N,$name,err]:-0}" != 0 ] && v="$v, ${R[$N,$name,err]} bad answers"
            v=": $v"
        fi
        say "$(printf '  %-16s %4s %9.0f %8s %8s %6s %6s%% %10s  %s%s' "$name" "$conns" "$rps" "${R[$N,$name,p50]}" \
            "${R[$N,$name,p99]}" "${R[$N,$name,err]}" "$(pct "$r" 1)" "$ps" "$target" "$v")"
    done
    say ""
    say "Leader dashboard of the whole province, one leader at a time (wrk -t1 -c1; median of $PERIOD_ROUNDS rounds of $PERIOD_SECONDS s, the sizes in turn)"
    for line in "${PERIODS[@]}"; do
        read -r pname query <<< "$line"
        v=$(verdict le "${R[$N,dash_$pname]}" "$DASH_TARGET_MS")
        tally "$v"
        say "$(printf '  %-10s p50 %8s ms (rounds %s)  target p50 <= %s ms: %s' "$pname" "${R[$N,dash_$pname]}" \
            "${R[$N,dash_$pname,rounds]// / \/ }" "$DASH_TARGET_MS" "$v")"
    done
    say ""
    say "Searches, one user at a time (11 requests per phrase, warm; median of each phrase)"
    for key in inbox_officer inbox_province catalogue; do
        case $key in
            catalogue) phrases=("${CATALOGUE_PHRASES[@]}") who="catalogue /thu-tuc/?q=, a visitor" ;;
            inbox_officer) phrases=("${INBOX_PHRASES[@]}") who="inbox /can-bo/?trang-thai=all&q=, officer canbo01 (provincial centre)" ;;
            *) phrases=("${INBOX_PHRASES[@]}") who="inbox /can-bo/?trang-thai=all&q=, the province's leader lanhdao02" ;;
        esac
        say "  $who"
        line=""
        for ph in "${phrases[@]}"; do line+="$ph ${R[$N,$key,$ph]}; "; done
        say "    per phrase (ms): ${line%; }"
        bad=""
        [ "${R[$N,$key,bad]:-0}" != 0 ] && bad=", ${R[$N,$key,bad]} answers not 200"
        v=$(verdict le "${R[$N,$key]}" "$SEARCH_TARGET_MS")
        [ -n "$bad" ] && v=MISSED
        tally "$v"
        say "$(printf '    all phrases: p50 %s ms, p90 %s ms  target p50 <= %s ms: %s%s' "${R[$N,$key]}" "${R[$N,$key,p90]}" \
            "$SEARCH_TARGET_MS" "$v" "$bad")"
    done
    say ""
    say "App tier memory (VmRSS sampled every 0.5 s during the tests)"
    v=$(verdict le "${R[$N,mem_worker]}" 15625)
    tally "$v"
    say "  masters, workers and nginx together at their peak: $(mib "${R[$N,mem_peak]}") MiB; largest worker $(mib "${R[$N,mem_worker]}") MiB (target < 16 MB: $v)"
    say "  mariadbd after the tests: $(mib "${R[$N,mem_db]}") MiB (innodb_buffer_pool_size $DB_BUFFER)"
    say "Worker pools (start, max, most serving at once; Workers.<program>, Workers.Max.<program>)"
    for p in citizen officer leader admin api; do
        read -r a b c <<< "${R[$N,pool_$p]}"
        say "$(printf '  %-10s start %3s, max %3s, most at once %3s' "$p" "$a" "$b" "$c")"
    done
    say "rows after the tests (the POST tests added some): ${R[$N,rows]}"
done

if [ "${#FIRST_PAINT[@]}" -gt 0 ]; then
    say ""
    say "First paint of the citizen pages, slow 3G (400 kbps, 400 ms round trip), cold cache, 360 px ($(echo "$SIZES" | awk '{print $1}') dossiers)"
    for l in "${FIRST_PAINT[@]}"; do
        read -r page fcp bytes <<< "$l"
        say "$(printf '  %-34s %6s ms  %6s bytes  target first paint <= 2000 ms: %s' "${page:0:34}" "$fcp" "$bytes" \
            "$([ "$fcp" -le 2000 ] && echo met || echo MISSED)")"
    done
fi

# ---- growth: the larger size against the smaller -------------------------------
set -- $SIZES
if [ $# -ge 2 ]; then
    S=$1 L=${!#}
    say ""
    say "Growth from $S to $L dossiers (cost per request at $L over $S: req/s ratio for the loaded"
    say "  tests, p50 ratio for one user at a time; target <= $GROWTH_TARGET×).  'vs ceiling': the"
    say "  same for the loaded tests' share of their ceiling (static page or insert rate) in each"
    say "  run, what is left when the machine itself ran slower or faster (not a verdict)"
    grow() {  # grow NAME AT-SMALL AT-LARGE [rate [CEIL-SMALL CEIL-LARGE]]: the cost at the larger size over the smaller
        local g v n=""
        g=$(awk -v s="$2" -v l="$3" -v rate="${4:-}" 'BEGIN { if (s + 0 > 0 && l + 0 > 0) printf "%.2f", rate ? s / l : l / s; else print "?" }')
        [ -n "${5:-}" ] && n=$(awk -v g="$g" -v cs="$5" -v cl="$6" 'BEGIN { if (g + 0 > 0 && cs + 0 > 0 && cl + 0 > 0) printf "%.2f×", g * cl / cs; else print "?" }')
        v=$(verdict le "$g" "$GROWTH_TARGET")
        tally "$v"
        say "$(printf '  %-24s %10s %10s %7s×  %-7s %s' "$1" "$2" "$3" "$g" "$v" "$n")"
    }
    say "$(printf '  %-24s %10s %10s %8s  %-7s %s' figure "at $S" "at $L" growth "" "vs ceiling")"
    for line in "${ENDPOINTS[@]}"; do
        read -r name _ _ ceil _ <<< "$line"
        [ "$name" = static ] && continue
        # a rate: the cost is its inverse
        ck=insert
        [ "$ceil" = static ] && ck=static,rps
        grow "$name (req/s)" "${R[$S,$name,rps]:-0}" "${R[$L,$name,rps]:-0}" rate \
            "${R[$S,$ck]:-0}" "${R[$L,$ck]:-0}"
    done
    for line in "${PERIODS[@]}"; do
        read -r pname _ <<< "$line"
        grow "dashboard $pname (p50)" "${R[$S,dash_$pname]}" "${R[$L,dash_$pname]}"
    done
    for key in inbox_officer inbox_province catalogue; do
        grow "search $key (p50)" "${R[$S,$key]}" "${R[$L,$key]}"
    done
fi
say ""
say "targets: $MET met, $MISSED missed"
say "results written to ${OUT#"$ROOT"/}"
