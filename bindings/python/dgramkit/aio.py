"""asyncio delivery: the library's event fd on the running loop, and an
asyncio.DatagramProtocol-shaped endpoint.

A socket created while an asyncio loop runs in this thread attaches that
loop: dgram_event_fd is registered with loop.add_reader, and when it is
readable dgram_poll(0) runs the pending listeners and callbacks on the
loop's thread. An exception a listener raises goes to the loop's exception
handler (loop.call_exception_handler), as an exception in any asyncio
callback does. One loop drives the library at a time: attaching another
detaches the first.
"""

import asyncio

from . import _ffi_gen as _ffi
from . import _lib
from . import _socket
from ._socket import _last_error

_attached = None  # the loop whose reader runs dgram_poll
_fd = None


def _readable():
    loop = _attached
    n = _lib.lib.dgram_poll(0)
    errs = _socket.take_errors()
    if n < 0:
        errs.append(_last_error(n))
    for e in errs:
        loop.call_exception_handler({"message": "exception in a dgramkit listener or callback", "exception": e})


def attach(loop=None):
    """Delivers every socket's events on loop (default: the running loop)."""
    global _attached, _fd
    loop = loop or asyncio.get_running_loop()
    if _attached is loop:
        return
    detach()
    _lib.check_fork("attach")
    fd = _lib.lib.dgram_event_fd()
    if fd < 0:
        raise _last_error(fd)
    loop.add_reader(fd, _readable)
    _attached, _fd = loop, fd


def detach():
    """Stops delivering events on the attached loop (blocking mode: dgramkit.poll)."""
    global _attached
    if _attached is not None and not _attached.is_closed():
        _attached.remove_reader(_fd)
    _attached = None


def _autoattach():
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return
    if _attached is not loop:
        attach(loop)


class DatagramTransport(asyncio.DatagramTransport):
    """The transport of create_datagram_endpoint: a dgramkit socket behind asyncio's API."""

    def __init__(self, sock, protocol, remote):
        super().__init__()
        self._sock, self._protocol, self._remote = sock, protocol, remote
        self._closing = False
        self._extra = {"socket": sock}

    def get_extra_info(self, name, default=None):
        """'sockname' (the local (address, port)), 'peername' (remote_addr) or 'socket'."""
        if name == "sockname":
            if self._sock.closed:
                return default
            a = self._sock.address()
            return (a.address, a.port)
        if name == "peername":
            return self._remote or default
        return self._extra.get(name, default)

    def sendto(self, data, addr=None):
        """Sends data to addr, (host, port), or to remote_addr; errors go to protocol.error_received."""
        addr = addr or self._remote
        if addr is None:
            raise ValueError("sendto needs an address: none given and no remote_addr")
        if self._closing:
            return
        try:
            self._sock.send(data, addr[1], addr[0], self._sent)
        except OSError as e:
            self._protocol.error_received(e)

    def _sent(self, err, _n):
        if err is not None:
            self._protocol.error_received(err)

    def is_closing(self):
        return self._closing

    def close(self):
        """Closes the socket; protocol.connection_lost(None) follows its 'close' event."""
        if not self._closing:
            self._closing = True
            self._sock.close()

    abort = close

    def get_write_buffer_size(self):
        return 0


async def create_datagram_endpoint(protocol_factory, local_addr=None, remote_addr=None, *, family="udp4",
                                   reuse_addr=False):
    """Like loop.create_datagram_endpoint, on a dgramkit socket: binds local_addr
    ((host, port); default any address, a free port), waits for 'listening' and
    returns (transport, protocol). protocol gets connection_made, datagram_received(data, (host, port)),
    error_received(exc) and connection_lost(None)."""
    loop = asyncio.get_running_loop()
    attach(loop)
    protocol = protocol_factory()
    sock = _socket.create_socket(type=family, reuse_addr=reuse_addr)
    transport = DatagramTransport(sock, protocol, tuple(remote_addr) if remote_addr else None)
    sock.on("message", lambda data, rinfo: protocol.datagram_received(data, (rinfo.address, rinfo.port)))
    sock.on("error", protocol.error_received)
    sock.on("close", lambda: protocol.connection_lost(None))
    listening = loop.create_future()
    host, port = local_addr if local_addr else (None, 0)
    try:
        sock.bind(port, host, lambda: listening.done() or listening.set_result(None))
    except BaseException:
        sock.close()
        raise
    await listening
    protocol.connection_made(transport)
    return transport, protocol


__all__ = ["attach", "detach", "create_datagram_endpoint", "DatagramTransport"]
