// close() during a receive flood, and close() from inside a 'message'
// listener: 'close' is emitted once, last, with no 'message' after it, and
// the program ends by itself once every socket is closed.
// stdout: flood closed cleanly
// stdout: listener closed cleanly
var dgram = require('dgram');
var assert = require('assert');

function flood(port, until) {
  var sender = dgram.createSocket('udp4');
  var n = 0;
  (function burst() {
    if (until()) { sender.close(); return; }
    for (var i = 0; i < 50; i++) sender.send('f' + (n++), port, '127.0.0.1');
    setImmediate(burst);
  })();
}

// 1. close() from outside, while the flood runs.
var a = dgram.createSocket('udp4');
var aClosed = false, aGot = 0, aCloses = 0;
a.on('message', function () { assert.strictEqual(aClosed, false, "'message' after 'close'"); aGot++; });
a.on('close', function () {
  aClosed = true;
  aCloses++;
  setTimeout(function () {
    assert.strictEqual(aCloses, 1);
    console.log('flood closed cleanly');
    second();
  }, 50);
});
a.bind(0, '127.0.0.1', function () {
  flood(a.address().port, function () { return aClosed; });
  (function wait() {
    if (aGot >= 100) { a.close(); return; }
    setTimeout(wait, 1);
  })();
});

// 2. close() from inside the 'message' listener, twice.
function second() {
  var b = dgram.createSocket('udp4');
  var bClosed = false, bCloses = 0, threw = 0;
  b.on('message', function () {
    assert.strictEqual(bClosed, false, "'message' after 'close'");
    try { b.close(); } catch (e) { assert.strictEqual(e.code, 'ERR_SOCKET_DGRAM_NOT_RUNNING'); threw++; }
  });
  b.on('close', function () {
    bClosed = true;
    bCloses++;
    setTimeout(function () {
      assert.strictEqual(bCloses, 1);
      console.log('listener closed cleanly');
    }, 50);
  });
  b.bind(0, '127.0.0.1', function () {
    flood(b.address().port, function () { return bClosed; });
  });
}
