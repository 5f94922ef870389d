#!/usr/bin/env bash
# tools/setup.sh [--all]: checks that this Debian machine has what make test
# and make demo need, and installs what is missing when it can.
#
# Required (make test and make demo stop at once without them): Go (the
# version go.mod names; Debian's golang-go is older, so it is never
# installed from apt), gcc, g++ (the header as C++17), make and pkg-config.
# Optional (make test runs the parts they enable where they are present, and
# ends with one line per part it skipped): iproute2 (the tests' private
# network namespace), the linux/arm and linux/arm64 cross compilers with
# their C libraries, qemu-user to run what they build, python3-pytest (the
# Python suite, for Debian's /usr/bin/python3), python3-venv (the suite
# installs the wheel into a fresh venv), mypy (mypy --strict on the Python
# examples), abigail-tools (the ABI check, make c-abi), and node with npm
# (the side-by-side tests with node; make test-npm installs the npm suite's
# packages with npm ci).
#
# Missing packages are installed with apt-get when this runs as root on a
# machine that has it: the required ones always (make test and make demo run
# this first), the optional ones with --all (.ci/run). Otherwise it stops,
# naming the Debian packages to install.
set -euo pipefail
cd "$(dirname "$0")/.."
all=no
[ "${1:-}" = --all ] && all=yes
go=${GO:-go}

have() { command -v "$1" >/dev/null 2>&1; }
need=() want=()
have gcc || need+=(gcc)
have g++ || need+=(g++)
have make || need+=(make)
have pkg-config || need+=(pkg-config)
have ip || want+=(iproute2)
{ have arm-linux-gnueabihf-gcc && [ -e /usr/arm-linux-gnueabihf/include/stdio.h ]; } || want+=(gcc-arm-linux-gnueabihf libc6-dev-armhf-cross)
{ have aarch64-linux-gnu-gcc && [ -e /usr/aarch64-linux-gnu/include/stdio.h ]; } || want+=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross)
{ have qemu-arm && have qemu-aarch64; } || want+=(qemu-user)
{ [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import pytest' >/dev/null 2>&1; } || want+=(python3-pytest)
{ [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import ensurepip' >/dev/null 2>&1; } || want+=(python3-venv)
have mypy || want+=(mypy)
{ have abidw && have abidiff; } || want+=(abigail-tools)
{ have node && have npm; } || want+=(nodejs npm)

gover=$(sed -n 's/^go \([0-9.]*\)$/\1/p' go.mod)
if ! have "$go"; then
  echo "setup.sh: no Go toolchain ($go): install Go $gover or later from https://go.dev/dl/ (Debian's golang-go is older) and put it on PATH" >&2
  exit 1
fi
if ! "$go" list -m >/dev/null 2>&1; then
  echo "setup.sh: $("$go" version) cannot build this module (go.mod needs go $gover): install Go $gover or later from https://go.dev/dl/" >&2
  exit 1
fi

install=("${need[@]}")
[ $all = yes ] && install+=("${want[@]}")
if [ ${#install[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && have apt-get; then
    echo "setup.sh: installing ${install[*]} (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${install[@]}"
  elif [ ${#need[@]} -gt 0 ]; then
    echo "setup.sh: missing ${need[*]}: run  sudo apt-get install ${need[*]}  (or run this as root)" >&2
    exit 1
  else
    echo "setup.sh: not installing ${want[*]} (not root): run  sudo apt-get install ${want[*]}" >&2
  fi
fi
