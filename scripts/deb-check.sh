#!/usr/bin/env bash
# The Debian package on a fresh Debian 12 (make deb-check): make deb, apt install
# of the package, MariaDB started, motcuactl setup-db, the programs started as
# their systemd unit says and nginx with the package's site enabled (with a
# self-signed certificate for the example name), then: the site answers and an
# administrator made with motcuactl create-user signs in; apt remove and install
# again keep /etc/motcua/motcua.hdf byte for byte; apt purge removes /etc/motcua,
# keeps /var/lib/motcua and says so.
# It changes the machine it runs on, so it runs only as root where neither motcua
# nor MariaDB nor nginx is there yet (a throw-away container or VM).  Without
# systemd running (a container), the programs and servers are started by hand.
# TAP output; last line "# N passed, N failed".  Not part of make test (minutes).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
. scripts/tap.sh

SITE=motcua.example.gov.vn
CONF=/etc/motcua/motcua.hdf
PROGS="citizen officer leader admin api"
ADMIN_PW=deb-check-$(od -vAn -N6 -tx1 /dev/urandom | tr -d ' \n')

if [ "$(id -u)" != 0 ]; then
    echo "deb-check: run it as root, on a fresh Debian 12 (a throw-away container or VM)" >&2
    exit 2
fi
# (by their sockets and pid files: a chroot sees the processes of its host)
if [ -e /etc/motcua ] || dpkg-query -W motcua > /dev/null 2>&1 || [ -e /run/mysqld/mysqld.sock ] ||
   [ -e /run/nginx.pid ]; then
    echo "deb-check: motcua, MariaDB or nginx is already here; this check installs and" \
         "purges the package: run it on a fresh Debian 12" >&2
    exit 2
fi

LOG=$(mktemp -d /tmp/motcua-deb-check.XXXXXX)
PIDS=""
cleanup() {
    for p in $PIDS; do kill "$p" 2> /dev/null; done
    [ -e /run/nginx.pid ] && nginx -s stop 2> /dev/null
    [ -S /run/mysqld/mysqld.sock ] && mariadb-admin shutdown > /dev/null 2>&1
    [ -n "${POLICY:-}" ] && rm -f /usr/sbin/policy-rc.d
}
trap cleanup EXIT
export DEBIAN_FRONTEND=noninteractive
# apt must not start MariaDB or nginx: this check starts them itself, as a
# container without systemd needs
if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    POLICY=1
fi
APT="apt-get -y -qq -o Dpkg::Options::=--force-confold"

# curl on the site by its name, over loopback
site() { curl -s --max-time 20 --resolve "$SITE:443:127.0.0.1" --resolve "$SITE:80:127.0.0.1" "$@"; }

# ---- build and install ---------------------------------------------------------
apt-get update -qq > "$LOG/apt.log" 2>&1
$APT install curl openssl > "$LOG/apt.log" 2>&1
make --no-print-directory deb > "$LOG/deb.log" 2>&1
ok $? "make deb builds the package; lintian reports no error and no warning" \
    "$(tail -30 "$LOG/deb.log")"
deb=$(ls motcua_*_"$(dpkg --print-architecture)".deb 2> /dev/null | head -1)

$APT install "./$deb" > "$LOG/install.log" 2>&1
ok $? "apt install ./$deb (nginx, mariadb-client, the recommended mariadb-server)" \
    "$(tail -20 "$LOG/install.log")"
echo "# $(grep -c '' "$LOG/install.log") lines of apt output; postinst said:"
grep '^motcua: ' "$LOG/install.log" | sed 's/^/#   /'

own=$(stat -c '%U:%G %a' "$CONF" 2>&1)
npw=$(grep -cE '^DB\.Accounts\.[a-z]+\.Password = [0-9a-f]{48}$' "$CONF" 2> /dev/null)
ok "$([ "$own" = "root:motcua 640" ] && grep -qE '^Secret\.Key = [0-9a-f]{64}$' "$CONF" &&
      [ "$npw" = 6 ] && ! grep -q '^[^#]*REPLACE_WITH' "$CONF"; echo $?)" \
    "postinst wrote $CONF, root:motcua 0640, with a fresh Secret.Key and six passwords" \
    "$own, $npw passwords"
dirs=$(stat -c '%n %U:%G %a' /etc/motcua /var/lib/motcua /var/lib/motcua/uploads \
       /var/lib/motcua/outbox 2>&1 | tr '\n' ';')
ok "$([ "$dirs" = "/etc/motcua root:motcua 750;/var/lib/motcua motcua:motcua 750;/var/lib/motcua/uploads motcua:motcua 700;/var/lib/motcua/outbox motcua:motcua 700;" ] &&
      id -u motcua > /dev/null && [ "$(id -u motcua)" -lt 1000 ]; echo $?)" \
    "the motcua system user and its directories with their modes" "$dirs"
