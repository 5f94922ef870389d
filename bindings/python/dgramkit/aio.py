"""asyncio delivery: the library's event fd on the running loop, and an
asyncio.DatagramProtocol-shaped endpoint.

A socket created while an asyncio loop runs in this thread attaches that
loop: the thread's queue's descriptor (dgram_queue_event_fd) is registered
with loop.add_reader, and when it is readable dgram_queue_poll(q, 0) runs
the pending listeners and callbacks on the loop's thread. An exception a listener raises goes to the loop's exception
handler (loop.call_exception_handler), as an exception in any asyncio
callback does, but SystemExit and KeyboardInterrupt, which leave the loop
(asyncio.run) as they do from asyncio's own callbacks and transports. Each
thread has its own queue (_queues): a loop runs the events of the sockets
created on its thread, so loops in two threads never see each other's.
"""

import asyncio
import ipaddress
import socket
import threading

from . import _ffi_gen as _ffi
from . import _lib
from . import _queues
from . import _socket
from ._socket import _last_error

_attached = threading.local()  # .loop: the loop that polls this thread's queue, .fd its descriptor


def _readable():
    loop = _attached.loop
    try:
        _socket.run_pending()
    finally:
        _report(loop)


def _report(loop):
    """What listeners raised: an Exception to the loop's exception handler;
    SystemExit or KeyboardInterrupt raised out of the loop's callback, as
    asyncio's Handle does (the others wait for the next batch)."""
    leave = None
    errs = _socket.take_errors()
    for e in errs:
        if leave is not None:
            _queues.current().errors.append(e)
        elif isinstance(e, (SystemExit, KeyboardInterrupt)):
            leave = e
        else:
            loop.call_exception_handler({"message": "exception in a dgramkit listener or callback", "exception": e})
    if leave is not None:
        raise leave


def attach(loop=None):
    """Delivers the events of this thread's sockets on loop (default: the
    running loop), which must run on this thread. Each thread has its own
    queue: loops in two threads each get their own sockets' events."""
    loop = loop or asyncio.get_running_loop()
    if getattr(_attached, "loop", None) is loop:
        return
    detach()
    _lib.check_fork("attach")
    q = _queues.current()
    loop.add_reader(q.fd, _readable)
    _attached.loop, _attached.fd = loop, q.fd


def detach():
    """Stops delivering this thread's events on the attached loop (blocking mode: dgramkit.poll)."""
    loop = getattr(_attached, "loop", None)
    if loop is not None and not loop.is_closed():
        loop.remove_reader(_attached.fd)
    _attached.loop = None


def _autoattach():
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return
    if getattr(_attached, "loop", None) is not loop:
        attach(loop)


class DatagramTransport(asyncio.DatagramTransport):
    """The transport of create_datagram_endpoint: a dgramkit socket behind
    asyncio's API. While it is open the module holds it, as an asyncio loop
    holds its transports."""

    def __init__(self, sock, protocol, remote, family):
        super().__init__()
        self._sock, self._protocol, self._remote = sock, protocol, remote
        self._v6 = family == socket.AF_INET6
        self._closing = False
        self._extra = {"socket": sock, "peername": remote}
        _open.add(self)

    def _addr(self, host, port):
        """An address as asyncio gives it: (host, port), on udp6 (host, port, flowinfo, scope_id)."""
        return (host, port, 0, 0) if self._v6 else (host, port)

    def get_extra_info(self, name, default=None):
        """'sockname' (the local address), 'peername' (remote_addr; None
        without one) or 'socket' (the dgramkit.Socket)."""
        if name == "sockname":
            if self._sock.closed:
                return default
            a = self._sock.address()
            return self._addr(a.address, a.port)
        if name == "peername":
            return self._remote if self._remote is not None else default
        return self._extra.get(name, default)

    def sendto(self, data, addr=None):
        """Sends data to addr, or to remote_addr (then addr must be None or
        remote_addr, else ValueError, as asyncio's); a system error goes to
        protocol.error_received."""
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError("data argument must be a bytes-like object, not %r" % type(data).__name__)
        if self._remote is not None:
            if addr not in (None, self._remote):
                raise ValueError("Invalid address: must be None or %s" % (self._remote,))
        elif addr is None:
            raise ValueError("sendto needs an address: none given and no remote_addr")
        if self._closing:
            return
        try:
            if self._remote is not None:
                self._sock.send(data, self._sent)
            else:
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

    def _lost(self):
        _open.discard(self)
        self._protocol.connection_lost(None)


