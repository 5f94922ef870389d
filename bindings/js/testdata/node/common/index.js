// A small stand-in for Node's test/common (test/common/index.js), with what
// the Node dgram tests under ../parallel use: mustCall, mustNotCall,
// mustSucceed, localhostIPv4 and hasIPv6. Like Node's, mustCall checks at
// exit that each wrapped function was called exactly as often as asked.
// The Node module tests (node_modules_test.go: buffer, util, events, os,
// crypto, stream, path, url, querystring, string_decoder) use it too, and
// the rest of what they take from test/common is below it, as Node's
// test/common/index.js has it: mustCallAtLeast, expectsError,
// expectWarning, invalidArgTypeHelper, skip, the platform flags, and the
// view helpers.
'use strict';
var assert = require('assert');

var checks = [];

// Node's tests use Buffer.allocUnsafe; until dgramjs's Buffer has it
// (issue #10), Buffer.alloc stands in (the tests overwrite or ignore the
// bytes).
if (typeof Buffer.allocUnsafe !== 'function') { Buffer.allocUnsafe = Buffer.alloc; }

function mustCall(fn, exact) {
  return mustCallInner(fn, exact, 'exact');
}

function mustCallAtLeast(fn, minimum) {
  return mustCallInner(fn, minimum, 'minimum');
}

function mustCallInner(fn, count, field) {
  if (typeof fn === 'number') { count = fn; fn = undefined; }
  var c = { field: field, count: count === undefined ? 1 : count, actual: 0, name: (fn && fn.name) || '<anonymous>' };
  checks.push(c);
  return function () {
    c.actual++;
    if (fn) { return fn.apply(this, arguments); }
  };
}

exports.mustCall = mustCall;
exports.mustCallAtLeast = mustCallAtLeast;

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

process.on('exit', function (code) {
  if (code !== 0) { return; }
  checks.forEach(function (c) {
    if (c.field === 'exact' ? c.actual !== c.count : c.actual < c.count) {
      assert.fail('Mismatched ' + c.name + ' function calls. Expected ' + (c.field === 'exact' ? 'exactly ' : 'at least ') + c.count + ', actual ' + c.actual + '.');
    }
  });
});

// What the Node module tests use besides.

exports.isWindows = process.platform === 'win32';
exports.isMacOS = process.platform === 'darwin';
exports.isLinux = process.platform === 'linux';
exports.inFreeBSDJail = false;
exports.isAIX = process.platform === 'aix';
exports.isSunOS = process.platform === 'sunos';
exports.isIBMi = false;
exports.isDebug = false;
exports.hasCrypto = true;
exports.hasIntl = typeof Intl === 'object' && Intl !== null;
exports.hasOpenSSL3 = true;
exports.enoughTestMem = false;

exports.platformTimeout = function (ms) { return ms; };

exports.printSkipMessage = function (msg) {
  console.log('1..0 # Skipped: ' + msg);
};

exports.skip = function (msg) {
  exports.printSkipMessage(msg);
  process.exit(0);
};

exports.skipIf32Bits = function () {};

exports.expectsError = function (validator, exact) {
  return mustCall(function () {
    if (arguments.length !== 1) {
      assert.fail('Expected one argument, got ' + arguments.length);
    }
    var error = arguments[0];
    assert.strictEqual(Object.prototype.propertyIsEnumerable.call(error, 'message'), false);
    assert.throws(function () { throw error; }, validator);
    return true;
  }, exact);
};

exports.invalidArgTypeHelper = function (input) {
  var inspect = require('util').inspect;
  if (input == null) {
    return ' Received ' + input;
  }
  if (typeof input === 'function') {
    return ' Received function ' + input.name;
  }
  if (typeof input === 'object') {
    if (input.constructor && input.constructor.name) {
      return ' Received an instance of ' + input.constructor.name;
    }
    return ' Received ' + inspect(input, { depth: -1 });
  }
  var inspected = inspect(input, { colors: false });
  if (inspected.length > 28) { inspected = inspected.slice(0, 25) + '...'; }
  return ' Received type ' + typeof input + ' (' + inspected + ')';
};

var catchWarning;

function expectWarningOf(name, expected, code) {
  if (typeof expected === 'string') {
    expected = [[expected, code]];
  } else if (!Array.isArray(expected)) {
    expected = Object.keys(expected).map(function (k) { return [expected[k], k]; });
  } else if (expected.length !== 0 && !Array.isArray(expected[0])) {
    expected = [[expected[0], expected[1]]];
  }
  return mustCall(function (warning) {
    var e = expected.shift();
    if (!e) {
      assert.fail('Unexpected extra warning received: ' + warning);
    }
    assert.strictEqual(warning.name, name);
    if (typeof e[0] === 'string') {
      assert.strictEqual(warning.message, e[0]);
    } else {
      assert.match(warning.message, e[0]);
    }
    assert.strictEqual(warning.code, e[1]);
  }, expected.length);
}

exports.expectWarning = function (nameOrMap, expected, code) {
  if (catchWarning === undefined) {
    catchWarning = {};
    process.on('warning', function (warning) {
      if (!catchWarning[warning.name]) {
        throw new TypeError('"' + warning.name + '" was triggered without being expected.');
      }
      catchWarning[warning.name](warning);
    });
  }
  if (typeof nameOrMap === 'string') {
    catchWarning[nameOrMap] = expectWarningOf(nameOrMap, expected, code);
  } else {
    Object.keys(nameOrMap).forEach(function (name) {
      catchWarning[name] = expectWarningOf(name, nameOrMap[name]);
    });
  }
};

exports.getArrayBufferViews = function (buf) {
  var out = [];
  var types = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
    Float32Array, Float64Array, BigInt64Array, BigUint64Array, DataView];
  if (typeof Float16Array === 'function') { types.splice(7, 0, Float16Array); }
  types.forEach(function (type) {
    var size = type.BYTES_PER_ELEMENT || 1;
    if (buf.byteLength % size === 0) {
      out.push(new type(buf.buffer, buf.byteOffset, buf.byteLength / size));
    }
  });
  return out;
};

exports.getBufferSources = function (buf) {
  return exports.getArrayBufferViews(buf).concat([new Uint8Array(buf).buffer]);
};
