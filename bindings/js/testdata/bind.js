// socket.bind([port][, address][, bindListener]) and bind(options[, bindListener])
var dgram = require('dgram');
var assert = require('assert');
var common = require('./lib/common');

var BAD_PORT = function (r) { return 'Port should be >= 0 and < 65536. Received ' + r + '.'; };

// bind returns the socket; the listener is a 'listening' listener, called
// after bind returns.
var returned = false;
var a = dgram.createSocket('udp4');
assert.strictEqual(a.bind(0, '127.0.0.1', common.mustCall(function () {
  assert.ok(returned);
  assert.strictEqual(this, a);
  var addr = a.address();
  assert.strictEqual(addr.address, '127.0.0.1');
  assert.strictEqual(addr.family, 'IPv4');
  assert.ok(addr.port > 0);

  // A second bind: ERR_SOCKET_ALREADY_BOUND.
  common.throwsCode(function () { a.bind(0); }, 'Error', 'ERR_SOCKET_ALREADY_BOUND', 'Socket is already bound');

  // The port in use: an 'error' event (no reuseAddr), and the bind
  // callback is dropped.
  var b = dgram.createSocket('udp4');
  b.on('error', common.mustCall(function (err) {
    assert.strictEqual(err.code, 'EADDRINUSE');
    assert.strictEqual(err.syscall, 'bind');
    assert.strictEqual(err.errno, -98);
    assert.strictEqual(err.address, '127.0.0.1');
    assert.strictEqual(err.port, addr.port);
    assert.strictEqual(err.message, 'bind EADDRINUSE 127.0.0.1:' + addr.port);
    // as in Node, the bind callback is removed after the 'error' listeners
    assert.strictEqual(b.listeners('listening').length, 1);
    setImmediate(function () {
      assert.strictEqual(b.listeners('listening').length, 0);
      b.close();
      a.close();
    });
  }));
  b.bind(addr.port, '127.0.0.1', common.mustNotCall('bind callback after EADDRINUSE'));
})), a);
returned = true;
// While binding: ERR_SOCKET_ALREADY_BOUND.
common.throwsCode(function () { a.bind(0); }, 'Error', 'ERR_SOCKET_ALREADY_BOUND');

// bind(callback), bind(port, callback), bind(options, callback),
// bind({}) and a numeric string port.
var c = dgram.createSocket('udp4');
c.bind(common.mustCall(function () {
  assert.strictEqual(c.address().address, '0.0.0.0');
  c.close();
}));
var d = dgram.createSocket('udp6');
d.bind(0, common.mustCall(function () {
  assert.strictEqual(d.address().family, 'IPv6');
  assert.strictEqual(d.address().address, '::');
  d.close();
}));
var e = dgram.createSocket('udp4');
e.bind({ port: 0, address: '127.0.0.1' }, common.mustCall(function () {
  assert.strictEqual(e.address().address, '127.0.0.1');
  e.close();
}));
var f = dgram.createSocket('udp4');
f.bind({}, common.mustCall(function () { f.close(); }));
var g = dgram.createSocket('udp4');
g.bind('0', '127.0.0.1', common.mustCall(function () { g.close(); }));
var h = dgram.createSocket('udp4');
h.bind(undefined, null, common.mustCall(function () { h.close(); }));

// Bad ports, as Go's Bind refuses them.
var s = dgram.createSocket('udp4');
common.throwsCode(function () { s.bind(65536); }, 'RangeError', 'ERR_SOCKET_BAD_PORT', BAD_PORT('type number (65536)'));
common.throwsCode(function () { s.bind(-1); }, 'RangeError', 'ERR_SOCKET_BAD_PORT', BAD_PORT('type number (-1)'));
common.throwsCode(function () { s.bind(1.5); }, 'RangeError', 'ERR_SOCKET_BAD_PORT', BAD_PORT('type number (1.5)'));
common.throwsCode(function () { s.bind(NaN); }, 'RangeError', 'ERR_SOCKET_BAD_PORT', BAD_PORT('type number (NaN)'));
common.throwsCode(function () { s.bind('abc'); }, 'RangeError', 'ERR_SOCKET_BAD_PORT', BAD_PORT("type string ('abc')"));
common.throwsCode(function () { s.bind(true); }, 'RangeError', 'ERR_SOCKET_BAD_PORT', BAD_PORT('type boolean (true)'));
common.throwsCode(function () { s.bind({ port: 70000 }); }, 'RangeError', 'ERR_SOCKET_BAD_PORT', BAD_PORT('type number (70000)'));
common.throwsCode(function () { s.bind(0, 42); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
  'The "address" argument must be of type string. Received type number (42)');
common.throwsCode(function () { s.bind({ address: [] }); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
  'The "options.address" argument must be of type string. Received an instance of Array');

// A failed bind leaves the socket unbound: it can bind again.
s.once('error', common.mustCall(function (err) {
  assert.strictEqual(err.code, 'EINVAL');
  assert.strictEqual(err.message, 'bind EINVAL ::1');
  s.bind(0, '127.0.0.1', common.mustCall(function () { s.close(); }));
}));
s.bind(0, '::1');

// After close: ERR_SOCKET_DGRAM_NOT_RUNNING.
var z = dgram.createSocket('udp4');
z.close();
common.throwsCode(function () { z.bind(0); }, 'Error', 'ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running');
