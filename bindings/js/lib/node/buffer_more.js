'use strict';
// The rest of Node's Buffer API, after Node 20's lib/buffer.js (MIT):
// copy, compare, equals' checks, indexOf, lastIndexOf, includes, fill,
// swap16/32/64, toLocaleString, Buffer.compare, Buffer.of,
// Buffer.copyBytesFrom, and the buffer module's isUtf8, isAscii, atob,
// btoa and SlowBuffer. Loaded by the first call of one of them (mod_buffer.go's
// stubs until then).

var native = binding('buffer');
var errors = require('./errors');
var bufferModule = require('buffer');
var Buffer = bufferModule.Buffer;
var proto = Buffer.prototype;

function isUint8Array(v) { return v instanceof Uint8Array; }

function toInteger(n, defaultVal) {
  n = +n;
  if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) {
    return ((n % 1) === 0 ? n : Math.floor(n));
  }
  return defaultVal;
}

function validateOffset(value, name, min, max) {
  if (min === undefined) { min = 0; }
  if (max === undefined) { max = bufferModule.kMaxLength; }
  if (typeof value !== 'number') { throw errors.invalidArgType(name, 'number', value); }
  if (!Number.isInteger(value)) { throw errors.outOfRange(name, 'an integer', value); }
  if (value < min || value > max) { throw errors.outOfRange(name, '>= ' + min + ' && <= ' + max, value); }
}

function copyActual(source, target, targetStart, sourceStart, sourceEnd) {
  if (sourceEnd - sourceStart > target.length - targetStart) {
    sourceEnd = sourceStart + target.length - targetStart;
  }
  var nb = sourceEnd - sourceStart;
  var sourceLen = source.length - sourceStart;
  if (nb > sourceLen) { nb = sourceLen; }
  if (sourceStart !== 0 || sourceEnd < source.length) {
    source = new Uint8Array(source.buffer, source.byteOffset + sourceStart, nb);
  }
  Uint8Array.prototype.set.call(target, source, targetStart);
  return nb;
}

proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  var source = this;
  if (!isUint8Array(source)) { throw errors.invalidArgType('source', ['Buffer', 'Uint8Array'], source); }
  if (!isUint8Array(target)) { throw errors.invalidArgType('target', ['Buffer', 'Uint8Array'], target); }
  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = toInteger(targetStart, 0);
    if (targetStart < 0) { throw errors.outOfRange('targetStart', '>= 0', targetStart); }
  }
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > source.length) {
      throw errors.outOfRange('sourceStart', '>= 0 && <= ' + source.length, sourceStart);
    }
  }
  if (sourceEnd === undefined) {
    sourceEnd = source.length;
  } else {
    sourceEnd = toInteger(sourceEnd, 0);
    if (sourceEnd < 0) { throw errors.outOfRange('sourceEnd', '>= 0', sourceEnd); }
  }
  if (targetStart >= target.length || sourceStart >= sourceEnd) { return 0; }
  return copyActual(source, target, targetStart, sourceStart, sourceEnd);
};

function compareBytes(a, aStart, aEnd, b, bStart, bEnd) {
  var n = Math.min(aEnd - aStart, bEnd - bStart);
  for (var i = 0; i < n; i++) {
    var x = a[aStart + i], y = b[bStart + i];
    if (x !== y) { return x < y ? -1 : 1; }
  }
  var la = aEnd - aStart, lb = bEnd - bStart;
  return la < lb ? -1 : la > lb ? 1 : 0;
}

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) { throw errors.invalidArgType('buf1', ['Buffer', 'Uint8Array'], buf1); }
  if (!isUint8Array(buf2)) { throw errors.invalidArgType('buf2', ['Buffer', 'Uint8Array'], buf2); }
  if (buf1 === buf2) { return 0; }
  return compareBytes(buf1, 0, buf1.length, buf2, 0, buf2.length);
};

proto.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!isUint8Array(target)) { throw errors.invalidArgType('target', ['Buffer', 'Uint8Array'], target); }
  if (arguments.length === 1) { return compareBytes(this, 0, this.length, target, 0, target.length); }
  if (targetStart === undefined) { targetStart = 0; } else { validateOffset(targetStart, 'targetStart'); }
  if (targetEnd === undefined) { targetEnd = target.length; } else { validateOffset(targetEnd, 'targetEnd', 0, target.length); }
  if (sourceStart === undefined) { sourceStart = 0; } else { validateOffset(sourceStart, 'sourceStart'); }
  if (sourceEnd === undefined) { sourceEnd = this.length; } else { validateOffset(sourceEnd, 'sourceEnd', 0, this.length); }
  if (sourceStart >= sourceEnd) { return (targetStart >= targetEnd ? 0 : -1); }
  if (targetStart >= targetEnd) { return 1; }
  return compareBytes(this, sourceStart, sourceEnd, target, targetStart, targetEnd);
};

