#!/usr/bin/env bash
# Fails when a finding kind's name is spelled in a C++ source outside tests other than the
# descriptor table (daemon/common/finding_kind.cpp): every other file derives it from the enum.
# usage: check_kind_names.sh SOURCE_DIR
set -euo pipefail
cd "$1"
table=daemon/common/finding_kind.cpp
mapfile -t names < <(perl -0ne 'print "$1\n" while /\{\s*finding_kind::\w+,\s*"(\w+)"/g' "$table")
enum_size=$(perl -0ne 'print scalar(() = /enum class finding_kind \{([^}]*)\}/ ? $1 =~ /\w+/g : ())' \
    daemon/common/finding_kind.hpp)
if [[ ${#names[@]} -eq 0 || ${#names[@]} -ne $enum_size ]]; then
    echo "read ${#names[@]} names from $table's table but the enum has $enum_size values" >&2
    exit 1
fi
mapfile -t sources < <(find daemon probes text fuzz bench -name '*.cpp' -o -name '*.hpp' \
    -o -name '*.cpp.in' | grep -vx "$table" | sort)
status=0
for name in "${names[@]}"; do
    if spelled=$(grep -lF "\"$name\"" /dev/null "${sources[@]}"); then
        echo "finding kind \"$name\" is spelled outside $table (use name_of(finding_kind::$name)):" >&2
        echo "$spelled" >&2
        status=1
    fi
done
[[ $status -eq 0 ]] && echo "${#names[@]} finding kind names spelled only in $table"
exit $status
