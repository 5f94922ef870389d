// A burst of datagrams: the 'message' events come in order, process.nextTick
// callbacks run after each one (before the next), and the replies sent from
// the listener (held and written together by the host) arrive whole and in
// order, with their send callbacks after them.
var dgram = require('dgram');
var assert = require('assert');
var common = require('./lib/common');

var N = 200;
var server = dgram.createSocket('udp4');
var client = dgram.createSocket('udp4');
var trace = [];
var echoed = [];
var callbacks = 0;

server.on('message', function (msg, rinfo) {
  var i = Number(msg.toString());
  trace.push('m' + i);
  process.nextTick(function () { trace.push('t' + i); });
  server.send(msg, rinfo.port, rinfo.address, function (err, bytes) {
    assert.ifError(err);
    assert.strictEqual(bytes, msg.length);
    assert.strictEqual(callbacks, i); // in order
    callbacks++;
  });
});

client.on('message', function (msg) {
  echoed.push(Number(msg.toString()));
  if (echoed.length === N) {
    for (var i = 0; i < N; i++) {
      assert.strictEqual(echoed[i], i);
      assert.strictEqual(trace[2 * i], 'm' + i);
      assert.strictEqual(trace[2 * i + 1], 't' + i);
    }
    setTimeout(common.mustCall(function () {
      assert.strictEqual(callbacks, N);
      server.close();
      client.close();
    }), 50);
  }
});

server.bind(0, '127.0.0.1', common.mustCall(function () {
  var port = server.address().port;
  client.bind(0, '127.0.0.1', common.mustCall(function () {
    for (var i = 0; i < N; i++) {
      client.send(String(i), port, '127.0.0.1');
    }
  }));
}));