_open: "set[DatagramTransport]" = set()  # the open transports


def _family_of(family):
    """A family argument (0, socket.AF_INET, socket.AF_INET6, 'udp4', 'udp6') as socket's."""
    if family in (0, None):
        return 0
    if family in (socket.AF_INET, "udp4"):
        return socket.AF_INET
    if family in (socket.AF_INET6, "udp6"):
        return socket.AF_INET6
    raise ValueError("unexpected address family %r: AF_INET or AF_INET6 (a UDP socket is udp4 or udp6)" % (family,))


async def _resolve(loop, addr, family):
    """[(family, (host, port))] for an address, as asyncio resolves it: an IP
    literal as it is, a name by loop.getaddrinfo."""
    if not (isinstance(addr, tuple) and len(addr) in (2, 4)):
        raise TypeError("2-tuple is expected")
    host, port = addr[:2]
    if host is None:
        return [(f, (None, port)) for f in ((family,) if family else (socket.AF_INET,))]
    try:
        ip = ipaddress.ip_address(host.split("%", 1)[0] if isinstance(host, str) else host)
    except ValueError:
        infos = await loop.getaddrinfo(host, port, family=family, type=socket.SOCK_DGRAM)
        if not infos:
            raise OSError("getaddrinfo() returned empty list")
        return [(f, a[:2]) for f, _, _, _, a in infos if f in (socket.AF_INET, socket.AF_INET6)]
    f = socket.AF_INET6 if ip.version == 6 else socket.AF_INET
    return [(f, (host, port))] if family in (0, f) else []


async def create_datagram_endpoint(protocol_factory, local_addr=None, remote_addr=None, *, family=0,
                                   reuse_port=None, allow_broadcast=None, reuse_addr=False):
    """loop.create_datagram_endpoint on a dgramkit socket, with its arguments
    and behaviour: the family is family (socket.AF_INET or AF_INET6; 'udp4'
    and 'udp6' too), else that of local_addr or remote_addr; the socket is
    bound to local_addr ((host, port)) when given; with remote_addr it is
    connected: it receives only from remote_addr, sendto sends there (another
    address is ValueError), and a peer that refuses (ICMP port unreachable)
    is a ConnectionRefusedError to protocol.error_received. Returns
    (transport, protocol) once connection_made ran; the protocol gets
    datagram_received(data, addr), error_received(exc) and
    connection_lost(None) after close. reuse_addr (dgramkit's) sets
    SO_REUSEADDR."""
    loop = asyncio.get_running_loop()
    attach(loop)
    fam = _family_of(family)
    if not (local_addr or remote_addr):
        if fam == 0:
            raise ValueError("unexpected address family")
        pairs = [(fam, (None, None))]
    else:
        found = {}
        for i, addr in ((0, local_addr), (1, remote_addr)):
            if addr:
                for f, a in await _resolve(loop, tuple(addr), fam):
                    found.setdefault(f, [None, None])[i] = a
        pairs = [(f, p) for f, p in found.items() if not (local_addr and p[0] is None or remote_addr and p[1] is None)]
        if not pairs:
            raise ValueError("can not get address information")
    f, (local, remote) = pairs[0]
    sock = _socket.create_socket(type="udp6" if f == socket.AF_INET6 else "udp4", reuse_addr=reuse_addr,
                                 reuse_port=reuse_port)
    try:
        listening = loop.create_future()
        sock.once("listening", lambda: listening.done() or listening.set_result(None))
        if local is not None or remote is None or allow_broadcast:
            sock.bind(0 if local is None else local[1], None if local is None else local[0])
        if allow_broadcast:
            sock.set_broadcast(True)
        r = None
        if remote is not None:
            r = tuple(remote)
            if not allow_broadcast:
                sock.connect(remote[1], remote[0])  # binds first when unbound: 'listening', then 'connect'
                ra = sock.remote_address()
                r = (ra.address, ra.port)
            if f == socket.AF_INET6:
                r = r + (0, 0)
        await listening
    except BaseException:
        sock.close()
        raise
    protocol = protocol_factory()
    transport = DatagramTransport(sock, protocol, r, f)
    addr = transport._addr
    sock.on("message", lambda data, rinfo: protocol.datagram_received(data, addr(rinfo.address, rinfo.port)))
    sock.on("error", protocol.error_received)
    sock.on("close", transport._lost)
    protocol.connection_made(transport)
    return transport, protocol


__all__ = ["attach", "detach", "create_datagram_endpoint", "DatagramTransport"]
