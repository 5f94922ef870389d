// socket.close([closeListener])
var dgram = require('dgram');
var assert = require('assert');
var common = require('./lib/common');

// A never-bound socket closes too, with 'close' after close returns.
var returned = false;
var a = dgram.createSocket('udp4');
assert.strictEqual(a.close(common.mustCall(function () {
  assert.ok(returned);
})), a);
returned = true;

// A second close throws, yet its listener is attached (as in Node) and
// called with the first close.
var b = dgram.createSocket('udp4');
b.bind(0, '127.0.0.1', common.mustCall(function () {
  b.close(common.mustCall());
  common.throwsCode(function () { b.close(common.mustCall()); }, 'Error', 'ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running');
  assert.strictEqual(b.listeners('close').length, 2);
}));

// A listener that is not a function is ignored.
var c = dgram.createSocket('udp4');
c.close('nope');
assert.strictEqual(c.listeners('close').length, 0);

// Closing while an implicit bind is pending: the queued datagram still
// goes, then 'close'.
var server = dgram.createSocket('udp4', common.mustCall(function (msg) {
  assert.strictEqual(msg.toString(), 'queued');
  server.close();
}));
server.bind(0, '127.0.0.1', common.mustCall(function () {
  var d = dgram.createSocket('udp4');
  d.send('queued', server.address().port, '127.0.0.1');
  d.close(common.mustCall());
}));
