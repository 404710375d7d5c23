#!/usr/bin/env bash
# make format-check: does the C code follow .clang-format?
#
# .clang-format describes the style the code was written in, but no configuration
# reproduces all of it (trailing comments placed by hand at varying columns, tables
# laid out by hand), and the code is not mass-reformatted.  So two checks:
#   1. the files listed in scripts/format-clean.txt follow it entirely;
#   2. in every other C file, the lines changed since BASE follow it (clang-format-diff),
#      and so do whole files that are new since BASE (added or not yet in git).
# BASE is $FORMAT_BASE if set, else the merge-base of HEAD with origin/main or main;
# without one (not a git checkout, or on main itself) only check 1 has work.
#
#   scripts/format-check.sh              the check; TAP, last line "# N passed, N failed"
#   scripts/format-check.sh --list-clean the C files that follow .clang-format today
#                                        (to refresh scripts/format-clean.txt)
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/tap.sh
finish() { tap_end; exit; }

cf=$(command -v clang-format || command -v clang-format-14)
cfd=$(command -v clang-format-diff || command -v clang-format-diff-14)
if [ -z "$cf" ] || [ -z "$cfd" ]; then
    ok 1 "clang-format and clang-format-diff are installed" \
        "missing: Debian package clang-format (make deps installs it)"
    finish
fi

c_files() {  # the project's C files, tracked or not
    if git rev-parse --git-dir > /dev/null 2>&1; then
        git ls-files --cached --others --exclude-standard -- \
            'cgi-bin/*.c' 'cgi-bin/*.h' 'tests/*.c' 'tests/*.h' | sort -u
    else
        find cgi-bin tests -name '*.[ch]' ! -path '*/node_modules/*' | sort
    fi
}

follows() { "$cf" --style=file --dry-run --Werror "$1" > /dev/null 2>&1; }
# how FILE differs from its formatted self (first lines)
differences() { "$cf" --style=file "$1" | diff -u "$1" - | tail -n +3 | head -40; }

if [ "${1:-}" = --list-clean ]; then
    for f in $(c_files); do
        follows "$f" && echo "$f"
    done
    exit 0
fi

"$cf" --style=file --dump-config > /dev/null 2> "${TMPDIR:-/tmp}/format-check.$$"
st=$?
ok $st ".clang-format is read by $(basename "$cf")" "$(cat "${TMPDIR:-/tmp}/format-check.$$")"
rm -f "${TMPDIR:-/tmp}/format-check.$$"
[ $st = 0 ] || finish

# 1. whole files
declare -A clean=()
while read -r f; do
    f=${f%%#*}
    f=${f//[[:space:]]/}
    [ -n "$f" ] || continue
    clean[$f]=1
    if [ ! -e "$f" ]; then
        ok 1 "$f (scripts/format-clean.txt) exists"
    elif follows "$f"; then
        ok 0 "$f follows .clang-format"
    else
        ok 1 "$f follows .clang-format" \
            "$(differences "$f"; echo "clang-format -i $f formats it (it followed the style whole)")"
    fi
done < <(cat scripts/format-clean.txt 2> /dev/null ||
         echo "scripts/format-clean.txt")   # a missing list fails as a missing file

# 2. the lines changed since BASE in the other files
base=${FORMAT_BASE:-}
if [ -z "$base" ] && git rev-parse --git-dir > /dev/null 2>&1; then
    for ref in origin/main main; do
        if git rev-parse -q --verify "$ref^{commit}" > /dev/null; then
            base=$(git merge-base HEAD "$ref")
            break
        fi
    done
fi
if [ -z "$base" ]; then
    echo "# no base to compare with (FORMAT_BASE, origin/main, main): changed lines not checked"
    finish
fi
echo "# changed lines since $(git rev-parse --short "$base")"
pats=('cgi-bin/*.[ch]' 'tests/*.[ch]')
untracked=$(git ls-files --others --exclude-standard -- "${pats[@]}")
new=$(printf '%s\n' "$untracked"; git diff --name-only --diff-filter=A "$base" -- "${pats[@]}")
changed=$(printf '%s\n' "$untracked"; git diff --name-only --diff-filter=AM "$base" -- "${pats[@]}")
for f in $(sort -u <<< "$changed"); do
    [ -n "${clean[$f]:-}" ] && continue    # checked whole above
    if grep -qxF "$f" <<< "$new"; then
        if follows "$f"; then
            ok 0 "$f (new) follows .clang-format"
        else
            ok 1 "$f (new) follows .clang-format" "$(differences "$f")"
        fi
        continue
    fi
    d=$(git diff -U0 --no-color "$base" -- "$f" | "$cfd" -p1 -style=file 2>&1)
    if [ -z "$d" ]; then
        ok 0 "$f: the changed lines follow .clang-format"
    else
        ok 1 "$f: the changed lines follow .clang-format" "$d"
    fi
done
finish
