#!/usr/bin/env bash
# Are the development packages the build needs installed?  make runs this once
# before it compiles anything, so that a missing library is named with its
# Debian package here rather than shown later as a compiler or linker error.
# Silent and exit 0 when everything is there.
#
#   scripts/check-libs.sh CC PKG-CONFIG-MODULE...
set -u
cc=${1:-gcc}
shift

missing=()    # "Debian package|what is missing"

# Debian 12 package of a pkg-config module
package_of() {
    case $1 in
        fcgi)        echo libfcgi-dev ;;
        libqrencode) echo libqrencode-dev ;;
        libpng)      echo libpng-dev ;;
        libsodium)   echo libsodium-dev ;;
        json-c)      echo libjson-c-dev ;;
        libcurl)     echo libcurl4-openssl-dev ;;
        *)           echo "?" ;;    # not one the build knows: named by its module
    esac
}

if ! command -v "$cc" > /dev/null 2>&1; then
    case $(basename "$cc") in
        gcc* | cc) missing+=("gcc|the C compiler $cc") ;;
        clang*)    missing+=("clang|the C compiler $cc") ;;
        *)         missing+=("?|the C compiler $cc") ;;
    esac
fi

if ! command -v pkg-config > /dev/null 2>&1; then
    missing+=("pkg-config|pkg-config, which finds: $*")
else
    for m in "$@"; do
        pkg-config --exists "$m" 2> /dev/null || missing+=("$(package_of "$m")|$m (pkg-config)")
    done
fi

command -v mariadb_config > /dev/null 2>&1 ||
    missing+=("libmariadb-dev|MariaDB Connector/C (mariadb_config)")

# Libraries without a pkg-config file: ask the compiler for their header.
if command -v "$cc" > /dev/null 2>&1; then
    for h in "ClearSilver.h|clearsilver-dev" "csv.h|libcsv-dev" "uninorm.h|libunistring-dev"; do
        if ! printf '#include <%s>\n' "${h%%|*}" |
            "$cc" -I/usr/include/ClearSilver -E -x c - > /dev/null 2>&1; then
            missing+=("${h#*|}|the header ${h%%|*}")
        fi
    done
fi

[ ${#missing[@]} -eq 0 ] && exit 0

{
    echo "make: the build needs Debian packages that are not installed:"
    pkgs=()
    for m in "${missing[@]}"; do
        p=${m%%|*}
        printf '  %-18s for %s\n' "${p/#\?/(unknown)}" "${m#*|}"
        [ "${m%%|*}" != "?" ] && pkgs+=("${m%%|*}")
    done
    echo "Install everything the build and the tests need with 'make deps' (as root),"
    [ ${#pkgs[@]} -gt 0 ] &&
        echo "or only these with: apt-get install --no-install-recommends ${pkgs[*]}"
} >&2
exit 1
