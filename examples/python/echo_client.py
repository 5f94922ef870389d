#!/usr/bin/env python3
"""echo_client.py: the seed's dgram API from Python (dgramkit on libdgram).
It sends COUNT datagrams to an echo server and prints each echo, then
closes; asyncio delivery with --asyncio, blocking mode (dgramkit.run)
otherwise. It gives up after 10 s.

    python3 examples/python/echo_client.py PORT [ADDRESS] [COUNT] [--asyncio]
"""

import asyncio
import sys
from typing import Callable, Optional

import dgramkit


def client(port: int, address: str, count: int, done: Callable[[], object]) -> dgramkit.Socket:
    sock = dgramkit.create_socket('udp4')
    received = [0]

    def on_message(msg: bytes, rinfo: dgramkit.RemoteInfo) -> None:
        print('client got: %s from %s:%d (%s, %d bytes)' % (msg.decode(), rinfo.address, rinfo.port,
                                                         rinfo.family, rinfo.size), flush=True)
        received[0] += 1
        if received[0] == count:
            sock.close(done)

    def on_error(err: dgramkit.DgramError) -> None:
        print('Error: %s' % err)
        sock.close()

    def on_sent(err: Optional[dgramkit.DgramError], nbytes: int) -> None:
        if err:
            raise err

    sock.on('message', on_message)
    sock.on('error', on_error)
    for i in range(1, count + 1):
        sock.send('Hello IoT.js %d (Python)' % i, port, address, on_sent)
    return sock


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    port = int(args[0]) if args else 41234
    address = args[1] if len(args) > 1 else '127.0.0.1'
    count = int(args[2]) if len(args) > 2 else 3
    if '--asyncio' in sys.argv:
        async def run() -> None:
            closed = asyncio.get_running_loop().create_future()
            client(port, address, count, lambda: closed.set_result(None))
            await asyncio.wait_for(closed, 10)
        asyncio.run(run())
    else:
        sock = client(port, address, count, lambda: None)
        if not sock.run(timeout=10):
            sys.exit('echo_client: timed out')


if __name__ == '__main__':
    main()
