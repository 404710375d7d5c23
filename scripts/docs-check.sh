#!/usr/bin/env bash
# The documentation still matches the code: README.md stays short, every relative
# link of README.md and docs/*.md reaches a file, no source file cites a document
# the repository does not have, every configuration key the code reads is in
# motcua.hdf(5), and every motcuactl command is in motcuactl(1) and its usage.
# TAP output; last line "# N passed, N failed" (scripts/test.sh adds it up).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
. scripts/tap.sh

MAN5=docs/motcua.hdf.5
MAN1=cgi-bin/motcuactl.1
CTL=cgi-bin/motcuactl.c

# troff text without font changes and escaped hyphens, so that keys read plainly
plain() { sed -e 's/\\f[BIRP]//g' -e 's/\\-/-/g' -e 's/\\(en/-/g' "$1"; }

n=$(wc -l < README.md)
ok "$([ "$n" -le 160 ]; echo $?)" "README.md has at most 160 lines" "it has $n"

# [text](target): every target that is not a URL or an anchor, relative to its file
bad=""
for f in README.md docs/*.md; do
    dir=$(dirname "$f")
    while IFS= read -r t; do
        t=${t%%#*}
        [ -z "$t" ] && continue
        [ -e "$dir/$t" ] || bad="$bad"$'\n'"$f: $t"
    done < <(grep -oE '\]\([^)[:space:]]+\)' "$f" | sed -e 's/^](//' -e 's/)$//' |
             grep -vE '^(https?|mailto):')
done
ok "$([ -z "$bad" ]; echo $?)" "every relative link of README.md and docs/*.md reaches a file" \
    "${bad#$'\n'}"

# a name.md or dir/name.md in a source file or document: at the top level, in docs/,
# or as written
bad=""
while IFS=: read -r file line ref; do
    [ -e "$ref" ] || [ -e "docs/$ref" ] || bad="$bad"$'\n'"$file:$line: $ref"
done < <(grep -rnoE --exclude-dir=node_modules '[A-Za-z0-9_][A-Za-z0-9_./-]*\.md\b' \
             cgi-bin scripts templates nginx etc sql tests Makefile README.md docs |
         grep -v '^scripts/docs-check\.sh:')
ok "$([ -z "$bad" ]; echo $?)" "the sources and documents cite only documents the repository has" \
    "${bad#$'\n'}"

# keys read by name (conf_int, conf_str, hdf_get_value on the configuration) and
# the built-in defaults of conf.c
mapfile -t sources < <(find cgi-bin -name '*.c')
keys=$({ perl -0777 -ne \
             'while (/\b(?:conf_int|conf_str|hdf_get_value)\(\s*[^,()]*conf[^,()]*,\s*"([A-Z][A-Za-z]*\.[A-Za-z.]+)"/g) { print "$1\n" }' \
             "${sources[@]}"
         sed -n 's/^ *"\([A-Z][A-Za-z]*\.[A-Za-z.]*\) = .*\\n"$/\1/p' cgi-bin/core/conf.c
       } | sort -u)
# absent TEXT REGEX-WITH-@ WORD...: the words whose regex (@ replaced by the word)
# does not match TEXT
absent() {
    local text=$1 re=$2 w out=""
    shift 2
    for w in "$@"; do
        grep -qE "${re//@/$w}" <<< "$text" || out="$out $w"
    done
    echo "$out"
}

# shellcheck disable=SC2086  # word lists, split on purpose
missing=$(absent "$(plain "$MAN5")" '@' $keys)
ok "$([ -n "$keys" ] && [ -z "$missing" ]; echo $?)" \
    "every configuration key the code reads ($(wc -w <<< "$keys")) is in $MAN5" \
    "missing:$missing"

# the commands main() dispatches
cmds=$(sed -n 's/.*strcmp(cmd, "\([a-z-]*\)").*/\1/p' "$CTL" | sort -u)
# shellcheck disable=SC2086
missing=$(absent "$(plain "$MAN1")" '^\.B @( |$)' $cmds)
ok "$([ -n "$cmds" ] && [ -z "$missing" ]; echo $?)" \
    "every command motcuactl dispatches ($(wc -w <<< "$cmds")) is in $MAN1" "missing:$missing"

# the usage string names the commands (and points to the man page for the rest)
usage=$(sed -n '/^static const char usage\[\]/,/;$/p' "$CTL")
# shellcheck disable=SC2086
missing=$(absent "$usage" '[" ]@[ \\]' $cmds)
ok "$([ -n "$cmds" ] && [ -z "$missing" ] && grep -q 'man motcuactl' <<< "$usage"; echo $?)" \
    "motcuactl --help names every command and points to man motcuactl" "missing:$missing"

# one version: VERSION, the man pages' headers and debian/changelog
v=$(cat VERSION)
bad=""
for m in "$MAN1" "$MAN5"; do
    grep -q "^\.TH .* \"motcua $v\" " "$m" || bad="$bad $m"
done
cl=$(sed -n '1s/^motcua (\([^)]*\)).*/\1/p' debian/changelog)
[ "$cl" = "$v" ] || bad="$bad debian/changelog ($cl)"
ok "$([[ $v =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] && [ -z "$bad" ]; echo $?)" \
    "VERSION ($v), the man pages and debian/changelog name one version" "disagree:$bad"

tap_end
