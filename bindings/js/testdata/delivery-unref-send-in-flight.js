// An unref'd socket keeps the script running while something it started
// is still to come, as libuv's active requests keep Node's loop: its
// 'listening' (unref() right after bind()), then each send whose callback
// has not run yet. Every callback runs before the script ends.
// stdout: listening
// stdout: 4 callbacks, 0 errors
var dgram = require('dgram');
var s = dgram.createSocket('udp4');
var callbacks = 0, errors = 0;
process.on('exit', function () {
  console.log(callbacks + ' callbacks, ' + errors + ' errors');
});
s.bind(0, '127.0.0.1', function () {
  console.log('listening');
  for (var i = 0; i < 4; i++) {
    s.send('x', s.address().port, '127.0.0.1', function (err) {
      if (err) errors++;
      callbacks++;
    });
  }
});
s.unref();
