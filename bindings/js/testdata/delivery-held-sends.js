// A 'message' listener that sends 17 datagrams of 65,000 bytes (more than
// the send queue holds while the host batches replies): every send's
// callback runs and the script ends, instead of hanging.
// stdout: 17 callbacks, 0 errors
var dgram = require('dgram');
var server = dgram.createSocket('udp4');
var client = dgram.createSocket('udp4');
var big = Buffer.alloc(65000);
var callbacks = 0, errors = 0;
server.on('message', function (msg, rinfo) {
  for (var i = 0; i < 17; i++) {
    server.send(big, rinfo.port, rinfo.address, function (err) {
      if (err) errors++;
      if (++callbacks === 17) {
        console.log(callbacks + ' callbacks, ' + errors + ' errors');
        server.close();
        client.close();
      }
    });
  }
});
server.bind(0, '127.0.0.1', function () {
  client.send('go', server.address().port, '127.0.0.1');
});
