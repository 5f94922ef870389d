'use strict';
// util in full, string_decoder, and the registry's node: names (run under
// node and dgramjs: the output must be the same).
const u = require('node:util');
console.log(typeof u.inherits, require('util') === u, require('node:process') === process);
try { require('node:nope') } catch (e) { console.log(e.name, e.code, e.message, String(e)) }
console.log(u.types.isMap(new Map()), u.types.isRegExp(/a/), u.types.isPromise(Promise.resolve()), u.types.isProxy(new Proxy({}, {})), u.types.isNativeError(new TypeError()), u.types.isUint8Array(Buffer.alloc(1)));
console.log(u.isDeepStrictEqual({a:[1,2,{b:new Map([[1,2]])}]}, {a:[1,2,{b:new Map([[1,2]])}]}), u.isDeepStrictEqual([0], [-0]), u.isDeepStrictEqual(new Set([{a:1}]), new Set([{a:1}])));
const p = u.promisify((a, cb) => setTimeout(() => cb(null, a * 2), 1));
p(21).then(v => console.log('promisify', v));
const cbf = u.callbackify(async (x) => x + 1);
cbf(1, (err, v) => console.log('callbackify', err, v));
cbf.call(null, 1, () => {});
const d = u.debuglog('foo'); d('hello %d', 1); console.log('enabled', d.enabled);
console.log(new u.TextDecoder().decode(new u.TextEncoder().encode('héllo €')));
console.log(u.getSystemErrorName(-111), u.getSystemErrorMap().get(-13));
console.log(u.format('%s=%d', 'a', 1), u.inspect({a:1}));
const { StringDecoder } = require('node:string_decoder'); const sd = new StringDecoder('utf8');
console.log(sd.write(Buffer.from([0xe2, 0x82])) + sd.write(Buffer.from([0xac])) + sd.end());
console.log(require('util/types') === u.types, require('node:util/types').isDate(new Date()));
function Old() {}
const dep = u.deprecate(function () { return 'dep'; }, 'old is old', 'DEP0XXX');
process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));
console.log(dep(), dep());
u.inherits(Old, require('events'));
console.log(Old.super_ === require('events'), typeof new Old().on);
try { u.inherits(Old, null); } catch (e) { console.log(e.code, e.message); }
try { u.promisify(1); } catch (e) { console.log(e.code, e.message); }
const custom = () => {}; custom[u.promisify.custom] = () => 'custom';
console.log(u.promisify(custom)(), u.promisify.custom === Symbol.for('nodejs.util.promisify.custom'));
u.callbackify(() => Promise.reject(null))((err) => console.log('falsy', err.code, err.reason, err.message));
console.log(u.types.isDate(new Date()), u.types.isDate({}), u.types.isBoxedPrimitive(Object(1)), u.types.isArrayBuffer(new ArrayBuffer(1)), u.types.isAsyncFunction(async () => {}), u.types.isGeneratorFunction(function* () {}));
console.log(u.isDeepStrictEqual(new Date(1), new Date(1)), u.isDeepStrictEqual({ a: 1 }, { a: '1' }), u.isDeepStrictEqual(Buffer.from('a'), Buffer.from('a')), u.isDeepStrictEqual([1, , 3], [1, undefined, 3]), u.isDeepStrictEqual(NaN, NaN));
console.log(u.stripVTControlCharacters('\u001b[31mred\u001b[0m'), u.toUSVString('a\ud800b'), u.isArray([]), u.isPrimitive(null));
const td = new u.TextDecoder('utf-8', { fatal: true });
try { td.decode(Buffer.from([0xff])); } catch (e) { console.log(e.code, e.name); }
const sd2 = new u.TextDecoder();
console.log(sd2.decode(Buffer.from([0xe2, 0x82]), { stream: true }) + sd2.decode(Buffer.from([0xac])), new u.TextDecoder('latin1').encoding, new u.TextEncoder().encodeInto('héllo', new Uint8Array(3)));
