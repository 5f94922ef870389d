'use strict';
// encoding: the WHATWG TextEncoder and TextDecoder (utf-8, utf-16le and
// latin1/windows-1252 labels), as Node's lib/internal/encoding.js, on
// Buffer's codecs and string_decoder for streaming.

var errors = require('./errors');

function TextEncoder() {
  if (!(this instanceof TextEncoder)) { throw new TypeError("Class constructor TextEncoder cannot be invoked without 'new'"); }
}
Object.defineProperty(TextEncoder.prototype, 'encoding', { get: function () { return 'utf-8'; }, enumerable: true, configurable: true });
TextEncoder.prototype.encode = function encode(input) {
  if (input === undefined) { input = ''; }
  var b = Buffer.from(String(input), 'utf8');
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
};
TextEncoder.prototype.encodeInto = function encodeInto(src, dest) {
  if (!(dest instanceof Uint8Array)) { throw errors.invalidArgType('dest', 'Uint8Array', dest); }
  src = String(src);
  var read = 0, written = 0;
  for (var i = 0; i < src.length; i++) {
    var c = src.codePointAt(i);
    var units = c > 0xffff ? 2 : 1;
    if (c >= 0xd800 && c <= 0xdfff) { c = 0xfffd; }
    var n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (written + n > dest.length) { break; }
    Buffer.from(dest.buffer, dest.byteOffset, dest.byteLength).write(String.fromCodePoint(c), written, 'utf8');
    written += n;
    read += units;
    i += units - 1;
  }
  return { read: read, written: written };
};
Object.defineProperty(TextEncoder.prototype, Symbol.toStringTag, { value: 'TextEncoder', configurable: true });

var labels = {
  'unicode-1-1-utf-8': 'utf-8', 'unicode11utf8': 'utf-8', 'unicode20utf8': 'utf-8', 'utf-8': 'utf-8', 'utf8': 'utf-8', 'x-unicode20utf8': 'utf-8',
  'csunicode': 'utf-16le', 'iso-10646-ucs-2': 'utf-16le', 'ucs-2': 'utf-16le', 'unicode': 'utf-16le', 'unicodefeff': 'utf-16le', 'utf-16': 'utf-16le', 'utf-16le': 'utf-16le',
  'ansi_x3.4-1968': 'windows-1252', 'ascii': 'windows-1252', 'cp1252': 'windows-1252', 'cp819': 'windows-1252', 'csisolatin1': 'windows-1252',
  'ibm819': 'windows-1252', 'iso-8859-1': 'windows-1252', 'iso-ir-100': 'windows-1252', 'iso8859-1': 'windows-1252', 'iso88591': 'windows-1252',
  'iso_8859-1': 'windows-1252', 'iso_8859-1:1987': 'windows-1252', 'l1': 'windows-1252', 'latin1': 'windows-1252', 'us-ascii': 'windows-1252',
  'windows-1252': 'windows-1252', 'x-cp1252': 'windows-1252'
};
var bufferEncoding = { 'utf-8': 'utf8', 'utf-16le': 'utf16le', 'windows-1252': 'latin1' };

function TextDecoder(label, options) {
  if (!(this instanceof TextDecoder)) { throw new TypeError("Class constructor TextDecoder cannot be invoked without 'new'"); }
  label = label === undefined ? 'utf-8' : String(label).trim().toLowerCase();
  var enc = labels[label];
  if (enc === undefined) {
    throw errors.codedError(RangeError, 'ERR_ENCODING_NOT_SUPPORTED', 'The "' + label + '" encoding is not supported');
  }
  if (options !== undefined && options !== null && typeof options !== 'object') {
    throw errors.invalidArgType('options', 'object', options);
  }
  options = options || {};
  this._encoding = enc;
  this._fatal = Boolean(options.fatal);
  this._ignoreBOM = Boolean(options.ignoreBOM);
  this._decoder = null;
  this._bomSeen = false;
}
Object.defineProperty(TextDecoder.prototype, 'encoding', { get: function () { return this._encoding; }, enumerable: true, configurable: true });
Object.defineProperty(TextDecoder.prototype, 'fatal', { get: function () { return this._fatal; }, enumerable: true, configurable: true });
Object.defineProperty(TextDecoder.prototype, 'ignoreBOM', { get: function () { return this._ignoreBOM; }, enumerable: true, configurable: true });
Object.defineProperty(TextDecoder.prototype, Symbol.toStringTag, { value: 'TextDecoder', configurable: true });

TextDecoder.prototype.decode = function decode(input, options) {
  var buf;
  if (input === undefined) {
    buf = Buffer.alloc(0);
  } else if (input instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && input instanceof SharedArrayBuffer)) {
    buf = Buffer.from(input);
  } else if (ArrayBuffer.isView(input)) {
    buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  } else {
    throw errors.invalidArgType('input', ['ArrayBuffer', 'ArrayBufferView'], input);
  }
  var stream = Boolean(options && options.stream);
  if (this._decoder === null) {
    var StringDecoder = require('string_decoder').StringDecoder;
    this._decoder = new StringDecoder(bufferEncoding[this._encoding]);
  }
  if (this._fatal && this._encoding === 'utf-8' && !validUTF8(buf, stream, this._decoder)) {
    this._decoder = null;
    this._bomSeen = false;
    throw errors.codedError(TypeError, 'ERR_ENCODING_INVALID_ENCODED_DATA', 'The encoded data was not valid for encoding utf-8');
  }
  var s = stream ? this._decoder.write(buf) : this._decoder.end(buf);
  if (!this._ignoreBOM && !this._bomSeen && s.length > 0) {
    if (s.charCodeAt(0) === 0xfeff) { s = s.slice(1); }
    this._bomSeen = true;
  }
  if (!stream) {
    this._decoder = null;
    this._bomSeen = false;
  }
  return s;
};

// validUTF8 reports whether buf (after what the decoder holds) is UTF-8,
// an incomplete last sequence allowed while streaming.
function validUTF8(buf, stream, decoder) {
  var pending = decoder.lastNeed ? decoder.lastChar.slice(0, decoder.lastTotal - decoder.lastNeed) : Buffer.alloc(0);
  var b = pending.length ? Buffer.concat([pending, buf]) : buf;
  var i = 0;
  while (i < b.length) {
    var c = b[i];
    var n = c < 0x80 ? 0 : (c & 0xe0) === 0xc0 && c >= 0xc2 ? 1 : (c & 0xf0) === 0xe0 ? 2 : (c & 0xf8) === 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) { return false; }
    if (i + n >= b.length) { return stream && i + n >= b.length && checkPartial(b, i, b.length); }
    for (var k = 1; k <= n; k++) {
      if ((b[i + k] & 0xc0) !== 0x80) { return false; }
    }
    if (n === 2 && ((c === 0xe0 && b[i + 1] < 0xa0) || (c === 0xed && b[i + 1] >= 0xa0))) { return false; }
    if (n === 3 && ((c === 0xf0 && b[i + 1] < 0x90) || (c === 0xf4 && b[i + 1] >= 0x90))) { return false; }
    i += n + 1;
  }
  return true;
}
function checkPartial(b, i, end) {
  for (var k = i + 1; k < end; k++) {
    if ((b[k] & 0xc0) !== 0x80) { return false; }
  }
  return true;
}

exports.TextEncoder = TextEncoder;
exports.TextDecoder = TextDecoder;
