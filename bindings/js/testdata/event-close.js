// Event 'close': after close returns, last: no 'message' after it.
var dgram = require('dgram');
var assert = require('assert');
var common = require('./lib/common');

var s = dgram.createSocket('udp4');
var closed = false;
s.on('message', function () { assert.ok(!closed, "'message' after 'close'"); });
s.on('close', common.mustCall(function () {
  closed = true;
  assert.strictEqual(this, s);
  assert.strictEqual(arguments.length, 0);
}));
s.on('listening', common.mustCall(function () {
  var c = dgram.createSocket('udp4');
  var port = s.address().port;
  for (var i = 0; i < 5; i++) { c.send('x', port, '127.0.0.1'); }
  c.close();
  s.close();
  assert.ok(!closed);
}));
s.bind(0, '127.0.0.1');

// removeListener and listeners.
var t = dgram.createSocket('udp4');
var f = common.mustNotCall('a removed close listener');
t.on('close', f);
assert.deepStrictEqual(t.listeners('close'), [f]);
t.removeListener('close', f);
assert.deepStrictEqual(t.listeners('close'), []);
t.on('close', common.mustCall());
t.close();
