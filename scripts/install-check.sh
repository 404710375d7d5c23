#!/usr/bin/env bash
# make install, checked: installs into throw-away DESTDIRs (PREFIX=/usr as the
# deployment guide does, the default PREFIX, and PREFIX=/opt/motcua with its own
# SYSCONFDIR) and checks the trees: every program, the link, templates, sql, www,
# nginx files, systemd units and man pages where they belong, every path written
# in an installed file pointing at something installed, nothing outside its place,
# and make uninstall removing it all again.  TAP output; last line
# "# N passed, N failed" (scripts/test.sh adds it up).  Needs a build (make all).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TMP=$(mktemp -d /tmp/motcua-install.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
PROGS="citizen officer leader admin api motcuactl"
. scripts/tap.sh

inst() {    # inst DIR MAKE-ARGS...: make install into DIR
    local d=$1
    shift
    make --no-print-directory install DESTDIR="$d" "$@" > "$TMP/make.log" 2>&1
}

# files  DIR: every file and link below DIR, relative, sorted
files() { (cd "$1" && find . ! -type d | sed 's|^\./||' | sort); }

# ---- PREFIX=/usr, the deployment guide's ----------------------------------------
D=$TMP/usr-prefix
inst "$D" PREFIX=/usr
ok $? "make install DESTDIR=… PREFIX=/usr succeeds" "$(tail -20 "$TMP/make.log")"

miss=""
for p in $PROGS; do
    f=$D/usr/lib/motcua/$p
    if [ ! -f "$f" ] || [ "$(stat -c %a "$f")" != 755 ] || ! cmp -s "$f" "build/$p"; then
        miss="$miss $p"
    fi
done
ok "$([ -z "$miss" ]; echo $?)" "the six programs are in /usr/lib/motcua, mode 0755, as built" \
    "wrong or missing:$miss"

link=$(readlink "$D/usr/sbin/motcuactl")
ok "$([ "$link" = ../lib/motcua/motcuactl ] && [ -x "$D/usr/sbin/motcuactl" ]; echo $?)" \
    "/usr/sbin/motcuactl is a relative link to /usr/lib/motcua/motcuactl" "link: $link"

out=$("$D/usr/sbin/motcuactl" --help 2>&1)
ok "$([ $? = 0 ] && [[ $out == *motcuactl* ]]; echo $?)" \
    "the installed motcuactl runs through its link" "$out"

for t in templates sql www; do
    d=$(diff -r "$t" "$D/usr/share/motcua/$t" 2>&1)
    ok $? "$t/ is installed whole in /usr/share/motcua/$t" "$d"
done
bad=$(find "$D/usr/share/motcua" "$D/usr/share/man" "$D/etc" "$D/usr/lib/systemd" -type f \
    ! -perm 0644 2>&1)
ok "$([ -z "$bad" ]; echo $?)" "the installed data files are mode 0644" "$bad"

ex=$D/usr/share/motcua/motcua.hdf.example
tpl=$(sed -n 's/^Paths\.Templates = //p' "$ex")
sql=$(sed -n 's/^Paths\.SQL = //p' "$ex")
ok "$([ "$tpl" = /usr/share/motcua/templates ] && [ -f "$D$tpl/lang/vi.hdf" ] &&
      [ "$sql" = /usr/share/motcua/sql ] && [ -f "$D$sql/grants.sql" ]; echo $?)" \
    "motcua.hdf.example is installed; its Paths.Templates and Paths.SQL are the installed ones" \
    "Paths.Templates = $tpl, Paths.SQL = $sql"
ok "$([ ! -e "$D/etc/motcua" ]; echo $?)" "the configuration (/etc/motcua) is left to the operator"

routes=$D/etc/nginx/motcua-routes.conf
left=$(grep -n '@[A-Z_]*@' "$routes" 2>&1)
ok "$([ -f "$routes" ] && [ -z "$left" ]; echo $?)" \
    "/etc/nginx/motcua-routes.conf is installed with every @…@ value filled" "$left"
httpconf=$D/etc/nginx/motcua-http.conf
left=$(grep -n '@[A-Z_]*@' "$httpconf" 2>&1)
ok "$([ -f "$httpconf" ] && [ -z "$left" ] && [ -f "$D/usr/share/motcua/nginx/nginx.conf" ]; echo $?)" \
    "/etc/nginx/motcua-http.conf (rate limits, log format) is installed filled, and nginx.conf beside the site" "$left"
bad=""
for a in $(sed -n 's/.*alias \([^;]*\);.*/\1/p' "$routes"); do
    [ -e "$D$a" ] || bad="$bad $a"
done
for p in citizen officer leader admin api; do
    grep -q "fastcgi_pass unix:/run/motcua/$p.sock;" "$routes" || bad="$bad $p.sock"
done
ok "$([ -z "$bad" ] && grep -q alias "$routes"; echo $?)" \
    "the routes' aliases name installed files and each program's socket in /run/motcua" \
    "not found:$bad"
site=$D/usr/share/motcua/nginx/motcua.conf
inc=$(sed -n 's/^ *include \([^;]*motcua-routes[^;]*\);.*/\1/p' "$site")
ok "$([ "$inc" = /etc/nginx/motcua-routes.conf ]; echo $?)" \
    "the site file is installed and includes the installed routes" "include: $inc"

