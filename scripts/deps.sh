#!/usr/bin/env bash
# Install what motcua needs from Debian 12 packages (and the browser-test
# libraries from npm).  Idempotent and non-interactive; a no-op when all is there.
# "deps.sh deb" (make deb): what building the Debian package needs, and only that.
set -euo pipefail
cd "$(dirname "$0")/.."

pkgs=(gcc make pkg-config libfcgi-dev libfcgi-bin clearsilver-dev libmariadb-dev
      mariadb-server mariadb-client libqrencode-dev libsodium-dev libpng-dev
      libcsv-dev libunistring-dev libjson-c-dev libcurl4-openssl-dev nginx-light curl ca-certificates zbar-tools
      librsvg2-bin chromium valgrind clang libclang-rt-14-dev clang-format fonts-noto-core
      procps iproute2 wrk sysbench gzip faketime libfaketime libxml2-utils)
if [ "${1:-}" = deb ]; then
    pkgs=(build-essential pkg-config libfcgi-dev clearsilver-dev libmariadb-dev libqrencode-dev
          libsodium-dev libpng-dev libcsv-dev libunistring-dev libjson-c-dev libcurl4-openssl-dev
          debhelper dpkg-dev lintian git)
fi
missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js: any node >= 18 with npm will do (Debian's, or one already installed).
if [ "${1:-}" != deb ]; then
    command -v node >/dev/null || missing+=(nodejs)
    command -v npm  >/dev/null || missing+=(npm)
fi

if [ ${#missing[@]} -gt 0 ]; then
    echo "deps: installing ${missing[*]}"
    if [ "$(id -u)" != 0 ]; then
        echo "deps: these Debian packages are missing; run as root or install them: ${missing[*]}" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    # Installing must not start the system's own MariaDB or nginx.
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
        trap 'rm -f /usr/sbin/policy-rc.d' EXIT
    fi
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

[ "${1:-}" = deb ] && exit 0

# Browser-test libraries (playwright-core drives Debian's chromium; axe-core).
if [ ! -d tests/browser/node_modules/playwright-core ] || [ ! -d tests/browser/node_modules/axe-core ]; then
    echo "deps: npm ci in tests/browser"
    log=$(mktemp)
    if ! (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>"$log"); then
        if grep -qiE 'SELF_SIGNED|UNABLE_TO_GET_ISSUER|certificate' "$log"; then
            # A TLS-intercepting proxy whose CA this machine does not know.  Every
            # package in package-lock.json is pinned by its sha512 integrity hash,
            # which npm checks whatever the transport, so the content stays verified.
            echo "deps: the npm registry's certificate is not trusted here; retrying, relying on the lockfile's sha512 hashes"
            (cd tests/browser && npm ci --strict-ssl=false --no-audit --no-fund --loglevel=error >/dev/null)
        else
            cat "$log" >&2
            rm -f "$log"
            exit 1
        fi
    fi
    rm -f "$log"
fi
