// A sparse array message, or one whose items are not all strings or views:
// ERR_INVALID_ARG_TYPE at once, before anything is sized from its length.
var dgram = require('dgram');
var common = require('./lib/common');

var s = dgram.createSocket('udp4');
var msg = 'The "buffer list arguments" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received an instance of Array';
var a = [];
a.length = 2 ** 32 - 1;
common.throwsCode(function () { s.send(a, 41234, '127.0.0.1'); }, 'TypeError', 'ERR_INVALID_ARG_TYPE', msg);
var b = ['x'];
b.length = 2 ** 32 - 1;
common.throwsCode(function () { s.send(b, 41234, '127.0.0.1'); }, 'TypeError', 'ERR_INVALID_ARG_TYPE', msg);
common.throwsCode(function () { s.send(['x', , 'y'], 41234, '127.0.0.1'); }, 'TypeError', 'ERR_INVALID_ARG_TYPE', msg);
s.close();
