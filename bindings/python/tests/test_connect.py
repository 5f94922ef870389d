"""Node's connected sockets in Python, over real loopback sockets: connect
(bound within the call, 'listening' then 'connect'), send's connected forms
picked by the socket's state, remote_address, disconnect, the errors raised
from the calls, ECONNREFUSED as an 'error' event, and ref/unref."""

import errno
import socket

import pytest

import dgramkit
from conftest import free_port, pump


def test_connect_send_remote_address_disconnect(receiver):
    s = dgramkit.create_socket("udp4")
    events, sent = [], []
    s.on("listening", lambda: events.append("listening"))
    s.on("connect", lambda: events.append("connect"))
    assert s.connect(receiver.port, "127.0.0.1", lambda: events.append("callback")) is None
    # connected when the call returns; the events come afterwards, from poll
    ra = s.remote_address()
    assert type(ra).__name__ == "AddressInfo"
    assert (ra.address, ra.family, ra.port) == ("127.0.0.1", "IPv4", receiver.port)
    assert events == []
    pump(lambda: "callback" in events)
    assert events == ["listening", "connect", "callback"]

    # the connected forms go to the peer
    s.send(b"whole")
    receiver.wait(b"whole")
    s.send(b"xpartx", 1, 4, lambda err, n: sent.append((err, n)))
    receiver.wait(b"part")
    s.send("hi", lambda err, n: sent.append((err, n)))
    receiver.wait(b"hi")
    s.send([b"k", "w"], callback=lambda err, n: sent.append((err, n)))
    receiver.wait(b"kw")
    s.send(b"xkwx", offset=1, length=2, callback=lambda err, n: sent.append((err, n)))
    receiver.wait(b"kw")
    pump(lambda: len(sent) == 4)
    assert sent == [(None, 4), (None, 2), (None, 2), (None, 2)]

    # a destination, a second connect or the legacy sendto: ERR_SOCKET_DGRAM_IS_CONNECTED
    for call in (lambda: s.send(b"x", receiver.port, "127.0.0.1", lambda err, n: None),
                 lambda: s.send(b"x", port=receiver.port),
                 lambda: s.send(b"x", address="127.0.0.1"),
                 lambda: s.send(b"xx", 0, 1, receiver.port),
                 lambda: s.sendto(b"x", 0, 1, receiver.port, "127.0.0.1"),
                 lambda: s.connect(receiver.port, "127.0.0.1")):
        with pytest.raises(dgramkit.DgramError) as e:
            call()
        assert e.value.code == "ERR_SOCKET_DGRAM_IS_CONNECTED" and str(e.value).endswith("Already connected")

    # Node's reading: send(msg, port, address) on a connected socket is
    # send(msg, callback) with a callback that is not a function, ignored
    s.send(b"to the peer", 1, "192.0.2.1")
    receiver.wait(b"to the peer")

    assert s.disconnect() is None
    for call in (s.remote_address, s.disconnect):
        with pytest.raises(dgramkit.DgramError) as e:
            call()
        assert e.value.code == "ERR_SOCKET_DGRAM_NOT_CONNECTED"
    # not connected: send takes a destination again, and send(msg) lacks a port, as in Node
    s.send(b"again", receiver.port, "127.0.0.1")
    receiver.wait(b"again")
    with pytest.raises(dgramkit.RangeError) as e:
        s.send(b"x")
    assert e.value.code == "ERR_SOCKET_BAD_PORT"
    s.close()
    pump(lambda: s.closed)
    with pytest.raises(dgramkit.DgramError) as e:
        s.connect(receiver.port)
    assert e.value.code == "ERR_SOCKET_DGRAM_NOT_RUNNING"


def test_connected_socket_receives_from_its_peer_only(receiver):
    s = dgramkit.create_socket("udp4")
    got = []
    s.on("message", lambda data, rinfo: got.append((data, rinfo.port)))
    s.bind(0, "127.0.0.1")
    s.connect(receiver.port)  # the address defaults to 127.0.0.1
    port = s.address().port
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as stranger:
        stranger.bind(("127.0.0.1", 0))
        stranger.sendto(b"stranger", ("127.0.0.1", port))
        receiver.sock.sendto(b"peer", ("127.0.0.1", port))
        pump(lambda: got)
    assert got == [(b"peer", receiver.port)]
    s.close()


def test_connect_udp6():
    with socket.socket(socket.AF_INET6, socket.SOCK_DGRAM) as peer:
        peer.bind(("::1", 0))
        peer.settimeout(5)
        s = dgramkit.create_socket("udp6")
        s.connect(peer.getsockname()[1])  # the address defaults to ::1
        ra = s.remote_address()
        assert (ra.address, ra.family, ra.port) == ("::1", "IPv6", peer.getsockname()[1])
        s.send(b"six")
        assert peer.recvfrom(16)[0] == b"six"
        s.close()


def test_connect_errors_are_raised_from_the_call(receiver):
    s = dgramkit.create_socket("udp4")
    called = []
    with pytest.raises(dgramkit.RangeError) as e:
        s.connect(0, "127.0.0.1", lambda: called.append("bad port"))
    assert e.value.code == "ERR_SOCKET_BAD_PORT"
    with pytest.raises(OSError) as e:
        s.connect(receiver.port, "::1", lambda: called.append("wrong family"))
    assert isinstance(e.value, dgramkit.DgramSystemError)
    assert e.value.code == "EINVAL" and e.value.errno == errno.EINVAL and e.value.syscall == "connect"
    # the failed connects added no listener: only the good one's callback runs
    s.connect(receiver.port, lambda: called.append("ok"))
    pump(lambda: called)
    assert called == ["ok"]
    s.close()


def test_econnrefused_is_an_error_event():
    port = free_port()  # nothing listens there: the kernel answers with an ICMP port unreachable
    s = dgramkit.create_socket("udp4")
    errs = []
    s.on("error", errs.append)
    s.connect(port, "127.0.0.1")
    s.send(b"anyone?")
    pump(lambda: errs)
    e = errs[0]
    assert isinstance(e, ConnectionRefusedError) and isinstance(e, dgramkit.DgramConnectionRefusedError)
    assert e.code == "ECONNREFUSED" and e.errno == errno.ECONNREFUSED
    assert e.syscall == "recvmsg" and e.message == "recvmsg ECONNREFUSED"
    # the socket still works
    s.disconnect()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as peer:
        peer.bind(("127.0.0.1", 0))
        peer.settimeout(5)
        s.send(b"still", peer.getsockname()[1])
        assert peer.recvfrom(16)[0] == b"still"
    s.close()


def test_econnrefused_without_listener_is_reported_by_poll():
    s = dgramkit.create_socket("udp4")
    s.connect(free_port())
    s.send(b"anyone?")
    with pytest.raises(ConnectionRefusedError) as e:
        pump(lambda: False)
    assert e.value.code == "ECONNREFUSED"
    s.close()


def test_ref_unref_return_the_socket_and_do_nothing(receiver):
    s = dgramkit.create_socket("udp4")
    got = []
    s.on("message", lambda data, rinfo: got.append(data))
    assert s.ref() is s and s.unref() is s
    assert s.unref().ref().unref() is s
    s.bind(0, "127.0.0.1")
    receiver.sock.sendto(b"unref'd", ("127.0.0.1", s.address().port))
    pump(lambda: got)  # an unref'd socket still receives
    assert got == [b"unref'd"]
    s.close()
    pump(lambda: s.closed)
    assert s.ref() is s and s.unref() is s  # on a closed socket too, as in Node
