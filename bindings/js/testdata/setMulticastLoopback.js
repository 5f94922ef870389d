// socket.setMulticastLoopback(flag)
var dgram = require('dgram');
var assert = require('assert');
var common = require('./lib/common');

var s = dgram.createSocket('udp4');
assert.throws(function () { s.setMulticastLoopback(true); }, { code: 'EBADF', message: 'setMulticastLoopback EBADF' });
s.bind(0, '127.0.0.1', common.mustCall(function () {
  // It returns its argument, as Node.
  assert.strictEqual(s.setMulticastLoopback(true), true);
  assert.strictEqual(s.setMulticastLoopback(16), 16);
  assert.strictEqual(s.setMulticastLoopback(false), false);
  s.close();
  common.throwsCode(function () { s.setMulticastLoopback(true); }, 'Error', 'ERR_SOCKET_DGRAM_NOT_RUNNING');
}));
var nuttx = dgram.createSocket({ type: 'udp4', platform: 'nuttx' });
common.throwsCode(function () { nuttx.setMulticastLoopback(true); }, 'Error', 'ERR_NOT_SUPPORTED_ON_PLATFORM');
