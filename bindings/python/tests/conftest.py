"""The dgramkit suite's fixtures: the package from this tree, the library
make lib built (unless DGRAMKIT_LIBRARY says otherwise), and after every
test no socket left open and no listener exception left unreported."""

import os
import socket
import sys
import time

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, os.path.dirname(HERE))
os.environ.setdefault("DGRAMKIT_LIBRARY", os.path.join(ROOT, "build", "libdgram.so"))

import dgramkit  # noqa: E402

SANDBOX = os.environ.get("DGRAM_NETNS") == "sandbox"
needs_sandbox = pytest.mark.skipif(not SANDBOX, reason="needs the private network namespace (bindings/c/tests/netns.sh)")


def pump(cond, timeout=5.0):
    """Runs dgramkit.poll until cond() is true; fails after timeout seconds."""
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            pytest.fail("not within %.1fs" % timeout)
        dgramkit.poll(0.05)


def free_port(kind=socket.SOCK_DGRAM):
    """A UDP port nothing uses now on 0.0.0.0."""
    with socket.socket(socket.AF_INET, kind) as s:
        s.bind(("0.0.0.0", 0))
        return s.getsockname()[1]


class Receiver:
    """A Python socket on 127.0.0.1 that dgramkit sockets send to."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(5)
        self.port = self.sock.getsockname()[1]

    def wait(self, want):
        end = time.monotonic() + 5
        while time.monotonic() < end:
            data, _ = self.sock.recvfrom(65536)
            if data == want:
                return
        pytest.fail("datagram %r did not arrive" % want)


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.sock.close()


@pytest.fixture(autouse=True)
def no_leaks():
    """Every test closes its sockets and leaves no listener exception unreported."""
    yield
    from dgramkit import _socket
    for ref in list(_socket._sockets.values()):
        s = ref()
        if s is not None and not s.closed:
            try:
                s.close()
            except dgramkit.DgramError:
                pass
    pump(lambda: not _socket._sockets and dgramkit.live_sockets() == 0)
    errs = dgramkit.take_errors()
    assert not errs, "listener exceptions not reported: %r" % errs