proto.equals = function equals(otherBuffer) {
  if (!isUint8Array(otherBuffer)) { throw errors.invalidArgType('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer); }
  if (this === otherBuffer) { return true; }
  if (this.byteLength !== otherBuffer.byteLength) { return false; }
  return this.byteLength === 0 || compareBytes(this, 0, this.length, otherBuffer, 0, otherBuffer.length) === 0;
};

function bidirectionalIndexOf(buffer, val, byteOffset, encoding, dir) {
  if (!isUint8Array(buffer)) { throw errors.invalidArgType('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer); }
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) { byteOffset = dir ? 0 : buffer.length; }
  byteOffset = Math.trunc(byteOffset);
  if (typeof val === 'number') { return native.indexOf(buffer, val >>> 0, byteOffset, dir); }
  if (typeof val === 'string') {
    if (encoding !== undefined && !Buffer.isEncoding(encoding)) {
      throw errors.codedError(TypeError, 'ERR_UNKNOWN_ENCODING', 'Unknown encoding: ' + encoding);
    }
    return native.indexOf(buffer, Buffer.from(val, encoding), byteOffset, dir);
  }
  if (isUint8Array(val)) { return native.indexOf(buffer, val, byteOffset, dir); }
  throw errors.invalidArgType('value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
}

proto.indexOf = function indexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, true);
};
proto.lastIndexOf = function lastIndexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, false);
};
proto.includes = function includes(val, byteOffset, encoding) {
  return this.indexOf(val, byteOffset, encoding) !== -1;
};

proto.fill = function fill(value, offset, end, encoding) {
  var buf = this;
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    if (encoding !== undefined && typeof encoding !== 'string') { throw errors.invalidArgType('encoding', 'string', encoding); }
    if (encoding !== undefined && !Buffer.isEncoding(encoding)) {
      throw errors.codedError(TypeError, 'ERR_UNKNOWN_ENCODING', 'Unknown encoding: ' + encoding);
    }
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1) {
      var enc = encoding === undefined ? 'utf8' : String(encoding).toLowerCase();
      if ((enc === 'utf8' || enc === 'utf-8') && value.charCodeAt(0) < 128) {
        value = value.charCodeAt(0);
      } else if (enc === 'latin1' || enc === 'binary') {
        value = value.charCodeAt(0);
      }
    }
  } else {
    encoding = undefined;
  }
  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) { end = buf.length; } else { validateOffset(end, 'end', 0, buf.length); }
    if (offset >= end) { return buf; }
  }
  if (typeof value === 'number') {
    if (offset > end || end > buf.length) {
      throw errors.codedError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', 'Attempt to access memory outside buffer bounds');
    }
    Uint8Array.prototype.fill.call(buf, value, offset, end);
    return buf;
  }
  var bytes;
  if (typeof value === 'string') {
    bytes = Buffer.from(value, encoding);
  } else if (isUint8Array(value)) {
    bytes = value;
  } else if (ArrayBuffer.isView(value)) {
    bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  } else if (typeof value === 'boolean') {
    Uint8Array.prototype.fill.call(buf, Number(value), offset, end);
    return buf;
  } else {
    Uint8Array.prototype.fill.call(buf, (Number(value) >>> 0) & 255, offset, end);
    return buf;
  }
  var res = native.fill(buf, bytes, offset, end);
  if (res === -1) { throw errors.invalidArgValue('value', value); }
  if (res < 0) { throw errors.codedError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', 'Attempt to access memory outside buffer bounds'); }
  return buf;
};

function swap(b, n, m) { var i = b[n]; b[n] = b[m]; b[m] = i; }
proto.swap16 = function swap16() {
  var len = this.length;
  if (len % 2 !== 0) { throw errors.codedError(RangeError, 'ERR_INVALID_BUFFER_SIZE', 'Buffer size must be a multiple of 16-bits'); }
  for (var i = 0; i < len; i += 2) { swap(this, i, i + 1); }
  return this;
};
proto.swap32 = function swap32() {
  var len = this.length;
  if (len % 4 !== 0) { throw errors.codedError(RangeError, 'ERR_INVALID_BUFFER_SIZE', 'Buffer size must be a multiple of 32-bits'); }
  for (var i = 0; i < len; i += 4) { swap(this, i, i + 3); swap(this, i + 1, i + 2); }
  return this;
};
proto.swap64 = function swap64() {
  var len = this.length;
  if (len % 8 !== 0) { throw errors.codedError(RangeError, 'ERR_INVALID_BUFFER_SIZE', 'Buffer size must be a multiple of 64-bits'); }
  for (var i = 0; i < len; i += 8) {
    swap(this, i, i + 7); swap(this, i + 1, i + 6); swap(this, i + 2, i + 5); swap(this, i + 3, i + 4);
  }
  return this;
};
proto.toLocaleString = function toLocaleString(encoding, start, end) { return this.toString(encoding, start, end); };

