// process.exitCode set to a Symbol: Node's ERR_INVALID_ARG_TYPE, thrown by
// the assignment (catchable); uncaught, the run exits 1.
// exit: 1
// stderr: TypeError [ERR_INVALID_ARG_TYPE]: The "code" argument must be of type number. Received type symbol (Symbol(x))
// stdout: caught ERR_INVALID_ARG_TYPE undefined
// stdout: exit 1
var assert = require('assert');
try {
  process.exitCode = Symbol('y');
} catch (e) {
  console.log('caught ' + e.code + ' ' + process.exitCode);
}
process.exitCode = '3';
assert.strictEqual(process.exitCode, '3');
assert.throws(function () { process.exitCode = 2.5; }, /It must be an integer. Received 2.5/);
assert.throws(function () { process.exitCode = 2 ** 53; }, /Received 9_007_199_254_740_992/);
assert.throws(function () { process.exitCode = ''; }, /Received type string \(''\)/);
assert.throws(function () { process.exit(Symbol()); }, /must be of type number/);
process.exitCode = undefined;
process.on('exit', function (code) { console.log('exit ' + code); });
process.exitCode = Symbol('x');
