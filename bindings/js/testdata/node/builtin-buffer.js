'use strict';
// Node's Buffer API beyond the basics: copy, compare, equals, indexOf,
// lastIndexOf, includes, fill, swap16/32/64, the read/write families,
// Buffer.of, copyBytesFrom, and the buffer module's helpers. Run under
// node and dgramjs: the output must be the same.
const buffer = require('node:buffer');
const { Buffer } = buffer;
function t(label, fn) {
  try {
    const v = fn();
    console.log(label, Buffer.isBuffer(v) ? v.toString('hex') : v);
  } catch (e) {
    console.log(label, 'throws', e.name, e.code, e.message);
  }
}
const a = Buffer.from('hello world');
const b = Buffer.alloc(8);
t('copy', () => [a.copy(b), b.toString()]);
t('copy ranges', () => [a.copy(b, 2, 6, 9), b.toString()]);
t('copy past end', () => a.copy(b, 100));
t('copy negative', () => a.copy(b, -1));
t('copy sourceStart', () => a.copy(b, 0, 20));
t('copy not buffer', () => a.copy('x'));
t('copy to Uint8Array', () => { const u = new Uint8Array(3); a.copy(u, 1); return Array.from(u).join(); });
t('copy overlap', () => { const c = Buffer.from('abcdef'); c.copy(c, 2, 0, 4); return c.toString(); });
t('compare', () => [Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.compare(Buffer.from('b'), Buffer.from('a')), Buffer.compare(Buffer.from('ab'), Buffer.from('a')), Buffer.compare(a, a)]);
t('compare bad', () => Buffer.compare('a', Buffer.from('b')));
t('sort', () => [Buffer.from('c'), Buffer.from('a'), Buffer.from('b')].sort(Buffer.compare).join(''));
t('proto compare', () => [a.compare(Buffer.from('hello')), a.compare(Buffer.from('world'), 0, 5, 6, 11), a.compare(Buffer.from('x'), 0, 1, 3, 3)]);
t('proto compare range', () => a.compare(Buffer.from('x'), 0, 5));
t('equals', () => [a.equals(Buffer.from('hello world')), a.equals(Buffer.from('hello')), a.equals(new Uint8Array(0))]);
t('equals bad', () => a.equals('hello world'));
t('indexOf', () => [a.indexOf('o'), a.indexOf('o', 5), a.indexOf('o', -3), a.indexOf(111), a.indexOf(111 + 256), a.indexOf(Buffer.from('wor')), a.indexOf('zz'), a.indexOf(''), a.indexOf('', 50), a.indexOf('o', 'latin1')]);
t('lastIndexOf', () => [a.lastIndexOf('o'), a.lastIndexOf('o', 5), a.lastIndexOf('o', -5), a.lastIndexOf('h', -50), a.lastIndexOf(''), a.lastIndexOf('d', 100)]);
t('indexOf hex', () => [a.indexOf('6f', 0, 'hex'), Buffer.from('aGVsbG8=', 'base64').indexOf('bG8=', 'base64')]);
t('indexOf bad', () => a.indexOf({}));
t('indexOf enc', () => a.indexOf('o', 0, 'nope'));
t('includes', () => [a.includes('world'), a.includes('World'), a.includes(32)]);
t('fill', () => Buffer.alloc(5).fill('ab'));
t('fill num', () => Buffer.alloc(4).fill(257));
t('fill range', () => Buffer.alloc(6).fill('x', 1, 4));
t('fill hex', () => Buffer.alloc(5).fill('a1b2', 'hex'));
t('fill buf', () => Buffer.alloc(5).fill(Buffer.from([1, 2])));
t('fill empty', () => Buffer.alloc(3, 'z').fill(''));
t('fill bad hex', () => Buffer.alloc(3).fill('zz', 'hex'));
t('fill bad offset', () => Buffer.alloc(3).fill('a', 1.5));
t('fill bad end', () => Buffer.alloc(3).fill('a', 0, 5));
t('fill utf8', () => Buffer.alloc(5).fill('é'));
t('alloc fill', () => Buffer.alloc(5, 'abc'));
t('swap16', () => Buffer.from([1, 2, 3, 4]).swap16());
t('swap32', () => Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap32());
t('swap64', () => Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap64());
t('swap16 bad', () => Buffer.from([1, 2, 3]).swap16());
const n = Buffer.alloc(16);
t('writes', () => [n.writeUInt8(255, 0), n.writeInt8(-2, 1), n.writeUInt16LE(0x1234, 2), n.writeUInt16BE(0x1234, 4), n.writeInt32LE(-5, 6), n.writeUInt32BE(0xdeadbeef, 10), n.toString('hex')]);
t('reads', () => [n.readUInt8(0), n.readInt8(1), n.readUInt16LE(2), n.readUInt16BE(4), n.readInt32LE(6), n.readUInt32BE(10), n.readUint32BE(10)]);
t('floats', () => { const f = Buffer.alloc(12); f.writeFloatLE(1.5, 0); f.writeDoubleBE(-2.25, 4); return [f.readFloatLE(0), f.readDoubleBE(4), f.toString('hex')]; });
t('bigints', () => { const f = Buffer.alloc(16); f.writeBigInt64LE(-3n, 0); f.writeBigUInt64BE(2n ** 63n, 8); return [String(f.readBigInt64LE(0)), String(f.readBigUInt64BE(8)), f.toString('hex')]; });
t('intLE', () => { const f = Buffer.alloc(6); f.writeIntLE(-123456, 0, 3); f.writeUIntBE(0x123456, 3, 3); return [f.readIntLE(0, 3), f.readUIntBE(3, 3), f.toString('hex')]; });
t('read out of range', () => n.readUInt32LE(14));
t('toJSON', () => JSON.stringify(Buffer.from([1, 2, 3])));
t('concat', () => Buffer.concat([Buffer.from('a'), Buffer.from('bc')], 5));
t('byteLength', () => [Buffer.byteLength('héllo'), Buffer.byteLength('aGVsbG8=', 'base64'), Buffer.byteLength(new ArrayBuffer(7))]);
t('isEncoding', () => [Buffer.isEncoding('UTF8'), Buffer.isEncoding('latin1'), Buffer.isEncoding('nope'), Buffer.isEncoding(1)]);
t('of', () => Buffer.of(1, 2, 255));
t('copyBytesFrom', () => Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 1, 1));
t('isUtf8', () => [buffer.isUtf8(Buffer.from('é')), buffer.isUtf8(Buffer.from([0xff])), buffer.isAscii(Buffer.from('abc')), buffer.isAscii(Buffer.from('é'))]);
t('btoa', () => [buffer.btoa('hello'), buffer.atob('aGVsbG8=')]);
t('constants', () => [typeof buffer.constants.MAX_LENGTH, buffer.INSPECT_MAX_BYTES, typeof buffer.kMaxLength]);
t('toString ranges', () => [a.toString('utf8', 6), a.toString('hex', 0, 2), a.toString('base64'), a.toString('latin1', 1, 3)]);
t('slice view', () => { const s = a.subarray(0, 5); s[0] = 72; return a.toString(); });
t('toLocaleString', () => a.toLocaleString());
{
const b = Buffer.alloc(4);
for (const f of [() => b.writeUInt8(256, 0), () => b.writeInt8(-129), () => b.writeUInt16LE(70000), () => b.writeUInt32LE(-1), () => b.writeInt32BE(2**31), () => b.writeUInt8(1, 4), () => b.readUInt8(1.5), () => b.readUInt8('1'), () => b.writeFloatLE(1, 1), ()=>b.readBigInt64LE(0), ()=>b.readIntLE(0, 7), ()=>b.writeUInt8(1.5, 0), ()=>b.writeUInt8('3', 0)]) {
  try { console.log(f(), b.toString('hex')); } catch (e) { console.log(e.name, e.code, e.message); }
}
for (const f of [() => b.writeUIntLE(2 ** 40, 0, 5), () => b.writeIntBE(-(2 ** 47) - 1, 0, 6), () => b.writeBigUInt64LE(-1n, 0), () => b.writeBigInt64BE(2n ** 63n, 0), () => b.writeUInt16BE(1, 3), () => b.readUInt16LE(), () => b.readUIntLE(), () => b.readUIntBE(0, 1.5)]) {
  try { console.log(f(), b.toString('hex')); } catch (e) { console.log(e.name, e.code, e.message); }
}
}
