// createSocket's recvBufferSize and sendBufferSize, checked as Node's
// lib/dgram.js does (validateUint32 when truthy: ERR_INVALID_ARG_TYPE,
// ERR_OUT_OF_RANGE worded as Node words it; a falsy value is omitted) and
// applied at bind (Node's test-dgram-createSocket-type).
var dgram = require('dgram');
var assert = require('assert');
var common = require('./lib/common');

['recvBufferSize', 'sendBufferSize'].forEach(function (name) {
  function create(v) { var o = { type: 'udp4' }; o[name] = v; return dgram.createSocket(o); }
  var range = 'The value of "options.' + name + '" is out of range. ';
  common.throwsCode(function () { create(-1); }, 'RangeError', 'ERR_OUT_OF_RANGE',
    range + 'It must be >= 0 && <= 4294967295. Received -1');
  common.throwsCode(function () { create(4294967296); }, 'RangeError', 'ERR_OUT_OF_RANGE',
    range + 'It must be >= 0 && <= 4294967295. Received 4294967296');
  common.throwsCode(function () { create(8589934592); }, 'RangeError', 'ERR_OUT_OF_RANGE',
    range + 'It must be >= 0 && <= 4294967295. Received 8_589_934_592');
  common.throwsCode(function () { create(1.5); }, 'RangeError', 'ERR_OUT_OF_RANGE',
    range + 'It must be an integer. Received 1.5');
  common.throwsCode(function () { create(Infinity); }, 'RangeError', 'ERR_OUT_OF_RANGE',
    range + 'It must be an integer. Received Infinity');
  common.throwsCode(function () { create('1000'); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
    'The "options.' + name + '" argument must be of type number. Received type string (\'1000\')');
  common.throwsCode(function () { create(true); }, 'TypeError', 'ERR_INVALID_ARG_TYPE');
  [0, '', false, null, undefined, NaN].forEach(function (falsy) { create(falsy).close(); });
});

var socket = dgram.createSocket({ type: 'udp4', recvBufferSize: 10000, sendBufferSize: 15000 });
socket.bind(common.mustCall(function () {
  // Linux doubles the size for its bookkeeping.
  assert.ok([10000, 20000].indexOf(socket.getRecvBufferSize()) >= 0, 'SO_RCVBUF ' + socket.getRecvBufferSize());
  assert.ok([15000, 30000].indexOf(socket.getSendBufferSize()) >= 0, 'SO_SNDBUF ' + socket.getSendBufferSize());
  // Beyond a C int: EINVAL, as libuv reports it (test-dgram-socket-buffer-size).
  ['recv', 'send'].forEach(function (which) {
    var m = 'set' + which.charAt(0).toUpperCase() + which.slice(1) + 'BufferSize';
    common.throwsCode(function () { socket[m](2147483648); }, 'SystemError', 'ERR_SOCKET_BUFFER_SIZE',
      'Could not get or set buffer size: uv_' + which + '_buffer_size returned EINVAL (invalid argument)');
  });
  socket.close();
}));
