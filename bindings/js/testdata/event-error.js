// Event 'error': a failed bind is emitted; with no listener it is thrown
// (see uncaught-error.js).
var dgram = require('dgram');
var assert = require('assert');
var common = require('./lib/common');

var a = dgram.createSocket('udp4');
a.bind(0, '127.0.0.1', common.mustCall(function () {
  var port = a.address().port;
  var b = dgram.createSocket('udp4');
  b.on('error', common.mustCall(function (err) {
    assert.ok(err instanceof Error);
    assert.strictEqual(err.code, 'EADDRINUSE');
    assert.strictEqual(String(err), 'Error: bind EADDRINUSE 127.0.0.1:' + port);
    b.close(common.mustCall(function () { a.close(); }));
  }));
  b.bind(port, '127.0.0.1');
}));

// A malformed address (no name lookup is made for it): ENOTFOUND.
var c = dgram.createSocket('udp4');
c.on('error', common.mustCall(function (err) {
  assert.strictEqual(err.code, 'ENOTFOUND');
  assert.strictEqual(err.syscall, 'getaddrinfo');
  assert.strictEqual(err.message, 'getaddrinfo ENOTFOUND 1.2.3.4.5');
  c.close();
}));
c.bind(0, '1.2.3.4.5');

// An address that is not local: EADDRNOTAVAIL, without the port.
var d = dgram.createSocket('udp4');
d.on('error', common.mustCall(function (err) {
  assert.strictEqual(err.code, 'EADDRNOTAVAIL');
  assert.strictEqual(err.message, 'bind EADDRNOTAVAIL 192.0.2.77');
  assert.strictEqual(err.port, undefined);
  d.close();
}));
d.bind(0, '192.0.2.77');
