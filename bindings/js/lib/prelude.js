'use strict';
// The prelude completes goja_nodejs's Buffer, util and process for IoT.js
// scripts. It is called with the host's Go functions.
(function (native) {
  var EventEmitter = native.events;

  // Buffer: slice and subarray as views (Node's semantics), isBuffer and
  // byteLength.
  Buffer.prototype.slice = native.slice;
  Buffer.prototype.subarray = native.slice;
  Buffer.isBuffer = function (b) { return b instanceof Buffer; };
  // The encodings goja_nodejs lacks (ascii, latin1/binary, utf16le/ucs2,
  // base64url), allocUnsafe, and sizes checked before an allocation.
  var nb = native.buffer;
  var from = Buffer.from;
  Buffer.from = function (value, encodingOrOffset, length) {
    if (typeof value === 'string') { return nb.from(value, encodingOrOffset); }
    return from.apply(this, arguments);
  };
  Buffer.alloc = function alloc(size, fill, encoding) { return nb.alloc(size, fill, encoding); };
  Buffer.allocUnsafe = function allocUnsafe(size) { return nb.alloc(size); };
  Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) { return nb.alloc(size); };
  Buffer.isEncoding = nb.isEncoding;
  Buffer.byteLength = function byteLength(s, enc) {
    if (typeof s === 'string') { return nb.byteLength(s, enc); }
    if (s === null || typeof s !== 'object' || typeof s.byteLength !== 'number') {
      throw native.error('TypeError', 'ERR_INVALID_ARG_TYPE', 'The "string" argument must be of type string or an instance of Buffer or ArrayBuffer. Received ' + describe(s));
    }
    return s.byteLength;
  };
  Buffer.prototype.toString = function toString(encoding, start, end) {
    return nb.toString(this, encoding, start, end);
  };
  Buffer.prototype.write = function write(string, offset, length, encoding) {
    if (typeof string !== 'string') {
      throw native.error('TypeError', 'ERR_INVALID_ARG_TYPE', 'The "string" argument must be of type string. Received ' + describe(string));
    }
    if (typeof offset === 'string') { // write(string, encoding)
      return nb.write(this, string, 0, undefined, offset);
    }
    if (typeof length === 'string') { // write(string, offset, encoding)
      return nb.write(this, string, offset === undefined ? 0 : offset, undefined, length);
    }
    return nb.write(this, string, offset === undefined ? 0 : offset, length, encoding);
  };
  require('buffer').constants = { MAX_LENGTH: nb.maxLength, MAX_STRING_LENGTH: (1 << 29) - 24 };
  require('buffer').kMaxLength = nb.maxLength;

  function describe(v) {
    if (v === null || v === undefined) { return String(v); }
    if (typeof v === 'function') { return 'function ' + v.name; }
    if (typeof v === 'object') {
      return 'an instance of ' + ((v.constructor && v.constructor.name) || 'Object');
    }
    var s = typeof v === 'symbol' ? v.toString() : String(v);
    if (typeof v === 'string') { s = "'" + (s.length > 28 ? s.slice(0, 25) + '...' : s) + "'"; }
    return 'type ' + typeof v + ' (' + s + (typeof v === 'bigint' ? 'n' : '') + ')';
  }

  // The clocks: process.hrtime ([seconds, nanoseconds], or the time since
  // an earlier reading), process.hrtime.bigint and performance.now, all
  // monotonic.
  process.hrtime = function hrtime(time) {
    var ns = nb.hrtime();
    var sec = Math.floor(ns / 1e9), nsec = ns % 1e9;
    if (time !== undefined) {
      if (!Array.isArray(time)) {
        throw native.error('TypeError', 'ERR_INVALID_ARG_TYPE', 'The "time" argument must be an instance of Array. Received ' + describe(time));
      }
      if (time.length !== 2) {
        throw native.error('RangeError', 'ERR_OUT_OF_RANGE', 'The value of "time" is out of range. It must be 2. Received ' + time.length);
      }
      sec -= time[0];
      nsec -= time[1];
      if (nsec < 0) { sec--; nsec += 1e9; }
    }
    return [sec, nsec];
  };
  process.hrtime.bigint = function bigint() { return BigInt(nb.hrtime()); };
  process.uptime = function uptime() { return nb.hrtime() / 1e9; };
  var performance = {
    now: function now() { return nb.hrtime() / 1e6; },
    timeOrigin: nb.timeOrigin
  };
  Object.defineProperty(globalThis, 'performance', { value: performance, writable: true, configurable: true, enumerable: true });

  Buffer.prototype.toJSON = function () {
    return { type: 'Buffer', data: Array.prototype.slice.call(this) };
  };

  // util.inherits, as IoT.js scripts use it.
  native.util.inherits = function (ctor, superCtor) {
    Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
    Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
  };

  // process: an EventEmitter with argv, exit and nextTick (exitCode is the
  // host's accessor).
  Object.setPrototypeOf(process, EventEmitter.prototype);
  EventEmitter.call(process);
  process.argv = Array.prototype.slice.call(native.argv);
  process.exit = native.exit;
  process.nextTick = native.tick;
  process.platform = 'linux';
  process.title = 'dgramjs';
})
