// dgram.createSocket(type[, callback]) and createSocket(options[, callback])
var dgram = require('dgram');
var EventEmitter = require('events');
var assert = require('assert');
var common = require('./lib/common');

var BAD_TYPE = 'Bad socket type specified. Valid types are: udp4, udp6';

var s4 = dgram.createSocket('udp4');
assert.ok(s4 instanceof dgram.Socket);
assert.ok(s4 instanceof EventEmitter);
assert.strictEqual(typeof s4.bind, 'function');
var s6 = dgram.createSocket('udp6');
assert.ok(s6 instanceof dgram.Socket);
assert.strictEqual(dgram.createSocket({ type: 'udp4', reuseAddr: true }).listeners('message').length, 0);

// A callback is a 'message' listener; anything else is ignored.
var cb = function () {};
assert.deepStrictEqual(dgram.createSocket('udp4', cb).listeners('message'), [cb]);
assert.deepStrictEqual(dgram.createSocket({ type: 'udp6' }, cb).listeners('message'), [cb]);
assert.strictEqual(dgram.createSocket('udp4', 42).listeners('message').length, 0);

// Only 'udp4' and 'udp6' themselves.
['udp5', 'UDP4', '', ['udp4'], new String('udp4'), 1, {}, true, false, null, undefined].forEach(function (t) {
  common.throwsCode(function () { dgram.createSocket(t); }, 'TypeError', 'ERR_SOCKET_BAD_TYPE', BAD_TYPE);
  common.throwsCode(function () { dgram.createSocket({ type: t }); }, 'TypeError', 'ERR_SOCKET_BAD_TYPE', BAD_TYPE);
});
common.throwsCode(function () { dgram.createSocket(); }, 'TypeError', 'ERR_SOCKET_BAD_TYPE', BAD_TYPE);

// Buffer sizes: uint32, worded as Node's validateUint32 (bufferSizeOptions.js).
common.throwsCode(function () { dgram.createSocket({ type: 'udp4', recvBufferSize: -1 }); }, 'RangeError', 'ERR_OUT_OF_RANGE',
  'The value of "options.recvBufferSize" is out of range. It must be >= 0 && <= 4294967295. Received -1');
common.throwsCode(function () { dgram.createSocket({ type: 'udp4', sendBufferSize: 4294967296 }); }, 'RangeError', 'ERR_OUT_OF_RANGE',
  'The value of "options.sendBufferSize" is out of range. It must be >= 0 && <= 4294967295. Received 4294967296');
common.throwsCode(function () { dgram.createSocket({ type: 'udp4', recvBufferSize: 1.5 }); }, 'RangeError', 'ERR_OUT_OF_RANGE',
  'The value of "options.recvBufferSize" is out of range. It must be an integer. Received 1.5');
common.throwsCode(function () { dgram.createSocket({ type: 'udp4', recvBufferSize: 'big' }); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
  'The "options.recvBufferSize" argument must be of type number. Received type string (\'big\')');
assert.ok(dgram.createSocket({ type: 'udp4', recvBufferSize: 65536, sendBufferSize: 65536 }));

// The type is checked first, as in Go.
common.throwsCode(function () { dgram.createSocket({ type: 'udp9', recvBufferSize: -1 }); }, 'TypeError', 'ERR_SOCKET_BAD_TYPE');

// Platform profiles (a dgramkit extension): the socket refuses what the
// seed's matrix marks X for the board.
var nuttx = dgram.createSocket({ type: 'udp4', platform: 'nuttx' });
common.throwsCode(function () { nuttx.address(); }, 'Error', 'ERR_NOT_SUPPORTED_ON_PLATFORM',
  'dgram.Socket.address is not supported on NuttX');
common.throwsCode(function () { nuttx.setTTL(64); }, 'Error', 'ERR_NOT_SUPPORTED_ON_PLATFORM',
  'dgram.Socket.setTTL is not supported on NuttX');
common.throwsCode(function () { dgram.createSocket({ type: 'udp4', platform: 'beos' }); }, 'Error', 'ERR_NOT_SUPPORTED_ON_PLATFORM',
  'dgram.createSocket is not supported on beos');
common.throwsCode(function () { dgram.createSocket({ type: 'udp4', platform: 7 }); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
  'The "options.platform" argument must be of type string. Received type number (7)');
assert.ok(dgram.createSocket({ type: 'udp4', platform: 'TizenRT' }));

// The message callback receives what is sent to the socket.
var server = dgram.createSocket({ type: 'udp4' }, common.mustCall(function (msg, rinfo) {
  assert.ok(Buffer.isBuffer(msg));
  assert.strictEqual(msg.toString(), 'ping');
  assert.strictEqual(rinfo.size, 4);
  server.close();
}));
server.bind(0, '127.0.0.1', common.mustCall(function () {
  var client = dgram.createSocket('udp4');
  client.send('ping', server.address().port, '127.0.0.1', common.mustCall(function (err) {
    assert.ifError(err);
    client.close();
  }));
}));
