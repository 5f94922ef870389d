"""Loops and threads each on their own queue (issue 20, defect 3): two
asyncio loops in two threads, and two threads in blocking mode, each see
only the events of the sockets they created, on their own thread, and a
listener's exception surfaces in its own thread's poll. One loop ending
leaves the other's sockets running."""

import asyncio
import threading

import dgramkit
from conftest import pump

N = 100


def _loop_thread(name, barrier, first_done, results):
    async def main():
        loop = asyncio.get_running_loop()
        me = threading.get_ident()
        seen = {"threads": set(), "got": 0}
        done = loop.create_future()
        server = dgramkit.create_socket("udp4")
        server.on("message", lambda data, rinfo: server.send(data, rinfo.port, rinfo.address))
        client = dgramkit.create_socket("udp4")

        def on_echo(data, rinfo):
            seen["threads"].add(threading.get_ident())
            seen["got"] += 1
            if seen["got"] in (N, 2 * N) and not done.done():
                done.set_result(None)

        client.on("message", on_echo)
        ready = loop.create_future()
        server.bind(0, "127.0.0.1", lambda: ready.set_result(None))
        await ready
        port = server.address().port
        await loop.run_in_executor(None, barrier.wait)  # both loops run, with their sockets
        for i in range(N):
            client.send(b"%s %d" % (name.encode(), i), port, "127.0.0.1")
        await asyncio.wait_for(done, 10)
        if name == "A":
            # B's loop ends meanwhile: A's sockets still deliver here
            await loop.run_in_executor(None, first_done.wait)
            done = loop.create_future()
            for i in range(N):
                client.send(b"again %d" % i, port, "127.0.0.1")
            await asyncio.wait_for(done, 10)
        else:
            first_done.set()
        results[name] = (seen["got"], seen["threads"] == {me})
        client.close()
        server.close()
        closed = loop.create_future()
        server.on("close", lambda: closed.set_result(None))
        await closed
    asyncio.run(main())


def test_two_asyncio_loops_in_two_threads():
    barrier, first_done, results = threading.Barrier(2), threading.Event(), {}
    threads = [threading.Thread(target=_loop_thread, args=(n, barrier, first_done, results)) for n in "AB"]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert results == {"A": (2 * N, True), "B": (N, True)}
    pump(lambda: dgramkit.live_sockets() == 0)


def test_blocking_threads_see_their_own_exceptions():
    barrier, results = threading.Barrier(2), {}

    def worker(name):
        s = dgramkit.create_socket("udp4")
        got = []

        def listener(data, rinfo):
            got.append(data)
            raise ValueError(name)

        s.on("message", listener)
        s.bind(0, "127.0.0.1")
        barrier.wait()
        for i in range(20):
            s.send(b"%d" % i, s.address().port, "127.0.0.1")
        caught = []
        while len(got) < 20 or len(caught) < 20:
            try:
                dgramkit.poll(5)
            except ValueError as e:
                caught.append(str(e))
        s.close()
        dgramkit.run(timeout=5)
        results[name] = caught

    threads = [threading.Thread(target=worker, args=(n,)) for n in ("one", "two")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert results == {"one": ["one"] * 20, "two": ["two"] * 20}
