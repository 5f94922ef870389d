// socket.setMulticastTTL(ttl)
var dgram = require('dgram');
var assert = require('assert');
var common = require('./lib/common');

var s = dgram.createSocket('udp4');
[256, -1, NaN, 1.5].forEach(function (ttl) {
  assert.throws(function () { s.setMulticastTTL(ttl); }, { name: 'Error', code: 'EINVAL', syscall: 'setMulticastTTL', message: 'setMulticastTTL EINVAL' });
});
common.throwsCode(function () { s.setMulticastTTL('1'); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
  'The "ttl" argument must be of type number. Received type string (\'1\')');
assert.throws(function () { s.setMulticastTTL(1); }, { code: 'EBADF', message: 'setMulticastTTL EBADF' });

s.bind(0, '127.0.0.1', common.mustCall(function () {
  assert.strictEqual(s.setMulticastTTL(0), 0);
  assert.strictEqual(s.setMulticastTTL(1), 1);
  assert.strictEqual(s.setMulticastTTL(255), 255);
  s.close();
  common.throwsCode(function () { s.setMulticastTTL(1); }, 'Error', 'ERR_SOCKET_DGRAM_NOT_RUNNING');
}));

// The seed's matrix marks setMulticastTTL X on Linux: a Linux profile refuses it.
var linux = dgram.createSocket({ type: 'udp4', platform: 'linux' });
common.throwsCode(function () { linux.setMulticastTTL(1); }, 'Error', 'ERR_NOT_SUPPORTED_ON_PLATFORM',
  'dgram.Socket.setMulticastTTL is not supported on Linux');
