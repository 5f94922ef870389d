// socket.address()
var dgram = require('dgram');
var assert = require('assert');
var common = require('./lib/common');

var s = dgram.createSocket('udp4');
// Before bind: getsockname EBADF.
assert.throws(function () { s.address(); }, function (e) {
  assert.strictEqual(e.name, 'Error');
  assert.strictEqual(e.code, 'EBADF');
  assert.strictEqual(e.errno, -9);
  assert.strictEqual(e.syscall, 'getsockname');
  assert.strictEqual(e.message, 'getsockname EBADF');
  return true;
});
s.bind(0, '127.0.0.1', common.mustCall(function () {
  var a = s.address();
  assert.deepStrictEqual(Object.keys(a).sort(), ['address', 'family', 'port']);
  assert.strictEqual(a.address, '127.0.0.1');
  assert.strictEqual(a.family, 'IPv4');
  assert.strictEqual(typeof a.port, 'number');
  s.close();
  common.throwsCode(function () { s.address(); }, 'Error', 'ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running');
}));

var s6 = dgram.createSocket('udp6');
s6.bind(0, '::1', common.mustCall(function () {
  assert.strictEqual(s6.address().address, '::1');
  assert.strictEqual(s6.address().family, 'IPv6');
  s6.close();
}));
