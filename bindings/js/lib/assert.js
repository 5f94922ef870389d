'use strict';
// assert: the subset of Node's assert IoT.js scripts use. A failure throws
// an AssertionError with code ERR_ASSERTION, actual, expected and operator.

function inspect(v) {
  if (typeof v === 'string') { return JSON.stringify(v); }
  if (typeof v === 'function') { return '[Function' + (v.name ? ': ' + v.name : ' (anonymous)') + ']'; }
  if (v instanceof Error) { return '[' + String(v) + ']'; }
  if (typeof Buffer !== 'undefined' && v instanceof Buffer) {
    return '<Buffer ' + Array.prototype.map.call(v, function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join(' ') + '>';
  }
  if (v !== null && typeof v === 'object') {
    try { return JSON.stringify(v); } catch (e) { return String(v); }
  }
  if (v === 0 && 1 / v < 0) { return '-0'; }
  return String(v);
}

function AssertionError(options) {
  var message = options.message;
  var generated = message === undefined;
  if (generated) {
    message = inspect(options.actual) + ' ' + options.operator + ' ' + inspect(options.expected);
  }
  var err = new Error(message);
  Object.setPrototypeOf(err, AssertionError.prototype);
  err.generatedMessage = generated;
  err.code = 'ERR_ASSERTION';
  err.actual = options.actual;
  err.expected = options.expected;
  err.operator = options.operator;
  return err;
}
AssertionError.prototype = Object.create(Error.prototype, {
  constructor: { value: AssertionError, writable: true, configurable: true },
  name: { value: 'AssertionError', writable: true, configurable: true },
  toString: {
    value: function () { return 'AssertionError [ERR_ASSERTION]: ' + this.message; },
    writable: true, configurable: true
  }
});

function fail(actual, expected, message, operator) {
  if (message instanceof Error) { throw message; }
  throw new AssertionError({ actual: actual, expected: expected, message: message, operator: operator });
}

function ok(value, message) {
  if (!value) {
    fail(value, true, message === undefined && arguments.length === 0 ? 'No value argument passed to `assert.ok()`' : message, '==');
  }
}

function assert(value, message) {
  ok.apply(null, arguments);
}
assert.ok = ok;
assert.AssertionError = AssertionError;

assert.fail = function (message) {
  if (message instanceof Error) { throw message; }
  throw new AssertionError({ message: message === undefined ? 'Failed' : message, operator: 'fail' });
};

assert.equal = function (actual, expected, message) {
  // eslint-disable-next-line eqeqeq
  if (!(actual == expected || (actual !== actual && expected !== expected))) { fail(actual, expected, message, '=='); }
};
assert.notEqual = function (actual, expected, message) {
  // eslint-disable-next-line eqeqeq
  if (actual == expected || (actual !== actual && expected !== expected)) { fail(actual, expected, message, '!='); }
};
assert.strictEqual = function (actual, expected, message) {
  if (!Object.is(actual, expected)) { fail(actual, expected, message, '==='); }
};
assert.notStrictEqual = function (actual, expected, message) {
  if (Object.is(actual, expected)) { fail(actual, expected, message, '!=='); }
};

function isBytes(v) { return ArrayBuffer.isView(v); }

function deepEq(a, b, strict, seen) {
  if (strict ? Object.is(a, b) : (a == b || (a !== a && b !== b))) { // eslint-disable-line eqeqeq
    return true;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return false;
  }
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) { return false; }
  if (a instanceof Date && b instanceof Date) { return a.getTime() === b.getTime(); }
  if (a instanceof RegExp && b instanceof RegExp) { return String(a) === String(b); }
  if (isBytes(a) || isBytes(b)) {
    if (!isBytes(a) || !isBytes(b) || a.byteLength !== b.byteLength) { return false; }
    var ua = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    var ub = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    for (var j = 0; j < ua.length; j++) { if (ua[j] !== ub[j]) { return false; } }
    return true;
  }
  if (Array.isArray(a) !== Array.isArray(b)) { return false; }
  for (var s = 0; s < seen.length; s++) {
    if (seen[s][0] === a && seen[s][1] === b) { return true; }
  }
  seen.push([a, b]);
  var ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) { return false; }
  for (var i = 0; i < ka.length; i++) {
    if (!Object.prototype.hasOwnProperty.call(b, ka[i])) { return false; }
    if (!deepEq(a[ka[i]], b[ka[i]], strict, seen)) { return false; }
  }
  return true;
}

