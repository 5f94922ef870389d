// The suite's shared helpers: a bound on each script's run, and a free
// port for the packages whose listen() takes 0 as "use my default port".
'use strict';
var dgram = require('dgram');

// deadline: a script that has not finished within ms prints why and exits
// 2, under node and dgramjs alike (the timer is unref'd: it never keeps a
// finished run alive).
exports.deadline = function deadline(ms, what) {
  var t = setTimeout(function () {
    console.log('timeout: ' + what + ' did not finish within ' + ms + ' ms');
    process.exit(2);
  }, ms);
  t.unref();
  return t;
};

// freePort calls cb with a UDP port on 127.0.0.1 that the kernel just
// handed out (bound to 0, then closed), for a package that cannot be
// given port 0 itself.
exports.freePort = function freePort(cb) {
  var probe = dgram.createSocket('udp4');
  probe.bind(0, '127.0.0.1', function () {
    var port = probe.address().port;
    probe.close(function () { cb(port); });
  });
};
