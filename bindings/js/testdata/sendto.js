// socket.sendto(msg, offset, length, port[, address][, sendListener])
var dgram = require('dgram');
var assert = require('assert');
var common = require('./lib/common');

var server = dgram.createSocket('udp4', common.mustCall(function (msg) {
  assert.strictEqual(msg.toString(), 'ell');
  server.close();
}));
server.bind(0, '127.0.0.1', common.mustCall(function () {
  var client = dgram.createSocket('udp4');
  client.sendto(Buffer.from('hello'), 1, 3, server.address().port, '127.0.0.1', common.mustCall(function (err, bytes) {
    assert.strictEqual(err, null);
    assert.strictEqual(bytes, 3);
    client.close();
  }));
}));

var s = dgram.createSocket('udp4');
common.throwsCode(function () { s.sendto(5, 0, 1, 1234); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
  'The "buffer" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received type number (5)');
common.throwsCode(function () { s.sendto('abc'); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
  'The "offset" argument must be of type number. Received undefined');
common.throwsCode(function () { s.sendto('abc', 0); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
  'The "length" argument must be of type number. Received undefined');
// Node's sendto checks offset, length, port and address before the message.
common.throwsCode(function () { s.sendto('abc', 0, 3); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
  'The "port" argument must be of type number. Received undefined');
common.throwsCode(function () { s.sendto(5); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
  'The "offset" argument must be of type number. Received undefined');
common.throwsCode(function () { s.sendto(5, 'offset', 1, 1234); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
  "The \"offset\" argument must be of type number. Received type string ('offset')");
common.throwsCode(function () { s.sendto(5, 1, 'offset', 1234); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
  "The \"length\" argument must be of type number. Received type string ('offset')");
common.throwsCode(function () { s.sendto(5, 1, 1, false, 'address'); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
  'The "port" argument must be of type number. Received type boolean (false)');
common.throwsCode(function () { s.sendto(5, 1, 1, 10, false); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
  'The "address" argument must be of type string. Received type boolean (false)');
common.throwsCode(function () { s.sendto('abc', 0, 3, '1234'); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
  "The \"port\" argument must be of type number. Received type string ('1234')");
common.throwsCode(function () { s.sendto('abc', 0, 3, 0); }, 'RangeError', 'ERR_SOCKET_BAD_PORT',
  'Port should be > 0 and < 65536. Received type number (0).');
common.throwsCode(function () { s.sendto('abc', 2, 2, 1234); }, 'RangeError', 'ERR_BUFFER_OUT_OF_BOUNDS', '"length" is outside of buffer bounds');
common.throwsCode(function () { s.sendto('abc', 0, 3, 1234, 5); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
  'The "address" argument must be of type string. Received type number (5)');
s.close();
common.throwsCode(function () { s.sendto('abc', 0, 3, 1234); }, 'Error', 'ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running');
