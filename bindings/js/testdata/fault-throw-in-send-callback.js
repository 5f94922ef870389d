// A send callback that throws: an uncaught exception, exit code 1, even
// with sockets open and more datagrams queued behind the implicit bind.
// exit: 1
// stderr: Uncaught Error: thrown in send callback
// stdout: exit 1
var dgram = require('dgram');
process.on('exit', function (code) { console.log('exit ' + code); });
var server = dgram.createSocket('udp4');
server.bind(0, '127.0.0.1', function () {
  var client = dgram.createSocket('udp4');
  var port = server.address().port;
  client.send('a', port, '127.0.0.1', function () { throw new Error('thrown in send callback'); });
  client.send('b', port, '127.0.0.1');
});
