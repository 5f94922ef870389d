'use strict';
// crypto: Node's crypto module as far as Go's crypto packages take it
// (mod_crypto.go): random bytes, integers, UUIDs and fills, hashes and
// HMACs (also as Transform streams, made when first used as one),
// pbkdf2, hkdf, timingSafeEqual and webcrypto.getRandomValues. Ciphers,
// signatures and keys throw ERR_METHOD_NOT_IMPLEMENTED when called.

var native = binding('crypto');
var errors = require('./errors');
var codedError = errors.codedError;

var kMaxPossibleLength = Math.min(require('buffer').kMaxLength, 2147483647);
var RAND_MAX = 0xFFFFFFFFFFFF;

function viewBytes(v) { return Buffer.from(v.buffer, v.byteOffset, v.byteLength); }

function toBuf(v, name, encoding) {
  if (typeof v === 'string') { return Buffer.from(v, encoding); }
  if (ArrayBuffer.isView(v)) { return viewBytes(v); }
  if (v instanceof ArrayBuffer) { return Buffer.from(v); }
  throw errors.invalidArgType(name, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], v);
}

function assertSize(size, elementSize, offset, length) {
  errors.validateNumber(size, 'size');
  size *= elementSize;
  if (Number.isNaN(size) || size > kMaxPossibleLength || size < 0) {
    throw errors.outOfRange('size', '>= 0 && <= ' + kMaxPossibleLength, size);
  }
  if (size + offset > length) {
    throw errors.outOfRange('size + offset', '<= ' + length, size + offset);
  }
  return size >>> 0;
}

function assertOffset(offset, elementSize, length) {
  errors.validateNumber(offset, 'offset');
  offset *= elementSize;
  var maxLength = Math.min(length, kMaxPossibleLength);
  if (Number.isNaN(offset) || offset > maxLength || offset < 0) {
    throw errors.outOfRange('offset', '>= 0 && <= ' + maxLength, offset);
  }
  return offset >>> 0;
}

// later calls cb(args) after the current callback, as a result from
// Node's thread pool would come.
function later(cb) {
  var args = Array.prototype.slice.call(arguments, 1);
  setImmediate(function () { cb.apply(undefined, args); });
}

function randomBytes(size, callback) {
  size = assertSize(size, 1, 0, Infinity);
  if (callback !== undefined) { errors.validateFunction(callback, 'callback'); }
  var buf = Buffer.alloc(size);
  native.randomFill(buf);
  if (callback === undefined) { return buf; }
  later(callback, null, buf);
}

function isAnyArrayBuffer(v) { return v instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer); }

