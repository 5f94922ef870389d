// IPv4-mapped addresses on udp6, and address() after connect, as Node:
// a udp6 socket binds ::ffff:127.0.0.1 and reports it; udp4 traffic to
// 127.0.0.1 reaches it, from ::ffff:127.0.0.1; remoteAddress() of a udp6
// socket connected to a mapped address is that address; address() after
// connect is what getsockname says (the address the socket sends from),
// not the wildcard address it was bound to.
var dgram = require('dgram');
var assert = require('assert');
var common = require('./lib/common');

var mapped = dgram.createSocket('udp6');
var v4 = dgram.createSocket('udp4');
mapped.on('message', common.mustCall(function (msg, rinfo) {
  assert.strictEqual(msg.toString(), 'to mapped');
  assert.strictEqual(rinfo.address, '::ffff:127.0.0.1');
  assert.strictEqual(rinfo.family, 'IPv6');
  assert.strictEqual(rinfo.port, v4.address().port);
  connected();
}));
mapped.bind(0, '::ffff:127.0.0.1', common.mustCall(function () {
  var a = mapped.address();
  assert.strictEqual(a.address, '::ffff:127.0.0.1');
  assert.strictEqual(a.family, 'IPv6');
  v4.bind(0, '127.0.0.1', common.mustCall(function () {
    v4.send('to mapped', a.port, '127.0.0.1');
  }));
}));

// connected: a udp6 socket connected to ::ffff:127.0.0.1 (the udp4 peer),
// and a udp4 and a udp6 socket bound to their wildcard addresses, then
// connected: address() is then the address each sends from.
function connected() {
  var port = v4.address().port;
  var c6 = dgram.createSocket('udp6');
  c6.connect(port, '::ffff:127.0.0.1', common.mustCall(function () {
    assert.deepStrictEqual(c6.remoteAddress(), { address: '::ffff:127.0.0.1', family: 'IPv6', port: port });
    assert.strictEqual(c6.address().address, '::ffff:127.0.0.1');
    var c4 = dgram.createSocket('udp4');
    c4.bind(0, common.mustCall(function () {
      assert.strictEqual(c4.address().address, '0.0.0.0');
      c4.connect(port, '127.0.0.1', common.mustCall(function () {
        assert.strictEqual(c4.address().address, '127.0.0.1');
        var w6 = dgram.createSocket('udp6');
        w6.bind(0, common.mustCall(function () {
          assert.strictEqual(w6.address().address, '::');
          w6.connect(port, '::1', common.mustCall(function () {
            assert.strictEqual(w6.address().address, '::1');
            [mapped, v4, c6, c4, w6].forEach(function (s) { s.close(); });
            console.log('mapped addresses as Node');
          }));
        }));
      }));
    }));
  }));
}
