// The host's functions are named as Node's, so that a stack trace shows
// "at send (native)", never a Go symbol.
var assert = require('assert');
var dgram = require('dgram');
var s = dgram.createSocket('udp4');
try {
  s.send();
  assert.fail('send() did not throw');
} catch (e) {
  assert.ok(/\tat send \(native\)/.test(e.stack), e.stack);
  assert.ok(!/github\.com|\.func\d|-fm\b/.test(e.stack), e.stack);
}
var fns = { setTimeout: setTimeout, setInterval: setInterval, setImmediate: setImmediate, clearTimeout: clearTimeout,
  nextTick: process.nextTick, exit: process.exit, from: Buffer.from, alloc: Buffer.alloc, concat: Buffer.concat,
  require: require, log: console.log, error: console.error, createSocket: dgram.createSocket, bind: s.bind,
  close: s.close, toString: Buffer.prototype.toString, readUInt8: Buffer.prototype.readUInt8, slice: Buffer.prototype.slice,
  format: require('util').format, inspect: require('util').inspect, hrtime: process.hrtime };
Object.keys(fns).forEach(function (name) {
  assert.strictEqual(fns[name].name, name);
});
var timer = setTimeout(function () {}, 1);
assert.ok(!/\//.test(timer.unref.name), timer.unref.name);
clearTimeout(timer);
s.close();
