#!/usr/bin/env bash
# netns.sh CMD...: runs CMD in a private network namespace like the Go
# tests' sandbox (shared/notes/netlab.md §7): lo up, and a veth dg0
# (10.200.0.1/24, broadcast 10.200.0.255, the default route) whose peer
# dg1 is up with no address, a wire to nowhere. Broadcast and multicast
# with default interfaces then never reach the host's real interfaces.
# CMD sees DGRAM_NETNS=sandbox. Where no namespace can be made (no root,
# no user namespaces, no iproute2) CMD runs in place with DGRAM_NETNS=off,
# and the tests that need the sandbox skip and say so.
set -euo pipefail
if [ "${DGRAM_NETNS:-}" = sandbox ]; then exec "$@"; fi   # already inside
setup='
set -e
ip link set lo up
ip link add dg0 type veth peer name dg1
ip addr add 10.200.0.1/24 brd + dev dg0
echo 1 > /proc/sys/net/ipv6/conf/dg1/disable_ipv6 2>/dev/null || true
ip link set dg0 up
ip link set dg1 up
ip route add default dev dg0
'
user=()
[ "$(id -u)" = 0 ] || user=(--map-root-user)
if command -v ip >/dev/null 2>&1 && command -v unshare >/dev/null 2>&1 &&
   unshare --net "${user[@]}" true 2>/dev/null; then
  exec unshare --net "${user[@]}" -- env DGRAM_NETNS=sandbox bash -c "$setup"'
exec "$@"' netns "$@"
fi
echo "netns.sh: no private network namespace here; broadcast and multicast tests skip" >&2
DGRAM_NETNS=off exec "$@"
