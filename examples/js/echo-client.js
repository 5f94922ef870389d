// echo-client.js: the seed's dgram API from JavaScript, run by dgramjs on
// dgramkit's Go core. It sends `count` datagrams to an echo server and
// prints each echo, then closes; it gives up after 10 s.
//
//   dgramjs examples/js/echo-client.js PORT [ADDRESS] [COUNT]
var dgram = require('dgram');

var port = Number(process.argv[2] || 41234);
var address = process.argv[3] || '127.0.0.1';
var count = Number(process.argv[4] || 3);

var client = dgram.createSocket('udp4');
var received = 0;

var timer = setTimeout(function () {
  console.error('echo-client: timed out with ' + received + ' of ' + count + ' echoes');
  process.exit(1);
}, 10000);

client.on('error', function (err) {
  console.log('Error: ' + err);
  client.close();
  process.exitCode = 1;
});

client.on('message', function (msg, rinfo) {
  console.log('client got: ' + msg + ' from ' + rinfo.address + ':' + rinfo.port +
    ' (' + rinfo.family + ', ' + rinfo.size + ' bytes)');
  if (++received === count) {
    clearTimeout(timer);
    client.close();
  }
});

for (var i = 1; i <= count; i++) {
  client.send('Hello IoT.js ' + i + ' (JavaScript)', port, address, function (err) {
    if (err) { throw err; }
  });
}