ok "$([ -L /etc/systemd/system/multi-user.target.wants/motcua.target ] &&
      [ -L /etc/systemd/system/timers.target.wants/motcua-tick.timer ] &&
      [ -e /etc/motcua/setup-pending ] &&
      grep -q '^ConditionPathExists=!/etc/motcua/setup-pending$' /lib/systemd/system/motcua@.service;
      echo $?)" \
    "motcua.target and the tick timer are enabled, held back by /etc/motcua/setup-pending"
ok "$([ -f /etc/nginx/sites-available/motcua ] && [ ! -e /etc/nginx/sites-enabled/motcua ] &&
      [ "$(command -v motcuactl)" = /usr/sbin/motcuactl ] &&
      [ -e /usr/share/doc/motcua/motcua.hdf.example ] && [ -f /usr/share/man/man1/motcuactl.1.gz ] &&
      [ -f /usr/share/man/man5/motcua.hdf.5.gz ]; echo $?)" \
    "the nginx site is in sites-available, not enabled; motcuactl is on the path; example and man pages"

# ---- the database ----------------------------------------------------------------
# by hand, on its socket only (a chroot shares its host's network)
install -d -o mysql -g mysql -m 0755 /run/mysqld
/usr/sbin/mariadbd --user=mysql --skip-networking > "$LOG/mariadb.log" 2>&1 &
for _ in $(seq 60); do
    mariadb-admin ping > /dev/null 2>&1 && break
    sleep 0.5
done
mariadb-admin ping > /dev/null 2>&1
ok $? "MariaDB starts" "$(tail -10 "$LOG/mariadb.log")"
motcuactl -c "$CONF" setup-db > "$LOG/setup.log" 2>&1
st=$?
ok "$([ $st = 0 ] && [ ! -e /etc/motcua/setup-pending ]; echo $?)" \
    "motcuactl setup-db (as root over the socket): database, six accounts, migrations; setup-pending removed" \
    "$(tail -15 "$LOG/setup.log")"
motcuactl -c "$CONF" setup-db > "$LOG/setup2.log" 2>&1
ok "$([ $? = 0 ] && grep -q '^migrate: 0 applied' "$LOG/setup2.log"; echo $?)" \
    "setup-db run again changes nothing" "$(tail -5 "$LOG/setup2.log")"
for f in /usr/share/motcua/sql/data/vn-calendar-*.csv; do
    motcuactl -c "$CONF" import-calendar "$f" >> "$LOG/setup.log" 2>&1
done
mariadb motcua -e "INSERT INTO org_unit (code, name, short_name, level, address, hotline)
                   VALUES ('000.00.00.H41', 'Ủy ban nhân dân tỉnh Thử', 'UBND tỉnh', 'province',
                           'Số 1 đường Trần Phú', '1022')" >> "$LOG/setup.log" 2>&1
MOTCUA_PASSWORD=$ADMIN_PW motcuactl -c "$CONF" create-user --username quantri \
    --name 'Nguyễn Văn An' --role admin --unit 000.00.00.H41 --title 'Quản trị hệ thống' \
    >> "$LOG/setup.log" 2>&1
ok $? "the calendar, a unit and an administrator (motcuactl create-user)" \
    "$(tail -5 "$LOG/setup.log")"

