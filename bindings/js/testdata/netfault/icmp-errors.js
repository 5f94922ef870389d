// The network's errors never end a socket (issue 17), run by
// recverror_linux_test.go under dgramjs and node side by side, in the
// private network namespace: a socket s (connected to its peer p, or not)
// prints its 'error' events and 'message' events while the test forges
// ICMP errors about the flow s -> p. The test drives it with control
// datagrams to p: "send NAME" makes p send three datagrams NAME to s,
// "end" closes both. Usage: icmp-errors.js udp4|udp6 connected|unconnected
var dgram = require('dgram');

var type = process.argv[2];
var connected = process.argv[3] === 'connected';
var loop = type === 'udp6' ? '::1' : '127.0.0.1';
var s = dgram.createSocket(type);
var p = dgram.createSocket(type);
var received = 0;

s.on('error', function(err) {
  console.log('error ' + err.code + ' ' + err.syscall + ' ' + err.message);
});
s.on('message', function(msg) {
  received++;
  console.log('message ' + msg.toString() + ' ' + received);
});
p.on('message', function(msg) {
  var words = msg.toString().split(' ');
  if (words[0] === 'send') {
    var left = 3;
    var next = function() {
      if (left-- > 0) {
        p.send(words[1], s.address().port, loop, next);
      }
    };
    next();
  } else if (words[0] === 'end') {
    s.close();
    p.close(function() {
      console.log('closed after ' + received);
    });
  }
});

s.bind(0, loop, function() {
  p.bind(0, loop, function() {
    var ready = function() {
      console.log('ready ' + s.address().port + ' ' + p.address().port);
    };
    if (connected) {
      s.connect(p.address().port, loop, ready);
    } else {
      ready();
    }
  });
});
