// socket.setMulticastInterface(multicastInterface): Node's checks (a
// string, then an IP literal, then the socket's state), and the interface
// datagrams to a group leave by.
// needs: sandbox
var dgram = require('dgram');
var assert = require('assert');
var common = require('./lib/common');

var GROUP = '230.255.255.248';
var s = dgram.createSocket('udp4');
[1, undefined, null, {}].forEach(function (bad) {
  assert.throws(function () { s.setMulticastInterface(bad); },
    { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
});
common.throwsCode(function () { s.setMulticastInterface(1); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
  'The "interfaceAddress" argument must be of type string. Received type number (1)');
assert.throws(function () { s.setMulticastInterface('eth0'); }, { code: 'EINVAL', message: 'setMulticastInterface EINVAL' });
assert.throws(function () { s.setMulticastInterface('0.0.0.0'); }, { code: 'EBADF', message: 'setMulticastInterface EBADF' });

var member = dgram.createSocket('udp4');
member.bind(0, common.mustCall(function () {
  member.addMembership(GROUP, '10.200.0.1');
  s.bind(0, common.mustCall(function () {
    assert.strictEqual(s.setMulticastInterface('0.0.0.0'), undefined);
    assert.throws(function () { s.setMulticastInterface('224.0.0.2'); },
      { code: 'EADDRNOTAVAIL', message: 'setMulticastInterface EADDRNOTAVAIL', syscall: 'setMulticastInterface' });
    assert.throws(function () { s.setMulticastInterface('::'); }, /^Error: setMulticastInterface (EINVAL|ENOPROTOOPT)$/);
    s.setMulticastInterface('10.200.0.1');
    s.send('via dg0', member.address().port, GROUP);
  }));
}));
member.on('message', common.mustCall(function (msg) {
  assert.strictEqual(msg.toString(), 'via dg0');
  member.close();
  s.close(common.mustCall(function () {
    common.throwsCode(function () { s.setMulticastInterface('0.0.0.0'); }, 'Error', 'ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running');
  }));
}));

var s6 = dgram.createSocket('udp6');
s6.bind(0, '::1', common.mustCall(function () {
  s6.setMulticastInterface('::');
  s6.setMulticastInterface('::%lo');
  assert.throws(function () { s6.setMulticastInterface(String(undefined)); }, /EINVAL/);
  assert.throws(function () { s6.setMulticastInterface(''); }, /EINVAL/);
  s6.close();
}));
