#!/usr/bin/env bash
# symbols.sh LIB HEADER SONAME: the library's soname is SONAME, and its
# dynamic symbols are exactly the functions HEADER declares, all dgram_*.
set -euo pipefail
lib=$1 header=$2 soname=$3
got_soname=$(readelf -d "$lib" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
[ "$got_soname" = "$soname" ] || { echo "symbols.sh: soname is '$got_soname', want $soname" >&2; exit 1; }
# function prototypes: a line that starts a declaration and names dgram_xxx(
want=$(grep -E '^[a-z].*[ *]dgram_[a-z0-9_]+\(' "$header" | grep -v '^static' |
  sed -E 's/.*[ *](dgram_[a-z0-9_]+)\(.*/\1/' | sort -u)
have=$(nm -D --defined-only "$lib" | awk '$2 != "A" {print $3}' | sed 's/@.*//' | sort -u)
if [ "$want" != "$have" ]; then
  echo "symbols.sh: the exported symbols differ from dgram.h's functions (< header, > library):" >&2
  diff <(echo "$want") <(echo "$have") >&2 || true
  exit 1
fi
echo "symbols.sh: $(echo "$have" | wc -l) dynamic symbols, all dgram_* functions of dgram.h; soname $soname"
