// A failed assertion: the run ends with exit code 1 and the stack.
// exit: 1
// stderr: AssertionError
// stderr: fail-assert.js
// stdout: exit handler saw 1
var assert = require('assert');
process.on('exit', function (code) {
  console.log('exit handler saw ' + code);
});
function check() {
  assert.strictEqual(1 + 1, 3);
}
check();
console.log('not reached');
