#!/usr/bin/env bash
# demo.sh: an echo server and a client, both on dgramkit's Go core, on
# loopback. The server picks a free port and prints it first; the client
# sends three datagrams to it; both print what they receive and exit.
set -euo pipefail
bin=${1:-build}
coproc SERVER { exec "$bin/echo-server" -port 0 -count 3 -timeout 20s; }
server_pid=$SERVER_PID
# bash unsets SERVER when the server exits: keep its output on our own fd.
exec {server_out}<&"${SERVER[0]}"
read -r -t 10 line <&"$server_out" || { echo "demo: the server did not start" >&2; exit 1; }
echo "$line"
port=${line##*:}
"$bin/echo-client" -port "$port" -count 3
cat <&"$server_out"
wait "$server_pid"
echo "demo: ok"
