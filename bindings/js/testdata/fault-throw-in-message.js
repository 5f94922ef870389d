// A 'message' listener that throws, while datagrams keep coming: an
// uncaught exception, as in Node. The program ends with exit code 1 and
// the stack on stderr, its 'exit' handlers run, and nothing hangs on the
// open sockets (docs/RELIABILITY.md).
// exit: 1
// stderr: Uncaught Error: thrown in message
// stdout: exit 1
var dgram = require('dgram');
process.on('exit', function (code) { console.log('exit ' + code); });
var server = dgram.createSocket('udp4');
var client = dgram.createSocket('udp4');
server.on('message', function () { throw new Error('thrown in message'); });
server.bind(0, '127.0.0.1', function () {
  var port = server.address().port;
  for (var i = 0; i < 100; i++) client.send('x' + i, port, '127.0.0.1');
});
setTimeout(function () { console.log('not reached'); }, 5000);
