#!/usr/bin/env bash
# Print a TCP port of 127.0.0.1 that nothing listens on (20000-39999), for a
# throw-away stack; FALLBACK (default 18080) if 50 tries found none.
# Usage: scripts/free-port.sh [FALLBACK]
for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 20000))
    (echo > "/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; exit 0; }
done
echo "${1:-18080}"
