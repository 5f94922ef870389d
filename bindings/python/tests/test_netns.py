"""Multicast and broadcast in the private network namespace
(bindings/c/tests/netns.sh: lo, and a veth dg0 10.200.0.1/24 with the
default route), as the Go, C and JavaScript suites run them."""

import dgramkit
from conftest import needs_sandbox, pump, free_port

GROUP = "230.1.2.3"


@needs_sandbox
def test_multicast_join_receive_drop():
    port = free_port()
    r = dgramkit.create_socket(type="udp4", reuse_addr=True)
    got = []
    r.on("message", lambda d, ri: got.append((d, ri.address)))
    r.bind(port)
    r.add_membership(GROUP, "10.200.0.1")
    s = dgramkit.create_socket("udp4")
    s.bind(0, "10.200.0.1")
    s.set_multicast_ttl(1)
    s.set_multicast_loopback(True)
    s.send("to the group", port, GROUP)
    pump(lambda: got)
    assert got[0] == (b"to the group", "10.200.0.1")
    r.drop_membership(GROUP, "10.200.0.1")
    try:
        r.drop_membership(GROUP, "10.200.0.1")
        assert False, "dropping twice succeeded"
    except OSError as e:
        assert e.code == "EADDRNOTAVAIL"
    r.close()
    s.close()


@needs_sandbox
def test_broadcast_needs_set_broadcast():
    port = free_port()
    r = dgramkit.create_socket(type="udp4", reuse_addr=True)
    got = []
    r.on("message", lambda d, ri: got.append(d))
    r.bind(port)
    s = dgramkit.create_socket("udp4")
    s.bind(0)
    res = []
    s.send("no flag", port, "10.200.0.255", lambda err, n: res.append(err))
    pump(lambda: res)
    assert isinstance(res[0], PermissionError) and res[0].code == "EACCES"
    s.set_broadcast(True)
    s.send("broadcast", port, "10.200.0.255", lambda err, n: res.append(err))
    pump(lambda: got and len(res) == 2)
    assert got == [b"broadcast"] and res[1] is None
    r.close()
    s.close()
