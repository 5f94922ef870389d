// What an IoT.js script needs besides dgram: events, assert, Buffer,
// timers, process and console.
var assert = require('assert');
var EventEmitter = require('events');
var common = require('./lib/common');

// events
assert.strictEqual(EventEmitter.EventEmitter, EventEmitter);
var e = new EventEmitter();
var seen = [];
function a(x) { seen.push('a' + x); }
e.on('ev', a);
e.once('ev', function (x) { seen.push('once' + x); });
assert.strictEqual(e.emit('ev', 1), true);
assert.strictEqual(e.emit('ev', 2), true);
assert.deepStrictEqual(seen, ['a1', 'once1', 'a2']);
assert.deepStrictEqual(e.listeners('ev'), [a]);
e.removeListener('ev', a);
assert.strictEqual(e.emit('ev', 3), false);
e.on('x', a); e.on('y', a);
e.removeAllListeners('x');
assert.strictEqual(e.listeners('x').length, 0);
e.removeAllListeners();
assert.strictEqual(e.listeners('y').length, 0);
assert.throws(function () { e.emit('error', new Error('unhandled')); }, /unhandled/);
function Sub() { EventEmitter.call(this); }
require('util').inherits(Sub, EventEmitter);
assert.ok(new Sub() instanceof EventEmitter);

// assert
assert(true);
assert.ok(1);
assert.equal(1, '1');
assert.notEqual(1, 2);
assert.strictEqual(NaN, NaN);
assert.notStrictEqual(1, '1');
assert.deepEqual({ a: [1, 2] }, { a: [1, '2'] });
assert.throws(function () { assert(false); }, { name: 'AssertionError', code: 'ERR_ASSERTION' });
assert.throws(function () { assert.ok(0, 'custom'); }, { message: 'custom' });
assert.throws(function () { assert.equal(1, 2); }, assert.AssertionError);
assert.throws(function () { assert.strictEqual(1, '1'); }, /1 === "1"/);
assert.throws(function () { assert.deepEqual({ a: 1 }, { a: 2 }); }, { operator: 'deepEqual' });
assert.throws(function () { assert.fail('why'); }, { message: 'why', code: 'ERR_ASSERTION' });
assert.throws(function () { assert.throws(function () {}); }, /Missing expected exception/);
assert.throws(function () { throw new TypeError('t'); }, TypeError);

// Buffer
var b = Buffer.from('héllo');
assert.strictEqual(b.length, 6);
assert.strictEqual(b.toString(), 'héllo');
assert.strictEqual(b.toString('utf8'), 'héllo');
assert.strictEqual(Buffer.from('abc').toString('hex'), '616263');
assert.strictEqual(Buffer.from('abc').toString('base64'), 'YWJj');
assert.strictEqual(Buffer.from('616263', 'hex').toString(), 'abc');
assert.strictEqual(Buffer.from('YWJj', 'base64').toString(), 'abc');
assert.strictEqual(Buffer.from([1, 2, 3]).length, 3);
assert.strictEqual(Buffer.alloc(4).toString('hex'), '00000000');
assert.strictEqual(Buffer.concat([Buffer.from('a'), Buffer.from('bc')]).toString(), 'abc');
var sl = Buffer.from('abcdef').slice(1, 3);
assert.ok(Buffer.isBuffer(sl));
assert.strictEqual(sl.toString(), 'bc');
assert.strictEqual(Buffer.from('abcdef').slice(-2).toString(), 'ef');
var base = Buffer.from('xyz');
base.slice(1)[0] = 0x41; // a view, as in Node
assert.strictEqual(base.toString(), 'xAz');
assert.ok(Buffer.from('abc').equals(Buffer.from('abc')));
assert.ok(!Buffer.from('abc').equals(Buffer.from('abd')));
assert.strictEqual(Buffer.byteLength('héllo'), 6);
assert.ok(!Buffer.isBuffer('abc'));

// timers, immediates and ticks, in Node's order
var order = [];
setTimeout(common.mustCall(function (x) { order.push('timeout ' + x); }), 20, 'arg');
setTimeout(function () { order.push('timeout second'); }, 20);
var never = setTimeout(common.mustNotCall('a cleared timeout'), 10);
clearTimeout(never);
setImmediate(common.mustCall(function () { order.push('immediate'); }));
process.nextTick(common.mustCall(function (x) { order.push('tick ' + x); }), 7);
var n = 0;
var iv = setInterval(common.mustCall(function () {
  if (++n === 3) {
    clearInterval(iv);
    order.push('interval x3');
  }
}, 3), 5);
setTimeout(common.mustCall(function () {
  assert.deepStrictEqual(order.slice(0, 2), ['tick 7', 'immediate']);
  assert.ok(order.indexOf('timeout arg') < order.indexOf('timeout second'));
  assert.notStrictEqual(order.indexOf('interval x3'), -1);
}), 200);
order.push('sync');
assert.deepStrictEqual(order, ['sync']);
order = [];

// process and console
assert.strictEqual(typeof process.env, 'object');
assert.strictEqual(typeof process.on, 'function');
console.log('console.log %s', 'works');
