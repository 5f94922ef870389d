// socket.addSourceSpecificMembership(sourceAddress, groupAddress[, multicastInterface])
// and dropSourceSpecificMembership: Node's argument checks
// (ERR_INVALID_ARG_TYPE for non-strings, EINVAL for addresses that are not
// IP literals), and a source-specific channel for real.
// needs: sandbox
var dgram = require('dgram');
var assert = require('assert');
var common = require('./lib/common');

var GROUP = '232.255.255.249';
var s = dgram.createSocket({ type: 'udp4', reuseAddr: true });
['addSourceSpecificMembership', 'dropSourceSpecificMembership'].forEach(function (m) {
  common.throwsCode(function () { s[m](0, GROUP); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
    'The "sourceAddress" argument must be of type string. Received type number (0)');
  common.throwsCode(function () { s[m]('10.200.0.1', 0); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
    'The "groupAddress" argument must be of type string. Received type number (0)');
  common.throwsCode(function () { s[m](); }, 'TypeError', 'ERR_INVALID_ARG_TYPE',
    'The "sourceAddress" argument must be of type string. Received undefined');
  assert.throws(function () { s[m]('10.200.0.1', '256.256.256.256'); }, { code: 'EINVAL', message: m + ' EINVAL' });
  assert.throws(function () { s[m]('bogus', GROUP); }, { code: 'EINVAL' });
  assert.throws(function () { s[m]('10.200.0.1', GROUP); }, { code: 'EBADF', message: m + ' EBADF' });
});

var other = dgram.createSocket({ type: 'udp4', reuseAddr: true });
other.on('message', common.mustNotCall('a member of another source'));
s.bind(0, common.mustCall(function () {
  var port = s.address().port;
  assert.throws(function () { s.addSourceSpecificMembership('::1', 'ff3e::1'); }, { code: 'ENOPROTOOPT' });
  assert.throws(function () { s.addSourceSpecificMembership('::1', GROUP); }, { code: 'EINVAL' });
  assert.strictEqual(s.addSourceSpecificMembership('10.200.0.1', GROUP), undefined);
  other.bind(port, common.mustCall(function () {
    other.addSourceSpecificMembership('10.200.0.99', GROUP, '10.200.0.1');
    var sender = dgram.createSocket('udp4');
    s.on('message', common.mustCall(function (msg, rinfo) {
      assert.strictEqual(msg.toString(), 'ssm');
      assert.strictEqual(rinfo.address, '10.200.0.1');
      assert.strictEqual(s.dropSourceSpecificMembership('10.200.0.1', GROUP), undefined);
      assert.throws(function () { s.dropSourceSpecificMembership('10.200.0.1', GROUP); }, { code: 'EINVAL' });
      s.close();
      other.close();
      sender.close();
    }));
    sender.send('ssm', port, GROUP);
  }));
}));
