// Event 'message': (msg: Buffer, rinfo {address, family, port, size}).
var dgram = require('dgram');
var assert = require('assert');
var common = require('./lib/common');

var server = dgram.createSocket('udp4');
var client = dgram.createSocket('udp4');
var got = [];
server.on('message', common.mustCall(function (msg, rinfo) {
  assert.ok(Buffer.isBuffer(msg));
  assert.deepStrictEqual(Object.keys(rinfo).sort(), ['address', 'family', 'port', 'size']);
  assert.strictEqual(rinfo.address, '127.0.0.1');
  assert.strictEqual(rinfo.family, 'IPv4');
  assert.strictEqual(rinfo.port, client.address().port);
  assert.strictEqual(rinfo.size, msg.length);
  got.push(msg);
  if (got.length === 3) {
    assert.strictEqual(got[0].toString(), 'one');
    assert.strictEqual(got[1].length, 0); // an empty datagram arrives
    assert.deepStrictEqual(got[2], Buffer.from([0, 1, 2, 255]));
    assert.strictEqual(got[2].toString('hex'), '000102ff');
    // Each message is its own copy.
    got[0][0] = 0x4f;
    assert.strictEqual(got[2][0], 0);
    server.removeAllListeners('message');
    server.close();
    client.close();
  }
}, 3));
server.bind(0, '127.0.0.1', common.mustCall(function () {
  var port = server.address().port;
  client.bind(0, '127.0.0.1', common.mustCall(function () {
    // The datagrams of one sender arrive in order on loopback.
    client.send('one', port, '127.0.0.1', common.mustCall(function () {
      client.send('', port, '127.0.0.1', common.mustCall(function () {
        client.send(Buffer.from([0, 1, 2, 255]), port, '127.0.0.1');
      }));
    }));
  }));
}));

// IPv6 too.
var s6 = dgram.createSocket('udp6', common.mustCall(function (msg, rinfo) {
  assert.strictEqual(rinfo.family, 'IPv6');
  assert.strictEqual(rinfo.address, '::1');
  s6.close();
  c6.close();
}));
var c6 = dgram.createSocket('udp6');
s6.bind(0, '::1', function () { c6.send('v6', s6.address().port, '::1'); });
