#!/usr/bin/env bash
# gotest-arm.sh GO QEMU ARCH: GOARCH=arm GOARM=7 (ARCH arm, the seed's
# Raspbian) or GOARCH=arm64 (ARCH arm64, Raspberry Pi OS 64-bit) go test
# ./dgram/... under qemu-user (go test -exec). The dgram tests' TestMain re-executes
# /proc/self/exe into a private network namespace, and under qemu-user
# that is the emulator, not the test binary; so the namespace is made
# here, with unshare, and the tests are told they are inside it
# (DGRAM_NETNS=child builds the sandbox in place, netlab §7.2). Without
# unshare they run with DGRAM_NETNS=off and the sandbox tests skip.
#
# qemu-user (7.2, Debian 12) does not emulate the MCAST_JOIN_GROUP and
# MCAST_LEAVE_GROUP socket options that golang.org/x/net/ipv4 and ipv6 use
# to join a group: every join fails with ENOPROTOOPT there, and neither
# IP_MULTICAST_IF nor IPV6_MULTICAST_IF (setMulticastInterface). The tests
# that join a group or set the multicast interface are skipped under qemu,
# and only there (qemuSkip); they run natively in make test-go.
set -euo pipefail
go=$1 qemu=$2 arch=$3
case $arch in
  arm) export GOARCH=arm GOARM=7 ;;
  arm64) export GOARCH=arm64 ;;
  *) echo "gotest-arm.sh: ARCH is arm or arm64, not '$arch'" >&2; exit 2 ;;
esac
export CGO_ENABLED=0
qemuSkip='^(TestMulticast|TestTTLMulticast|TestSetMulticastInterface)|^TestBadArguments$/^(add|drop)Membership_not_multicast$'
echo "gotest-arm.sh ($arch): skipped under qemu-user only (no MCAST_JOIN_GROUP, IP_MULTICAST_IF emulation: ENOPROTOOPT): $qemuSkip"
# build first, outside the namespace (the module cache may need the network)
"$go" test -count=1 -exec "$qemu" -run '^$' ./dgram/... >/dev/null
args=(test -count=1 -timeout 15m -exec "$qemu" -skip "$qemuSkip" ./dgram/...)
user=()
[ "$(id -u)" = 0 ] || user=(--map-root-user)
if command -v unshare >/dev/null 2>&1 && command -v ip >/dev/null 2>&1 && unshare --net "${user[@]}" true 2>/dev/null; then
  exec unshare --net "${user[@]}" -- env DGRAM_NETNS=child "$go" "${args[@]}"
fi
echo "gotest-arm.sh ($arch): no private network namespace; sandbox tests skip" >&2
DGRAM_NETNS=off exec "$go" "${args[@]}"
