// A receive error does not end reading: a connected socket whose peer is
// gone gets 'error' (recvmsg ECONNREFUSED, from the ICMP port unreachable
// its send caused), then, disconnected, still gets the datagrams sent to
// it. (The socket binds an explicit port, found by a probe, because Linux
// unbinds a socket bound to port 0 when it disconnects, as under Node.)
// stdout: error ECONNREFUSED recvmsg
// stdout: then got hello
var dgram = require('dgram');
var gone = dgram.createSocket('udp4');
var probe = dgram.createSocket('udp4');
probe.bind(0, '127.0.0.1', function () {
  var mine = probe.address().port;
  probe.close(function () {
    gone.bind(0, '127.0.0.1', function () {
      var port = gone.address().port;
      gone.close(function () {
        var c = dgram.createSocket('udp4');
        c.on('message', function (msg) {
          console.log('then got ' + msg);
          c.close();
        });
        c.once('error', function (err) {
          console.log('error ' + err.code + ' ' + err.syscall);
          c.disconnect();
          var other = dgram.createSocket('udp4');
          other.send('hello', mine, '127.0.0.1', function () { other.close(); });
        });
        c.bind(mine, '127.0.0.1', function () {
          c.connect(port, '127.0.0.1', function () { c.send('anyone?'); });
        });
      });
    });
  });
});
