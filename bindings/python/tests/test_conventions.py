"""Python's conventions (issue 20): BaseExceptions out of listeners leave
asyncio.run as they do with asyncio's own endpoint (defect 2); a dropped
socket is closed by its finalizer with a ResourceWarning, sockets are
context managers, closed once close() returned (4); every call in a forked
child is ForkedError (6); error messages name the value given (7); any
bytes-like message, and a lone surrogate is no UnicodeEncodeError (8)."""

import array
import asyncio
import ctypes
import gc
import math
import os
import socket
import sys
import warnings

import pytest

import dgramkit
from dgramkit import _ffi_gen
from conftest import pump


# --- 2: BaseExceptions leave the loop ------------------------------------------

class Raising(asyncio.DatagramProtocol):
    def __init__(self, exc):
        self.exc = exc

    def datagram_received(self, data, addr):
        raise self.exc


async def _endpoint_raising(create, exc):
    """An endpoint whose datagram_received raises exc, and a datagram to it;
    returns only if the loop ran on for a second datagram after it."""
    tr, _ = await create(lambda: Raising(exc), local_addr=("127.0.0.1", 0))
    try:
        port = tr.get_extra_info("sockname")[1]
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as c:
            c.sendto(b"x", ("127.0.0.1", port))
            await asyncio.sleep(1)
    finally:
        tr.close()


def _asyncio_endpoint(*a, **kw):
    return asyncio.get_running_loop().create_datagram_endpoint(*a, **kw)


@pytest.mark.parametrize("exc", [SystemExit(3), KeyboardInterrupt()], ids=["SystemExit", "KeyboardInterrupt"])
def test_base_exceptions_leave_asyncio_run_as_with_asyncios_endpoint(exc):
    outcomes = []
    for create in (_asyncio_endpoint, dgramkit.create_datagram_endpoint):
        with pytest.raises(type(exc)) as e:
            asyncio.run(_endpoint_raising(create, exc))
        outcomes.append((type(e.value), e.value.args))
    assert outcomes[0] == outcomes[1] == (type(exc), exc.args)


def test_exception_goes_to_the_handler_base_exception_out():
    """An Exception in a listener goes to the loop's handler and the loop
    runs on; a SystemExit in the next one ends asyncio.run."""
    async def main():
        loop = asyncio.get_running_loop()
        handled = loop.create_future()
        loop.set_exception_handler(lambda lp, ctx: handled.done() or handled.set_result(ctx["exception"]))
        s = dgramkit.create_socket("udp4")
        s.bind(0, "127.0.0.1")
        port = s.address().port

        def first(data, rinfo):
            s.off("message", first)
            s.on("message", second)
            raise ValueError("in a listener")

        def second(data, rinfo):
            raise SystemExit(data.decode())

        s.on("message", first)
        s.send(b"one", port)
        assert isinstance(await handled, ValueError)
        s.send(b"two", port)
        await asyncio.sleep(5)
    with pytest.raises(SystemExit) as e:
        asyncio.run(main())
    assert e.value.code == "two"


# --- 4: garbage collection, context managers, closed ------------------------------

def _fds():
    return len(os.listdir("/proc/self/fd"))


def test_dropped_sockets_are_closed_with_resource_warning():
    base_fds, base_live = _fds(), dgramkit.live_sockets()
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        for _ in range(200):
            s = dgramkit.create_socket("udp4", lambda data, rinfo: None)
            s.bind(0, "127.0.0.1")
            s.on("close", lambda: None)  # a listener that refers to nothing
            del s
        gc.collect()
    warned = [x for x in w if issubclass(x.category, ResourceWarning)]
    assert len(warned) == 200 and "unclosed <dgramkit.Socket" in str(warned[0].message)
    pump(lambda: dgramkit.live_sockets() == base_live)
    assert _fds() <= base_fds + 2  # the library's event fd and such, made once


def test_cycle_through_a_listener_is_collected():
    """A socket whose listener refers to it is garbage like any cycle."""
    base_live = dgramkit.live_sockets()
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        s = dgramkit.create_socket("udp4")
        s.on("message", lambda data, rinfo: s.send(data, rinfo.port))
        s.bind(0, "127.0.0.1")
        del s
        gc.collect()
    assert any(issubclass(x.category, ResourceWarning) for x in w)
    pump(lambda: dgramkit.live_sockets() == base_live)


def test_closed_socket_gives_no_warning_and_close_callback_runs_when_dropped():
    got = []
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        s = dgramkit.create_socket("udp4")
        s.bind(0, "127.0.0.1")
        s.close(lambda: got.append("closed"))
        assert s.closed  # once close() returned
        del s
        gc.collect()
        pump(lambda: got)
    assert got == ["closed"]
    assert not [x for x in w if issubclass(x.category, ResourceWarning)]


def test_context_manager():
    with dgramkit.create_socket("udp4") as s:
        s.bind(0, "127.0.0.1")
        assert not s.closed
    assert s.closed
    with pytest.raises(dgramkit.DgramError) as e:
        s.address()
    assert e.value.code == "ERR_SOCKET_DGRAM_NOT_RUNNING"
    with dgramkit.create_socket("udp4") as s2:
        s2.close()  # closed inside: the with statement does not close it again
    pump(lambda: dgramkit.live_sockets() == 0)


