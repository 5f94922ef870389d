#!/usr/bin/env bash
# pkgconfig.sh PREFIX EXAMPLES OUT: builds every C example with nothing but
# the header and dgram.pc installed under PREFIX (make install), as a user
# would: cc app.c $(pkg-config --cflags --libs dgram).
set -euo pipefail
prefix=$1 src=$2 out=$3
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
mkdir -p "$out"
flags=$(pkg-config --cflags --libs dgram)
case "$flags" in *"-I$prefix/include"*) ;; *) echo "pkgconfig.sh: dgram.pc gives '$flags', not $prefix" >&2; exit 1 ;; esac
for c in "$src"/*.c; do
  name=$(basename "$c" .c)
  ${CC:-cc} -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -o "$out/$name" "$c" $(pkg-config --cflags --libs dgram) -lpthread
done
# a C++ caller, the same way
echo '#include <dgram.h>
int main() { return dgram_header_matches() ? 0 : 1; }' > "$out/matches.cpp"
${CXX:-c++} -std=c++17 -Wall -Wextra -Werror -o "$out/matches" "$out/matches.cpp" $(pkg-config --cflags --libs dgram)
LD_LIBRARY_PATH=$prefix/lib "$out/matches"
# docs/C.md, "A library outside the standard directories": without
# LD_LIBRARY_PATH the loader does not find the library in this prefix, and
# with an rpath from pkg-config it does.
# (Unless a libdgram.so.1 is installed system-wide, which the loader finds.)
if ! /sbin/ldconfig -p 2>/dev/null | grep -q 'libdgram\.so\.1 ' && env -u LD_LIBRARY_PATH "$out/matches" 2>/dev/null; then
  echo "pkgconfig.sh: a program found libdgram.so.1 in $prefix with neither LD_LIBRARY_PATH nor rpath" >&2; exit 1
fi
${CXX:-c++} -std=c++17 -Wall -Wextra -Werror -o "$out/matches_rpath" "$out/matches.cpp" $(pkg-config --cflags --libs dgram) \
  -Wl,-rpath,"$(pkg-config --variable=libdir dgram)"
env -u LD_LIBRARY_PATH "$out/matches_rpath"
echo "pkgconfig.sh: built $(ls "$src"/*.c | wc -l) examples and a C++ caller against $prefix with pkg-config (dgram $(pkg-config --modversion dgram))"
