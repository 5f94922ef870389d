// A small stand-in for Node's test/common (test/common/index.js), with what
// Node's dgram tests use: mustCall, mustCallAtLeast, mustNotCall,
// mustSucceed, skip, invalidArgTypeHelper, getArrayBufferViews and the
// platform flags. Like Node's, mustCall checks at exit that each wrapped
// function was called exactly as often as asked.
'use strict';
var assert = require('assert');

var checks = [];

// Node's tests use Buffer.allocUnsafe; until dgramjs's Buffer has it
// (issue #10), Buffer.alloc stands in (the tests overwrite or ignore the
// bytes).
if (typeof Buffer.allocUnsafe !== 'function') { Buffer.allocUnsafe = Buffer.alloc; }

function mustCall(fn, exact) {
  if (typeof fn === 'number') { exact = fn; fn = undefined; }
  return track(fn, exact === undefined ? 1 : exact, false);
}

// track counts the calls of a wrapper of fn, checked at exit: exactly
// n calls, or at least n.
function track(fn, n, atLeast) {
  var c = { exact: n, atLeast: atLeast, actual: 0, name: (fn && fn.name) || '<anonymous>' };
  checks.push(c);
  return function () {
    c.actual++;
    if (fn) { return fn.apply(this, arguments); }
  };
}

exports.mustCall = mustCall;

exports.mustCallAtLeast = function (fn, minimum) {
  if (typeof fn === 'number') { minimum = fn; fn = undefined; }
  return track(fn, minimum === undefined ? 1 : minimum, true);
};

exports.mustNotCall = function (msg) {
  return function mustNotCall() {
    assert.fail(msg || 'function should not have been called');
  };
};

exports.mustSucceed = function (fn, exact) {
  return mustCall(function (err) {
    assert.ifError(err);
    if (fn) { return fn.apply(this, Array.prototype.slice.call(arguments, 1)); }
  }, exact);
};

exports.localhostIPv4 = '127.0.0.1';
exports.hasIPv6 = true;
exports.isWindows = false;
exports.isLinux = process.platform === 'linux';
exports.inFreeBSDJail = false;

exports.printSkipMessage = function (msg) { console.log('1..0 # Skipped: ' + msg); };
exports.skip = function (msg) { exports.printSkipMessage(msg); process.exit(0); };

// invalidArgTypeHelper is the " Received ..." tail of Node's
// ERR_INVALID_ARG_TYPE message for input.
exports.invalidArgTypeHelper = function (input) {
  if (input === null || input === undefined) { return ' Received ' + input; }
  if (typeof input === 'function') { return ' Received function ' + input.name; }
  if (typeof input === 'object') {
    if (input.constructor && input.constructor.name) { return ' Received an instance of ' + input.constructor.name; }
    return ' Received ' + require('util').inspect(input, { depth: -1 });
  }
  var shown = require('util').inspect(input);
  if (shown.length > 28) { shown = shown.slice(0, 25) + '...'; }
  return ' Received type ' + typeof input + ' (' + shown + ')';
};

// getArrayBufferViews is buf's bytes in each kind of view whose byte
// length divides buf's.
exports.getArrayBufferViews = function (buf) {
  var ab = buf.buffer, off = buf.byteOffset, len = buf.byteLength;
  var kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array,
    Int32Array, Uint32Array, Float32Array, Float64Array, DataView];
  if (typeof BigInt64Array === 'function') { kinds.push(BigInt64Array, BigUint64Array); }
  var out = [];
  kinds.forEach(function (K) {
    var size = K.BYTES_PER_ELEMENT || 1;
    if (len % size === 0) { out.push(new K(ab, off, len / size)); }
  });
  return out;
};

process.on('exit', function (code) {
  if (code !== 0) { return; }
  checks.forEach(function (c) {
    if (c.atLeast ? c.actual < c.exact : c.actual !== c.exact) {
      assert.fail('Mismatched ' + c.name + ' function calls. Expected ' + (c.atLeast ? 'at least ' : 'exactly ') + c.exact + ', actual ' + c.actual + '.');
    }
  });
});
