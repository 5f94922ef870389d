// A bind to a port in use: bind() returns, then 'error' is emitted with
// EADDRINUSE (Node's asynchronous report), the bind callback never runs,
// and the socket can bind again.
// stdout: returned
// stdout: error EADDRINUSE bind
// stdout: rebound
var dgram = require('dgram');
var a = dgram.createSocket('udp4');
a.bind(0, '127.0.0.1', function () {
  var b = dgram.createSocket('udp4');
  b.on('error', function (err) {
    console.log('error ' + err.code + ' ' + err.syscall);
    b.bind(0, '127.0.0.1', function () {
      console.log('rebound');
      a.close();
      b.close();
    });
  });
  b.bind(a.address().port, '127.0.0.1', function () { console.log('bind callback ran'); });
  console.log('returned');
});
