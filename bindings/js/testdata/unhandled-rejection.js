// An async 'message' listener that rejects with no handler: as Node 15+,
// the error is printed and the run exits 1, with the 'exit' handlers run.
// exit: 1
// stderr: Uncaught Error: rejected in an async listener
// stdout: exit 1
var dgram = require('dgram');
process.on('exit', function (code) { console.log('exit ' + code); });
var s = dgram.createSocket('udp4');
s.on('message', async function () {
  await null;
  throw new Error('rejected in an async listener');
});
s.bind(0, '127.0.0.1', function () { s.send('x', s.address().port, '127.0.0.1'); });
setTimeout(function () { console.log('not reached'); }, 5000);
