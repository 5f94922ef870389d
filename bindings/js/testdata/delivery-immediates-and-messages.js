// A script that keeps the loop busy with a chain of setImmediate callbacks
// still gets its datagrams: each turn of the loop runs the immediates set
// before it began, then reads the sockets, as Node's does.
// stdout: 200 datagrams while the immediates ran
var dgram = require('dgram');
var server = dgram.createSocket('udp4');
var client = dgram.createSocket('udp4');
var got = 0, spinning = true, turns = 0;
function spin() {
  turns++;
  if (spinning) setImmediate(spin);
}
server.on('message', function () {
  if (++got === 200) {
    spinning = false;
    console.log(got + ' datagrams while the immediates ran');
    server.close();
    client.close();
  }
});
server.bind(0, '127.0.0.1', function () {
  spin();
  var port = server.address().port;
  // 200 datagrams, 20 at a time, each batch once the previous arrived.
  var sent = 0;
  (function batch() {
    for (var i = 0; i < 20; i++) client.send('x', port, '127.0.0.1');
    sent += 20;
    if (sent < 200) {
      var want = sent;
      (function check() { if (got >= want) batch(); else setTimeout(check, 1); })();
    }
  })();
});