assert.deepEqual = function (actual, expected, message) {
  if (!deepEq(actual, expected, false, [])) { fail(actual, expected, message, 'deepEqual'); }
};
assert.notDeepEqual = function (actual, expected, message) {
  if (deepEq(actual, expected, false, [])) { fail(actual, expected, message, 'notDeepEqual'); }
};
assert.deepStrictEqual = function (actual, expected, message) {
  if (!deepEq(actual, expected, true, [])) { fail(actual, expected, message, 'deepStrictEqual'); }
};
assert.notDeepStrictEqual = function (actual, expected, message) {
  if (deepEq(actual, expected, true, [])) { fail(actual, expected, message, 'notDeepStrictEqual'); }
};

// matches checks a thrown error against throws' expected: a class, a
// RegExp (on String(err)), a validation function, or an object whose
// properties must match (a RegExp matches a string property).
function matches(err, expected, message) {
  if (expected === undefined) { return; }
  if (expected instanceof RegExp) {
    if (!expected.test(String(err))) {
      fail(err, expected, message || 'The input did not match the regular expression ' + String(expected) + '. Input:\n\n' + inspect(String(err)) + '\n', 'throws');
    }
    return;
  }
  if (typeof expected === 'function') {
    if (expected.prototype !== undefined && err instanceof expected) { return; }
    if (Error.isPrototypeOf(expected) || expected === Error) {
      fail(err, expected, message || 'The error is expected to be an instance of "' + expected.name + '". Received ' + inspect(err), 'throws');
    }
    if (expected.call({}, err) !== true) {
      fail(err, expected, message || 'The validation function is expected to return "true". Received ' + inspect(err), 'throws');
    }
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    Object.keys(expected).forEach(function (k) {
      var want = expected[k], got = err === null || err === undefined ? undefined : err[k];
      var good = want instanceof RegExp && typeof got === 'string' ? want.test(got) : deepEq(got, want, true, []);
      if (!good) {
        fail(got, want, message || 'Expected values to be strictly deep-equal: property "' + k + '": ' + inspect(got) + ' !== ' + inspect(want), 'throws');
      }
    });
  }
}

assert.throws = function (fn, expected, message) {
  if (typeof fn !== 'function') {
    var e = new TypeError('The "fn" argument must be of type function. Received ' + inspect(fn));
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
  if (typeof expected === 'string') { message = expected; expected = undefined; }
  var threw = false, err;
  try { fn(); } catch (e2) { threw = true; err = e2; }
  if (!threw) {
    fail(undefined, expected, 'Missing expected exception' + (message ? ': ' + message : '.'), 'throws');
  }
  matches(err, expected, message);
};

assert.doesNotThrow = function (fn, message) {
  try { fn(); } catch (e) {
    fail(e, undefined, 'Got unwanted exception' + (typeof message === 'string' ? ': ' + message : '.') + '\nActual message: "' + (e && e.message) + '"', 'doesNotThrow');
  }
};

assert.ifError = function (err) {
  if (err !== null && err !== undefined) { throw err; }
};

assert.match = function (string, regexp, message) {
  if (typeof string !== 'string' || !regexp.test(string)) {
    fail(string, regexp, message || 'The input did not match the regular expression ' + String(regexp) + '. Input:\n\n' + inspect(string) + '\n', 'match');
  }
};

assert.strict = assert;

module.exports = assert;
