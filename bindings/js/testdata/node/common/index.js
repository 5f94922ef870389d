// A small stand-in for Node's test/common (test/common/index.js), with what
// the Node dgram tests under ../parallel use: mustCall, mustNotCall,
// mustSucceed, localhostIPv4 and hasIPv6. Like Node's, mustCall checks at
// exit that each wrapped function was called exactly as often as asked.
'use strict';
var assert = require('assert');

var checks = [];

// Node's tests use Buffer.allocUnsafe; until dgramjs's Buffer has it
// (issue #10), Buffer.alloc stands in (the tests overwrite or ignore the
// bytes).
if (typeof Buffer.allocUnsafe !== 'function') { Buffer.allocUnsafe = Buffer.alloc; }

function mustCall(fn, exact) {
  if (typeof fn === 'number') { exact = fn; fn = undefined; }
  var c = { exact: exact === undefined ? 1 : exact, actual: 0, name: (fn && fn.name) || '<anonymous>' };
  checks.push(c);
  return function () {
    c.actual++;
    if (fn) { return fn.apply(this, arguments); }
  };
}

exports.mustCall = mustCall;

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
    if (c.actual !== c.exact) {
      assert.fail('Mismatched ' + c.name + ' function calls. Expected exactly ' + c.exact + ', actual ' + c.actual + '.');
    }
  });
});
