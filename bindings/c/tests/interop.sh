#!/usr/bin/env bash
# interop.sh CBIN GOBIN LIBDIR: the C examples, built against the installed
# library, with the Go examples and with each other: datagrams both ways
# between a Go and a C program, then the seed's broadcast and multicast
# examples (inside tests/netns.sh's namespace; elsewhere they skip). The
# last line is "N passed, N failed".
set -uo pipefail
cbin=$1 gobin=$2
export LD_LIBRARY_PATH=$3
passed=0 failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# start NAME CMD...: runs CMD in the background, its output in $tmp/NAME,
# and sets line to its first line (waiting up to 10 s) and pid to its pid.
start() {
  local name=$1; shift
  "$@" >"$tmp/$name" 2>&1 &
  pid=$!
  line=
  for _ in $(seq 100); do
    line=$(head -n 1 "$tmp/$name")
    [ -n "$line" ] && return 0
    sleep 0.1
  done
  return 1
}

ok() { echo "ok   $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }

# pair NAME SERVER CLIENT: the server prints "server listening at A:P"
# first; the client gets -port P; both must exit 0 and the client must
# print three echoes.
pair() {
  local name=$1 server=$2 client=$3 port out
  if ! start server $server -port 0 -count 3; then bad "$name: the server did not start"; kill "$pid" 2>/dev/null; return; fi
  port=${line##*:}
  out=$($client -port "$port" -count 3 2>&1)
  local crc=$?
  wait "$pid"; local src=$?
  local rest; rest=$(cat "$tmp/server")
  if [ $crc = 0 ] && [ $src = 0 ] && [ "$(grep -c '^client got: Hello IoT.js #' <<<"$out")" = 3 ] &&
     [ "$(grep -c '^server got: Hello IoT.js #' <<<"$rest")" = 3 ]; then
    ok "$name"
  else
    bad "$name (client $crc, server $src)"; echo "$line"; echo "$out"; echo "$rest"
  fi
}

pair "Go server, C client" "$gobin/echo-server -timeout 20s" "$cbin/echo_client -timeout 20"
pair "C server, Go client" "$cbin/echo_server -timeout 20" "$gobin/echo-client -timeout 20s"
pair "C server, C client" "$cbin/echo_server -timeout 20" "$cbin/echo_client -timeout 20"

if [ "${DGRAM_NETNS:-}" != sandbox ]; then
  echo "skip broadcast and multicast examples: no private network namespace"
else
  # broadcast: a C server on 0.0.0.0:41237 (reuseAddr) gets the sender's three broadcasts
  start bserver "$cbin/echo_server" -port 41237 -address 0.0.0.0 -reuse -count 3 -timeout 20
  bpid=$pid
  out=$("$cbin/broadcast_sender" -port 41237 -count 3 -timeout 20 2>&1); brc=$?
  wait "$bpid"; bsrc=$?; rest=$(cat "$tmp/bserver")
  if [ $brc = 0 ] && [ $bsrc = 0 ] && [ "$(grep -c '^server got: Hello IoT.js from 10.200.0.1:41237' <<<"$rest")" = 3 ]; then
    ok "broadcast_sender to 255.255.255.255, received by echo_server"
  else
    bad "broadcast (sender $brc, server $bsrc)"; echo "$line"; echo "$out"; echo "$rest"
  fi
  # multicast: the listener joins 230.255.255.250 and leaves after the first message
  start mlistener "$cbin/multicast_listener" -port 12345 -count 1 -timeout 20
  mpid=$pid
  out=$("$cbin/broadcast_sender" -port 12345 -bind 0 -address 230.255.255.250 -count 3 -timeout 20 2>&1); mrc=$?
  wait "$mpid"; msrc=$?; rest=$(cat "$tmp/mlistener")
  if [ $mrc = 0 ] && [ $msrc = 0 ] && [ "$line" = "listening on 12345, joined 230.255.255.250" ] &&
     grep -q '^multicast got: Hello IoT.js from 10.200.0.1:' <<<"$rest"; then
    ok "multicast_listener joined 230.255.255.250 and got the group's datagram"
  else
    bad "multicast (sender $mrc, listener $msrc)"; echo "$line"; echo "$out"; echo "$rest"
  fi
fi
echo "$passed passed, $failed failed"
[ $failed = 0 ]
