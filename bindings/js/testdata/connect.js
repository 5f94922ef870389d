// socket.connect(port[, address][, callback]), disconnect(), remoteAddress(),
// the 'connect' event, the connected forms of send and an ICMP refusal as
// 'error': Node's connected sockets, extension calls.
var dgram = require('dgram');
var assert = require('assert');
var common = require('./lib/common');

var peer = dgram.createSocket('udp4');
var s = dgram.createSocket('udp4');
var events = [];
s.on('listening', function () { events.push('listening'); });
s.on('connect', function () { events.push('connect'); });

common.throwsCode(function () { s.disconnect(); }, 'Error', 'ERR_SOCKET_DGRAM_NOT_CONNECTED', 'Not connected');
common.throwsCode(function () { s.remoteAddress(); }, 'Error', 'ERR_SOCKET_DGRAM_NOT_CONNECTED', 'Not connected');
// Not connected, send(msg) is the form with a port (Node).
common.throwsCode(function () { s.send('x'); }, 'RangeError', 'ERR_SOCKET_BAD_PORT');
common.throwsCode(function () { s.connect(0); }, 'RangeError', 'ERR_SOCKET_BAD_PORT',
  'Port should be > 0 and < 65536. Received type number (0).');
common.throwsCode(function () { s.connect(1234, 5); }, 'TypeError', 'ERR_INVALID_ARG_TYPE');

peer.bind(0, '127.0.0.1', common.mustCall(function () {
  var port = peer.address().port;
  var ret = s.connect(port, '127.0.0.1', common.mustCall(function (err) {
    assert.strictEqual(err, undefined);
    assert.deepStrictEqual(events, ['listening', 'connect']);
    assert.deepStrictEqual(s.remoteAddress(), { address: '127.0.0.1', family: 'IPv4', port: port });
    common.throwsCode(function () { s.connect(port); }, 'Error', 'ERR_SOCKET_DGRAM_IS_CONNECTED', 'Already connected');
    // (Node reads send('x', port, address) on a connected socket as
    // send('x', callback) and sends; with a callback after them, the
    // port is in the destination's place.)
    common.throwsCode(function () { s.send('x', port, '127.0.0.1', common.mustNotCall()); }, 'Error', 'ERR_SOCKET_DGRAM_IS_CONNECTED');
    common.throwsCode(function () { s.sendto('x', 0, 1, port, '127.0.0.1'); }, 'Error', 'ERR_SOCKET_DGRAM_IS_CONNECTED');
    s.send('one', common.mustCall(function (err, n) {
      assert.ifError(err);
      assert.strictEqual(n, 3);
    }));
    s.send('xtwox', 1, 3);
  }));
  assert.strictEqual(ret, undefined);
  // Connecting: until 'connect', the connection does not count (Node).
  common.throwsCode(function () { s.disconnect(); }, 'Error', 'ERR_SOCKET_DGRAM_NOT_CONNECTED');
  common.throwsCode(function () { s.remoteAddress(); }, 'Error', 'ERR_SOCKET_DGRAM_NOT_CONNECTED');
  common.throwsCode(function () { s.connect(port); }, 'Error', 'ERR_SOCKET_DGRAM_IS_CONNECTED');
}));

var got = [];
peer.on('message', function (msg, rinfo) {
  got.push(msg.toString());
  if (got.length < 2) { return; }
  assert.deepStrictEqual(got, ['one', 'two']);
  assert.strictEqual(s.disconnect(), undefined);
  common.throwsCode(function () { s.remoteAddress(); }, 'Error', 'ERR_SOCKET_DGRAM_NOT_CONNECTED');
  // A failed connect: to its callback when there is one...
  s.connect(1234, '256.1.1.1', common.mustCall(function (err) {
    assert.strictEqual(err.code, 'ENOTFOUND');
    assert.strictEqual(err.message, 'getaddrinfo ENOTFOUND 256.1.1.1');
    // ...else as 'error'.
    s.once('error', common.mustCall(function (err) {
      assert.strictEqual(err.code, 'EINVAL');
      assert.strictEqual(err.message, 'connect EINVAL ::1:1234');
      refused();
    }));
    s.connect(1234, '::1');
  }));
});

// An ICMP port unreachable reaching a connected socket: 'error', recvmsg
// ECONNREFUSED; the send itself succeeded.
function refused() {
  var gone = dgram.createSocket('udp4');
  gone.bind(0, '127.0.0.1', function () {
    var port = gone.address().port;
    gone.close(function () {
      var c = dgram.createSocket('udp4');
      c.on('error', common.mustCall(function (err) {
        assert.strictEqual(err.code, 'ECONNREFUSED');
        assert.strictEqual(err.syscall, 'recvmsg');
        c.close();
        s.close();
        peer.close();
      }));
      c.connect(port, function () {
        c.send('anyone?', common.mustCall(function (err) { assert.ifError(err); }));
      });
    });
  });
}
