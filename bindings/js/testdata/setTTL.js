// socket.setTTL(ttl)
var dgram = require('dgram');
var assert = require('assert');
var common = require('./lib/common');

var s = dgram.createSocket('udp4');
// The range is checked before the socket: EINVAL even when unbound.
[0, 256, 1000, -1, NaN, 1e10, 1.5].forEach(function (ttl) {
  assert.throws(function () { s.setTTL(ttl); }, function (e) {
    assert.strictEqual(e.name, 'Error');
    assert.strictEqual(e.code, 'EINVAL');
    assert.strictEqual(e.syscall, 'setTTL');
    assert.strictEqual(e.errno, -22);
    assert.strictEqual(e.message, 'setTTL EINVAL');
    return true;
  });
});
common.throwsCode(function () { s.setTTL('foo'); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
  'The "ttl" argument must be of type number. Received type string (\'foo\')');
common.throwsCode(function () { s.setTTL(); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
  'The "ttl" argument must be of type number. Received undefined');
// Unbound: setTTL EBADF.
assert.throws(function () { s.setTTL(64); }, { code: 'EBADF', syscall: 'setTTL', message: 'setTTL EBADF' });

s.bind(0, '127.0.0.1', common.mustCall(function () {
  assert.strictEqual(s.setTTL(64), 64);
  assert.strictEqual(s.setTTL(1), 1);
  assert.strictEqual(s.setTTL(255), 255);
  s.close();
  common.throwsCode(function () { s.setTTL(64); }, 'Error', 'ERR_SOCKET_DGRAM_NOT_RUNNING');
}));
