#!/bin/sh
# Every govmon service rates at most MAX in `systemd-analyze security --offline=true` (lower is
# better: 0 is the most locked-down a unit can be, 10 a service with no sandbox at all).
set -eu
units=$1
max=$2

cd "$units"
status=0
for unit in *.service; do
    rating=$(systemd-analyze security --offline=true --no-pager "$unit" 2>&1 |
        sed -n "s/.*Overall exposure level for $unit: \([0-9.]*\).*/\1/p")
    if [ -z "$rating" ]; then
        echo "$unit: no exposure level in systemd-analyze's output"
        status=1
    elif awk -v r="$rating" -v m="$max" 'BEGIN { exit !(r > m) }'; then
        echo "$unit: exposure $rating, more than $max"
        systemd-analyze security --offline=true --no-pager "$unit" | grep '✗' || true
        status=1
    else
        echo "$unit: exposure $rating (at most $max)"
    fi
done
exit $status
