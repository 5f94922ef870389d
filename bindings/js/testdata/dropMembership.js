// socket.dropMembership(multicastAddress[, multicastInterface])
// needs: sandbox
var dgram = require('dgram');
var assert = require('assert');
var common = require('./lib/common');

var GROUP = '230.255.255.250';
var s = dgram.createSocket({ type: 'udp4', reuseAddr: true });
common.throwsCode(function () { s.dropMembership(); }, 'TypeError', 'ERR_MISSING_ARGS', 'The "multicastAddress" argument must be specified');
common.throwsCode(function () { s.dropMembership(null); }, 'TypeError', 'ERR_MISSING_ARGS');
assert.throws(function () { s.dropMembership(GROUP); }, { code: 'EBADF', message: 'dropMembership EBADF' });

s.bind(0, common.mustCall(function () {
  // Not joined: EADDRNOTAVAIL.
  assert.throws(function () { s.dropMembership(GROUP); }, { code: 'EADDRNOTAVAIL', message: 'dropMembership EADDRNOTAVAIL' });
  s.addMembership(GROUP);
  assert.strictEqual(s.dropMembership(GROUP), undefined);
  s.addMembership(GROUP);
  var port = s.address().port;
  var sender = dgram.createSocket('udp4');
  // After a drop, nothing more arrives: one datagram, then drop, then a
  // second that must not arrive.
  s.on('message', common.mustCall(function (msg) {
    assert.strictEqual(msg.toString(), 'first');
    s.dropMembership(GROUP);
    sender.send('second', port, GROUP, common.mustCall(function () {
      setTimeout(function () { s.close(); sender.close(); }, 300);
    }));
  }));
  sender.send('first', port, GROUP);
}));
s.on('close', common.mustCall(function () {
  common.throwsCode(function () { s.dropMembership(GROUP); }, 'Error', 'ERR_SOCKET_DGRAM_NOT_RUNNING');
}));
