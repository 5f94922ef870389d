// The 'message' listeners of a socket, as EventEmitter's emit calls them
// (dgramjs calls them from Go while the socket's emit is EventEmitter's):
// in order, with the socket as this and two arguments; a listener added
// during an emit is not called by it, one removed during it still is;
// once, prependListener, removeAllListeners; a listener list changed in
// place; an emit of the socket's own or of EventEmitter.prototype, set
// between datagrams, is called instead. Runs under node and dgramjs with
// the same output (TestNodeSideBySide).
'use strict';
var dgram = require('dgram');
var EventEmitter = require('events');

var N = 9;
var server = dgram.createSocket('udp4');
var client = dgram.createSocket('udp4');
var seen = 0;
var log = [];

function a(msg, rinfo) {
  log.push('a' + msg + ':' + arguments.length + ':' + (this === server) + ':' + rinfo.size);
}
function b(msg) {
  log.push('b' + msg);
}
function late(msg) {
  log.push('late' + msg);
}
var origEmit = EventEmitter.prototype.emit;

// count runs last: it drives the test from one datagram to the next.
function count(msg) {
  seen++;
  var i = Number(String(msg));
  switch (i) {
  case 0:
    server.on('message', late); // not called for 0
    server.removeListener('message', count);
    server.on('message', count);
    break;
  case 1:
    server.removeListener('message', b);
    server.prependListener('message', b);
    server.once('message', function (m) { log.push('once' + m + ':' + arguments.length); });
    break;
  case 2:
    server.removeListener('message', late);
    break;
  case 3:
    server.emit = function (ev, m, r) {
      log.push('own emit ' + ev + ' ' + m + ' ' + typeof r.port);
      return origEmit.apply(this, arguments);
    };
    break;
  case 4:
    delete server.emit;
    EventEmitter.prototype.emit = function (ev, m) {
      if (ev === 'message') { log.push('proto emit ' + m); }
      return origEmit.apply(this, arguments);
    };
    break;
  case 5:
    EventEmitter.prototype.emit = origEmit;
    server._events.message[0] = function (m) { log.push('in place ' + m); };
    break;
  case 6:
    server.removeAllListeners('message');
    server.on('message', count);
    break;
  case 7:
    server.on('message', function () { log.push('last ' + arguments.length); });
    break;
  }
  log.push('count' + i);
  if (i === N - 1) {
    console.log(log.join('\n'));
    server.close();
    client.close();
    return;
  }
  client.send(String(i + 1), server.address().port, '127.0.0.1');
}

server.on('message', a);
server.on('message', b);
server.on('message', count);
server.bind(0, '127.0.0.1', function () {
  client.send('0', server.address().port, '127.0.0.1');
});
process.on('exit', function () { console.log('seen ' + seen); });
