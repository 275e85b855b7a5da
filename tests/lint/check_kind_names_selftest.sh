#!/usr/bin/env bash
# check_kind_names.sh must fail on a tree that spells a kind outside the table, and pass on the
# same tree without it.
# usage: check_kind_names_selftest.sh SOURCE_DIR
set -euo pipefail
tree="$(mktemp -d)"
trap 'rm -rf "$tree"' EXIT
mkdir -p "$tree/daemon/common" "$tree/probes" "$tree/text" "$tree/fuzz" "$tree/bench"
cp "$1/daemon/common/finding_kind.cpp" "$1/daemon/common/finding_kind.hpp" "$tree/daemon/common/"
"$1/tests/lint/check_kind_names.sh" "$tree" >/dev/null
echo 'const char* stray = "hidden_link";' >"$tree/probes/stray.cpp"
if "$1/tests/lint/check_kind_names.sh" "$tree" 2>/dev/null; then
    echo "check_kind_names.sh passed a tree with \"hidden_link\" in probes/stray.cpp" >&2
    exit 1
fi
echo "check_kind_names.sh refuses a stray kind name"
