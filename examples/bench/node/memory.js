// memory.js: make bench's memory row for Node and dgramjs (`node memory.js
// sockets=N cycles=C`, `dgramjs memory.js ...`): resident memory per bound
// socket that receives now and then. examples/bench/memory/main.go (the Go
// API's) describes the lines it prints; the runner reads VmRSS at each.
'use strict';
var dgram = require('dgram');

var opt = { sockets: 2000, cycles: 3, lifetime: 120 };
process.argv.slice(2).forEach(function (kv) {
  var i = kv.indexOf('=');
  opt[kv.slice(0, i)] = Number(kv.slice(i + 1));
});
var guard = setTimeout(function () {
  console.error('memory.js: gave up after ' + opt.lifetime + ' s');
  process.exit(2);
}, opt.lifetime * 1000);

var HOST = '127.0.0.1';
var n = opt.sockets;
var sender = dgram.createSocket('udp4');

// mark prints what the process reached, then goes on after a pause.
function mark(what, next) {
  console.log(what);
  setTimeout(next, 300);
}

function cycle(k) {
  if (k === opt.cycles) {
    console.log('RESULT {}');
    sender.close();
    clearTimeout(guard);
    return;
  }
  var got = 0, bound = 0, closed = 0;
  var socks = [];
  function onMessage() {
    if (++got === 3 * n) {
      mark('LOADED', function () {
        socks.forEach(function (s) {
          s.close(function () {
            if (++closed === n) {
              mark('CLOSED', function () { cycle(k + 1); });
            }
          });
        });
      });
    }
  }
  for (var i = 0; i < n; i++) {
    (function () {
      var s = dgram.createSocket('udp4', onMessage);
      s.bind(0, HOST, function () {
        var port = s.address().port;
        for (var j = 0; j < 3; j++) {
          sender.send('x', port, HOST);
        }
        bound++;
      });
      socks.push(s);
    })();
  }
}

sender.bind(0, HOST, function () {
  mark('BASE', function () { cycle(0); });
});