Buffer.of = function of() {
  var b = Buffer.alloc(arguments.length);
  for (var i = 0; i < arguments.length; i++) { b[i] = arguments[i]; }
  return b;
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!ArrayBuffer.isView(view) || view instanceof DataView) {
    throw errors.invalidArgType('view', ['TypedArray'], view);
  }
  var viewLength = view.length;
  if (viewLength === 0) { return Buffer.alloc(0); }
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      errors.validateInteger(offset, 'offset', 0);
      if (offset >= viewLength) { return Buffer.alloc(0); }
    } else {
      offset = 0;
    }
    var end;
    if (length !== undefined) {
      errors.validateInteger(length, 'length', 0);
      end = offset + length;
    } else {
      end = viewLength;
    }
    view = view.subarray(offset, end);
  }
  var u8 = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  var out = Buffer.alloc(u8.length);
  out.set(u8);
  return out;
};

bufferModule.SlowBuffer = function SlowBuffer(size) { return Buffer.alloc(size); };
bufferModule.isUtf8 = function isUtf8(input) {
  if (ArrayBuffer.isView(input)) { return native.isUtf8(Buffer.from(input.buffer, input.byteOffset, input.byteLength)); }
  if (input instanceof ArrayBuffer) { return native.isUtf8(Buffer.from(input)); }
  throw errors.invalidArgType('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
};
bufferModule.isAscii = function isAscii(input) {
  if (ArrayBuffer.isView(input)) { return native.isAscii(Buffer.from(input.buffer, input.byteOffset, input.byteLength)); }
  if (input instanceof ArrayBuffer) { return native.isAscii(Buffer.from(input)); }
  throw errors.invalidArgType('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
};
bufferModule.btoa = function btoa(input) {
  if (arguments.length === 0) { throw errors.codedError(TypeError, 'ERR_MISSING_ARGS', 'The "input" argument must be specified'); }
  input = String(input);
  for (var i = 0; i < input.length; i++) {
    if (input.charCodeAt(i) > 0xff) {
      var e = new Error('Invalid character');
      e.name = 'InvalidCharacterError';
      throw e;
    }
  }
  return Buffer.from(input, 'latin1').toString('base64');
};
bufferModule.atob = function atob(input) {
  if (arguments.length === 0) { throw errors.codedError(TypeError, 'ERR_MISSING_ARGS', 'The "input" argument must be specified'); }
  input = String(input).replace(/[\t\n\f\r ]/g, '');
  if (input.length % 4 === 0) { input = input.replace(/==?$/, ''); }
  if (input.length % 4 === 1 || /[^+/0-9A-Za-z]/.test(input)) {
    var e = new Error('The string to be decoded is not correctly encoded.');
    e.name = 'InvalidCharacterError';
    throw e;
  }
  return Buffer.from(input, 'base64').toString('latin1');
};

// The read and write families with Node's checks and messages (lib/
// internal/buffer.js), around goja_nodejs's methods.
function boundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    errors.validateNumber(value, type || 'offset');
    throw errors.outOfRange(type || 'offset', 'an integer', value);
  }
  if (length < 0) {
    throw errors.codedError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', 'Attempt to access memory outside buffer bounds');
  }
  throw errors.outOfRange(type || 'offset', '>= ' + (type ? 1 : 0) + ' and <= ' + length, value);
}

function checkBounds(buf, offset, n) {
  errors.validateNumber(offset, 'offset');
  if (!(Number.isInteger(offset) && offset >= 0 && offset + n <= buf.length)) {
    boundsError(offset, buf.length - n);
  }
}

function checkValue(value, min, max, n) {
  if (value > max || value < min) {
    var big = typeof min === 'bigint';
    var s = big ? 'n' : '';
    var range;
    if (n > 4) {
      if (min === 0 || (big && min === BigInt(0))) {
        range = '>= 0' + s + ' and < 2' + s + ' ** ' + n * 8 + s;
      } else {
        range = '>= -(2' + s + ' ** ' + (n * 8 - 1) + s + ') and < 2' + s + ' ** ' + (n * 8 - 1) + s;
      }
    } else {
      range = '>= ' + min + s + ' and <= ' + max + s;
    }
    throw errors.outOfRange('value', range, value);
  }
}

