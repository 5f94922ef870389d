const util = require('util');
class Foo { constructor() { this.a = 1; } }
const circ = { name: 'c' }; circ.self = circ;
const cases = [
  1, -0, 'str', "it's", 'both \' and "', 10n, Symbol('s'), undefined, null, true,
  { a: 1, 'b-c': 'x', [Symbol('k')]: 2 }, {}, [], [1, 2, 3], [1, , 3], new Array(5),
  { a: { b: { c: { d: 1 } } } }, [[[[1]]]], Buffer.from('abc'), Buffer.alloc(60),
  new Uint8Array(3), new Float64Array([1.5, 2]), new ArrayBuffer(3), new DataView(new ArrayBuffer(2)),
  function named() {}, () => {}, class K {}, class L extends Foo {}, new Foo(), Object.create(null),
  new Map([['a', 1], [{}, [2]]]), new Set([1, 'x']), new Date(0), /re/g, new Error('boom').message,
  circ, { f: function g() {} }, Array.from({ length: 120 }, (_, i) => i), 'x'.repeat(100),
  { long1: 'aaaaaaaaaaaaaaaa', long2: 'bbbbbbbbbbbbbbbbbbbb', long3: 'cccccccccccccccccccc', long4: 'dddd' },
  Array.from({ length: 30 }, (_, i) => 'item' + i), [{ a: 1, b: { c: [1, 2, { d: 3 }] } }],
  { get g() { return 1; }, set s(v) {}, get gs() { return 1; }, set gs(v) {} },
  [1, 2, 3].map(String), new Number(3), new String('ab'), new Boolean(false), Object(Symbol('q')),
  { 'key with space': 1, valid_id: 2, $d: 3, '1a': 4, 5: 5 }, [undefined, null], { u: undefined },
  'multi\nline', { s: 'a\nb\t\u0001' }, [ 'a' ], Object.assign([1, 2], { extra: true }),
  { arr: new Array(200).fill(0) }, -5.5, NaN, Infinity, [ -0 ], Promise.resolve(4),
  Object.assign(function fp() {}, { prop: 1 }), new (class extends Array {})(), { n: null, b: false },
  Array.from({ length: 7 }, (_, i) => 'x'.repeat(i * 3)), Buffer.alloc(0),
];
for (const c of cases) console.log(util.inspect(c));
console.log('%s|%d|%i|%f|%j|%o|%O|%%|%c.', 'str', 42.5, 42.5, '1.5', { j: 1 }, { o: [1] }, { O: 1 }, 'css', 'extra', { e: 1 });
console.log({ a: 1 }, 'b', 3, [1], Buffer.from('hi'), null, undefined);
console.log('%s', { toString() { return 'custom'; } }, '%s', Symbol('z'));
console.log('%s %s %s', 5n, -0, { a: { b: { c: 1 } } });
console.log(util.format('%d %d %d', '0x10', {}, 7n), util.format(1, 2), util.format('a', 'b'), util.format());
console.error(new Map());
const e = new Error('with code'); e.code = 'E_X';
console.log(util.inspect({ depth: { a: { b: { c: { d: {} } } } } }, { depth: 0 }), util.inspect({ a: { b: { c: { d: {} } } } }, { depth: null }));
console.log(util.inspect('str', { colors: false }), util.inspect([1, 2], { compact: false }));
