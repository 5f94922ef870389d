// A socket whose on, once or emit was overwritten: Node's TypeError
// ("this.on is not a function"), or Node's behaviour where Node does not
// call the method (bind works with once overwritten).
var assert = require('assert');
var dgram = require('dgram');
var common = require('./lib/common');

function throwsType(fn, message) {
  assert.throws(fn, function (e) {
    assert.ok(e instanceof TypeError, String(e));
    assert.strictEqual(e.message, message);
    return true;
  });
}

// once overwritten: bind's callback still runs.
var a = dgram.createSocket('udp4');
a.once = 5;
a.bind(0, '127.0.0.1', common.mustCall(function () {
  // on overwritten: close(cb) throws, and the socket stays usable.
  a.on = null;
  throwsType(function () { a.close(function () {}); }, 'this.on is not a function');
  a.on = dgram.Socket.prototype.on;
  a.close(common.mustCall());
}));

// A 'message' listener given to createSocket with Socket.prototype.on
// overwritten.
var on = dgram.Socket.prototype.on;
dgram.Socket.prototype.on = 1;
throwsType(function () { dgram.createSocket('udp4', function () {}); }, 'this.on is not a function');
throwsType(function () { new dgram.Socket('udp4', function () {}); }, 'this.on is not a function');
var c = dgram.createSocket('udp4'); // no listener: on is not called
throwsType(function () { c.bind(0, function () {}); }, 'this.on is not a function');
dgram.Socket.prototype.on = on;

// emit overwritten: each event looks emit up on the socket.
var e = dgram.createSocket('udp4');
e.emit = 'x';
e.bind(0, '127.0.0.1');
e.emit = common.mustCall(function (name) {
  assert.strictEqual(name, 'listening');
  e.emit = dgram.Socket.prototype.emit;
  e.close();
});
