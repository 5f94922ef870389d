// rinfo and address() are plain objects, as Node's: their fields own and
// enumerable in order, writable, deletable, with properties the script adds
// after them; util.inspect, JSON, Object.keys, Object.assign and
// deepStrictEqual see them so (the host builds them as records).
var dgram = require('dgram');
var assert = require('assert');
var s = dgram.createSocket('udp4');
s.on('message', function (msg, rinfo) {
  var port = rinfo.port;
  assert.strictEqual(port, s.address().port);
  rinfo.port = 1;
  console.log(rinfo, JSON.stringify(rinfo), Object.keys(rinfo), typeof rinfo);
  console.log(Object.getPrototypeOf(rinfo) === Object.prototype, rinfo.hasOwnProperty('size'), 'size' in rinfo, rinfo instanceof Object);
  console.log(Object.getOwnPropertyDescriptor(rinfo, 'size'));
  rinfo.extra = 'x';
  delete rinfo.family;
  rinfo.family = 'again';
  console.log(rinfo, Object.assign({}, rinfo), String(rinfo), Object.entries(rinfo).length);
  var a = s.address();
  a.port = 0;
  console.log(a);
  assert.deepStrictEqual(s.address(), {address: '127.0.0.1', family: 'IPv4', port: port});
  s.close();
});
s.bind(0, '127.0.0.1', function () { s.send('hi', s.address().port, '127.0.0.1'); });
