// A server that replies to each datagram and closes after the fifth: the
// 'message' events already read behind it are dropped (no listener starts
// after close()), so no reply throws ERR_SOCKET_DGRAM_NOT_RUNNING and the
// script exits cleanly, as under Node.
// stdout: server got 5
var dgram = require('dgram');
var server = dgram.createSocket('udp4');
var client = dgram.createSocket('udp4');
var n = 0;
server.on('message', function (msg, rinfo) {
  n++;
  server.send(msg, rinfo.port, rinfo.address);
  if (n === 5) {
    server.close(function () {
      console.log('server got ' + n);
      client.close();
    });
  }
});
server.bind(0, '127.0.0.1', function () {
  var port = server.address().port;
  for (var i = 0; i < 50; i++) client.send('m' + i, port, '127.0.0.1');
});
