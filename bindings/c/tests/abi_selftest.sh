#!/usr/bin/env bash
# abi_selftest.sh BASELINE_DIR: the ABI check fails when it should. On a
# scratch copy of the working tree, each case edits spec/dgram.yaml as a
# careless contributor might, regenerates, builds libdgram.so and runs
# both checks: abi.sh (abidiff against BASELINE_DIR/libdgram.so.1.xml) and
# gen's TestABIValues (BASELINE_DIR/dgram.h.values). Each must fail, naming
# the change. The cases: a field inserted at the top of a result struct
# (dgram_address_info), and two calls' numbers swapped (their
# DGRAM_CALL_* values moved).
set -euo pipefail
base=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
root=$(git -C "$here" rev-parse --show-toplevel)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
go=${GO:-go}

# run_case NAME EDIT EXPECT: EDIT (an awk program) rewrites the scratch
# spec; both checks must fail and abidiff's report must match EXPECT.
run_case() {
  local name=$1 edit=$2 expect=$3 dir=$scratch/$1
  mkdir -p "$dir"
  (cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 tar -cf - 2>/dev/null) | tar -xf - -C "$dir"
  awk "$edit" "$root/spec/dgram.yaml" > "$dir/spec/dgram.yaml"
  if cmp -s "$root/spec/dgram.yaml" "$dir/spec/dgram.yaml"; then
    echo "abi_selftest.sh: $name: the edit changed nothing" >&2; exit 1
  fi
  (cd "$dir" && "$go" run ./gen/cmd/dgramgen -root . &&
    CGO_ENABLED=1 "$go" build -buildmode=c-shared -trimpath \
      -ldflags="-extldflags '-Wl,-soname,libdgram.so.1 -Wl,--version-script=$dir/cshared/dgram.map'" \
      -o "$dir/build/libdgram.so" ./cshared)
  local report
  if report=$("$here/abi.sh" check "$dir/build/libdgram.so" "$dir/bindings/c" "$base/libdgram.so.1.xml" 2>&1); then
    echo "abi_selftest.sh: $name: abi.sh passed a library that breaks the ABI:" >&2; echo "$report" >&2; exit 1
  fi
  if ! grep -q "$expect" <<<"$report"; then
    echo "abi_selftest.sh: $name: abi.sh failed without naming the change ($expect):" >&2; echo "$report" >&2; exit 1
  fi
  if values=$(cd "$dir" && "$go" test -count=1 -run 'TestABIValues$' ./gen 2>&1); then
    echo "abi_selftest.sh: $name: TestABIValues passed a spec that breaks the ABI" >&2; exit 1
  fi
  echo "abi_selftest.sh: $name: abi.sh fails ($(grep -m1 -o "$expect.*" <<<"$report")); TestABIValues fails ($(grep -m1 -o 'dgram.h.values:[0-9]*: .*' <<<"$values" | cut -c1-120))"
}

# A field before AddressInfo's first: dgram_address_info's fields move.
run_case inserted-field '
  /^  - name: AddressInfo$/ { obj = 1 }
  { print }
  obj && /^    fields:$/ { print "      - name: scratch\n        type: integer\n        doc: A field inserted before the released ones."; obj = 0 }
' "data member insertion"

# The 11th and 12th calls in the spec trade numbers.
run_case swapped-numbers '
  /^calls:$/ { calls = 1 }
  calls && /^  - name: / { call++ }
  /^    number: [0-9]+$/ && (call == 11 || call == 12) { n[call] = $2; line[call] = NR }
  { out[NR] = $0 }
  END {
    for (i = 1; i <= NR; i++) {
      if (i == line[11]) print "    number: " n[12]
      else if (i == line[12]) print "    number: " n[11]
      else print out[i]
    }
  }
' "enumerator changes"
echo "abi_selftest.sh: the ABI check fails on both scratch changes"
