// socket.send(msg, [offset, length,] port[, address][, sendListener])
var dgram = require('dgram');
var assert = require('assert');
var common = require('./lib/common');

var TYPES = 'string or an instance of Buffer, TypedArray, or DataView';
var BAD_PORT = function (r) { return 'Port should be > 0 and < 65536. Received ' + r + '.'; };

var want = ['plain', 'buffer', 'él', 'sliced', 'listAB', 'typed', '', 'cb-only', 'default-address'];
var server = dgram.createSocket('udp4');
var got = [];
server.on('message', function (msg, rinfo) {
  got.push(msg.toString());
  assert.strictEqual(rinfo.size, msg.length);
  if (got.length === want.length) {
    assert.deepStrictEqual(got.slice().sort(), want.slice().sort());
    finish();
  }
});

// Both sockets close once every datagram arrived and the last send's
// callback ran (closing earlier would drop the callbacks still due).
var pending = 2;
function finish() {
  if (--pending === 0) {
    server.close();
    client.close();
  }
}

var client = dgram.createSocket('udp4');
server.bind(0, '127.0.0.1', common.mustCall(function () {
  var port = server.address().port;
  var ok = common.mustCall(function (err, bytes) { assert.strictEqual(err, null); assert.strictEqual(typeof bytes, 'number'); }, 6);
  assert.strictEqual(client.send('plain', port, '127.0.0.1', ok), undefined);
  client.send(Buffer.from('buffer'), port, '127.0.0.1', ok);
  client.send('héllo', 1, 3, port, '127.0.0.1', ok); // offsets count bytes: 'él'
  client.send(Buffer.from('xxslicedyy'), 2, 6, String(port), '127.0.0.1');
  client.send(['list', Buffer.from('A'), 'B'], port, '127.0.0.1', ok);
  client.send(new Uint8Array([116, 121, 112, 101, 100]), port, '127.0.0.1');
  client.send([], port, '127.0.0.1', ok); // one empty datagram
  client.send('cb-only', port, common.mustCall(function (err, bytes) { // address omitted: 127.0.0.1
    assert.strictEqual(err, null);
    assert.strictEqual(bytes, 7);
  }));
  client.send('default-address', port, null, ok);

  // A datagram too large: the callback gets the system error.
  client.send(Buffer.alloc(65508), port, '127.0.0.1', common.mustCall(function (err, bytes) {
    assert.strictEqual(err.code, 'EMSGSIZE');
    assert.strictEqual(err.syscall, 'send');
    assert.strictEqual(err.errno, -90);
    assert.strictEqual(err.address, '127.0.0.1');
    assert.strictEqual(err.port, port);
    assert.strictEqual(err.message, 'send EMSGSIZE 127.0.0.1:' + port);
    assert.strictEqual(bytes, 0);
    finish();
  }));
}));

// Bad arguments: Node's codes and messages.
var s = dgram.createSocket('udp4');
[5, null, undefined, true, {}].forEach(function (m) {
  common.throwsCode(function () { s.send(m, 1234); }, 'TypeError', 'ERR_INVALID_ARG_TYPE');
});
common.throwsCode(function () { s.send(5, 1234); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
  'The "buffer" argument must be of type ' + TYPES + '. Received type number (5)');
common.throwsCode(function () { s.send({}, 1234); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
  'The "buffer" argument must be of type ' + TYPES + '. Received an instance of Object');
common.throwsCode(function () { s.send(['a', 1], 1234); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
  'The "buffer list arguments" argument must be of type ' + TYPES + '. Received an instance of Array');

[0, -1, 65536, 1.5, NaN, 'abc', ' ', null, undefined, true].forEach(function (p) {
  common.throwsCode(function () { s.send('x', p); }, 'RangeError', 'ERR_SOCKET_BAD_PORT');
});
common.throwsCode(function () { s.send('x', 0); }, 'RangeError', 'ERR_SOCKET_BAD_PORT', BAD_PORT('type number (0)'));
common.throwsCode(function () { s.send('x', 65536); }, 'RangeError', 'ERR_SOCKET_BAD_PORT', BAD_PORT('type number (65536)'));
common.throwsCode(function () { s.send('x', 1.5); }, 'RangeError', 'ERR_SOCKET_BAD_PORT', BAD_PORT('type number (1.5)'));
common.throwsCode(function () { s.send('x', 'abc'); }, 'RangeError', 'ERR_SOCKET_BAD_PORT', BAD_PORT("type string ('abc')"));
common.throwsCode(function () { s.send('x'); }, 'RangeError', 'ERR_SOCKET_BAD_PORT', BAD_PORT('undefined'));

[[], 1, true, {}].forEach(function (a) {
  common.throwsCode(function () { s.send('x', 1234, a); }, 'TypeError', 'ERR_INVALID_ARG_TYPE');
});
common.throwsCode(function () { s.send('x', 1234, 7); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
  'The "address" argument must be of type string. Received type number (7)');

var buf = Buffer.from('abc');
common.throwsCode(function () { s.send(buf, 4, 0, 1234); }, 'RangeError', 'ERR_BUFFER_OUT_OF_BOUNDS', '"offset" is outside of buffer bounds');
common.throwsCode(function () { s.send(buf, 1, 3, 1234); }, 'RangeError', 'ERR_BUFFER_OUT_OF_BOUNDS', '"length" is outside of buffer bounds');
common.throwsCode(function () { s.send(buf, -1, 1, 1234); }, 'RangeError', 'ERR_BUFFER_OUT_OF_BOUNDS', '"offset" is outside of buffer bounds');
common.throwsCode(function () { s.send(buf, 'a', 1, 1234); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
  'The "offset" argument must be of type number. Received type string (\'a\')');
// The offset is checked before the port, as in Node and Go.
common.throwsCode(function () { s.send(buf, 9, 1, -1); }, 'RangeError', 'ERR_BUFFER_OUT_OF_BOUNDS', '"offset" is outside of buffer bounds');
common.throwsCode(function () { s.send(buf, 1, 1, 'x'); }, 'RangeError', 'ERR_SOCKET_BAD_PORT', BAD_PORT("type string ('x')"));
// offset === length of the message with length 0 is allowed.
s.send(buf, 3, 0, 9, '127.0.0.1');
s.close(common.mustCall());

// After close: ERR_SOCKET_DGRAM_NOT_RUNNING.
common.throwsCode(function () { s.send('x', 1234); }, 'Error', 'ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running');