bad=""
for u in etc/systemd/*; do
    i=$D/usr/lib/systemd/system/$(basename "$u")
    [ -f "$i" ] || { bad="$bad $(basename "$u")"; continue; }
    while read -r exe conf; do
        for p in citizen officer leader admin api; do
            e=${exe//%i/$p}
            [ -x "$D$e" ] || bad="$bad $e"
        done
        [ "$conf" = /etc/motcua/motcua.hdf ] || bad="$bad $conf"
    done < <(sed -n 's/^ExecStart=\([^ ]*\) -c \([^ ]*\).*/\1 \2/p' "$i")
done
n=$(grep -l '^ExecStart=' "$D"/usr/lib/systemd/system/* 2>/dev/null | wc -l)
ok "$([ -z "$bad" ] && [ "$n" -ge 2 ]; echo $?)" \
    "the systemd units are in /usr/lib/systemd/system and start installed programs" \
    "wrong:$bad ($n units with ExecStart)"

bad=""
for m in cgi-bin/*.[1-8] docs/*.[1-8]; do
    s=${m##*.}
    head -c 300 "$D/usr/share/man/man$s/$(basename "$m")" 2>/dev/null | grep -q '^\.TH' ||
        bad="$bad $(basename "$m")"
done
ok "$([ -z "$bad" ]; echo $?)" "the man pages are in /usr/share/man/manN" "missing:$bad"

others=$(files "$D" | grep -Ev '^(usr/lib/motcua/|usr/sbin/motcuactl$|usr/share/motcua/|usr/share/man/man[1-8]/|usr/lib/systemd/system/|etc/nginx/motcua-(routes|http)\.conf$)')
ok "$([ -z "$others" ]; echo $?)" "nothing is installed anywhere else" "$others"
n=$(files "$D/usr/share/motcua" | grep -Ec '\.(c|h|o|a|d)$')
ok "$([ "$n" = 0 ]; echo $?)" "no source, object or dependency file is installed" "$n such files"
leak=$(grep -rIl -e "$ROOT" "$D"; grep -rIlE '^[^#]*@(ROOT|RUN|POST_BURST)@' "$D")
ok "$([ -z "$leak" ]; echo $?)" "no installed file names the source tree or an unfilled value" \
    "$leak"

before=$(files "$D" | md5sum)
inst "$D" PREFIX=/usr
st=$?
ok "$([ $st = 0 ] && [ "$(files "$D" | md5sum)" = "$before" ]; echo $?)" \
    "installing again over an installation gives the same tree" "$(tail -5 "$TMP/make.log")"

make --no-print-directory uninstall DESTDIR="$D" PREFIX=/usr > "$TMP/make.log" 2>&1
st=$?
left=$(files "$D")
ok "$([ $st = 0 ] && [ -z "$left" ]; echo $?)" "make uninstall removes every installed file" \
    "$left$(tail -5 "$TMP/make.log")"

# ---- the default PREFIX ----------------------------------------------------------
D=$TMP/default-prefix
inst "$D"
st=$?
exe=$(sed -n 's/^ExecStart=\([^ ]*\) .*/\1/p' "$D/usr/local/lib/systemd/system/motcua@.service" 2>&1)
ok "$([ $st = 0 ] && [ -x "$D/usr/local/lib/motcua/citizen" ] &&
      [ "$(readlink "$D/usr/local/sbin/motcuactl")" = ../lib/motcua/motcuactl ] &&
      [ "$exe" = '/usr/local/lib/motcua/%i' ] && [ -f "$D/etc/nginx/motcua-routes.conf" ]; echo $?)" \
    "make install without PREFIX installs under /usr/local (units too); routes in /etc/nginx" \
    "ExecStart: $exe; $(tail -5 "$TMP/make.log")"

# ---- another PREFIX, SYSCONFDIR and NGINXDIR: the installed files follow --------
D=$TMP/opt-prefix
inst "$D" PREFIX=/opt/motcua SYSCONFDIR=/opt/motcua/etc NGINXDIR=/opt/nginx
st=$?
exe=$(sed -n 's/^ExecStart=//p' "$D/opt/motcua/lib/systemd/system/motcua@.service" 2>&1)
tpl=$(sed -n 's/^Paths\.Templates = //p' "$D/opt/motcua/share/motcua/motcua.hdf.example" 2>&1)
alias=$(sed -n 's/.*alias \([^;]*robots.txt\);.*/\1/p' "$D/opt/nginx/motcua-routes.conf" 2>&1)
inc=$(sed -n 's/^ *include \([^;]*motcua-routes[^;]*\);.*/\1/p' "$D/opt/motcua/share/motcua/nginx/motcua.conf")
ok "$([ $st = 0 ] && [ "$exe" = '/opt/motcua/lib/motcua/%i -c /opt/motcua/etc/motcua/motcua.hdf' ] &&
      [ "$tpl" = /opt/motcua/share/motcua/templates ] && [ -f "$D$alias" ] &&
      [ "$inc" = /opt/nginx/motcua-routes.conf ]; echo $?)" \
    "PREFIX=/opt/motcua SYSCONFDIR=/opt/motcua/etc NGINXDIR=/opt/nginx: the files name those" \
    "ExecStart=$exe; Paths.Templates = $tpl; alias $alias; include $inc"
stale=$(grep -rInE \
    '(^|[^[:alnum:]_./-])(/usr/lib/motcua|/usr/share/motcua|/etc/motcua/|/etc/nginx/motcua)' "$D")
ok "$([ -z "$stale" ]; echo $?)" "… and none of them still names a default location" "$stale"
l=$(readlink "$D/opt/motcua/sbin/motcuactl")
ok "$([ "$l" = ../lib/motcua/motcuactl ] && [ -x "$D/opt/motcua/sbin/motcuactl" ]; echo $?)" \
    "… and its motcuactl link resolves" "link: $l"

tap_end
