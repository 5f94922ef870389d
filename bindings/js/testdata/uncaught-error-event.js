// An 'error' event with no listener is thrown, as in Node: exit code 1.
// exit: 1
// stderr: bind EADDRNOTAVAIL 192.0.2.77
var dgram = require('dgram');
var s = dgram.createSocket('udp4');
s.bind(0, '192.0.2.77');
