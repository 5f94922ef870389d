#!/usr/bin/env bash
# demo.sh BIN PYTHON: the Go echo server on dgramkit's Go core with the
# Python client examples/python/echo_client.py on libdgram, on loopback:
# once in blocking mode (dgramkit.run), once under asyncio. The server
# picks a free port and prints it first. DGRAMKIT_LIBRARY must name
# libdgram.so (python.mk sets it).
set -euo pipefail
bin=${1:-build} python=${2:-python3}
here=$(dirname "$0")
for mode in blocking --asyncio; do
  echo "== Go echo server, Python client ($mode)"
  coproc SERVER { exec "$bin/echo-server" -port 0 -count 3 -timeout 20s; }
  server_pid=$SERVER_PID
  exec {server_out}<&"${SERVER[0]}"
  read -r -t 10 line <&"$server_out" || { echo "demo-python: the server did not start" >&2; exit 1; }
  echo "$line"
  port=${line##*:}
  PYTHONPATH="$here/../../bindings/python" PYTHONDONTWRITEBYTECODE=1 "$python" "$here/echo_client.py" "$port" 127.0.0.1 3 $([ "$mode" = blocking ] || echo "$mode")
  cat <&"$server_out"
  wait "$server_pid"
done
echo "demo-python: ok"
