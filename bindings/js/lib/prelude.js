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
  Buffer.byteLength = function (s, enc) {
    if (typeof s === 'string') { return Buffer.from(s, enc).length; }
    return s.byteLength;
  };
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
