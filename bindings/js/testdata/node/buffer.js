// Buffer: the encodings, allocUnsafe, and the errors of sizes and
// encodings. Its output must be node's.
var B = Buffer;
function show(f) {
  // (the largest size is dgramjs's, not node's: docs/JS.md)
  try { console.log(f()); } catch (e) { console.log(e.name, e.code, e.message.replace(/<= \d+\./, "<= MAX.")); }
}
['utf8', 'utf-8', 'hex', 'base64', 'base64url', 'ascii', 'latin1', 'binary', 'utf16le', 'ucs2', 'ucs-2', 'UTF8', 'Latin1'].forEach(function (enc) {
  var b = B.from('héllo wörld €\u0001', enc === 'hex' ? 'utf8' : enc);
  console.log(enc, b.length, b.toString('hex'), JSON.stringify(b.toString(enc)), B.byteLength('héllo €', enc), B.isEncoding(enc));
});
console.log(B.from('ff00zz', 'hex'), B.from('aGk', 'base64'), B.from('_-8', 'base64url'), B.from('YW Jj\n', 'base64'));
console.log(B.from([0xe9, 0xff, 0x41]).toString('ascii'), B.from([0xe9, 0x41]).toString('latin1'), B.from([0x41, 0, 0x42]).toString('utf16le'));
console.log(B.from('abcdef').toString('hex', 1, 3), B.from('abc').toString('utf8', -1, 100), B.from('abc').toString(undefined, 2));
console.log(B.allocUnsafe(4).length, B.allocUnsafeSlow(3).length, B.alloc(5, 'ab'), B.alloc(4, 'e9', 'hex'), B.alloc(3, 7), B.alloc(0));
var w = B.alloc(8);
console.log(w.write('hé', 'latin1'), w.write('zz', 4), w.write('abc', 1, 1), w.write('\u20ac', 5, 'utf16le'), w);
console.log(B.concat([B.from('a'), new Uint8Array([98])]), B.concat([B.from('abc')], 2), B.concat([B.from('a')], 3), B.concat([]));
console.log(B.from({ length: 3, 0: 1, 1: 258 }), B.from([1, 2, 300]), B.from(new Uint16Array([1, 258])), B.from({ type: 'Buffer', data: [9] }));
console.log(B.from(new ArrayBuffer(4), 1, 2), B.from(B.from('ab')), B.isBuffer(B.alloc(1)), B.alloc(2) instanceof B, require('buffer').Buffer === B);
show(function () { return B.alloc(-1); });
show(function () { return B.alloc('5'); });
show(function () { return B.alloc(NaN); });
show(function () { return B.allocUnsafe(2 ** 53); });
show(function () { return B.from('a', 'xyz'); });
show(function () { return B.from('a').toString('xyz'); });
show(function () { return B.from(5); });
show(function () { return B.concat('x'); });
show(function () { return B.concat([1]); });
