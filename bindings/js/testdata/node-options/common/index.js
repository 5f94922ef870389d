// A minimal stand-in for Node's test/common, enough for Node's own dgram
// tests of setMulticastInterface, ipv6Only, reusePort, sendto and
// createSocket's buffer sizes to run under dgramjs (README.md says how).
// Written for dgramkit; not Node's.
'use strict';
var assert = require('assert');

var pending = [];

// mustCall wraps fn (optional) and fails the run at exit unless the
// wrapper was called exactly n times (default 1).
function mustCall(fn, n) {
  if (typeof fn === 'number') { n = fn; fn = undefined; }
  var c = { want: n === undefined ? 1 : n, got: 0, name: (fn && fn.name) || '<anonymous>' };
  pending.push(c);
  return function () {
    c.got++;
    if (fn) { return fn.apply(this, arguments); }
  };
}

// mustNotCall returns a function that fails the run when called.
function mustNotCall(why) {
  return function () { assert.fail('function should not have been called' + (why ? ': ' + why : '')); };
}

// mustSucceed is mustCall of a callback whose first argument must be null.
function mustSucceed(fn, n) {
  return mustCall(function (err) {
    assert.ifError(err);
    if (fn) { return fn.apply(this, Array.prototype.slice.call(arguments, 1)); }
  }, n);
}

// expectsError asserts that fn throws an error matching settings: code,
// type (its class), name, message (a string or a RegExp).
function expectsError(fn, settings) {
  assert.throws(fn, function (e) {
    if (settings.code !== undefined) { assert.strictEqual(e.code, settings.code); }
    if (settings.type !== undefined) { assert.ok(e instanceof settings.type, 'not a ' + settings.type.name + ': ' + e); }
    if (settings.name !== undefined) { assert.strictEqual(e.name, settings.name); }
    if (settings.message instanceof RegExp) {
      assert.ok(settings.message.test(e.message), e.message + ' does not match ' + settings.message);
    } else if (settings.message !== undefined) {
      assert.strictEqual(e.message, settings.message);
    }
    return true;
  });
}

// skip reports why a test does not apply here and ends it successfully.
function skip(why) {
  console.log('1..0 # Skipped: ' + why);
  process.exit(0);
}

process.on('exit', function (code) {
  if (code !== 0) { return; }
  pending.forEach(function (c) {
    assert.strictEqual(c.got, c.want, 'Mismatched ' + c.name + ' function calls. Expected exactly ' +
      c.want + ', actual ' + c.got + '.');
  });
});

module.exports = {
  mustCall: mustCall,
  mustNotCall: mustNotCall,
  mustSucceed: mustSucceed,
  expectsError: expectsError,
  skip: skip,
  hasIPv6: true, // the tests run on Linux with ::1 (dgramkit's tests need it)
  isLinux: true,
  isWindows: false,
  isOSX: false,
  isAndroid: false,
  platformTimeout: function (ms) { return ms; },
};
