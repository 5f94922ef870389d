// createSocket's reusePort and ipv6Only options, and the dual-stack udp6
// socket bound to :: (as in Node: a udp4 peer's datagram reaches it from
// ::ffff:127.0.0.1, family IPv6, unless ipv6Only).
var dgram = require('dgram');
var assert = require('assert');
var common = require('./lib/common');

var dual = dgram.createSocket('udp6');
dual.bind(0, '::', common.mustCall(function () {
  var port = dual.address().port;
  var v4 = dgram.createSocket('udp4');
  dual.on('message', common.mustCall(function (msg, rinfo) {
    assert.strictEqual(msg.toString(), 'from udp4');
    assert.strictEqual(rinfo.address, '::ffff:127.0.0.1');
    assert.strictEqual(rinfo.family, 'IPv6');
    assert.strictEqual(rinfo.port, v4.address().port);
    dual.close();
    v4.close();
  }));
  v4.send('from udp4', port, '127.0.0.1');
}));

// ipv6Only: udp4 binds the same port (Node's test-dgram-ipv6only).
var only = dgram.createSocket({ type: 'udp6', ipv6Only: true });
only.bind({ port: 0, address: '::' }, common.mustCall(function () {
  var client = dgram.createSocket('udp4');
  client.on('error', common.mustNotCall('a udp4 bind beside an ipv6Only socket'));
  client.bind({ port: only.address().port, address: '0.0.0.0' }, common.mustCall(function () {
    client.close();
    only.close();
  }));
}));

// reusePort: sockets that all ask for it share a port; one that does not
// gets 'error' EADDRINUSE.
var a = dgram.createSocket({ type: 'udp4', reusePort: true });
a.bind(0, '127.0.0.1', common.mustCall(function () {
  var port = a.address().port;
  var b = dgram.createSocket({ type: 'udp4', reusePort: true });
  b.bind(port, '127.0.0.1', common.mustCall(function () {
    var c = dgram.createSocket('udp4');
    c.on('error', common.mustCall(function (err) {
      assert.strictEqual(err.code, 'EADDRINUSE');
      assert.strictEqual(err.message, 'bind EADDRINUSE 127.0.0.1:' + port);
      a.close();
      b.close();
      c.close();
    }));
    c.bind(port, '127.0.0.1');
  }));
}));
