// socket.setRecvBufferSize(size), getRecvBufferSize(), setSendBufferSize(size),
// getSendBufferSize(): Node's buffer-size calls, extension calls added
// through the spec alone.
var dgram = require('dgram');
var assert = require('assert');
var common = require('./lib/common');

var s = dgram.createSocket('udp4');
// Before bind: ERR_SOCKET_BUFFER_SIZE, with Node's message.
[['setRecvBufferSize', 'recv', [8192]], ['setSendBufferSize', 'send', [8192]],
  ['getRecvBufferSize', 'recv', []], ['getSendBufferSize', 'send', []],
  ['setRecvBufferSize', 'recv', [0]], ['setSendBufferSize', 'send', [0]]].forEach(function (c) {
  common.throwsCode(function () { s[c[0]].apply(s, c[2]); }, 'SystemError', 'ERR_SOCKET_BUFFER_SIZE',
    'Could not get or set buffer size: uv_' + c[1] + '_buffer_size returned EBADF (bad file descriptor)');
});
// A bad size (checked first): ERR_SOCKET_BAD_BUFFER_SIZE, for anything
// that is not a number too, numeric strings included (size >>> 0 !== size).
[-1, Infinity, 'Doh!', 1.5, 4294967296, undefined, '4096', ' 4096 ', '0x10', null, true, [4096]].forEach(function (size) {
  ['setRecvBufferSize', 'setSendBufferSize'].forEach(function (m) {
    common.throwsCode(function () { s[m](size); }, 'TypeError', 'ERR_SOCKET_BAD_BUFFER_SIZE',
      'Buffer size must be a positive integer');
  });
});

s.on('message', common.mustCall(function (msg) {
  assert.strictEqual(msg.toString(), 'sized');
  s.close(common.mustCall(function () {
    common.throwsCode(function () { s.getRecvBufferSize(); }, 'Error', 'ERR_SOCKET_DGRAM_NOT_RUNNING');
  }));
}));
s.bind(0, '127.0.0.1', common.mustCall(function () {
  // Bound: the sizes are the socket's (Linux reports double what was set).
  assert.strictEqual(s.setRecvBufferSize(16384), undefined);
  assert.ok(s.getRecvBufferSize() >= 16384);
  assert.strictEqual(s.setSendBufferSize(16384), undefined);
  assert.ok(s.getSendBufferSize() >= 16384);
  assert.strictEqual(typeof s.getSendBufferSize(), 'number');
  // 0 reads the size and changes nothing (libuv's uv_recv_buffer_size).
  var recv = s.getRecvBufferSize(), send = s.getSendBufferSize();
  assert.strictEqual(s.setRecvBufferSize(0), undefined);
  assert.strictEqual(s.setSendBufferSize(0), undefined);
  assert.strictEqual(s.getRecvBufferSize(), recv);
  assert.strictEqual(s.getSendBufferSize(), send);
  s.send('sized', s.address().port, '127.0.0.1');
}));
