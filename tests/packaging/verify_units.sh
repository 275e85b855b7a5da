#!/bin/sh
# systemd-analyze verify on every unit govmon ships, asserting it prints nothing. verify insists
# that ExecStart's binary exists, so it reads copies in which /usr/bin/govmon (where the .deb puts
# it) is the freshly built binary; every other line is the shipped text.
set -eu
binary=$1
units=$2

grep -qx 'ExecStart=/usr/bin/govmon run --config /etc/govmon/govmon.yaml' "$units/govmon.service"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for unit in "$units"/*.service "$units"/*.timer; do
    sed "s#/usr/bin/govmon #$binary #" "$unit" >"$work/${unit##*/}"
done
cd "$work"
ls -- *.service *.timer
if ! output=$(systemd-analyze verify --man=no -- *.service *.timer 2>&1) || [ -n "$output" ]; then
    echo "systemd-analyze verify:"
    echo "$output"
    exit 1
fi
echo "systemd-analyze verify: clean"