# ---- the programs, as motcua@.service runs them, and nginx -----------------------
unit=/lib/systemd/system/motcua@.service
exe=$(sed -n 's/^ExecStart=//p' "$unit")
install -d -o motcua -g www-data -m 0750 /run/motcua
for p in $PROGS; do
    # shellcheck disable=SC2086  # the unit's command line, split as systemd does
    (umask 0077; exec setpriv --reuid=motcua --regid=www-data --groups=motcua \
        ${exe//%i/$p} > "$LOG/$p.log" 2>&1) &
    PIDS="$PIDS $!"
done
for _ in $(seq 50); do
    n=0
    for p in $PROGS; do [ -S /run/motcua/$p.sock ] && n=$((n + 1)); done
    [ $n = 5 ] && break
    sleep 0.2
done
ok "$([ $n = 5 ]; echo $?)" "the five programs start as the unit says ($exe) and open their sockets" \
    "$(tail -n 3 "$LOG"/*.log)"

d=/etc/ssl/motcua-check
mkdir -p $d
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$SITE" -keyout $d/key.pem \
    -out $d/cert.pem > "$LOG/openssl.log" 2>&1
sed -i -e "s|/etc/letsencrypt/live/$SITE/fullchain.pem|$d/cert.pem|" \
    -e "s|/etc/letsencrypt/live/$SITE/privkey.pem|$d/key.pem|" /etc/nginx/sites-available/motcua
ln -s /etc/nginx/sites-available/motcua /etc/nginx/sites-enabled/motcua
rm -f /etc/nginx/sites-enabled/default
nginx -t > "$LOG/nginx.log" 2>&1 && nginx >> "$LOG/nginx.log" 2>&1
ok $? "nginx starts with the package's site enabled" "$(cat "$LOG/nginx.log")"

code=$(site -o /dev/null -w '%{http_code} %{redirect_url}' "http://$SITE/")
ok "$([ "$code" = "301 https://$SITE/" ]; echo $?)" "http:// redirects to https://" "$code"
code=$(site -k -o "$LOG/home.html" -w '%{http_code}' "https://$SITE/")
ok "$([ "$code" = 200 ] && grep -q 'Ủy ban nhân dân tỉnh Thử\|<html' "$LOG/home.html"; echo $?)" \
    "the home page answers 200 over https" "$code $(head -c 300 "$LOG/home.html")"
health=$(site -k "https://$SITE/api/v1/health")
ok "$(grep -qE '"status": ?"ok"' <<< "$health"; echo $?)" \
    "/api/v1/health: the programs reach the database" "$health"

jar=$LOG/cookies
login() {   # login PASSWORD: the status and redirect of the sign-in POST
    local csrf
    csrf=$(site -k -c "$jar" -b "$jar" "https://$SITE/can-bo/dang-nhap" |
           sed -n 's/.*name="csrf" value="\([0-9a-f]\{64\}\)".*/\1/p' | head -1)
    site -k -c "$jar" -b "$jar" -H "Origin: https://$SITE" -o "$LOG/login.html" \
        -w '%{http_code} %{redirect_url}' --data-urlencode "csrf=$csrf" \
        --data-urlencode username=quantri --data-urlencode "password=$1" \
        "https://$SITE/can-bo/dang-nhap"
}
bad=$(login wrong-password-1)
ok "$([[ $bad != 303* ]]; echo $?)" "a wrong password does not sign in" "$bad"
res=$(login "$ADMIN_PW")
next=${res#* }
page=$(site -k -c "$jar" -b "$jar" -o "$LOG/after.html" -w '%{http_code}' "$next")
ok "$([[ $res == 303* ]] && [ "$page" = 200 ] && grep -q 'Nguyễn Văn An' "$LOG/after.html"; echo $?)" \
    "the administrator signs in (303 to $next, which answers 200 with the name)" \
    "$res; then $page $(head -c 300 "$LOG/after.html")"

for p in $PIDS; do kill "$p" 2> /dev/null; done
PIDS=""
nginx -s stop 2> /dev/null
sleep 1

# ---- remove, install again, purge --------------------------------------------------
sum=$(sha256sum "$CONF")
$APT remove motcua > "$LOG/remove.log" 2>&1
st=$?
ok "$([ $st = 0 ] && [ "$(sha256sum "$CONF" 2>&1)" = "$sum" ] && [ -d /var/lib/motcua ] &&
      [ ! -e /usr/lib/motcua/citizen ]; echo $?)" \
    "apt remove motcua: the programs go, $CONF stays as it was" "$(tail -10 "$LOG/remove.log")"
$APT install "./$deb" > "$LOG/install2.log" 2>&1
st=$?
ok "$([ $st = 0 ] && [ "$(sha256sum "$CONF" 2>&1)" = "$sum" ] &&
      [ "$(stat -c '%U:%G %a' "$CONF")" = "root:motcua 640" ] &&
      [ ! -e /etc/motcua/setup-pending ] && [ -x /usr/lib/motcua/citizen ]; echo $?)" \
    "apt install again: $CONF unchanged (sha256), no setup-pending" \
    "$(tail -10 "$LOG/install2.log")"
$APT purge motcua > "$LOG/purge.log" 2>&1
st=$?
echo "# apt purge said:"
grep '^motcua: ' "$LOG/purge.log" | sed 's/^/#   /'
ok "$([ $st = 0 ] && [ ! -e /etc/motcua ] && [ -d /var/lib/motcua/uploads ] &&
      grep -q '/var/lib/motcua' "$LOG/purge.log" && [ ! -e /etc/nginx/sites-available/motcua ] &&
      [ ! -L /etc/nginx/sites-enabled/motcua ]; echo $?)" \
    "apt purge removes /etc/motcua and the site, keeps /var/lib/motcua and says so" \
    "$(tail -10 "$LOG/purge.log")"
nginx -t > "$LOG/nginx2.log" 2>&1
ok $? "nginx's configuration is still valid after the purge" "$(cat "$LOG/nginx2.log")"

rm -rf "$LOG" $d
tap_end
