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
echo "pkgconfig.sh: built $(ls "$src"/*.c | wc -l) examples and a C++ caller against $prefix with pkg-config (dgram $(pkg-config --modversion dgram))"
