#!/usr/bin/env bash
# Fails when a C++ file of the tree differs from .clang-format (Debian 12's clang-format 14).
# usage: check_format.sh SOURCE_DIR
set -euo pipefail
cd "$1"
mapfile -t files < <(find daemon probes text tests fuzz bench -name '*.cpp' -o -name '*.hpp' | sort)
clang-format --dry-run --Werror "${files[@]}"
echo "${#files[@]} files match .clang-format"
