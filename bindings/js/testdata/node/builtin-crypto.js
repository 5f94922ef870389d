'use strict';
// crypto as Node documents it, as far as dgramjs has it (run under node
// and dgramjs: the same output).
const crypto = require('node:crypto');
function t(label, fn) {
  try {
    const v = fn();
    console.log(label, Buffer.isBuffer(v) ? v.toString('hex') : v);
  } catch (e) {
    console.log(label, 'throws', e.name, e.code, e.message);
  }
}
for (const alg of ['md5', 'sha1', 'sha256', 'sha512', 'SHA256', 'RSA-SHA1', 'sha224', 'sha384', 'sha512-256', 'sha3-256']) {
  t(alg, () => crypto.createHash(alg).update('hello').update(' world', 'utf8').digest('hex'));
  t('hmac ' + alg, () => crypto.createHmac(alg, 'key').update(Buffer.from('data')).digest('base64'));
}
t('digest buffer', () => crypto.createHash('sha1').update('x').digest());
t('digest latin1', () => crypto.createHash('md5').update('x').digest('latin1').length);
t('digest base64url', () => crypto.createHash('md5').update('x').digest('base64url'));
t('update hex', () => crypto.createHash('md5').update('6869', 'hex').digest('hex'));
t('update view', () => crypto.createHash('md5').update(new Uint16Array([1, 2])).digest('hex'));
t('copy', () => { const h = crypto.createHash('sha256').update('a'); const c = h.copy(); c.update('b'); return [h.digest('hex'), c.digest('hex')].join(' '); });
t('hmac key buffer', () => crypto.createHmac('sha256', Buffer.from('k')).update('d').digest('hex'));
t('hmac twice', () => { const h = crypto.createHmac('md5', 'k'); h.digest(); return JSON.stringify(h.digest('hex')); });
t('unknown', () => crypto.createHash('nope'));
t('hmac unknown', () => crypto.createHmac('nope', 'k'));
t('finalized', () => { const h = crypto.createHash('md5'); h.digest(); h.update('x'); });
t('bad data', () => crypto.createHash('md5').update(1));
t('bad alg', () => crypto.createHash(1));
t('pbkdf2', () => crypto.pbkdf2Sync('pw', 'salt', 1000, 32, 'sha256'));
t('pbkdf2 bad digest', () => crypto.pbkdf2Sync('pw', 'salt', 1, 32, 'nope'));
t('hkdf', () => Buffer.from(crypto.hkdfSync('sha256', 'key', 'salt', 'info', 16)).toString('hex'));
t('randomBytes', () => crypto.randomBytes(16).length);
t('randomBytes 0', () => crypto.randomBytes(0).length);
// the largest size is the largest Buffer's (1 GiB in dgramjs, 2 GiB - 1 in node)
t('randomBytes -1', () => { try { crypto.randomBytes(-1); } catch (e) { return e.code + ' ' + e.message.replace(/<= \d+/, '<= kMaxLength'); } });
t('randomBytes str', () => crypto.randomBytes('1'));
t('randomBytes cb', () => crypto.randomBytes(1, 1));
t('randomFillSync', () => { const b = Buffer.alloc(8); crypto.randomFillSync(b, 4); return b.subarray(0, 4).toString('hex'); });
t('randomFillSync range', () => crypto.randomFillSync(Buffer.alloc(4), 5));
t('randomInt', () => { for (let i = 0; i < 200; i++) { const n = crypto.randomInt(3, 7); if (n < 3 || n >= 7 || !Number.isInteger(n)) { return 'bad ' + n; } } return 'ok'; });
t('randomInt max', () => crypto.randomInt(5, 5));
t('randomInt float', () => crypto.randomInt(1.5));
t('randomInt range', () => crypto.randomInt(0, 2 ** 49));
t('randomUUID', () => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()));
t('getRandomValues', () => crypto.getRandomValues(new Uint32Array(4)).length);
t('webcrypto', () => crypto.webcrypto.getRandomValues(new Uint8Array(4)).length);
t('getRandomValues float', () => crypto.getRandomValues(new Float64Array(1)));
t('getRandomValues quota', () => crypto.getRandomValues(new Uint8Array(65537)));
t('timingSafeEqual', () => [crypto.timingSafeEqual(Buffer.from('ab'), Buffer.from('ab')), crypto.timingSafeEqual(Buffer.from('ab'), Buffer.from('ac'))].join());
t('timingSafeEqual length', () => crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab')));
t('getHashes', () => ['md5', 'sha1', 'sha256', 'sha512'].every((h) => crypto.getHashes().includes(h)));
// The thread pool's callbacks come in any order: printed sorted at exit.
const out = [];
const push = (...a) => out.push(a.map(String).join(' '));
crypto.randomBytes(4, (err, buf) => push('async randomBytes', err, buf.length));
crypto.randomInt(10, (err, n) => push('async randomInt', err, n >= 0 && n < 10));
crypto.pbkdf2('pw', 'salt', 1, 8, 'sha1', (err, key) => push('async pbkdf2', err, key.toString('hex')));
crypto.randomFill(new Uint8Array(4), (err, buf) => push('async randomFill', err, buf.length));
process.on('exit', () => console.log(out.sort().join('\n')));
// a Hash used as a stream, its digest still readable after
{
const h = crypto.createHash('md5');
h.on('data', (d) => console.log('data', d.toString('hex'), h.digest('hex')));
h.end('abc');
for (const f of [() => crypto.randomUUID(1), () => crypto.randomUUID({ disableEntropyCache: 'x' }), () => crypto.randomBytes(1, 'x'), () => crypto.randomFillSync('x'), () => crypto.randomFill(Buffer.alloc(1), 'x')]) {
  try { f(); } catch (e) { console.log(e.code, e.message); }
}
}
