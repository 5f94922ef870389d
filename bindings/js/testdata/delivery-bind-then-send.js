// bind() followed in the same tick by another socket's send() to its port:
// the datagram arrives, 200 times in a row (IoT.js's
// test_dgram_1_server_1_client.js pattern). The port is found by binding a
// probe socket to port 0 and closing it.
// stdout: 200 of 200 delivered
var dgram = require('dgram');
var client = dgram.createSocket('udp4');
var delivered = 0, ROUNDS = 200;
function round(i) {
  if (i === ROUNDS) {
    console.log(delivered + ' of ' + ROUNDS + ' delivered');
    client.close();
    return;
  }
  var probe = dgram.createSocket('udp4');
  probe.bind(0, '127.0.0.1', function () {
    var port = probe.address().port;
    probe.close(function () {
      var server = dgram.createSocket('udp4');
      var timer = setTimeout(function () {
        console.log('round ' + i + ': the datagram was lost');
        process.exit(1);
      }, 5000);
      server.on('message', function () {
        delivered++;
        clearTimeout(timer);
        server.close(function () { round(i + 1); });
      });
      server.bind(port, '127.0.0.1');
      client.send('x', port, '127.0.0.1'); // same tick as bind()
    });
  });
}
round(0);
