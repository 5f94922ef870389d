'use strict';
// The prelude completes goja_nodejs's Buffer, util and process for IoT.js
// scripts. It is called with the host's Go functions.
(function (native) {
  var EventEmitter = native.events;

  // Buffer: slice and subarray as views (Node's semantics).
  Buffer.prototype.slice = native.slice;
  Buffer.prototype.subarray = native.slice;
  // The encodings goja_nodejs lacks (ascii, latin1/binary, utf16le/ucs2,
  // base64url), allocUnsafe, and every size and length checked before an
  // allocation, read once (a getter may change it between reads).
  var nb = native.buffer;
  var GoBuffer = globalThis.Buffer;
  var proto = GoBuffer.prototype;
  var fromView = GoBuffer.from;

  function fromArrayLike(obj) {
    var len = obj.length;
    if (!(len > 0)) { return nb.alloc(0); }
    if (len > nb.maxLength) {
      throw new RangeError('Invalid typed array length: ' + len);
    }
    var b = nb.alloc(Math.floor(len));
    for (var i = 0; i < b.length; i++) { b[i] = obj[i]; }
    return b;
  }

  // Buffer(arg, encodingOrOffset, length) is Node's (deprecated)
  // constructor: Buffer.alloc for a number, else Buffer.from.
  var NodeBuffer = function Buffer(arg, encodingOrOffset, length) {
    if (typeof arg === 'number') { return nb.alloc(arg); }
    return NodeBuffer.from(arg, encodingOrOffset, length);
  };
  Object.getOwnPropertySymbols(GoBuffer).forEach(function (sym) {
    Object.defineProperty(NodeBuffer, sym, Object.getOwnPropertyDescriptor(GoBuffer, sym));
  });
  Object.setPrototypeOf(NodeBuffer, Object.getPrototypeOf(GoBuffer));
  NodeBuffer.prototype = proto;
  Object.defineProperty(proto, 'constructor', { value: NodeBuffer, writable: true, configurable: true });
  NodeBuffer.poolSize = 8192;
  NodeBuffer.from = function from(value, encodingOrOffset, length) {
    if (typeof value === 'string') { return nb.from(value, encodingOrOffset); }
    if (typeof value === 'object' && value !== null) {
      if (value instanceof ArrayBuffer || (ArrayBuffer.isView(value) && value instanceof Uint8Array)) {
        return fromView.apply(this, arguments);
      }
      var valueOf = value.valueOf && value.valueOf();
      if (valueOf != null && valueOf !== value && (typeof valueOf === 'string' || typeof valueOf === 'object')) {
        return NodeBuffer.from(valueOf, encodingOrOffset, length);
      }
      if (value.length !== undefined || value.buffer instanceof ArrayBuffer) {
        return typeof value.length !== 'number' ? nb.alloc(0) : fromArrayLike(value);
      }
      if (value.type === 'Buffer' && Array.isArray(value.data)) { return fromArrayLike(value.data); }
      if (typeof value[Symbol.toPrimitive] === 'function') {
        var primitive = value[Symbol.toPrimitive]('string');
        if (typeof primitive === 'string') { return nb.from(primitive, encodingOrOffset); }
      }
    }
    throw native.error('TypeError', 'ERR_INVALID_ARG_TYPE', 'The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object. Received ' + describe(value));
  };
  NodeBuffer.alloc = function alloc(size, fill, encoding) { return nb.alloc(size, fill, encoding); };
  NodeBuffer.allocUnsafe = function allocUnsafe(size) { return nb.alloc(size); };
  NodeBuffer.allocUnsafeSlow = function allocUnsafeSlow(size) { return nb.alloc(size); };
  NodeBuffer.isEncoding = function isEncoding(encoding) { return nb.isEncoding(encoding); };
  NodeBuffer.isBuffer = function isBuffer(b) { return b instanceof NodeBuffer; };
  NodeBuffer.byteLength = function byteLength(s, enc) {
    if (typeof s === 'string') { return nb.byteLength(s, enc); }
    if (s === null || typeof s !== 'object' || typeof s.byteLength !== 'number') {
      throw native.error('TypeError', 'ERR_INVALID_ARG_TYPE', 'The "string" argument must be of type string or an instance of Buffer or ArrayBuffer. Received ' + describe(s));
    }
    return s.byteLength;
  };
  NodeBuffer.concat = function concat(list, length) {
    if (!Array.isArray(list)) {
      throw native.error('TypeError', 'ERR_INVALID_ARG_TYPE', 'The "list" argument must be an instance of Array. Received ' + describe(list));
    }
    var n = list.length;
    if (n === 0) { return nb.alloc(0); }
    if (length === undefined) {
      // The total of the items up to the first that is not a Buffer or
      // Uint8Array, where the copy below throws (a sparse list of length
      // 2**32-1 throws at its first hole, without a walk of its length).
      length = 0;
      for (var i = 0; i < n; i++) {
        var item = list[i];
        if (!(item instanceof Uint8Array)) { break; }
        length += item.length;
      }
    }
    var buffer = nb.alloc(length); // checks the length before the allocation
    var pos = 0;
    for (var j = 0; j < n; j++) {
      var buf = list[j];
      if (!(buf instanceof Uint8Array)) {
        throw native.error('TypeError', 'ERR_INVALID_ARG_TYPE', 'The "list[' + j + ']" argument must be an instance of Buffer or Uint8Array. Received ' + describe(buf));
      }
      if (pos === buffer.length) { continue; }
      var part = Uint8Array.prototype.subarray.call(buf, 0, buffer.length - pos);
      Uint8Array.prototype.set.call(buffer, part, pos);
      pos += part.length;
    }
    return buffer;
  };
  proto.toString = function toString(encoding, start, end) {
    return nb.toString(this, encoding, start, end);
  };
  proto.write = function write(string, offset, length, encoding) {
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
  globalThis.Buffer = NodeBuffer;
  require('buffer').Buffer = NodeBuffer;
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

  // process: an EventEmitter with argv, exit and nextTick (exitCode is the
  // host's accessor).
  Object.setPrototypeOf(process, EventEmitter.prototype);
  EventEmitter.call(process);
  process.argv = Array.prototype.slice.call(native.argv);
  process.exit = native.exit;
  process.nextTick = native.nextTick;
  process.platform = 'linux';
  process.title = 'dgramjs';
})
