// Run by TestFloodStalledScript (not a conformance script): a server whose
// first 'message' listener call stalls the loop for 1.5 s while a peer
// floods it. It prints its port, then how many datagrams it got.
var dgram = require('dgram');
var s = dgram.createSocket('udp4');
var n = 0;
s.on('message', function () {
  if (n++ === 0) {
    var t = Date.now();
    while (Date.now() - t < 1500) {}
  }
});
s.bind(0, '127.0.0.1', function () { console.log(s.address().port); });
setTimeout(function () { console.log('got ' + n); s.close(); }, 3000);
