#!/usr/bin/env bash
# demo.sh CBIN GOBIN: the Go echo server with the C client (thread
# delivery), then the C echo server (poll delivery) with the Go client, on
# loopback. LD_LIBRARY_PATH must find libdgram.so.1.
set -euo pipefail
cbin=$1 gobin=$2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run_pair SERVER CLIENT: starts SERVER, reads its "server listening at A:P"
# line, runs CLIENT -port P, and waits for the server.
run_pair() {
  local server=$1 client=$2 line= port pid
  $server -port 0 -count 3 >"$tmp/server" 2>&1 &
  pid=$!
  for _ in $(seq 100); do
    line=$(head -n 1 "$tmp/server")
    [ -n "$line" ] && break
    sleep 0.1
  done
  [ -n "$line" ] || { echo "demo: the server did not start" >&2; return 1; }
  port=${line##*:}
  $client -port "$port" -count 3
  wait "$pid"
  cat "$tmp/server"
}

echo "== Go echo server, C client (callbacks on a library thread)"
run_pair "$gobin/echo-server -timeout 20s" "$cbin/echo_client"
echo "== C echo server (callbacks from a poll(2) loop on dgram_event_fd), Go client"
run_pair "$cbin/echo_server -timeout 20" "$gobin/echo-client"
echo "demo-c: ok"
