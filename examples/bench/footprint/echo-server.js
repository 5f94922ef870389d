// The footprint benchmark's echo server (examples/bench/footprint): it
// prints one line when it is ready (the start-up time is measured to that
// line), echoes what it receives, and runs until it is killed. With the
// argument "modules" it first requires the built-in modules that real dgram
// programs load at start-up (os, util, events, crypto, stream, net, dns,
// fs, url, path, string_decoder, tty, timers), as the npm suite's packages
// do, so that their cost shows.
'use strict';
if (process.argv[2] === 'modules') {
  ['os', 'util', 'events', 'crypto', 'stream', 'net', 'dns', 'fs', 'url', 'path', 'string_decoder', 'tty', 'timers']
    .forEach(function (name) { require(name); });
}
var dgram = require('dgram');
var server = dgram.createSocket('udp4');
server.on('message', function (msg, rinfo) {
  server.send(msg, rinfo.port, rinfo.address);
});
server.bind(0, '127.0.0.1', function () {
  console.log('listening ' + server.address().port);
});
