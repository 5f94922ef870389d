#!/usr/bin/env bash
# abi.sh dump LIB HEADERDIR OUT: writes LIB's ABI (libabigail's abidw: the
#   exported functions with their symbol versions, and every type of
#   HEADERDIR's headers they reach) to OUT, as a release keeps it.
# abi.sh check LIB HEADERDIR BASELINE: fails when LIB's ABI differs from
#   BASELINE's by anything but additions (docs/C.md: soname 1, additions
#   only): abidiff --no-added-syms must find no change. A removed function
#   or a function moved to another version node, a changed signature, a
#   struct whose size or fields changed, an enumerator whose value moved
#   all fail; added functions and enumerators (abidiff's harmless changes)
#   pass.
set -euo pipefail
cmd=$1 lib=$2 headers=$3 file=$4
dump() {
  abidw --headers-dir "$headers" --drop-private-types --no-show-locs --no-corpus-path \
    --no-comp-dir-path --drop-undefined-syms "$lib"
}
case $cmd in
dump)
  dump > "$file"
  echo "abi.sh: $(grep -c '<elf-symbol' "$file") functions of $lib written to $file"
  ;;
check)
  now=$(mktemp)
  trap 'rm -f "$now"' EXIT
  dump > "$now"
  if ! report=$(abidiff --no-added-syms "$file" "$now"); then
    echo "abi.sh: $lib breaks the ABI of the last release ($file); soname 1 takes additions only (docs/C.md):" >&2
    echo "$report" >&2
    exit 1
  fi
  added=$(abidiff "$file" "$now" | sed -n 's/^Functions changes summary: .*, \([0-9]*\) Added.*/\1/p' || true)
  echo "abi.sh: $lib keeps the ABI of $file ($(grep -c '<elf-symbol' "$file") functions; ${added:-0} added)"
  ;;
*)
  echo "usage: abi.sh dump|check LIB HEADERDIR FILE" >&2
  exit 2
  ;;
esac
