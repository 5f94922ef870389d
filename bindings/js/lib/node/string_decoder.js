'use strict';
// string_decoder: Node 20's StringDecoder (its algorithm is
// src/string_decoder.cc's): a character split between chunks is kept until
// its last byte comes; UTF-8 that is not valid is decoded as Buffer does
// (one U+FFFD per maximal subpart); end() gives what is left (a truncated
// UTF-8 character as U+FFFD, base64's last bytes padded, a lone UTF-16
// byte dropped).

var errors = require('./errors');

var encodings = {
  utf8: 'utf8', 'utf-8': 'utf8', ucs2: 'utf16le', 'ucs-2': 'utf16le', utf16le: 'utf16le', 'utf-16le': 'utf16le',
  latin1: 'latin1', binary: 'latin1', base64: 'base64', base64url: 'base64url', hex: 'hex', ascii: 'ascii'
};

function normalizeEncoding(enc) {
  if (enc === undefined || enc === null || enc === '') { return 'utf8'; }
  var e = encodings[String(enc).toLowerCase()];
  if (e === undefined || typeof enc !== 'string') {
    throw errors.codedError(TypeError, 'ERR_UNKNOWN_ENCODING', 'Unknown encoding: ' + enc);
  }
  return e;
}

// StringDecoder works as a function of its this too (StringDecoder.call(obj)).
function StringDecoder(encoding) {
  if (this === undefined || this === null) { return new StringDecoder(encoding); }
  this.encoding = normalizeEncoding(encoding);
  this._partial = Buffer.alloc(4); // the incomplete character's bytes
  this._buffered = 0;
  this._missing = 0;
}

StringDecoder.prototype.write = function write(buf) {
  if (typeof buf === 'string') { return buf; }
  if (!ArrayBuffer.isView(buf)) { throw errors.invalidArgType('buf', ['Buffer', 'TypedArray', 'DataView'], buf); }
  var data = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  var enc = this.encoding;
  if (enc !== 'utf8' && enc !== 'utf16le' && enc !== 'base64' && enc !== 'base64url') {
    return data.toString(enc);
  }
  var prepend = '';
  var start = 0, n = data.length;
  if (this._missing > 0) {
    if (enc === 'utf8') {
      // a byte that is not a continuation ends the incomplete character
      for (var i = 0; i < n && i < this._missing; i++) {
        if ((data[i] & 0xC0) !== 0x80) {
          this._missing = 0;
          data.copy(this._partial, this._buffered, 0, i);
          this._buffered += i;
          start = i;
          break;
        }
      }
    }
    var found = Math.min(n - start, this._missing);
    data.copy(this._partial, this._buffered, start, start + found);
    start += found;
    this._missing -= found;
    this._buffered += found;
    if (this._missing === 0) {
      prepend = this._partial.toString(enc, 0, this._buffered);
      this._buffered = 0;
    }
  }
  if (start === n) { return prepend; }
  var end = n;
  if (enc === 'utf8' && (data[n - 1] & 0x80)) {
    // where the character of the last byte begins
    for (var j = n - 1; ; j--) {
      this._buffered++;
      if ((data[j] & 0xC0) === 0x80) {
        if (this._buffered >= 4 || j === start) {
          this._buffered = 0;
          break;
        }
      } else {
        if ((data[j] & 0xE0) === 0xC0) {
          this._missing = 2;
        } else if ((data[j] & 0xF0) === 0xE0) {
          this._missing = 3;
        } else if ((data[j] & 0xF8) === 0xF0) {
          this._missing = 4;
        } else {
          this._buffered = 0;
          break;
        }
        if (this._buffered >= this._missing) {
          this._missing = 0;
          this._buffered = 0;
        }
        this._missing -= this._buffered;
        break;
      }
    }
  } else if (enc === 'utf16le') {
    if ((n - start) % 2 === 1) {
      this._buffered = 1;
      this._missing = 1;
    } else if ((data[n - 1] & 0xFC) === 0xD8) {
      this._buffered = 2;
      this._missing = 2;
    }
  } else if (enc === 'base64' || enc === 'base64url') {
    this._buffered = (n - start) % 3;
    if (this._buffered > 0) { this._missing = 3 - this._buffered; }
  }
  if (this._buffered > 0) {
    end = n - this._buffered;
    data.copy(this._partial, 0, end, n);
  }
  return prepend + (end > start ? data.toString(enc, start, end) : '');
};

StringDecoder.prototype.end = function end(buf) {
  var ret = '';
  if (buf !== undefined) { ret = this.write(buf); }
  if (this._buffered > 0) {
    if (this.encoding === 'utf16le' && this._buffered % 2 === 1) {
      this._buffered--;
      this._missing--;
    }
    if (this._buffered > 0) { ret += this._partial.toString(this.encoding, 0, this._buffered); }
  }
  this._buffered = 0;
  this._missing = 0;
  return ret;
};

StringDecoder.prototype.text = function text(buf, offset) {
  this._buffered = 0;
  this._missing = 0;
  return this.write(buf.subarray(offset));
};

Object.defineProperties(StringDecoder.prototype, {
  lastChar: { get: function () { return this._partial; }, configurable: true, enumerable: true },
  lastNeed: { get: function () { return this._missing; }, configurable: true, enumerable: true },
  lastTotal: { get: function () { return this._buffered + this._missing; }, configurable: true, enumerable: true }
});

exports.StringDecoder = StringDecoder;
