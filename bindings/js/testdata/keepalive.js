// The run lasts while a socket is bound or binding and not closed, or a
// timer is pending; a never-bound socket, a closed one and an unref'd
// timer do not hold it.
// stdout: closed after the timer
var assert = require('assert');
var dgram = require('dgram');
var common = require('./lib/common');
dgram.createSocket('udp4'); // never bound
var t0 = Date.now();
var s = dgram.createSocket('udp4');
s.bind(0, '127.0.0.1', common.mustCall(function () {
  setTimeout(common.mustCall(function () {
    s.close(common.mustCall(function () {
      assert.ok(Date.now() - t0 >= 100);
      console.log('closed after the timer');
    }));
  }), 100);
}));
setTimeout(common.mustNotCall('an unref\'d timer'), 60000).unref();
process.on('exit', function () { assert.ok(Date.now() - t0 < 5000); });
