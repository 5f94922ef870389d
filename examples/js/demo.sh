#!/usr/bin/env bash
# demo.sh: the Go echo server on dgramkit's Go core, and the JavaScript
# client examples/js/echo-client.js run by dgramjs, on loopback. The server
# picks a free port and prints it first; the client sends three datagrams
# to it; both print what they receive and exit.
set -euo pipefail
bin=${1:-build}
coproc SERVER { exec "$bin/echo-server" -port 0 -count 3 -timeout 20s; }
server_pid=$SERVER_PID
exec {server_out}<&"${SERVER[0]}"
read -r -t 10 line <&"$server_out" || { echo "demo-js: the server did not start" >&2; exit 1; }
echo "$line"
port=${line##*:}
"$bin/dgramjs" "$(dirname "$0")/echo-client.js" "$port" 127.0.0.1 3
cat <&"$server_out"
wait "$server_pid"
echo "demo-js: ok"
