// socket.ref() and unref(): both return the socket; a bound, unref'd socket
// lets the script end; ref() undoes unref().
var dgram = require('dgram');
var assert = require('assert');
var common = require('./lib/common');

var idle = dgram.createSocket('udp4');
assert.strictEqual(idle.unref(), idle);
assert.strictEqual(idle.ref(), idle);
assert.strictEqual(idle.unref(), idle);
idle.bind(0, '127.0.0.1', common.mustCall(function () {
  // Still bound and working, but not what keeps the script running.
  assert.ok(idle.address().port > 0);
}));

// unref then ref: this one keeps the script running until its datagram to
// itself arrives (were it unref'd, the script would end first and its
// mustCall would fail at exit).
var busy = dgram.createSocket('udp4');
busy.unref();
busy.ref();
busy.on('message', common.mustCall(function (msg) {
  assert.strictEqual(msg.toString(), 'held');
  busy.close(function () { assert.strictEqual(busy.unref(), busy); });
}));
busy.bind(0, '127.0.0.1', function () {
  setTimeout(function () { busy.send('held', busy.address().port, '127.0.0.1'); }, 50).unref();
});
