// bench.js: the benchmark's workloads on the dgram API, for Node
// (`node bench.js ROLE key=value...`) and for dgramkit's JavaScript host
// (`dgramjs bench.js ROLE key=value...`), unchanged. examples/bench/run
// starts it; docs/PERFORMANCE.md describes the workloads.
//
// Roles (every loop is bounded in count and time; addresses are 127.0.0.1):
//   echo-server                     echoes every datagram; prints PORT n
//   sink rcvbuf=B count=N idle=MS   counts datagrams until N or MS idle; prints PORT n, then RESULT {...}
//   echo-client port=P size=S inflight=K warm=MS measure=MS
//                                   prints START and END around the measured window, then RESULT {...}
//   ping-client port=P n=N warm=N   one datagram in flight; RESULT with the round-trip percentiles
//   blast port=P n=N size=S         sends N datagrams as fast as it can; RESULT {...}
'use strict';
var dgram = require('dgram');

var role = process.argv[2];
var opt = {};
process.argv.slice(3).forEach(function (kv) {
  var i = kv.indexOf('=');
  opt[kv.slice(0, i)] = Number(kv.slice(i + 1));
});
function arg(name, def) { return opt[name] === undefined ? def : opt[name]; }

// now is a monotonic clock in nanoseconds; hires says whether it resolves
// microseconds. Node and dgramjs both have performance.now (a double in ms,
// with the fraction to the ns), the cheapest of their high-resolution
// clocks (process.hrtime.bigint makes a BigInt per reading); a host
// without one has Date.now, in ms, and the ping role then gives the mean
// only.
var clock = typeof performance === 'object' && performance !== null && typeof performance.now === 'function' ? 'performance.now' :
  typeof process.hrtime === 'function' && typeof process.hrtime.bigint === 'function' ? 'hrtime' : 'Date.now';
var hires = clock !== 'Date.now';
var now = clock === 'performance.now' ? function () { return performance.now() * 1e6; } :
  clock === 'hrtime' ? function () { return Number(process.hrtime.bigint()); } :
  function () { return Date.now() * 1e6; };

var HOST = '127.0.0.1';
var lifetime = arg('lifetime', 120) * 1000; // nothing runs longer than this
var guard = setTimeout(function () {
  console.error('bench.js ' + role + ': gave up after ' + lifetime + ' ms');
  process.exit(3);
}, lifetime);

function result(obj) {
  console.log('RESULT ' + JSON.stringify(obj));
}

// finish closes sock; a datagram the host delivers after close() (dgramjs
// may have queued it) is ignored.
var finished = false;
function finish(sock) {
  finished = true;
  clearTimeout(guard);
  sock.close();
}

var roles = {
  'echo-server': function () {
    var s = dgram.createSocket('udp4');
    s.on('message', function (msg, rinfo) { if (!finished) { s.send(msg, rinfo.port, rinfo.address); } });
    s.bind(0, HOST, function () { console.log('PORT ' + s.address().port); });
    process.on('SIGTERM', function () { finish(s); });
  },

  sink: function () {
    var want = arg('count', 1000000), idle = arg('idle', 500);
    var s = dgram.createSocket({type: 'udp4', recvBufferSize: arg('rcvbuf', 0) || undefined});
    var n = 0, first = 0, last = 0;
    s.on('message', function () {
      var t = now();
      if (n++ === 0) { first = t; }
      last = t;
      if (n === want) { done(); }
    });
    var seen = -1;
    var tick = setInterval(function () {
      if (n > 0 && n === seen && (now() - last) / 1e6 >= idle) { done(); }
      seen = n;
    }, Math.max(10, idle / 5));
    function done() {
      clearInterval(tick);
      result({received: n, secs: (last - first) / 1e9});
      finish(s);
    }
    s.bind(0, HOST, function () { console.log('PORT ' + s.address().port); });
  },

  'echo-client': function () {
    var port = arg('port'), inflight = arg('inflight', 64);
    var warm = arg('warm', 500), measure = arg('measure', 3000);
    var msg = Buffer.alloc(arg('size', 64), 120);
    var s = dgram.createSocket('udp4');
    var n = 0, n0 = 0, t0 = 0, seen = 0;
    s.on('message', function () { if (!finished) { n++; s.send(msg, port, HOST); } });
    function prime() { for (var i = 0; i < inflight; i++) { s.send(msg, port, HOST); } }
    // A lost datagram lowers what is in flight: top up when nothing came back for 200 ms.
    var stall = setInterval(function () { if (n === seen) { prime(); } seen = n; }, 200);
    s.bind(0, HOST, function () {
      prime();
      setTimeout(function () {
        n0 = n; t0 = now();
        console.log('START');
        setTimeout(function () {
          var n1 = n, t1 = now();
          console.log('END');
          clearInterval(stall);
          result({msgs: n1 - n0, secs: (t1 - t0) / 1e9});
          finish(s);
        }, measure);
      }, warm);
    });
  },

  'ping-client': function () {
    var port = arg('port'), total = arg('n', 50000), warm = arg('warm', 1000);
    var msg = Buffer.alloc(arg('size', 64), 120);
    var s = dgram.createSocket('udp4');
    var rtts = [], i = 0, sent = 0, lost = 0, start = 0;
    s.on('message', function () {
      if (finished) { return; }
      var t = now();
      if (i++ >= warm) { rtts.push(t - sent); }
      if (i === warm + 1) { start = sent; }
      if (i === warm + total) { return done(t); }
      sent = now();
      s.send(msg, port, HOST);
    });
    // A lost datagram is sent again after 100 ms (and counted).
    var timer = setInterval(function () {
      if (sent && (now() - sent) / 1e6 > 100) { lost++; sent = now(); s.send(msg, port, HOST); }
    }, 100);
    function done(t) {
      clearInterval(timer);
      rtts.sort(function (a, b) { return a - b; });
      function pct(p) { return rtts[Math.min(rtts.length - 1, Math.floor(p * rtts.length))] / 1e3; }
      var r = {n: rtts.length, lost: lost, mean_us: (t - start) / rtts.length / 1e3, hires: hires};
      if (hires) { r.p50_us = pct(0.5); r.p99_us = pct(0.99); }
      result(r);
      finish(s);
    }
    s.bind(0, HOST, function () { sent = now(); s.send(msg, port, HOST); });
  },

  blast: function () {
    var port = arg('port'), total = arg('n', 1000000);
    var msg = Buffer.alloc(arg('size', 64), 120);
    var s = dgram.createSocket('udp4');
    var i = 0, t0 = 0;
    // Node hands a datagram to the kernel after an asynchronous address
    // lookup: the last one's callback says they all went.
    function burst() {
      for (var end = Math.min(total - 1, i + 10000); i < end; i++) { s.send(msg, port, HOST); }
      if (i < total - 1) { setImmediate(burst); return; }
      s.send(msg, port, HOST, function () {
        result({sent: total, secs: (now() - t0) / 1e9});
        finish(s);
      });
    }
    s.bind(0, HOST, function () { t0 = now(); burst(); });
  },
};

if (!roles[role]) {
  console.error('bench.js: unknown role ' + role);
  process.exit(2);
}
roles[role]();
