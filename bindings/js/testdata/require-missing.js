// require of a module that does not exist: Node's Error with code
// MODULE_NOT_FOUND, the path and the requiring module; require of a
// non-string or empty id: Node's argument errors.
var assert = require('assert');
var common = require('./lib/common');
assert.throws(function () { require('./missing'); }, function (e) {
  assert.ok(e instanceof Error);
  assert.strictEqual(e.code, 'MODULE_NOT_FOUND');
  assert.strictEqual(e.message, "Cannot find module './missing'\nRequire stack:\n- " + __filename);
  assert.deepStrictEqual(e.requireStack, [__filename]);
  assert.strictEqual(String(e).split('\n')[0], "Error: Cannot find module './missing'");
  return true;
});
assert.throws(function () { require('no-such-package'); }, { code: 'MODULE_NOT_FOUND' });
common.throwsCode(function () { require(5); }, 'TypeError', 'ERR_INVALID_ARG_TYPE', 'The "id" argument must be of type string. Received type number (5)');
common.throwsCode(function () { require(''); }, 'TypeError', 'ERR_INVALID_ARG_VALUE', "The argument 'id' must be a non-empty string. Received ''");
assert.strictEqual(typeof require('./lib/common').mustCall, 'function');
assert.strictEqual(require('perf_hooks').performance, performance);
