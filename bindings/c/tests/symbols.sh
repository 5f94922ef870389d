#!/usr/bin/env bash
# symbols.sh LIB HEADER SONAME [GO]: the library's soname is SONAME, its
# dynamic symbols are exactly the functions HEADER declares, all dgram_*,
# and every symbol it defines beyond the Go runtime's and package dgram's,
# local ones included (nm), is libdgram's own: dgram*, or cgo's wrapper of
# a dgram* function. The baseline is testdata/nmbase built with GO (go).
set -euo pipefail
lib=$1 header=$2 soname=$3 go=${4:-go}
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
base=$(mktemp -d)
trap 'rm -rf "$base"' EXIT
"$go" build -buildmode=c-shared -trimpath -o "$base/base.so" "./$(dirname "$0")/testdata/nmbase"
names() { nm --defined-only "$1" | awk '{print $NF}' | sort -u; }
# pthread_atfork is glibc's (libc_nonshared.a), linked in for shim.c's fork check.
foreign=$(comm -23 <(names "$lib") <(names "$base/base.so") | grep -v '[.:]' |
  grep -vE '^(_cgo_[0-9a-f]+_Cfunc_|_cgoexp_[0-9a-f]+_)?(dgram|DGRAM_)|^(__)?pthread_atfork$' || true)
if [ -n "$foreign" ]; then
  echo "symbols.sh: symbols that are neither the Go runtime's nor dgram* (test scaffolding in the library?):" >&2
  echo "$foreign" >&2
  exit 1
fi
echo "symbols.sh: $(echo "$have" | wc -l) dynamic symbols, all dgram_* functions of dgram.h; soname $soname"
