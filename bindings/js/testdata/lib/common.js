// Helpers of the conformance scripts (not a test itself).
var assert = require('assert');

var checks = [];

// mustCall returns fn wrapped so that the run fails at exit unless it was
// called exactly n times (default 1).
exports.mustCall = function (fn, n) {
  var c = { n: n === undefined ? 1 : n, got: 0, name: (fn && fn.name) || '<anonymous>' };
  checks.push(c);
  return function () {
    c.got++;
    if (fn) { return fn.apply(this, arguments); }
  };
};

// mustNotCall returns a function that fails the run when called.
exports.mustNotCall = function (what) {
  return function () { assert.fail('must not be called: ' + what); };
};

// throwsCode asserts that fn throws an error of class name with code, and
// message when given.
exports.throwsCode = function (fn, name, code, message) {
  assert.throws(fn, function (e) {
    assert.strictEqual(e.name, name);
    assert.strictEqual(e.code, code);
    if (message !== undefined) { assert.strictEqual(e.message, message); }
    return true;
  });
};

process.on('exit', function (code) {
  if (code !== 0) { return; }
  checks.forEach(function (c) {
    assert.strictEqual(c.got, c.n, c.name + ' was called ' + c.got + ' times, want ' + c.n);
  });
});
