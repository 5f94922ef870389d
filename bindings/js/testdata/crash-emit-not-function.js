// A socket whose emit is not a function when an event comes: Node's
// uncaught TypeError, exit code 1.
// exit: 1
// stderr: TypeError: socket.emit is not a function
// stdout: exit 1
var dgram = require('dgram');
process.on('exit', function (code) { console.log('exit ' + code); });
var s = dgram.createSocket('udp4');
s.emit = 5;
s.bind(0, '127.0.0.1');
