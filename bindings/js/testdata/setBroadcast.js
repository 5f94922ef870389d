// socket.setBroadcast(flag)
// needs: sandbox
var dgram = require('dgram');
var assert = require('assert');
var common = require('./lib/common');

var s = dgram.createSocket('udp4');
assert.throws(function () { s.setBroadcast(true); }, { name: 'Error', code: 'EBADF', syscall: 'setBroadcast', message: 'setBroadcast EBADF' });

var port;
var receiver = dgram.createSocket({ type: 'udp4', reuseAddr: true }, common.mustCall(function (msg, rinfo) {
  assert.strictEqual(msg.toString(), 'to all');
  receiver.close();
}));
receiver.bind(0, common.mustCall(function () {
  port = receiver.address().port;
  s.bind(0, common.mustCall(function () {
    // Without SO_BROADCAST a broadcast send fails with EACCES.
    s.send('denied', port, '255.255.255.255', common.mustCall(function (err) {
      assert.strictEqual(err.code, 'EACCES');
      assert.strictEqual(err.message, 'send EACCES 255.255.255.255:' + port);
      assert.strictEqual(s.setBroadcast(true), undefined);
      s.send('to all', port, '255.255.255.255', common.mustCall(function (err) {
        assert.ifError(err);
        s.setBroadcast(false);
        s.setBroadcast(0); // truthiness, as Node
        s.close();
        common.throwsCode(function () { s.setBroadcast(true); }, 'Error', 'ERR_SOCKET_DGRAM_NOT_RUNNING');
      }));
    }));
  }));
}));

var tizen = dgram.createSocket({ type: 'udp4', platform: 'tizenrt' });
common.throwsCode(function () { tizen.setBroadcast(true); }, 'Error', 'ERR_NOT_SUPPORTED_ON_PLATFORM',
  'dgram.Socket.setBroadcast is not supported on TizenRT');
