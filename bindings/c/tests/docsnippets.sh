#!/usr/bin/env bash
# docsnippets.sh LIBDIR OUT DOC...: every ```c block of the DOCs, compiled
# with the C suite's flags (-std=c11 -Wall -Wextra -Werror) against the
# header in bindings/c; a block with a main function is linked against
# LIBDIR/libdgram.so too, so that every name it calls exists. A snippet
# that is not a whole translation unit fails: write the docs so they build.
set -euo pipefail
libdir=$1 out=$2
shift 2
mkdir -p "$out"
rm -f "$out"/*.c
cc=${CC:-cc}
n=0
for doc in "$@"; do
  base=$(basename "$doc" .md)
  # one file per block: OUT/<doc>_<line>.c, the line of its opening fence
  awk -v out="$out" -v base="$base" '
    /^```c[[:space:]]*$/ { f = sprintf("%s/%s_%d.c", out, base, NR + 1); printf "" > f; next }
    /^```/ && f { close(f); f = ""; next }
    f { print >> f }
  ' "$doc"
done
for c in "$out"/*.c; do
  [ -e "$c" ] || continue
  n=$((n + 1))
  where=$(basename "$c" .c | sed 's/_\([0-9]*\)$/.md, the snippet at line \1/')
  if grep -q '\bmain *(' "$c"; then
    args=(-o "${c%.c}" "$c" -L"$libdir" -ldgram -lpthread)
  else
    args=(-c -o "${c%.c}.o" "$c")
  fi
  if ! "$cc" -std=c11 -Wall -Wextra -Werror -Ibindings/c "${args[@]}"; then
    echo "docsnippets.sh: $where does not compile with -std=c11 -Wall -Wextra -Werror" >&2
    exit 1
  fi
  echo "docsnippets.sh: $where compiles"
done
echo "docsnippets.sh: $n C snippets compile with -std=c11 -Wall -Wextra -Werror"
[ "$n" -gt 0 ]
