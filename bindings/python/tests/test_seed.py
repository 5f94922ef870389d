"""Every example of the seed (shared/seed/DGRAM.md) in Python: the
JavaScript example's calls with Python names, each driven to what it
prints. Fixed ports are replaced by free ones; the examples that send to
a multicast group or broadcast run in the private network namespace."""

import dgramkit
from conftest import needs_sandbox, pump, free_port


def test_01_server():
    out = []
    server = dgramkit.create_socket('udp4')
    server.on('error', lambda err: (out.append('Error: %s' % err), server.close()))
    server.on('message', lambda msg, rinfo: out.append('server got: ' + msg.decode()))
    server.on('listening', lambda: out.append('server listening at %d' % server.address().port))
    server.bind(free_port())
    c = dgramkit.create_socket('udp4')
    c.send('hello', server.address().port, '127.0.0.1')
    pump(lambda: 'server got: hello' in out)
    assert out[0] == 'server listening at %d' % server.address().port
    server.close()
    c.close()


def test_02_create_socket_options():
    server = dgramkit.create_socket({'type': 'udp4', 'reuseAddr': True})
    assert isinstance(server, dgramkit.Socket)
    server.close()
    server = dgramkit.create_socket(type='udp4', reuse_addr=True)
    server.close()


def test_03_create_socket_type():
    server = dgramkit.create_socket('udp4')
    server.close()


def _group_example(drop):
    port = free_port()
    multicast_address = '230.255.255.250'
    server = dgramkit.create_socket('udp4')
    joined, got = [], []
    server.bind(port, lambda: (server.add_membership(multicast_address), joined.append(1)))
    if drop:
        server.on('message', lambda data, rinfo: (server.drop_membership(multicast_address), got.append(data)))
    else:
        server.on('message', lambda data, rinfo: got.append(data))
    pump(lambda: joined)
    c = dgramkit.create_socket('udp4')
    sent = []
    c.send('to the group', port, multicast_address, lambda err, n: sent.append(err))
    pump(lambda: got and sent)
    assert got == [b'to the group'] and sent == [None]
    server.close()
    c.close()


@needs_sandbox
def test_04_add_membership():
    _group_example(drop=False)


def test_05_address():
    out = []
    port = free_port()
    server = dgramkit.create_socket('udp4')

    def on_listening():
        address = server.address()
        out.append('Addr: %s port: %d' % (address.address, address.port))
    server.on('listening', on_listening)
    server.bind(port)
    pump(lambda: out)
    assert out == ['Addr: 0.0.0.0 port: %d' % port]
    server.close()


def test_06_bind_port():
    out = []
    socket = dgramkit.create_socket({'type': 'udp4', 'reuseAddr': True})
    socket.bind(free_port(), lambda: out.append('Listening for packets'))
    pump(lambda: out)
    socket.close()


def test_07_bind_options():
    out = []
    socket = dgramkit.create_socket({'type': 'udp4', 'reuseAddr': True})
    socket.bind({'port': free_port()}, lambda: out.append('Listening for packets'))
    pump(lambda: out)
    socket.close()


def test_08_close():
    out = []
    socket = dgramkit.create_socket({'type': 'udp4', 'reuseAddr': True})
    socket.close(lambda: out.append('Socket is closed'))
    pump(lambda: out)
    assert out == ['Socket is closed'] and socket.closed


@needs_sandbox
def test_09_drop_membership():
    _group_example(drop=True)


def _setter_example(setter):
    done = []
    socket = dgramkit.create_socket({'type': 'udp4', 'reuseAddr': True})
    socket.bind(free_port(), lambda: (setter(socket), done.append(1)))
    pump(lambda: done)
    socket.close()


def test_10_set_broadcast():
    _setter_example(lambda s: s.set_broadcast(True))


@needs_sandbox
def test_11_send_broadcast():
    port = free_port()
    socket = dgramkit.create_socket({'type': 'udp4', 'reuseAddr': True})
    got, sent = [], []
    socket.on('message', lambda data, rinfo: got.append(data))

    def on_listening():
        socket.set_broadcast(True)
        socket.send('Hello IoT.js', port, '255.255.255.255', lambda err, n: sent.append(err))
    socket.bind(port, on_listening)
    pump(lambda: sent)
    assert sent == [None]
    socket.close()


def test_12_set_multicast_loopback():
    _setter_example(lambda s: s.set_multicast_loopback(True))


def test_13_set_multicast_ttl():
    _setter_example(lambda s: s.set_multicast_ttl(1))


def test_14_set_ttl():
    _setter_example(lambda s: s.set_ttl(64))
