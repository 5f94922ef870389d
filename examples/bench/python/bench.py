#!/usr/bin/env python3
"""bench.py: the benchmark's workloads (examples/bench/node/bench.js) in
Python under asyncio, on two stacks:

    python3 bench.py dgramkit ROLE key=value...   dgramkit (libdgram, its event fd on the loop)
    python3 bench.py asyncio ROLE key=value...    Python's own asyncio UDP endpoint

Roles and output are bench.js's (echo-server, sink, echo-client,
ping-client, blast; PORT n, START, END, RESULT {...}); every loop is
bounded in count and time (lifetime=S, default 120). examples/bench/run
starts it with DGRAMKIT_LIBRARY and PYTHONPATH set.
"""

import asyncio
import json
import os
import signal
import sys
import time

HOST = "127.0.0.1"


def now():
    return time.monotonic_ns()


def result(obj):
    print("RESULT " + json.dumps(obj), flush=True)


class DgramkitSock:
    """A socket on dgramkit."""

    async def bind(self, on_message, rcvbuf=0):
        import dgramkit
        self.s = dgramkit.create_socket("udp4", **({"recv_buffer_size": rcvbuf} if rcvbuf else {}))
        self.s.on("message", lambda data, rinfo: on_message(data, rinfo.port))
        listening = asyncio.get_running_loop().create_future()
        self.s.bind(0, HOST, lambda: listening.set_result(None))
        await listening
        return self.s.address().port

    def send(self, msg, port, cb=None):
        self.s.send(msg, port, HOST, cb and (lambda err, n: cb()))

    def close(self):
        self.s.close()


class AsyncioSock(asyncio.DatagramProtocol):
    """A socket on Python's own asyncio UDP endpoint."""

    async def bind(self, on_message, rcvbuf=0):
        import socket
        self.on_message = on_message
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        if rcvbuf:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        sock.bind((HOST, 0))
        self.t, _ = await asyncio.get_running_loop().create_datagram_endpoint(lambda: self, sock=sock)
        return sock.getsockname()[1]

    def datagram_received(self, data, addr):
        self.on_message(data, addr[1])

    def send(self, msg, port, cb=None):
        self.t.sendto(msg, (HOST, port))
        if cb:
            asyncio.get_running_loop().call_soon(cb)

    def close(self):
        self.t.close()


async def echo_server(sock, opt):
    stop = asyncio.get_running_loop().create_future()
    port = await sock.bind(lambda data, p: sock.send(data, p))
    print("PORT %d" % port, flush=True)
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, lambda: stop.done() or stop.set_result(None))
    await stop
    sock.close()


async def sink(sock, opt):
    want, idle = opt.get("count", 1000000), opt.get("idle", 500)
    st = {"n": 0, "first": 0, "last": 0}
    done = asyncio.get_running_loop().create_future()

    def on_message(data, p):
        t = now()
        if st["n"] == 0:
            st["first"] = t
        st["n"] += 1
        st["last"] = t
        if st["n"] == want and not done.done():
            done.set_result(None)
    port = await sock.bind(on_message, opt.get("rcvbuf", 0))
    print("PORT %d" % port, flush=True)
    seen = -1
    while not done.done():
        await asyncio.sleep(max(10, idle / 5) / 1000)
        if st["n"] > 0 and st["n"] == seen and (now() - st["last"]) / 1e6 >= idle:
            break
        seen = st["n"]
    result({"received": st["n"], "secs": (st["last"] - st["first"]) / 1e9})
    sock.close()


async def echo_client(sock, opt):
    port, inflight = opt["port"], opt.get("inflight", 64)
    warm, measure = opt.get("warm", 500), opt.get("measure", 3000)
    msg = b"x" * opt.get("size", 64)
    st = {"n": 0, "finished": False}

    def on_message(data, p):
        if not st["finished"]:
            st["n"] += 1
            sock.send(msg, port)
    await sock.bind(on_message)

    def prime():
        for _ in range(inflight):
            sock.send(msg, port)

    async def stall():  # a lost datagram lowers what is in flight: top up
        seen = 0
        while not st["finished"]:
            await asyncio.sleep(0.2)
            if st["n"] == seen:
                prime()
            seen = st["n"]
    prime()
    task = asyncio.ensure_future(stall())
    await asyncio.sleep(warm / 1000)
    n0, t0 = st["n"], now()
    print("START", flush=True)
    await asyncio.sleep(measure / 1000)
    n1, t1 = st["n"], now()
    print("END", flush=True)
    st["finished"] = True
    task.cancel()
    result({"msgs": n1 - n0, "secs": (t1 - t0) / 1e9})
    sock.close()


async def ping_client(sock, opt):
    port, total, warm = opt["port"], opt.get("n", 50000), opt.get("warm", 1000)
    msg = b"x" * opt.get("size", 64)
    st = {"i": 0, "sent": 0, "lost": 0, "start": 0, "end": 0}
    rtts = []
    done = asyncio.get_running_loop().create_future()

    def on_message(data, p):
        if done.done():
            return
        t = now()
        if st["i"] >= warm:
            rtts.append(t - st["sent"])
        st["i"] += 1
        if st["i"] == warm + 1:
            st["start"] = st["sent"]
        if st["i"] == warm + total:
            st["end"] = t
            done.set_result(None)
            return
        st["sent"] = now()
        sock.send(msg, port)
    await sock.bind(on_message)
    st["sent"] = now()
    sock.send(msg, port)
    while not done.done():  # a lost datagram is sent again after 100 ms (and counted)
        await asyncio.wait([done], timeout=0.1)
        if not done.done() and (now() - st["sent"]) / 1e6 > 100:
            st["lost"] += 1
            st["sent"] = now()
            sock.send(msg, port)
    rtts.sort()

    def pct(p):
        return rtts[min(len(rtts) - 1, int(p * len(rtts)))] / 1e3
    result({"n": len(rtts), "lost": st["lost"], "mean_us": (st["end"] - st["start"]) / len(rtts) / 1e3,
            "hires": True, "p50_us": pct(0.5), "p99_us": pct(0.99)})
    sock.close()


async def blast(sock, opt):
    port, total = opt["port"], opt.get("n", 1000000)
    msg = b"x" * opt.get("size", 64)
    await sock.bind(lambda data, p: None)
    t0 = now()
    i = 0
    while i < total - 1:
        for _ in range(min(10000, total - 1 - i)):
            sock.send(msg, port)
            i += 1
        await asyncio.sleep(0)
    last = asyncio.get_running_loop().create_future()
    sock.send(msg, port, lambda: last.set_result(None))
    await last
    result({"sent": total, "secs": (now() - t0) / 1e9})
    sock.close()


ROLES = {"echo-server": echo_server, "sink": sink, "echo-client": echo_client, "ping-client": ping_client,
         "blast": blast}
STACKS = {"dgramkit": DgramkitSock, "asyncio": AsyncioSock}


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in STACKS or sys.argv[2] not in ROLES:
        sys.exit("usage: bench.py dgramkit|asyncio ROLE key=value...")
    opt = {}
    for kv in sys.argv[3:]:
        k, v = kv.split("=", 1)
        opt[k] = int(float(v))
    lifetime = opt.get("lifetime", 120)

    async def run():
        await asyncio.wait_for(ROLES[sys.argv[2]](STACKS[sys.argv[1]](), opt), lifetime)
    try:
        asyncio.run(run())
    except asyncio.TimeoutError:
        print("bench.py %s: gave up after %d s" % (sys.argv[2], lifetime), file=sys.stderr)
        os._exit(3)


if __name__ == "__main__":
    main()
