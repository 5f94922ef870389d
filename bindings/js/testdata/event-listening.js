// Event 'listening': after bind returns, before any 'message' and before
// the callbacks of datagrams queued by an implicit bind.
var dgram = require('dgram');
var assert = require('assert');
var common = require('./lib/common');

var order = [];
var s = dgram.createSocket('udp4');
s.on('listening', common.mustCall(function () { order.push('listener 1'); }));
s.bind(0, '127.0.0.1', common.mustCall(function () { order.push('bind callback'); }));
s.on('listening', common.mustCall(function () {
  order.push('listener 2');
  // Listeners run in the order they were added, the bind callback among them.
  assert.deepStrictEqual(order, ['listener 1', 'bind callback', 'listener 2']);
  s.close();
}));
order.push('bind returned');
assert.deepStrictEqual(order, ['bind returned']);
order = [];

// An implicit bind by send: 'listening', then the send callback.
var c = dgram.createSocket('udp4');
var seq = [];
c.on('listening', common.mustCall(function () {
  seq.push('listening');
  assert.ok(c.address().port > 0);
}));
c.send('x', 9, '127.0.0.1', common.mustCall(function (err) {
  seq.push('sent');
  assert.deepStrictEqual(seq, ['listening', 'sent']);
  c.close();
}));

// once: removed after the first emit.
var e = dgram.createSocket('udp4');
e.once('listening', common.mustCall(function () {
  assert.strictEqual(e.listeners('listening').length, 0);
  e.close();
}));
e.bind(0, '127.0.0.1');
