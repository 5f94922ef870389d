"""dgramkit.create_datagram_endpoint side by side with asyncio's own
loop.create_datagram_endpoint (issue 20, defect 5): the same scenario runs
on both, and what a protocol sees must be the same: remote_addr connects
(the family of the peer, datagrams from strangers filtered out, sendto to
another address a ValueError, a peer that is gone a ConnectionRefusedError
through error_received), family= and a family inferred from local_addr."""

import asyncio
import socket

import pytest

import dgramkit


def _has_ipv6_loopback():
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_DGRAM) as s:
            s.bind(("::1", 0))
        return True
    except OSError:
        return False


needs_ipv6 = pytest.mark.skipif(not _has_ipv6_loopback(), reason="no IPv6 loopback (::1) here")


class Recorder(asyncio.DatagramProtocol):
    def __init__(self):
        loop = asyncio.get_running_loop()
        self.got = asyncio.Queue()
        self.error = loop.create_future()
        self.lost = loop.create_future()

    def datagram_received(self, data, addr):
        self.got.put_nowait((data, addr))

    def error_received(self, exc):
        if not self.error.done():
            self.error.set_result(exc)

    def connection_lost(self, exc):
        self.lost.set_result(exc)


def _asyncio(*a, **kw):
    return asyncio.get_running_loop().create_datagram_endpoint(*a, **kw)


async def _connected(create, family, host):
    """remote_addr: what the protocol and the peer see."""
    loop = asyncio.get_running_loop()
    obs = {}
    with socket.socket(family, socket.SOCK_DGRAM) as peer, socket.socket(family, socket.SOCK_DGRAM) as stranger:
        peer.bind((host, 0))
        peer.setblocking(False)
        paddr = peer.getsockname()
        proto = Recorder()
        tr, _ = await create(lambda: proto, remote_addr=paddr[:2])
        name = tr.get_extra_info("sockname")
        obs["sockname"] = (name[0], len(name))
        obs["peername is the peer"] = tr.get_extra_info("peername") == paddr
        stranger.sendto(b"stranger", name)
        peer.sendto(b"peer", name)  # after the stranger's: the first datagram if those are filtered
        data, addr = await asyncio.wait_for(proto.got.get(), 5)
        obs["first datagram"] = (data, addr == paddr)
        try:
            tr.sendto(b"x", (host, 9))
            obs["sendto elsewhere"] = "sent"
        except ValueError:
            obs["sendto elsewhere"] = "ValueError"
        tr.sendto(b"to the peer")
        tr.sendto(b"to the peer, named", paddr)
        obs["peer got"] = [await asyncio.wait_for(loop.sock_recv(peer, 100), 5) for _ in range(2)]
        peer.close()
        tr.sendto(b"gone")
        exc = await asyncio.wait_for(proto.error, 5)
        obs["peer gone"] = isinstance(exc, ConnectionRefusedError)
        tr.close()
        obs["connection_lost"] = await asyncio.wait_for(proto.lost, 5)
    return obs


async def _local(create, **kw):
    """local_addr and family: the socket's name, and an echo through it."""
    proto = Recorder()
    tr, _ = await create(lambda: proto, **kw)
    name = tr.get_extra_info("sockname")
    fam = socket.AF_INET6 if len(name) == 4 else socket.AF_INET
    with socket.socket(fam, socket.SOCK_DGRAM) as c:
        c.bind((name[0], 0))
        c.sendto(b"hi", name)
        data, addr = await asyncio.wait_for(proto.got.get(), 5)
        tr.sendto(b"back", addr)
        c.settimeout(5)
        back = c.recv(100)
        obs = {"sockname": (name[0], len(name)), "datagram": (data, addr == c.getsockname()), "back": back,
               "peername": tr.get_extra_info("peername")}
    tr.close()
    await asyncio.wait_for(proto.lost, 5)
    return obs


def _side_by_side(scenario, *args, **kw):
    theirs = asyncio.run(scenario(_asyncio, *args, **kw))
    ours = asyncio.run(scenario(dgramkit.create_datagram_endpoint, *args, **kw))
    assert ours == theirs
    return ours


def test_remote_addr_connects_as_asyncios():
    obs = _side_by_side(_connected, socket.AF_INET, "127.0.0.1")
    assert obs["first datagram"] == (b"peer", True) and obs["sendto elsewhere"] == "ValueError" and obs["peer gone"]


@needs_ipv6
def test_remote_addr_ipv6_as_asyncios():
    obs = _side_by_side(_connected, socket.AF_INET6, "::1")
    assert obs["sockname"] == ("::1", 4)


@pytest.mark.parametrize("kw", [
    {"local_addr": ("127.0.0.1", 0)},
    {"local_addr": ("127.0.0.1", 0), "family": socket.AF_INET},
    pytest.param({"local_addr": ("::1", 0)}, marks=needs_ipv6),
    pytest.param({"local_addr": ("::1", 0), "family": socket.AF_INET6}, marks=needs_ipv6),
], ids=["v4", "v4-family", "v6-inferred", "v6-family"])
def test_local_addr_and_family_as_asyncios(kw):
    _side_by_side(_local, **kw)


def test_no_address_no_family_is_refused_as_by_asyncio():
    async def main(create):
        with pytest.raises(ValueError) as e:
            await create(asyncio.DatagramProtocol)
        return str(e.value)
    assert asyncio.run(main(_asyncio)) == asyncio.run(main(dgramkit.create_datagram_endpoint))
