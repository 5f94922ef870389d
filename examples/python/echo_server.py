#!/usr/bin/env python3
"""echo_server.py: the seed's UDP server example from Python (dgramkit on
libdgram), echoing: it prints "server listening at ADDRESS:PORT" (port 0
picks a free one), echoes every datagram back, and closes after COUNT of
them; blocking mode (dgramkit.run). It gives up after 20 s.

    python3 examples/python/echo_server.py [PORT] [ADDRESS] [COUNT]
"""

import sys

import dgramkit


def main() -> None:
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 41234
    address = sys.argv[2] if len(sys.argv) > 2 else '127.0.0.1'
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    server = dgramkit.create_socket('udp4')
    received = [0]

    def on_error(err: dgramkit.DgramError) -> None:
        print('Error: %s' % err)
        server.close()

    def on_message(msg: bytes, rinfo: dgramkit.RemoteInfo) -> None:
        print('server got: %s from %s:%d' % (msg.decode(), rinfo.address, rinfo.port), flush=True)
        server.send(msg, rinfo.port, rinfo.address)
        received[0] += 1
        if received[0] == count:
            server.close()

    def on_listening() -> None:
        a = server.address()
        print('server listening at %s:%d' % (a.address, a.port), flush=True)

    server.on('error', on_error)
    server.on('message', on_message)
    server.on('listening', on_listening)
    server.bind(port, address)
    if not server.run(timeout=20):
        sys.exit('echo_server: timed out')


if __name__ == '__main__':
    main()
