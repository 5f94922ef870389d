'use strict';
// string_decoder: characters split between chunks, invalid UTF-8, UTF-16
// surrogates, base64(url), hex, latin1, ascii, and Buffer's UTF-8 decoding of
// invalid input (run under node and dgramjs: the same output).
const { StringDecoder } = require('node:string_decoder');
function run(enc, chunks) {
  const d = new StringDecoder(enc);
  const out = chunks.map((c) => d.write(Buffer.from(c)));
  out.push(d.end());
  return JSON.stringify(out) + ' ' + d.lastNeed + ' ' + d.lastTotal;
}
const euro = [0xe2, 0x82, 0xac];
const cases = [
  ['utf8', [euro]], ['utf8', [[0xe2], [0x82], [0xac]]], ['utf8', [[0xe2, 0x82]]], ['utf8', [[0xf0, 0xfb, 0x00]]], ['utf8', [[0xf0], [0xfb, 0x00]]],
  ['utf8', [[0xe2], [0x41]]], ['utf8', [[0xf0, 0x9f], [0x98, 0x80, 0x41]]], ['utf8', [[0xc3], [0xa9], [0xff]]], ['utf8', [[0x80, 0x80, 0x80, 0x80, 0x80]]],
  ['utf16le', [[0x61, 0x00, 0x62]]], ['utf16le', [[0x3d, 0xd8], [0x00, 0xde]]], ['utf16le', [[0x61]]], ['ucs2', [[0x3d, 0xd8]]],
  ['base64', [[1, 2, 3, 4], [5]]], ['base64url', [[0xfb, 0xff], [0xbf]]], ['hex', [[1, 255]]], ['latin1', [[0xe9]]], ['ascii', [[0xe9]]],
];
for (const [enc, chunks] of cases) { console.log(enc, run(enc, chunks)); }
try { new StringDecoder('nope'); } catch (e) { console.log(e.code, e.message); }
try { new StringDecoder('utf8').write(1); } catch (e) { console.log(e.code, e.message); }
const d = new StringDecoder('utf8'); d.write(Buffer.from([0xe2])); console.log(d.lastChar.length, d.lastNeed, d.lastTotal, JSON.stringify(d.end(Buffer.from([0x82, 0xac]))));
console.log(new StringDecoder().encoding, new StringDecoder('UCS2').encoding, new StringDecoder('binary').encoding, new StringDecoder('utf-8').write('str'));
for (const b of [[0xf0, 0xfb, 0x00], [0xe2, 0x82], [0xe2, 0x28, 0xa1], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xff, 0x41]]) {
  console.log(JSON.stringify(Buffer.from(b).toString()));
}
for (const b of [[0xe0, 0x80, 0x41], [0xe0, 0xa0], [0xf0, 0x90, 0x80], [0xf1, 0x80, 0x80, 0xc0], [0x80, 0x80], [0xef, 0xbf, 0xbd, 0xfe]]) {
  console.log(JSON.stringify(Buffer.from(b).toString()), JSON.stringify(Buffer.from(b).toString('utf8', 1)));
}
