// A DataView or typed array whose byteLength, byteOffset or buffer
// property is redefined is sent with its own bounds, as Node sends a view
// on a bound socket: the script-visible properties are never used to slice.
var assert = require('assert');
var dgram = require('dgram');
var common = require('./lib/common');

var views = [];
var dv = new DataView(new ArrayBuffer(4), 1, 2);
Object.defineProperty(dv, 'byteLength', { value: 1e5 });
views.push([dv, 2]);
var u16 = new Uint16Array(4);
Object.defineProperty(u16, 'byteOffset', { value: -5 });
Object.defineProperty(u16, 'byteLength', { get: function () { throw new Error('read'); } });
views.push([u16, 8]);
var u8 = new Uint8Array(new ArrayBuffer(8), 2, 3);
Object.defineProperty(u8, 'buffer', { value: new ArrayBuffer(1) });
Object.defineProperty(u8, 'byteLength', { value: 2 ** 40 });
views.push([u8, 3]);
var b = Buffer.from('abcd');
Object.defineProperty(b, 'length', { value: 1e9 });
views.push([b, 4]);

var got = [];
var s = dgram.createSocket('udp4');
s.on('message', function (msg) {
  got.push(msg.length);
  if (got.length === views.length) {
    assert.deepStrictEqual(got, views.map(function (v) { return v[1]; }));
    s.close();
  }
});
s.bind(0, '127.0.0.1', common.mustCall(function () {
  var port = s.address().port;
  views.forEach(function (v) { s.send(v[0], port, '127.0.0.1'); });
}));
