// socket.addMembership(multicastAddress[, multicastInterface])
// needs: sandbox
var dgram = require('dgram');
var assert = require('assert');
var common = require('./lib/common');

var GROUP = '230.255.255.250';
var s = dgram.createSocket({ type: 'udp4', reuseAddr: true });
common.throwsCode(function () { s.addMembership(); }, 'TypeError', 'ERR_MISSING_ARGS', 'The "multicastAddress" argument must be specified');
common.throwsCode(function () { s.addMembership(''); }, 'TypeError', 'ERR_MISSING_ARGS', 'The "multicastAddress" argument must be specified');
common.throwsCode(function () { s.addMembership(GROUP, 5); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
  'The "multicastInterface" argument must be of type string. Received type number (5)');
assert.throws(function () { s.addMembership(GROUP); }, { code: 'EBADF', message: 'addMembership EBADF' });
// Node's order: a malformed group is EINVAL on an unbound socket too.
assert.throws(function () { s.addMembership('256.256.256.256'); }, { code: 'EINVAL', message: 'addMembership EINVAL' });

s.bind(0, common.mustCall(function () {
  var port = s.address().port;
  assert.strictEqual(s.addMembership(GROUP), undefined);
  // Joining twice: EADDRINUSE; not a group: EINVAL; an IPv6 group: ENOPROTOOPT.
  assert.throws(function () { s.addMembership(GROUP); }, { code: 'EADDRINUSE', syscall: 'addMembership' });
  assert.throws(function () { s.addMembership('1.2.3.4'); }, { code: 'EINVAL', message: 'addMembership EINVAL' });
  assert.throws(function () { s.addMembership('256.256.256.256'); }, { code: 'EINVAL' });
  assert.throws(function () { s.addMembership('ff02::1'); }, { code: 'ENOPROTOOPT' });
  assert.throws(function () { s.addMembership('230.1.1.1', '10.9.9.9'); }, { code: 'ENODEV' });
  s.addMembership('230.1.1.2', '10.200.0.1');

  s.on('message', common.mustCall(function (msg) {
    assert.strictEqual(msg.toString(), 'to the group');
    s.close();
    sender.close();
  }));
  var sender = dgram.createSocket('udp4');
  sender.send('to the group', port, GROUP);
}));