// original is goja_nodejs's function the stub stood in front of.
function original(name) { return native.originals[name] || proto[name]; }

function alias(name, fn) {
  proto[name] = fn;
  if (name.indexOf('UInt') !== -1) { proto[name.replace('UInt', 'Uint')] = fn; }
}

function fixed(suffix, n, min, max, big) {
  var read = original('read' + suffix), write = original('write' + suffix);
  alias('read' + suffix, Object.defineProperty(function (offset) {
    if (offset === undefined) { offset = 0; }
    checkBounds(this, offset, n);
    return read.call(this, offset);
  }, 'name', { value: 'read' + suffix }));
  alias('write' + suffix, Object.defineProperty(function (value, offset) {
    if (offset === undefined) { offset = 0; }
    if (!big) { value = +value; }
    if (min !== undefined) { checkValue(value, min, max, n); }
    checkBounds(this, offset, n);
    return write.call(this, big || min === undefined ? value : Math.trunc(value), offset);
  }, 'name', { value: 'write' + suffix }));
}

fixed('UInt8', 1, 0, 0xff);
fixed('Int8', 1, -0x80, 0x7f);
['LE', 'BE'].forEach(function (e) {
  fixed('UInt16' + e, 2, 0, 0xffff);
  fixed('Int16' + e, 2, -0x8000, 0x7fff);
  fixed('UInt32' + e, 4, 0, 0xffffffff);
  fixed('Int32' + e, 4, -0x80000000, 0x7fffffff);
  floating('Float' + e, 4, e === 'LE');
  floating('Double' + e, 8, e === 'LE');
  fixed('BigUInt64' + e, 8, BigInt(0), (BigInt(1) << BigInt(64)) - BigInt(1), true);
  fixed('BigInt64' + e, 8, -(BigInt(1) << BigInt(63)), (BigInt(1) << BigInt(63)) - BigInt(1), true);
});

function floating(suffix, n, little) {
  function view(b) { return new DataView(b.buffer, b.byteOffset, b.byteLength); }
  alias('read' + suffix, Object.defineProperty(function (offset) {
    if (offset === undefined) { offset = 0; }
    checkBounds(this, offset, n);
    return n === 4 ? view(this).getFloat32(offset, little) : view(this).getFloat64(offset, little);
  }, 'name', { value: 'read' + suffix }));
  alias('write' + suffix, Object.defineProperty(function (value, offset) {
    if (offset === undefined) { offset = 0; }
    value = +value;
    checkBounds(this, offset, n);
    if (value !== value) {
      // NaN as V8 writes it (the quiet NaN with no payload)
      var nan = n === 4 ? [0x7f, 0xc0, 0, 0] : [0x7f, 0xf8, 0, 0, 0, 0, 0, 0];
      for (var i = 0; i < n; i++) { this[offset + (little ? n - 1 - i : i)] = nan[i]; }
      return offset + n;
    }
    if (n === 4) { view(this).setFloat32(offset, value, little); } else { view(this).setFloat64(offset, value, little); }
    return offset + n;
  }, 'name', { value: 'write' + suffix }));
}

function variable(suffix, signed) {
  var read = original('read' + suffix), write = original('write' + suffix);
  function checkLength(byteLength) {
    if (!(Number.isInteger(byteLength) && byteLength >= 1 && byteLength <= 6)) { boundsError(byteLength, 6, 'byteLength'); }
  }
  alias('read' + suffix, Object.defineProperty(function (offset, byteLength) {
    if (offset === undefined) { throw errors.invalidArgType('offset', 'number', offset); }
    checkLength(byteLength);
    checkBounds(this, offset, byteLength);
    return read.call(this, offset, byteLength);
  }, 'name', { value: 'read' + suffix }));
  alias('write' + suffix, Object.defineProperty(function (value, offset, byteLength) {
    checkLength(byteLength);
    value = +value;
    var bits = byteLength * 8;
    var min = signed ? -Math.pow(2, bits - 1) : 0;
    var max = signed ? Math.pow(2, bits - 1) - 1 : Math.pow(2, bits) - 1;
    checkValue(value, min, max, byteLength);
    checkBounds(this, offset, byteLength);
    return write.call(this, Math.trunc(value), offset, byteLength);
  }, 'name', { value: 'write' + suffix }));
}
variable('UIntLE', false);
variable('UIntBE', false);
variable('IntLE', true);
variable('IntBE', true);
