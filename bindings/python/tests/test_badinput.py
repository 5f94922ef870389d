"""The bad-input table (testdata/badinput_gen.json, generated from the
spec) against Python: each case's JavaScript call, with Python names, ends
with the spec's code, raised from the call ('throw'; and 'emitted', which
Python, like Go and C, raises from bind, send's implicit bind and connect)
or given to the send callback ('callback'); afterwards the socket still
sends. A 'connected' case runs on a socket connected to the receiver, and
the runner dissolves a connection (the case's, or for it) before checking
that the socket still sends.
Cases JavaScript cannot express (jsSkip: a NULL pointer, which only C has;
a connected send whose length is not a number, which Node, and so Python,
reads as the form without bounds) are Python's skips too, each with the
table's reason."""

import errno
import json
import math
import os
import re

import pytest

import dgramkit
from conftest import ROOT, pump

with open(os.path.join(ROOT, "testdata", "badinput_gen.json")) as f:
    TABLE = json.load(f)
CASES = [c for c in TABLE["cases"] if not c.get("jsSkip")]
SKIPPED = [c for c in TABLE["cases"] if c.get("jsSkip")]


def _snake(name):
    return re.sub(r"(?<=[a-z0-9])([A-Z])|(?<=[A-Z])([A-Z])(?=[a-z])", lambda m: "_" + m.group(0), name).lower()


def python_call(js):
    """The Python expression of a case's JavaScript call."""
    py = js.replace("dgram.createSocket(", "dgramkit.create_socket(")
    py = re.sub(r"\bs\.(\w+)\(", lambda m: "s.%s(" % _snake(m.group(1)), py)
    py = re.sub(r"Buffer\.alloc\((\d+)\)", r"bytes(\1)", py)
    py = re.sub(r"([{,]\s*)([A-Za-z_]\w*)\s*:", r"\1'\2':", py)
    for a, b in (("NaN", "math.nan"), ("undefined", "None"), ("true", "True"), ("false", "False")):
        py = re.sub(r"\b%s\b" % a, b, py)
    return py


def test_table_is_covered():
    assert len(CASES) + len(SKIPPED) == len(TABLE["cases"]) and len(CASES) > 100
    for c in CASES:
        assert c.get("js"), c["id"]


@pytest.mark.parametrize("case", SKIPPED, ids=[c["id"] for c in SKIPPED])
def test_bad_input_skipped(case):
    pytest.skip("%s: %s" % (case["id"], case["jsSkip"]))


def test_translation():
    assert python_call("s.setMulticastTTL(NaN)") == "s.set_multicast_ttl(math.nan)"
    assert python_call("dgram.createSocket({ type: 'udp4', recvBufferSize: -1 })") == \
        "dgramkit.create_socket({ 'type': 'udp4', 'recvBufferSize': -1 })"
    assert python_call("s.send('hello', 0, '::1', cb)") == "s.send('hello', 0, '::1', cb)"


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_bad_input(case, receiver):
    results = []

    def cb(err, n):
        results.append((err, n))

    family_loopback = "::1" if case["type"] == "udp6" else "127.0.0.1"
    env = {"dgramkit": dgramkit, "math": math, "PORT": receiver.port, "cb": cb}
    expr = python_call(case["js"])
    s = None
    if case["state"]:
        s = dgramkit.create_socket(case["type"])
        errors = []
        s.on("error", errors.append)
        if case["state"] == "bound":
            s.bind(0, family_loopback)
            pump(lambda: not s.closed and _bound(s))
        elif case["state"] == "connected":
            assert case["type"] == "udp4", "the receiver is on 127.0.0.1"
            s.connect(receiver.port, "127.0.0.1")
        elif case["state"] == "closed":
            s.close()
            pump(lambda: s.closed)
        env["s"] = s
    want = case["code"]
    try:
        got = eval(expr, env)
        raised = None
    except dgramkit.DgramError as e:
        raised, got = e, None
    if case["how"] in ("throw", "emitted") and want:
        assert raised is not None, "%s: no error, want %s" % (expr, want)
        assert raised.code == want, "%s: %s, want %s" % (expr, raised, want)
        _check_class(raised)
    elif want:  # callback
        assert raised is None, "%s raised %r, want %s to the callback" % (expr, raised, want)
        pump(lambda: results)
        assert results[0][0] is not None and results[0][0].code == want, results
    else:
        assert raised is None, "%s raised %r" % (expr, raised)
    if case["state"] == "":
        if isinstance(got, dgramkit.Socket):
            got.close()
        s = dgramkit.create_socket("udp4")
    if case["state"] == "closed" or case["call"] == "close" and raised is None:
        pump(lambda: s.closed)
        return
    try:
        s.disconnect()
    except dgramkit.DgramError as e:
        assert e.code == "ERR_SOCKET_DGRAM_NOT_CONNECTED", e
    msg = ("after " + case["id"]).encode()
    s2 = s if case["type"] == "udp4" else dgramkit.create_socket("udp4")
    s2.send(msg, receiver.port, "127.0.0.1")
    receiver.wait(msg)
    for x in {s, s2}:
        x.close()


def _bound(s):
    try:
        s.address()
        return True
    except dgramkit.DgramError:
        return False


def _check_class(e):
    if e.kind == "TypeError":
        assert isinstance(e, TypeError)
    elif e.kind == "RangeError":
        assert isinstance(e, ValueError)
    spec = dgramkit._ffi_gen.ERRORS[e.code]
    if spec.system:
        assert isinstance(e, OSError), e
        if hasattr(errno, e.code):
            assert e.errno == getattr(errno, e.code), e
