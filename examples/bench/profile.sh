#!/bin/sh
# profile.sh BIN: make bench-profile. CPU and allocation profiles of the
# servers under load, as pprof files and top-20 texts in BIN/prof:
#   go-<impl>-echo64-server.{cpu,mem}  the echo server of raw, xnet and
#       dgramkit (pooled and copying) under its own echo64 client (a run for
#       each profile)
#   go-dgramkit-blast-{sink,sender}.cpu  both ends of blast
#   js-echo64-server.{cpu,mem}  the JavaScript host's echo server (jsprof
#       is dgramjs with profiles) under a Node client
# Every run is bounded: the clients measure for 3 s, blast sends 1,000,000.
set -eu
BIN=$1
OUT=$BIN/prof
mkdir -p "$OUT"
LIFE=lifetime=60

port_of() { # waits for the PORT line of a server's output file
    for _ in $(seq 100); do
        p=$(sed -n 's/^PORT //p' "$1")
        if [ -n "$p" ]; then echo "$p"; return; fi
        sleep 0.05
    done
    echo "profile.sh: no port in $1" >&2; exit 1
}

top() { # top OUT.txt pprof-args...: pprof's top 20 into a text file
    out=$1; shift
    go tool pprof -top -nodecount=20 "$@" > "$out" 2>/dev/null || true
}

# CPU and allocations in separate runs: recording every allocation slows
# the allocating paths down.
for impl in raw xnet dgramkit dgramkit-copy; do
    name=$OUT/go-$impl-echo64-server
    for prof in cpuprofile="$name.cpu" memprofile="$name.mem"; do
        "$BIN/benchgo" "$impl" echo-server "$prof" $LIFE > "$OUT/server.out" &
        srv=$!
        port=$(port_of "$OUT/server.out")
        "$BIN/benchgo" "$impl" echo-client port="$port" size=64 measure=3000 $LIFE | grep RESULT
        kill -TERM $srv; wait $srv || true
    done
    top "$name.cpu.txt" "$BIN/benchgo" "$name.cpu"
    top "$name.mem.txt" -sample_index=alloc_objects "$BIN/benchgo" "$name.mem"
done

name=$OUT/go-dgramkit-blast
"$BIN/benchgo" dgramkit sink rcvbuf=4194304 count=1000000 cpuprofile="$name-sink.cpu" $LIFE > "$OUT/server.out" &
srv=$!
port=$(port_of "$OUT/server.out")
"$BIN/benchgo" dgramkit blast port="$port" cpuprofile="$name-sender.cpu" $LIFE | grep RESULT
wait $srv; grep RESULT "$OUT/server.out"
top "$name-sink.cpu.txt" "$BIN/benchgo" "$name-sink.cpu"
top "$name-sender.cpu.txt" "$BIN/benchgo" "$name-sender.cpu"

name=$OUT/js-echo64-server
for prof in "-cpuprofile $name.cpu" "-memprofile $name.mem"; do
    # shellcheck disable=SC2086
    "$BIN/jsprof" $prof examples/bench/node/bench.js echo-server $LIFE > "$OUT/server.out" &
    srv=$!
    port=$(port_of "$OUT/server.out")
    node examples/bench/node/bench.js echo-client port="$port" size=64 measure=3000 $LIFE | grep RESULT
    kill -TERM $srv; wait $srv || true
done
top "$name.cpu.txt" "$BIN/jsprof" "$name.cpu"
top "$name.mem.txt" -sample_index=alloc_objects "$BIN/jsprof" "$name.mem"

rm -f "$OUT/server.out"
echo "profile.sh: profiles and their top-20 texts in $OUT"
ls "$OUT"
