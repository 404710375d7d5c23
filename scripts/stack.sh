#!/usr/bin/env bash
# The local stack: MariaDB, the FastCGI programs and nginx, all under one
# directory ($MOTCUA_VAR, default ./var).  Usage: stack.sh run|start|stop|status
#   MOTCUA_PORT  nginx port on 127.0.0.1 (default 8080)
#   MOTCUA_DEMO  1 (default): load the demo province on first start
#   MOTCUA_CONF_EXTRA  lines added to the generated configuration on first start
#   MOTCUA_NGINX_LIMITS  0: the generated nginx configuration has no limit_req
#                    (make audit floods its own throw-away stack; default 1)
#   MOTCUA_POST_RATE, MOTCUA_STAFF_RATE  nginx's per-address rates (default
#                    600r/m for POSTs, 6000r/m for the leader's and admin pages)
#   MOTCUA_FAKETIME  a file holding a libfaketime clock ("+0", "-8640000", …) that
#                    every process of the stack reads on each call: tests move the
#                    whole stack's clock, MariaDB's included, by writing to it
#   MOTCUA_DB_SOCKET  the socket of a MariaDB already running (a cluster node):
#                    the stack neither creates, starts nor stops a database of its
#                    own, and a configuration it generates names this socket
#   MOTCUA_NGINX_EXTRA  lines added to the generated nginx routes (e.g. a front
#                    nginx's set_real_ip_from, on a throw-away stack only)
#   MOTCUA_SITE_URL  Site.BaseURL (default http://127.0.0.1:$MOTCUA_PORT), when a
#                    front nginx passes requests to this stack's nginx
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VAR=${MOTCUA_VAR:-$ROOT/var}
PORT=${MOTCUA_PORT:-8080}
DEMO=${MOTCUA_DEMO:-1}
BUILD=${MOTCUA_BUILD:-$ROOT/build}
PROGS=(citizen officer leader admin api)
CONF=$VAR/motcua.hdf
SOCK=${MOTCUA_DB_SOCKET:-$VAR/mysql/mysqld.sock}
SITE_URL=${MOTCUA_SITE_URL:-http://127.0.0.1:$PORT}
DEMO_PASSWORD=motcua-demo

log() { printf 'motcua: %s\n' "$*"; }
# The thread-safe build (libfaketimeMT): with FAKETIME_NO_CACHE every clock
# read re-reads the file, and the plain build does so into buffers its threads
# share unlocked, so a thread may read a moment's wrong time (near the real
# one).  A walk's MariaDB was once seen hanging so: its timer thread looping,
# holding its lock, as it would until the faked clock caught up.
if [ -n "${MOTCUA_FAKETIME:-}" ]; then
    FAKETIME_LIB=$(dpkg -L libfaketime 2>/dev/null | grep '/libfaketimeMT\.so\.1$' | head -1)
    [ -n "$FAKETIME_LIB" ] || { log "MOTCUA_FAKETIME needs Debian's libfaketime"; exit 1; }
    export LD_PRELOAD=$FAKETIME_LIB FAKETIME_TIMESTAMP_FILE=$MOTCUA_FAKETIME FAKETIME_NO_CACHE=1
fi
sql() { mariadb --no-defaults --socket="$SOCK" -uroot --default-character-set=utf8mb4 "$@"; }
hex() { od -vAn -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }

make_dirs() {
    mkdir -p "$VAR"/{run,mysql,log,uploads,outbox,nginx}
    chmod 755 "$VAR"
    # run/ holds the programs' sockets: only this user (nginx runs as it here)
    # may reach them, since a FastCGI client can forge REMOTE_ADDR and HTTPS
    chmod 700 "$VAR/run" "$VAR/mysql" "$VAR/uploads"
}

write_config() {
    if [ -f "$CONF" ]; then
        # the port may change between runs: QR links must name the current one
        sed -i "s|^Site.BaseURL = .*|Site.BaseURL = $SITE_URL|" "$CONF"
        return 0
    fi
    umask 077
    {
        echo "# Generated on first start; holds this installation's secrets. Never commit it."
        echo "Site.BaseURL = $SITE_URL"
        echo "Paths.Templates = $ROOT/templates"
        echo "Paths.SQL = $ROOT/sql"
        echo "Paths.Run = $VAR/run"
        echo "Paths.Uploads = $VAR/uploads"
        echo "Paths.Outbox = $VAR/outbox"
        echo "DB.Socket = $SOCK"
        echo "Secret.Key = $(hex 32)"
        echo "DB.Accounts.owner.User = root"
        echo "DB.Accounts.owner.Password ="
        for p in "${PROGS[@]}"; do
            echo "DB.Accounts.$p.User = motcua_$p"
            echo "DB.Accounts.$p.Password = $(hex 24)"
        done
        [ -n "${MOTCUA_CONF_EXTRA:-}" ] && printf '%s\n' "$MOTCUA_CONF_EXTRA"
    } > "$CONF"
    umask 022
}

conf_get() { sed -n "s/^$1 = //p" "$CONF" | tail -1; }

start_db() {
    if [ -n "${MOTCUA_DB_SOCKET:-}" ]; then
        sql -e 'SELECT 1' >/dev/null 2>&1 && return 0
        log "no MariaDB answers on $SOCK"; return 1
    fi
    if [ ! -d "$VAR/mysql/data" ]; then
        log "creating the database in $VAR/mysql/data"
        # without a faked clock (the files do not need one, and libfaketime's
        # semaphore, shared by the installer's many short processes, once left
        # its server waiting forever) and never longer than five minutes
        if ! env -u LD_PRELOAD -u FAKETIME_TIMESTAMP_FILE -u FAKETIME_NO_CACHE \
            timeout 300 mariadb-install-db --no-defaults --user="$(id -un)" \
            --datadir="$VAR/mysql/data" --auth-root-authentication-method=normal --skip-test-db \
            --skip-name-resolve --force > "$VAR/log/mariadb-install.log" 2>&1; then
            log "mariadb-install-db failed:"; tail -30 "$VAR/log/mariadb-install.log" >&2
            rm -rf "$VAR/mysql/data"
            return 1
        fi
    fi
    if sql -e 'SELECT 1' >/dev/null 2>&1; then return 0; fi
    # its temporary tables in the stack's own directory, not the /tmp every
    # stack and test shares (a statement once found its table gone there:
    # "Error on delete of '/tmp/#sql-temptable-….MAI'")
    mkdir -p "$VAR/mysql/tmp"
    mariadbd --no-defaults --user="$(id -un)" --datadir="$VAR/mysql/data" --socket="$SOCK" \
        --tmpdir="$VAR/mysql/tmp" \
        --pid-file="$VAR/mysql/mariadbd.pid" --skip-networking --log-error="$VAR/log/mariadb.log" \
        --innodb-buffer-pool-size="${MOTCUA_DB_BUFFER:-256M}" --innodb-log-file-size=256M \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
        --innodb-ft-min-token-size=1 --innodb-ft-enable-stopword=OFF \
        --max-connections=400 --skip-log-bin > "$VAR/log/mariadbd.out" 2>&1 &
    for _ in $(seq 1 150); do
        sql -e 'SELECT 1' >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    log "MariaDB did not start; see $VAR/log/mariadb.log"; tail -20 "$VAR/log/mariadb.log" >&2
    return 1
}

setup_db() {
    sql -e "CREATE DATABASE IF NOT EXISTS motcua CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
    for p in "${PROGS[@]}"; do
        pw=$(conf_get "DB.Accounts.$p.Password")
        sql -e "CREATE USER IF NOT EXISTS 'motcua_$p'@'localhost' IDENTIFIED BY '$pw';
                ALTER USER 'motcua_$p'@'localhost' IDENTIFIED BY '$pw';"
    done
    "$BUILD/motcuactl" -c "$CONF" migrate | sed 's/^/motcua: /'
    if [ ! -f "$VAR/.calendar-loaded" ]; then
        for f in "$ROOT"/sql/data/vn-calendar-*.csv; do
            "$BUILD/motcuactl" -c "$CONF" import-calendar "$f" | sed 's/^/motcua: /'
        done
        touch "$VAR/.calendar-loaded"
    fi
    if [ "$DEMO" = 1 ] && [ ! -f "$VAR/.demo-loaded" ]; then
        MOTCUA_DEMO_PASSWORD=$DEMO_PASSWORD "$BUILD/motcuactl" -c "$CONF" demo | sed 's/^/motcua: /'
        touch "$VAR/.demo-loaded"
    fi
}

start_programs() {
    for p in "${PROGS[@]}"; do
        if [ -f "$VAR/run/$p.pid" ] && kill -0 "$(cat "$VAR/run/$p.pid")" 2>/dev/null; then continue; fi
        "$BUILD/$p" -c "$CONF" >> "$VAR/log/$p.log" 2>&1 &
        echo $! > "$VAR/run/$p.pid"
    done
    for p in "${PROGS[@]}"; do
        for _ in $(seq 1 100); do [ -S "$VAR/run/$p.sock" ] && break; sleep 0.05; done
        [ -S "$VAR/run/$p.sock" ] || { log "$p did not start; see $VAR/log/$p.log"; tail -5 "$VAR/log/$p.log" >&2; return 1; }
    done
}

start_nginx() {
    local user="" rate="600r/m" burst=200 staff_rate="6000r/m" staff_burst=1000
    [ "$(id -u)" = 0 ] && user="user root;"
    [ -n "${MOTCUA_POST_RATE:-}" ] && rate=$MOTCUA_POST_RATE
    [ -n "${MOTCUA_STAFF_RATE:-}" ] && staff_rate=$MOTCUA_STAFF_RATE
    sed -e "s|@ROOT@|$ROOT|g" -e "s|@RUN@|$VAR/run|g" -e "s|@POST_BURST@|$burst|g" \
        -e "s|@STAFF_BURST@|$staff_burst|g" \
        "$ROOT/nginx/routes.conf" > "$VAR/nginx/routes.conf"
    if [ "${MOTCUA_NGINX_LIMITS:-1}" = 0 ]; then
        sed -i '/^[[:space:]]*limit_req /d' "$VAR/nginx/routes.conf"
    fi
    if [ -n "${MOTCUA_NGINX_EXTRA:-}" ]; then
        printf '%s\n' "$MOTCUA_NGINX_EXTRA" >> "$VAR/nginx/routes.conf"
    fi
    sed -e "s|@POST_RATE@|$rate|g" -e "s|@STAFF_RATE@|$staff_rate|g" \
        "$ROOT/nginx/http.conf" > "$VAR/nginx/http.conf"
    sed -e "s|@VAR@|$VAR|g" -e "s|@PORT@|$PORT|g" -e "s|@USER@|$user|g" -e "s|@POST_RATE@|$rate|g" \
        "$ROOT/nginx/local.conf.in" > "$VAR/nginx/nginx.conf"
    if [ -f "$VAR/nginx/nginx.pid" ] && kill -0 "$(cat "$VAR/nginx/nginx.pid")" 2>/dev/null; then return 0; fi
    nginx -t -q -c "$VAR/nginx/nginx.conf" -p "$VAR/nginx/" 2>&1 | grep -v 'the "user" directive' >&2 || true
    nginx -c "$VAR/nginx/nginx.conf" -p "$VAR/nginx/" > "$VAR/log/nginx.out" 2>&1 &
    for _ in $(seq 1 100); do
        curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null && return 0
        sleep 0.1
    done
    log "nginx did not answer on port $PORT; see $VAR/log/nginx-error.log"; cat "$VAR/log/nginx.out" >&2
    return 1
}

start_ticker() {
    # the periodic work (escalations, mail); production uses a systemd timer
    if [ -f "$VAR/run/ticker.pid" ] && kill -0 "$(cat "$VAR/run/ticker.pid")" 2>/dev/null; then return 0; fi
    ( while sleep "${MOTCUA_TICK:-60}"; do "$BUILD/motcuactl" -c "$CONF" tick; done ) \
        >> "$VAR/log/tick.log" 2>&1 < /dev/null &
    echo $! > "$VAR/run/ticker.pid"
}

do_start() {
    for b in "${PROGS[@]}" motcuactl; do
        [ -x "$BUILD/$b" ] || { log "$BUILD/$b is missing: run make first"; exit 1; }
    done
    make_dirs
    write_config
    start_db
    setup_db
    start_programs
    start_nginx
    start_ticker
    cat <<MSG
motcua: running at http://127.0.0.1:$PORT/
motcua:   citizen home     http://127.0.0.1:$PORT/
motcua:   staff sign-in    http://127.0.0.1:$PORT/can-bo/dang-nhap
motcua: data and logs under $VAR
MSG
    if [ -f "$VAR/.demo-loaded" ]; then
        cat <<MSG
motcua: demo logins (password "$DEMO_PASSWORD"):
motcua:   canbo01 … canbo05   officers (Nguyễn Thị Hồng Nhung, …)
motcua:   lanhdao01           leader of the provincial centre
motcua:   lanhdao02           leader of the whole province
motcua:   quantri             administrator
MSG
    fi
}

stop_pid() {  # stop_pid FILE: TERM, wait up to 5 s, then KILL
    local f=$1 pid
    [ -f "$f" ] || return 0
    pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$f"
}

do_stop() {
    stop_pid "$VAR/run/ticker.pid"
    stop_pid "$VAR/nginx/nginx.pid"
    for p in "${PROGS[@]}"; do stop_pid "$VAR/run/$p.pid"; done
    if [ -z "${MOTCUA_DB_SOCKET:-}" ] && [ -S "$SOCK" ]; then
        mariadb-admin --no-defaults --socket="$SOCK" -uroot shutdown 2>/dev/null || true
    fi
    stop_pid "$VAR/mysql/mariadbd.pid"
    log "stopped"
}

do_status() {
    for p in "${PROGS[@]}"; do
        if [ -f "$VAR/run/$p.pid" ] && kill -0 "$(cat "$VAR/run/$p.pid")" 2>/dev/null; then
            echo "$p: running (pid $(cat "$VAR/run/$p.pid"))"; else echo "$p: stopped"; fi
    done
    sql -e 'SELECT 1' >/dev/null 2>&1 && echo "mariadb: running" || echo "mariadb: stopped"
    [ -f "$VAR/nginx/nginx.pid" ] && echo "nginx: running on port $PORT" || echo "nginx: stopped"
}

case "${1:-}" in
    start) do_start ;;
    stop) do_stop ;;
    status) do_status ;;
    run)
        trap 'echo; do_stop; exit 0' INT TERM
        do_start
        echo "motcua: press Ctrl-C to stop"
        while true; do sleep 3600 & wait $!; done
        ;;
    *) echo "usage: $0 run|start|stop|status" >&2; exit 2 ;;
esac
