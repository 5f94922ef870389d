// A failed bind (EADDRINUSE on loopback) with removeListener overwritten:
// dropping the bind callback calls this.removeListener, as in Node, so the
// failure is Node's uncaught TypeError, exit code 1.
// exit: 1
// stderr: TypeError: this.removeListener is not a function
// stdout: exit 1
var dgram = require('dgram');
process.on('exit', function (code) { console.log('exit ' + code); });
var first = dgram.createSocket('udp4');
first.bind(0, '127.0.0.1', function () {
  var s = dgram.createSocket('udp4');
  s.removeListener = 5;
  s.on('error', function () { console.log('error event'); });
  s.bind(first.address().port, '127.0.0.1', function () { console.log('not reached'); });
});