function randomFillSync(buf, offset, size) {
  if (!isAnyArrayBuffer(buf) && !ArrayBuffer.isView(buf)) {
    throw errors.invalidArgType('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
  var elementSize = buf.BYTES_PER_ELEMENT || 1;
  if (offset === undefined) { offset = 0; }
  offset = assertOffset(offset, elementSize, buf.byteLength);
  if (size === undefined) {
    size = buf.byteLength - offset;
  } else {
    size = assertSize(size, elementSize, offset, buf.byteLength);
  }
  if (size === 0) { return buf; }
  var bytes = isAnyArrayBuffer(buf) ? Buffer.from(buf, offset, size) : Buffer.from(buf.buffer, buf.byteOffset + offset, size);
  native.randomFill(bytes);
  return buf;
}

function randomFill(buf, offset, size, callback) {
  if (!isAnyArrayBuffer(buf) && !ArrayBuffer.isView(buf)) {
    throw errors.invalidArgType('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
  if (typeof offset === 'function') {
    callback = offset;
    offset = 0;
    size = undefined;
  } else if (typeof size === 'function') {
    callback = size;
    size = undefined;
  }
  errors.validateFunction(callback, 'callback');
  randomFillSync(buf, offset, size);
  later(callback, null, buf);
}

function randomInt(min, max, callback) {
  var minNotSpecified = typeof max === 'undefined' || typeof max === 'function';
  if (minNotSpecified) {
    callback = max;
    max = min;
    min = 0;
  }
  var isSync = typeof callback === 'undefined';
  if (!isSync) { errors.validateFunction(callback, 'callback'); }
  if (!Number.isSafeInteger(min)) { throw errors.invalidArgType('min', 'a safe integer', min); }
  if (!Number.isSafeInteger(max)) { throw errors.invalidArgType('max', 'a safe integer', max); }
  if (max <= min) {
    throw errors.outOfRange('max', 'greater than the value of "min" (' + min + ')', max);
  }
  var range = max - min;
  if (!(range <= RAND_MAX)) {
    throw errors.outOfRange('max' + (minNotSpecified ? '' : ' - min'), '<= ' + RAND_MAX, range);
  }
  var randLimit = RAND_MAX - (RAND_MAX % range);
  var n;
  for (;;) {
    var x = randomBytes(6).readUIntBE(0, 6);
    if (x < randLimit) { n = (x % range) + min; break; }
  }
  if (isSync) { return n; }
  later(callback, undefined, n);
}

var hex = [];
for (var i = 0; i < 256; i++) { hex.push((i + 0x100).toString(16).slice(1)); }

function randomUUID(options) {
  if (options !== undefined) {
    errors.validateObject(options, 'options');
    if (options.disableEntropyCache !== undefined && typeof options.disableEntropyCache !== 'boolean') {
      throw errors.invalidArgType('options.disableEntropyCache', 'boolean', options.disableEntropyCache);
    }
  }
  var b = randomBytes(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  return hex[b[0]] + hex[b[1]] + hex[b[2]] + hex[b[3]] + '-' + hex[b[4]] + hex[b[5]] + '-' +
    hex[b[6]] + hex[b[7]] + '-' + hex[b[8]] + hex[b[9]] + '-' +
    hex[b[10]] + hex[b[11]] + hex[b[12]] + hex[b[13]] + hex[b[14]] + hex[b[15]];
}

function domException(name, code, message) {
  var Ctor = typeof DOMException === 'function' ? DOMException : null;
  if (Ctor) { return new Ctor(message, name); }
  var e = new Error(message);
  Object.defineProperty(e, 'name', { value: name, configurable: true, writable: true });
  Object.defineProperty(e, 'code', { value: code, configurable: true, writable: true });
  return e;
}

function getRandomValues(data) {
  if (!ArrayBuffer.isView(data) || data instanceof Float32Array || data instanceof Float64Array || data instanceof DataView) {
    throw domException('TypeMismatchError', 17, 'The data argument must be an integer-type TypedArray');
  }
  if (data.byteLength > 65536) {
    throw domException('QuotaExceededError', 22, 'The requested length exceeds 65,536 bytes');
  }
  native.randomFill(viewBytes(data));
  return data;
}

// LazyTransform: Hash and Hmac are Transform streams, made one (stream
// loaded, the state initialized) when first used as one.
function LazyTransform(options) { this._options = options; }
var streamMethods = ['write', 'end', 'pipe', 'unpipe', 'on', 'addListener', 'once', 'prependListener',
  'prependOnceListener', 'removeListener', 'off', 'removeAllListeners', 'emit', 'listeners', 'listenerCount',
  'read', 'setEncoding', 'destroy', 'cork', 'uncork', 'pause', 'resume', 'isPaused', 'push', 'unshift',
  'setDefaultEncoding', 'eventNames', 'rawListeners', 'getMaxListeners', 'setMaxListeners'];
streamMethods.forEach(function (name) {
  LazyTransform.prototype[name] = function () {
    var Transform = require('stream').Transform;
    if (Object.getPrototypeOf(LazyTransform.prototype) !== Transform.prototype) {
      Object.setPrototypeOf(LazyTransform.prototype, Transform.prototype);
    }
    if (this._readableState === undefined) { Transform.call(this, this._options); }
    return Transform.prototype[name].apply(this, arguments);
  };
});
LazyTransform.prototype._transform = function _transform(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
};
LazyTransform.prototype._flush = function _flush(callback) {
  // as Node's: the handle's digest, so that digest() may still be called
  this.push(native.digest(this._handle));
  callback();
};

function Hash(algorithm, options) {
  if (!(this instanceof Hash)) { return new Hash(algorithm, options); }
  var handle;
  if (algorithm instanceof Hash) {
    handle = algorithm._handle;
  } else {
    errors.validateString(algorithm, 'algorithm');
    handle = native.hash(algorithm);
    if (handle === null) { throw new Error('Digest method not supported'); }
  }
  Object.defineProperty(this, '_handle', { value: handle, writable: true });
  this._finalized = false;
  LazyTransform.call(this, options);
}
Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);

function update(self, data, encoding) {
  if (self._finalized) { throw codedError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called'); }
  if (typeof data === 'string') {
    data = Buffer.from(data, encoding);
  } else if (ArrayBuffer.isView(data)) {
    data = viewBytes(data);
  } else {
    throw errors.invalidArgType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  native.update(self._handle, data);
  return self;
}

function output(buf, encoding) {
  if (encoding === undefined || encoding === 'buffer') { return buf; }
  return buf.toString(encoding);
}

Hash.prototype.update = function (data, encoding) { return update(this, data, encoding); };
Hash.prototype.digest = function digest(outputEncoding) {
  if (this._finalized) { throw codedError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called'); }
  this._finalized = true;
  return output(native.digest(this._handle), outputEncoding);
};
Hash.prototype.copy = function copy(options) {
  if (this._finalized) { throw codedError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called'); }
  var h = Object.create(Hash.prototype);
  Object.defineProperty(h, '_handle', { value: native.copy(this._handle), writable: true });
  h._finalized = false;
  LazyTransform.call(h, options);
  return h;
};

function prepareKey(key) {
  if (typeof key === 'string') { return Buffer.from(key, 'utf8'); }
  if (ArrayBuffer.isView(key)) { return viewBytes(key); }
  if (key instanceof ArrayBuffer) { return Buffer.from(key); }
  if (key !== null && typeof key === 'object' && key.type === 'secret' && typeof key.export === 'function') { return key.export(); }
  throw errors.invalidArgType('key', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'string', 'KeyObject', 'CryptoKey'], key);
}

function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) { return new Hmac(hmac, key, options); }
  errors.validateString(hmac, 'hmac');
  key = prepareKey(key);
  var handle = native.hmac(hmac, key);
  if (handle === null) { throw codedError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest: ' + hmac); }
  Object.defineProperty(this, '_handle', { value: handle, writable: true });
  this._finalized = false;
  LazyTransform.call(this, options);
}
Object.setPrototypeOf(Hmac.prototype, LazyTransform.prototype);
Hmac.prototype.update = Hash.prototype.update;
Hmac.prototype.digest = function digest(outputEncoding) {
  if (this._finalized) { return output(Buffer.alloc(0), outputEncoding); }
  this._finalized = true;
  return output(native.digest(this._handle), outputEncoding);
};

function checkDigest(digest) {
  errors.validateString(digest, 'digest');
  if (!native.supported(digest)) { throw codedError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest: ' + digest); }
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  password = toBuf(password, 'password');
  salt = toBuf(salt, 'salt');
  errors.validateInteger(iterations, 'iterations', 1, 2147483647);
  errors.validateInteger(keylen, 'keylen', 0, 2147483647);
  checkDigest(digest);
  return native.pbkdf2(password, salt, iterations, keylen, digest);
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  errors.validateFunction(callback, 'callback');
  var key = pbkdf2Sync(password, salt, iterations, keylen, digest);
  later(callback, null, key);
}

function hkdfSync(digest, ikm, salt, info, keylen) {
  checkDigest(digest);
  ikm = prepareKey(ikm);
  salt = toBuf(salt, 'salt');
  info = toBuf(info, 'info');
  errors.validateInteger(keylen, 'length', 0, 2147483647);
  if (info.length > 1024) {
    throw errors.outOfRange('info', 'must not contain more than 1024 bytes', info.length);
  }
  var out = native.hkdf(digest, ikm, salt, info, keylen);
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.length);
}

function hkdf(digest, ikm, salt, info, keylen, callback) {
  errors.validateFunction(callback, 'callback');
  var key = hkdfSync(digest, ikm, salt, info, keylen);
  later(callback, null, key);
}

function timingSafeEqual(buf1, buf2) {
  if (!ArrayBuffer.isView(buf1) && !isAnyArrayBuffer(buf1)) {
    throw errors.invalidArgType('buf1', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], buf1);
  }
  if (!ArrayBuffer.isView(buf2) && !isAnyArrayBuffer(buf2)) {
    throw errors.invalidArgType('buf2', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], buf2);
  }
  var a = isAnyArrayBuffer(buf1) ? Buffer.from(buf1) : viewBytes(buf1);
  var b = isAnyArrayBuffer(buf2) ? Buffer.from(buf2) : viewBytes(buf2);
  if (a.length !== b.length) {
    throw codedError(RangeError, 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length');
  }
  return native.timingSafeEqual(a, b);
}

function notImplemented(name) {
  var f = function () { throw errors.notImplemented(name + '()'); };
  Object.defineProperty(f, 'name', { value: name });
  return f;
}

exports.createHash = function createHash(algorithm, options) { return new Hash(algorithm, options); };
exports.createHmac = function createHmac(hmac, key, options) { return new Hmac(hmac, key, options); };
exports.getHashes = function getHashes() { return native.hashes(); };
exports.getCiphers = function getCiphers() { return []; };
exports.getCurves = function getCurves() { return []; };
exports.getFips = function getFips() { return 0; };
exports.hkdf = hkdf;
exports.hkdfSync = hkdfSync;
exports.pbkdf2 = pbkdf2;
exports.pbkdf2Sync = pbkdf2Sync;
exports.randomBytes = randomBytes;
exports.pseudoRandomBytes = randomBytes;
exports.prng = randomBytes;
exports.rng = randomBytes;
exports.randomFill = randomFill;
exports.randomFillSync = randomFillSync;
exports.randomInt = randomInt;
exports.randomUUID = randomUUID;
exports.timingSafeEqual = timingSafeEqual;
exports.getRandomValues = function (data) { return getRandomValues(data); };
exports.Hash = Hash;
exports.Hmac = Hmac;
exports.constants = {};
['createCipheriv', 'createDecipheriv', 'createDiffieHellman', 'createDiffieHellmanGroup', 'createECDH',
  'createPrivateKey', 'createPublicKey', 'createSecretKey', 'createSign', 'createVerify', 'diffieHellman',
  'generatePrime', 'generatePrimeSync', 'checkPrime', 'checkPrimeSync', 'getDiffieHellman', 'getCipherInfo',
  'generateKeyPair', 'generateKeyPairSync', 'generateKey', 'generateKeySync', 'privateDecrypt',
  'privateEncrypt', 'publicDecrypt', 'publicEncrypt', 'scrypt', 'scryptSync', 'sign', 'verify', 'setEngine',
  'setFips', 'secureHeapUsed'].forEach(function (name) {
  exports[name] = notImplemented(name);
});

var subtle = {};
['encrypt', 'decrypt', 'sign', 'verify', 'digest', 'generateKey', 'deriveKey', 'deriveBits', 'importKey',
  'exportKey', 'wrapKey', 'unwrapKey'].forEach(function (name) {
  subtle[name] = function () { return Promise.reject(errors.notImplemented('SubtleCrypto.' + name + '()')); };
});
exports.subtle = subtle;
exports.webcrypto = {
  getRandomValues: function (data) { return getRandomValues(data); },
  randomUUID: randomUUID,
  subtle: subtle
};