# --- 6: fork ---------------------------------------------------------------------

def _in_child(fn):
    """Runs fn in a forked child; returns what it returned (a list of strings)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            out = fn()
        except BaseException as e:  # noqa: BLE001 (reported to the parent)
            out = ["child failed: %r" % e]
        os.write(w, "\n".join(out).encode())
        os._exit(0)
    os.close(w)
    data = b""
    while True:
        chunk = os.read(r, 65536)
        if not chunk:
            break
        data += chunk
    os.close(r)
    os.waitpid(pid, 0)
    return data.decode().splitlines()


def test_every_call_after_fork_is_forked_error():
    s = dgramkit.create_socket("udp4")
    s.bind(0, "127.0.0.1")
    methods = sorted({f.method for f in _ffi_gen.FORMS.values() if not f.module} | {"ref", "unref"})

    def child():
        calls = [("live_sockets", dgramkit.live_sockets), ("supports", lambda: dgramkit.supports("linux", "send")),
                 ("host_platform", dgramkit.host_platform), ("poll", lambda: dgramkit.poll(0)),
                 ("create_socket", lambda: dgramkit.create_socket("udp4")),
                 ("attach", lambda: asyncio.run(_attach()))]
        calls += [(m, (lambda m=m: getattr(s, m)(*_dummy_args(m)))) for m in methods]
        out = []
        for name, fn in calls:
            try:
                fn()
                out.append("%s: no error" % name)
            except dgramkit.ForkedError as e:
                if e.code != "ERR_FORKED":
                    out.append("%s: %s" % (name, e.code))
            except BaseException as e:  # noqa: BLE001
                out.append("%s: %r" % (name, e))
        return out + ["checked %d" % len(calls)]

    out = _in_child(child)
    assert out == ["checked %d" % (6 + len(methods))], out
    s.close()


async def _attach():
    dgramkit.attach()


def _dummy_args(method):
    return {"send": (b"x", 9), "sendto": (b"x", 0, 1, 9), "bind": (), "connect": (9,)}.get(method, ())


# --- 7: messages name the value given -------------------------------------------

@pytest.mark.parametrize("value,shown", [
    (1.5, "type float (1.5)"), (True, "type bool (True)"), (math.nan, "type float (nan)"),
    (math.inf, "type float (inf)"), (2 ** 70, "type int (%d)" % 2 ** 70), ("abc", "type str ('abc')"),
    (-1, "type int (-1)")])
def test_port_errors_name_the_value(value, shown):
    s = dgramkit.create_socket("udp4")
    with pytest.raises(dgramkit.RangeError) as e:
        s.send(b"x", value)
    assert e.value.code == "ERR_SOCKET_BAD_PORT" and e.value.message.endswith("Received " + shown + "."), e.value
    with pytest.raises(dgramkit.RangeError) as e:
        s.bind(value)
    assert e.value.message.endswith("Received " + shown + "."), e.value
    s.close()


def test_buffer_size_error_names_the_value():
    with pytest.raises(dgramkit.DgramError) as e:
        dgramkit.create_socket({"type": "udp4", "recvBufferSize": 2 ** 70})
    assert e.value.message.endswith("Received 1_180_591_620_717_411_303_424"), e.value  # as Node words it


# --- 8: bytes-like messages, surrogates -------------------------------------------

@pytest.mark.parametrize("make", [
    lambda b: b, bytearray, memoryview, lambda b: array.array("B", b),
    lambda b: (ctypes.c_char * len(b)).from_buffer_copy(b), lambda b: memoryview(array.array("B", b)),
    lambda b: [memoryview(b[:2]), array.array("B", b[2:])]],
    ids=["bytes", "bytearray", "memoryview", "array", "ctypes", "memoryview-of-array", "list"])
def test_any_bytes_like_message(make, receiver):
    s = dgramkit.create_socket("udp4")
    s.send(make(b"abcdef"), receiver.port, "127.0.0.1")
    receiver.wait(b"abcdef")
    s.close()


def test_array_of_wider_items_is_its_bytes(receiver):
    a = array.array("H", [1, 2])
    s = dgramkit.create_socket("udp4")
    s.send(a, receiver.port, "127.0.0.1")
    receiver.wait(a.tobytes())  # as socket.sendto sends it
    s.close()


def test_lone_surrogate(receiver):
    s = dgramkit.create_socket("udp4")
    s.send("a\ud800b", receiver.port, "127.0.0.1")
    receiver.wait("a\ufffdb".encode())  # as Node's Buffer.from encodes it
    with pytest.raises(dgramkit.DgramError):
        s.bind(0, "\udc00")  # the binding's error, not UnicodeEncodeError
    s.close()


def test_not_bytes_like():
    s = dgramkit.create_socket("udp4")
    with pytest.raises(dgramkit.DgramTypeError) as e:
        s.send(42, 9)
    assert e.value.code == "ERR_INVALID_ARG_TYPE" and "type int (42)" in e.value.message
    s.close()
